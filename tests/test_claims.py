"""Claims: who asserts each event, with which cue and stance, through whom, and who denies it."""

from __future__ import annotations

from conftest import floors, score_gold
from eventwire import process_text


def _events(text: str, **meta):
    result = process_text(text, **meta)
    return result, {e.trigger["text"]: e for e in result.events}


def test_indirect_speech_gives_claimant_cue_and_stance() -> None:
    _, by = _events("Ukraine's defence ministry said Russian forces shelled Kharkiv on Tuesday.",
                    date="2024-10-23")  # fmt: skip
    claim = by["shelled"].claim
    assert claim["claimant"]["code"] == "UKRGOV" and claim["cue"] == "said"
    assert claim["stance"] == "asserted"


def test_speaker_after_the_quote_and_carried_by_a_pronoun() -> None:
    result, by = _events(
        '"Russian troops attacked our positions overnight," Zelensky said in a video address. '
        "He said Ukrainian forces repelled the attack.",
        date="2024-10-23",
    )
    assert by["attacked"].claim["claimant"]["code"] == "UKRGOV"
    assert by["repelled"].claim["claimant"]["code"] == "UKRGOV"
    direct = [q for q in result.quotes if q["direct"]]
    assert direct and direct[0]["speaker"]["code"] == "UKRGOV"


def test_stances_alleged_denied_confirmed_and_unattributed() -> None:
    _, by = _events("Iran claimed that Israel attacked a nuclear site.", date="2024-04-19")
    assert by["attacked"].claim["stance"] == "alleged"
    _, by = _events("Moscow denied that its troops shelled the village.", date="2024-04-19")
    assert by["shelled"].claim["stance"] == "denied"
    assert by["shelled"].claim["claimant"]["country"] == "RUS"
    _, by = _events(
        "The Pentagon confirmed that U.S. forces attacked a Houthi radar site in Yemen.",
        date="2024-04-19",
    )
    assert by["attacked"].claim["stance"] == "confirmed"
    _, by = _events("Russian forces reportedly captured the village.", date="2024-04-19")
    assert by["captured"].claim["stance"] == "alleged" and by["captured"].claim["claimant"] is None


def test_channels_and_the_documents_own_outlet() -> None:
    _, by = _events(
        "Hamas fighters attacked an Israeli post, a commander told the BBC.",
        date="2024-04-19",
        outlet="Example Wire",
    )
    assert by["attacked"].claim["reported_via"] == ["BBC", "Example Wire"]
    _, by = _events(
        "North Korea test-fired a ballistic missile, state news agency KCNA said.",
        date="2024-04-19",
    )
    claim = next(iter(by.values())).claim
    assert "KCNA" in claim["reported_via"] and claim["claimant"]["code"] == "PRKGOV"


def test_a_denial_disputes_the_event_it_denies_and_not_another() -> None:
    _, by = _events(
        "Ukraine's intelligence agency said North Korea had deployed 3,000 troops to Russia. "
        "Kremlin spokesman Dmitry Peskov denied the deployment, calling it a hoax.",
        date="2024-10-23",
    )
    disputed = by["deployed"].claim["disputed_by"]
    assert [d["actor"]["code"] for d in disputed] == ["RUSGOV"] and disputed[0]["cue"] == "denied"
    _, by = _events(
        "Ukraine's military said Russian forces shelled Kherson on Monday. "
        "Belarus denied that it had supplied fuel to Russian units.",
        date="2024-10-23",
    )
    assert by["shelled"].claim["disputed_by"] == []


def test_claims_gold_set_has_its_passages_and_is_scored() -> None:
    """The team's claims set (eval/gold/claims.jsonl) is large enough and the scorer runs;
    stance and channels of the events it codes stay above their floors."""
    result, items = score_gold("claims")
    assert len(items) >= 60
    for name, floor in floors("claims_floors").items():
        assert result["of_found"][name] >= floor, f"claims {name}: {result['of_found'][name]}"


def test_a_quotation_over_paragraphs_is_its_speakers() -> None:
    """A quotation that runs over sentences and paragraphs, its speaker named after it: its
    events are claimed by that speaker and it is one direct quote."""
    result, by = _events(
        "Zelensky spoke in a video address on Sunday.\n\n"
        "\u201cRussian troops attacked our positions near Pokrovsk overnight. Our forces "
        "repelled the attack.\n\nWe will not give up,\u201d Zelensky said.",
        date="2024-10-21",
    )
    assert by["attacked"].claim["claimant"]["code"] == "UKRGOV"
    long = [q for q in result.quotes if q["direct"] and "\n\n" in q["text"]]
    assert long and long[0]["speaker"]["code"] == "UKRGOV"


def test_a_name_and_a_colon_opening_a_paragraph_attribute_what_follows() -> None:
    """Headline and transcript style: "Zelensky: ..." is Zelensky's; a label is nobody's."""
    result = process_text(
        "Zelensky: Russian troops attacked Kharkiv overnight\n\n"
        "Update: Russian troops attacked Sumy on Monday.",
        date="2024-10-21",
    )
    cues = [(q["cue"]["text"], (q["speaker"] or {}).get("code")) for q in result.quotes]
    assert (":", "UKRGOV") in cues
    assert len([c for c, _ in cues if c == ":"]) == 1


def test_an_author_after_a_quotation_and_a_dash_is_its_speaker() -> None:
    result = process_text(
        "\u201cRussian troops attacked our positions near Pokrovsk overnight.\u201d \u2015 "
        "Volodymyr Zelensky",
        date="2024-10-21",
    )
    quote = next(q for q in result.quotes if q["cue"]["text"] == "\u2015")
    assert quote["speaker"]["code"] == "UKRGOV" and quote["direct"]


def test_a_quotation_the_parser_hung_on_its_cue_is_still_its_content() -> None:
    """“..., ” he said: the words of the quotation are the content even when the parse puts
    them all under "said"; mixed curly and straight marks still close a quotation."""
    result = process_text(
        "Zelensky spoke on Sunday.\n\n"
        "\u201cA lot of their attempts to reach out come across as pandering,\u201d he said.\n\n"
        '\u201cImmunity deals should not be a requirement," Zelensky said in a statement.',
        date="2024-10-21",
    )
    said = [q for q in result.quotes if q["cue"]["text"] == "said"]
    assert any(q["text"].startswith("A lot of their attempts") for q in said)
    assert any(q["text"].startswith("Immunity deals") for q in said)
