"""Event coding: triggers, actors from the dependency structure, modality and quantities."""

from __future__ import annotations

import pytest

from eventwire import code_text
from eventwire.coding.knowledge import DEFAULT
from eventwire.coding.lexicon import LexiconError, parse_lexicon
from eventwire.coding.ontology import PLOVER_TYPES, quad_class
from eventwire.model import Event


def _one(text: str, root: str, date: str | None = None) -> Event:
    events = [e for e in code_text(text, date) if e.cameo.startswith(root)]
    assert events, f"no {root} event in {text!r}: {[e.cameo for e in code_text(text, date)]}"
    return events[0]


def _codes(actors) -> list[str | None]:
    return [a.code for a in actors]


def test_lexicon_covers_every_root_and_250_codes() -> None:
    """The shipped lexicon parses and covers all twenty CAMEO roots with 250+ distinct codes."""
    codes = DEFAULT.get().lexicon.codes()
    assert {c[:2] for c in codes} == {f"{r:02d}" for r in range(1, 21)}
    assert len(codes) >= 250


def test_lexicon_errors_name_the_line() -> None:
    """A malformed or unknown-code entry is refused with its line number."""
    with pytest.raises(LexiconError, match="line 2"):
        parse_lexicon("190  V attack\n999  V frobnicate\n")
    with pytest.raises(LexiconError, match="@NOPE"):
        parse_lexicon("190  V attack [@NOPE]\n")


def test_plover_comes_from_the_crosswalk() -> None:
    """PLOVER type follows the CAMEO code; roots 01 and 02 have none."""
    kn = DEFAULT.get()
    plover_for = kn.ontology.plover_for
    assert plover_for("190").event == "ASSAULT"
    assert plover_for("1723").event == "COERCE"
    assert plover_for("010") is None and plover_for("0231") is None
    assert quad_class("042") == 1 and quad_class("072") == 2
    assert quad_class("112") == 3 and quad_class("190") == 4
    assert {plover_for(c).event for c in kn.lexicon.codes() if plover_for(c)} <= set(PLOVER_TYPES)


def test_active_sentence() -> None:
    """Subject is the source, direct object the target."""
    e = _one("Russian troops attacked Ukrainian positions near Bakhmut on Monday.", "19")
    assert _codes(e.source) == ["RUSMIL"]
    assert e.target[0].country == "UKR"
    assert e.plover["event"] == "ASSAULT" and e.quad_class == 4


def test_passive_with_agent() -> None:
    """'was attacked by X': the agent is the source, the subject the target."""
    e = _one("A Ukrainian village was attacked by Russian forces overnight.", "1")
    assert e.cameo[:2] in ("18", "19")
    assert _codes(e.source) == ["RUSMIL"]
    assert e.target[0].country == "UKR"


def test_compound_actors() -> None:
    """Conjoined subjects are one compound actor."""
    e = _one("France and Germany imposed sanctions on Iran.", "16")
    assert _codes(e.source) == ["FRA", "DEU"]
    assert _codes(e.target) == ["IRN"]


def test_conjoined_demonyms_split_into_actors() -> None:
    """'Polish and Ukrainian ministers' are two governments."""
    e = _one("Polish and Ukrainian ministers met in Warsaw on Friday.", "04")
    assert _codes(e.source) == ["POLGOV", "UKRGOV"]


def test_metonyms_stand_for_governments() -> None:
    """Capitals and seats of power are governments."""
    e = _one("The Kremlin accused Kyiv of sabotage.", "11")
    assert _codes(e.source) == ["RUSGOV"] and _codes(e.target) == ["UKRGOV"]


def test_sector_words_combine_with_countries() -> None:
    """Role words give sectors: police, troops, rebels, the ministry."""
    e = _one("Kenyan police arrested 40 opposition supporters in Nairobi.", "17")
    assert _codes(e.source) == ["KENCOP"]
    assert e.target[0].code == "KENOPP"


def test_nominal_event_with_possessor() -> None:
    """ "X's invasion of Y": the possessor is the source, the 'of' object the target."""
    e = _one("Russia's invasion of Ukraine began in February 2022.", "19")
    assert _codes(e.source) == ["RUS"] and _codes(e.target) == ["UKR"]


def test_light_verb_with_nominal_object() -> None:
    """'launched an attack on' is one attack event, with its target from the preposition."""
    events = code_text("Israel launched an attack on Hezbollah positions in Lebanon.")
    attacks = [e for e in events if e.cameo.startswith("19")]
    assert len(attacks) == 1
    assert _codes(attacks[0].source) == ["ISR"]


def test_particle_verb() -> None:
    """'called on X to' is an appeal to X."""
    e = _one("The United Nations called on Ethiopia to allow aid into Tigray.", "02")
    assert e.source[0].code == "IGOUNO" and _codes(e.target)[0].startswith("ETH")


def test_control_verb_passes_its_subject() -> None:
    """'plans to send troops': the planner sends, and the event is in the future."""
    e = _one("Germany plans to send 5,000 troops to Lithuania.", "")
    assert e.source[0].country == "DEU"
    assert e.modality == "future"


def test_future_modality() -> None:
    """'will', 'are expected to' mark planned events."""
    assert _one("Turkey will host talks between Russia and Ukraine.", "04").modality == "future"


def test_hypothetical_modality() -> None:
    """'could', 'if' mark possibilities, never facts."""
    e = _one("Israel could attack Iran if the talks fail.", "19")
    assert e.modality == "hypothetical"


def test_negated_modality() -> None:
    """'did not attack' and 'denied attacking' negate the event."""
    assert _one("Israel did not attack Iran.", "19").modality == "negated"


def test_quantity_attaches_to_the_event() -> None:
    """The number counting a participant: 10,000 troops, 6 civilians."""
    e = _one("North Korea sent at least 10,000 soldiers to Russia.", "")
    assert e.quantity == {"value": 10000, "unit": "soldiers", "qualifier": "at least"}


def test_people_resolve_by_title_and_knowledge_base_with_dates() -> None:
    """People resolve by their title in the text, or by the office they held on the date."""
    e = _one("Ukrainian President Volodymyr Zelensky met Polish officials.", "04")
    assert _codes(e.source) == ["UKRGOV"]
    trump_2023 = _one("Trump criticised Ukraine.", "11", date="2023-06-01")
    trump_2025 = _one("Trump criticised Ukraine.", "11", date="2025-06-01")
    assert trump_2023.source[0].code != "USAGOV"
    assert trump_2025.source[0].code == "USAGOV"


def test_pronouns_follow_their_antecedent() -> None:
    """'He' refers back to the last person named."""
    text = (
        "Kremlin spokesman Dmitry Peskov spoke on Monday. He accused Britain of prolonging the war."
    )
    e = _one(text, "11")
    assert _codes(e.source) == ["RUSGOV"]


def test_several_events_in_one_sentence() -> None:
    """Each trigger with its own actors."""
    events = code_text("Police arrested 12 protesters in Minsk and the EU condemned the arrests.")
    roots = {e.cameo[:2] for e in events}
    assert {"17", "11"} <= roots


def test_sentence_without_event() -> None:
    """Weather and sport are not political events."""
    assert code_text("Heavy rain is expected across the region on Thursday.") == []
    assert code_text("The storm killed 12 people in the coastal province.") == []


def test_protest_by_people_is_a_demonstration() -> None:
    """People who protest demonstrate (14); a state that protests complains officially (11)."""
    assert _one("Farmers protested against fuel prices in Paris.", "14")
    assert _one("China protested to Japan over the visit.", "11")


def test_offsets_point_into_the_text() -> None:
    """Evidence, trigger and actor offsets are character offsets into the text."""
    text = "Title line\n\nIsraeli warplanes struck Hamas positions in Gaza on Monday."
    events = code_text(text)
    assert events
    for e in events:
        assert text[e.evidence["start"] : e.evidence["end"]] == e.evidence["text"]
        assert text[e.trigger["start"] : e.trigger["end"]] == e.trigger["text"]
        for a in e.source + e.target:
            assert text[a.start : a.end] == a.text


def test_parsed_text_is_kept_as_the_documents_text() -> None:
    """Coding reads the text a document was parsed from instead of rebuilding it from the
    tokens: the two must be the same string, whatever the spacing."""
    from eventwire.coding.spans import doc_text
    from eventwire.nlp import get_nlp, parse, parse_many

    texts = [
        "Title\n\n  Troops\tshelled   Kharkiv.\u00a0Police said  ",
        "“Quoted,” he said —\r\nthen left.\n",
        "",
    ]
    for text, doc in zip(texts, parse_many(texts), strict=True):
        assert doc_text(doc) == text == get_nlp()(text).text
    assert doc_text(parse(texts[0])) == texts[0]


def test_tree_helpers_agree_with_spacy() -> None:
    """The remembered children and conjuncts coding reads are what spaCy gives."""
    from eventwire.coding.spans import conjuncts, kids
    from eventwire.nlp import parse

    doc = parse(
        "Mali, Burkina Faso and Niger left the bloc, and Russia, China or Iran condemned, "
        "criticised and rejected the sanctions. Police and soldiers clashed with protesters."
    )
    for tok in doc:
        assert [c.i for c in kids(tok)] == [c.i for c in tok.children]
        assert [c.i for c in conjuncts(tok)] == [c.i for c in tok.conjuncts]
    assert any(conjuncts(tok) for tok in doc)


def test_event_ids_are_stable() -> None:
    """The same text gives the same event ids."""
    text = "Russian forces shelled Kharkiv on Tuesday."
    assert [e.event_id for e in code_text(text)] == [e.event_id for e in code_text(text)]


def test_dateline_is_not_an_actor() -> None:
    """'SEOUL –' opening a report says where it was filed; it does not act."""
    events = code_text("SEOUL – North Korea fired two missiles into the sea on Thursday.")
    assert events and all("SEOUL" not in a.text for e in events for a in e.source)


def test_a_town_is_a_party_only_to_force_used_there() -> None:
    """'shelled Kharkiv' targets Ukraine; 'flew to Dallas' is no visit to the United States."""
    e = _one("Russian forces shelled Kharkiv on Tuesday.", "19")
    assert e.target[0].country == "UKR"
    for event in code_text("The singer flew to Dallas on Monday."):
        assert all(a.country != "USA" for a in event.target)


def test_parties_between_act_together() -> None:
    """'talks between X and Y' have both as a compound source."""
    e = _one("Talks between Armenia and Azerbaijan resumed in Washington.", "04")
    assert {a.country for a in e.source} == {"ARM", "AZE"}


def test_own_forces_are_no_target_of_mobilisation() -> None:
    """'India deployed troops to Manipur': the troops are India's own, not a target."""
    e = _one("India deployed thousands of troops to Manipur after weeks of violence.", "15")
    assert all(a.country != "IND" for a in e.target)


def test_unnamed_people_take_the_country_of_the_place() -> None:
    """People described only as people are civilians of the country where the event happens."""
    e = _one("Members of a teachers' committee staged a protest in Quetta on Monday.", "14")
    assert e.source[0].code == "PAKCVL"


def test_one_act_of_violence_is_one_event() -> None:
    """'killed 6 soldiers in a roadside bomb attack' is one (specific) event."""
    events = [
        e
        for e in code_text("Militants killed 6 soldiers in a roadside bomb attack in Kunar.")
        if e.cameo[:2] in ("18", "19", "20")
    ]
    assert len(events) == 1
    assert events[0].quantity["value"] == 6


def test_natural_forces_are_not_actors() -> None:
    """A storm that kills is no political event."""
    assert code_text("Cyclone Freddy battered Malawi, killing hundreds of people.") == []


def test_a_protest_against_games_is_a_protest() -> None:
    """Sports words silence force verbs ("crushed"), not protests about sport."""
    e = _one("Protesters rallied in Barcelona against the Olympic Games.", "14")
    assert e.source[0].country == "ESP"
    assert all(
        not e.cameo.startswith("19") for e in code_text("India crushed Pakistan by seven wickets.")
    )


def test_unknown_people_who_protest_are_kept_by_their_words() -> None:
    """Nobody's code fits "business owners", but they protest, in Kyrgyzstan."""
    e = _one("Small retail business owners protested at a market in Bishkek.", "14")
    assert e.source[0].text.endswith("owners") and e.source[0].country == "KGZ"


def test_engaged_in_carries_the_nominal_event() -> None:
    e = _one("Russian forces engaged in an offensive near Avdiivka.", "19")
    assert _codes(e.source) == ["RUSMIL"]


def test_words_split_at_a_hyphen_match_joined() -> None:
    """The tokenizer splits "shoot-outs"; the lexicon has "shootout"; the trigger spans both."""
    text = "Shoot-outs between police and gang members broke out in Caracas on Monday."
    e = _one(text, "19")
    assert e.trigger["text"] == "Shoot-outs"
    assert text[e.trigger["start"] : e.trigger["end"]] == "Shoot-outs"


def test_led_and_backed_written_as_one_token() -> None:
    """ "U.S.-led" forces are the U.S.'s; "Iran-backed" militias are not Iran's."""
    e = _one("The U.S.-led coalition struck Islamic State positions near Raqqa.", "19")
    assert [a.country for a in e.source] == ["USA"]
    e = _one("Iran-backed militias attacked U.S. troops in Syria.", "1")
    assert all(a.country != "IRN" for a in e.source)


def test_whom_an_appeal_is_made_to_is_its_target() -> None:
    event = _one("Libya's parliament appealed to Egypt for economic support on Sunday.", "02")
    assert _codes(event.target) == ["EGY"]


def test_the_country_where_what_is_asked_for_happens_is_the_target() -> None:
    text = "The UN chief called for an immediate cessation of hostilities in Sudan."
    event = _one(text, "02")
    assert _codes(event.target) == ["SDN"]
    text = "Canada praised the peaceful transfer of power in Ghana as a model for the continent."
    assert _codes(_one(text, "05").target) == ["GHA"]
    assert _codes(_one("Japan welcomed the ceasefire in Sudan.", "05").target) == ["SDN"]


def test_a_member_of_a_compound_source_is_no_target() -> None:
    event = _one("U.S. and Philippine troops began joint military exercises on Monday.", "06")
    assert _codes(event.source) == ["USAMIL", "PHLMIL"]
    assert not {a.country for a in event.target} & {"USA", "PHL"}


def test_fighting_someone_is_force_and_fighting_alongside_is_cooperation() -> None:
    event = _one("Government troops fought the rebels for control of the town.", "19")
    assert event.cameo == "190"
    assert _one("Kurdish fighters fought alongside U.S. forces.", "06").cameo == "062"


def test_staple_food_sent_abroad_is_humanitarian_aid() -> None:
    event = _one("Pakistan sent 5,000 tonnes of rice to Bangladesh after the floods.", "07")
    assert event.cameo == "073" and _codes(event.target) == ["BGD"]


def test_a_bare_country_gives_way_to_its_named_party() -> None:
    text = "Kenya's president hosted his Ugandan counterpart, Yoweri Museveni, in Nairobi."
    assert _codes(_one(text, "04").target) == ["UGAGOV"]


def test_what_a_concession_allows_is_no_event_of_its_own() -> None:
    events = code_text("Egypt allowed UN observers to visit the border crossing.")
    assert [(e.cameo[:2], _codes(e.target)) for e in events] == [("08", ["IGOUNO"])]
    event = _one("Israel allowed fuel trucks to enter Gaza on Sunday.", "08")
    assert event.cameo == "0863" and _codes(event.target) == ["PSEGZA"]


def test_saying_one_will_not_act_is_a_refusal() -> None:
    event = _one("Poland said it would not accept the EU migration pact.", "12")
    assert _codes(event.source) == ["POL"] and event.modality == "factual"
    text = "Economists say tariffs alone will not change Beijing's policy."
    assert not [e for e in code_text(text) if e.cameo.startswith("12")]
    assert not [e for e in code_text("If attacked, Poland would not retreat.") if e.cameo == "120"]


def test_a_curfew_with_no_party_named_has_no_target() -> None:
    assert _one("Bangladesh imposed a curfew in Dhaka after the riots.", "17").target == []


def test_a_clash_between_parties_is_not_against_the_place() -> None:
    text = "Clashes between Ethiopian troops and Fano militiamen erupted in Gondar."
    event = _one(text, "19")
    assert _codes(event.source) == ["ETHMIL", "ETHREB"] and event.target == []


def test_background_events_are_not_events_of_their_own() -> None:
    events = code_text("Police in Lagos arrested 12 people amid clashes.")
    assert [e.cameo[:2] for e in events] == ["17"]
    events = code_text("Guards beat detained protesters in Tehran.")
    assert "17" not in [e.cameo[:2] for e in events]


def test_titled_names_and_role_titles_are_people() -> None:
    text = "Italian Defence Minister Guido Crosetto said he was pessimistic about talks with Libya."
    assert _codes(_one(text, "01").source) == ["ITAGOV"]
    event = _one("Pakistan's army chief met Saudi officials in Riyadh.", "04")
    assert _codes(event.source) == ["PAKMIL"]


def test_what_is_announced_is_the_event() -> None:
    event = _one("Armenia announced a partial mobilisation of reservists on Tuesday.", "15")
    assert event.cameo == "154" and _codes(event.source) == ["ARM"]


def test_one_event_told_twice_in_a_sentence_is_one_event() -> None:
    text = "Serbian riot police used tear gas and stun grenades to disperse protesters."
    assert len([e for e in code_text(text) if e.cameo == "175"]) == 1


def test_a_denial_is_not_aimed_at_the_deniers_own_forces() -> None:
    event = _one("Baku denied that its soldiers had shelled Armenian villages.", "01")
    assert event.cameo == "016" and "AZE" not in [a.country for a in event.target]


def test_a_hyphenated_verb_matches_its_joined_entry() -> None:
    event = _one("Iran test-fired a new ballistic missile on Sunday.", "15")
    assert event.cameo == "150"
    event = _one("Militants carried out mass killings of villagers in Ituri.", "20")
    assert event.cameo == "202"


def test_coordinated_verbs_share_the_party_acted_on() -> None:
    text = "Niger accused France of meddling in its affairs and expelled its ambassador."
    event = _one(text, "16")
    assert [a.country for a in event.target] == ["FRA"]


def test_the_party_across_a_border_is_the_target() -> None:
    event = _one("Venezuela massed troops near its border with Guyana.", "15")
    assert _codes(event.target) == ["GUY"]


def test_a_people_of_one_state_are_its_civilians() -> None:
    event = _one("Chinese authorities detained hundreds of Uyghurs in Xinjiang.", "17")
    assert _codes(event.target) == ["CHNCVL"]


def test_a_state_is_no_target_of_its_own_act() -> None:
    event = _one("The Spanish king apologised for Spain's role in the colonial era.", "05")
    assert event.target == []


def test_found_guilty_is_a_conviction_and_a_sentence_a_detention() -> None:
    event = _one("Opposition leader Nelson Chamisa was found guilty by a Harare court.", "11")
    assert event.cameo == "116" and _codes(event.source) == ["ZWEJUD"]
    assert _codes(event.target) == ["ZWEOPP"]
    assert _one("A Moscow court sentenced the activist to five years.", "17").cameo == "173"


def test_a_source_named_on_the_object() -> None:
    text = "Kenya's president received the backing of the African Union for the mission."
    event = _one(text, "05")
    assert _codes(event.source) == ["IGOAFRAU"] and _codes(event.target) == ["KENGOV"]


def test_protesters_who_burn_riot() -> None:
    text = "Demonstrators set fire to the ruling party's offices in Dhaka."
    assert _one(text, "14").cameo == "145"


def test_troops_sent_abroad_support_and_sent_at_home_mobilise() -> None:
    assert _one("Chad sent 1,000 soldiers to Mali.", "07").cameo == "074"
    event = _one("Rwandan troops were sent to Mozambique's Cabo Delgado province.", "07")
    assert event.cameo == "074"
    assert _one("Mexico sent 10,000 troops to its northern border.", "15").cameo == "154"


def test_any_attack_is_hypothetical() -> None:
    events = code_text("Any Turkish incursion into Syria would trigger sanctions, analysts said.")
    assert [e.modality for e in events if e.cameo.startswith("19")] == ["hypothetical"]


def test_weather_is_no_actor() -> None:
    assert code_text("Heavy snowfall blocked roads across Kashmir.") == []


def test_coordinated_patrols_are_military_cooperation() -> None:
    text = "Japanese and Australian navies carried out coordinated patrols near the Senkakus."
    assert _one(text, "06").cameo == "062"


def test_what_something_is_called_is_no_event() -> None:
    events = code_text("The ministry condemned the raid as an attack on press freedom.")
    assert [e.cameo[:2] for e in events] == ["11"]


def test_a_participle_describing_people_is_no_event() -> None:
    events = code_text("Soldiers fired on villagers attending a wedding in Kunduz.")
    assert [e.cameo[:2] for e in events] == ["18"]


def test_whoever_acts_acts_in_what_the_act_is_done_in() -> None:
    events = code_text("North Korea fired a ballistic missile in defiance of UN sanctions.")
    defiance = [e for e in events if e.cameo.startswith("12")]
    assert [_codes(e.source) for e in defiance] == [["PRK"]]


def test_roles_named_by_several_words_or_an_organisation_title() -> None:
    event = _one("The Syrian air force bombed rebel positions in Idlib.", "19")
    assert _codes(event.source) == ["SYRMIL"] and _codes(event.target) == ["SYRREB"]
    text = "The UN chief called for an immediate cessation of hostilities in Sudan."
    assert _codes(_one(text, "02").source) == ["IGOUNO"]


def test_an_accusation_with_no_accuser_is_no_event() -> None:
    events = code_text("Canada expelled a Russian diplomat accused of spying.")
    assert [e.cameo for e in events] == ["161"]


def test_a_participle_after_its_noun_is_passive() -> None:
    text = "Hamas freed four hostages in exchange for 200 prisoners released by Israel."
    released = [e for e in code_text(text) if e.trigger["text"] == "released"]
    assert [_codes(e.source) for e in released] == [["ISR"]]
    event = _one("Hundreds of teachers, mostly women, protested in Lima.", "14")
    assert _codes(event.source) == ["PEREDU"]


def test_what_an_act_is_meant_to_help_do_is_no_event() -> None:
    events = code_text("Kenya sent police officers to Haiti to help fight armed gangs.")
    assert not [e for e in events if e.cameo[:2] in ("18", "19")]


def test_a_modifier_of_an_event_noun_is_no_event() -> None:
    events = code_text("Vietnam and Laos signed a free trade agreement in Hanoi.")
    assert [e.cameo for e in events] == ["057"]


def test_what_talks_are_about_is_no_event() -> None:
    text = "Indian and Chinese commanders held talks on easing tensions in Ladakh."
    assert [e.cameo[:2] for e in code_text(text)] == ["04"]


def test_capturing_it_is_taking_a_place() -> None:
    events = code_text("Rebels attacked the town and captured it.")
    assert "192" in [e.cameo for e in events]


def test_calling_something_a_name_is_no_appeal() -> None:
    events = code_text("Washington welcomed the vote, calling it a step for democracy.")
    assert [e.cameo for e in events] == ["051"]


def test_insisting_that_someone_act_is_a_demand() -> None:
    events = code_text("Egypt insisted that Ethiopia sign a binding deal on the dam.")
    assert [(e.cameo, _codes(e.target)) for e in events] == [("100", ["ETH"])]


def test_handing_a_dissident_to_another_state_is_extradition() -> None:
    event = _one("Thailand handed over a Cambodian activist to Phnom Penh.", "06")
    assert event.cameo == "063" and [a.country for a in event.target] == ["KHM"]


def test_lifting_a_curfew_has_no_target() -> None:
    assert _one("Kenya lifted the curfew imposed after the riots.", "08").target == []


def test_declining_to_confirm_is_no_comment_and_no_report() -> None:
    text = "Israel neither confirmed nor denied the strike on the consulate."
    assert _one(text, "01").cameo == "011"
    text = "Japan declined to confirm reports that Chinese warships had entered its waters."
    factual = [e.cameo for e in code_text(text) if e.modality == "factual"]
    assert factual == ["011"]


def test_the_infinitive_names_the_sub_code() -> None:
    assert _one("The Houthis threatened to attack ships in the Red Sea.", "13").cameo == "1384"
    event = _one("Amnesty urged Egyptian authorities to release the jailed blogger.", "02")
    assert event.cameo == "0253" and _codes(event.target) == ["EGYGOV"]


def test_ordering_forces_to_leave_is_an_expulsion() -> None:
    event = _one("Mali's junta ordered French troops to leave the country.", "16")
    assert event.cameo == "166" and _codes(event.target) == ["FRAMIL"]


def test_an_objects_apposition_says_what_it_is() -> None:
    text = "Russian forces used chloropicrin, a toxic choking agent, against Ukrainian troops."
    event = _one(text, "20")
    assert event.cameo == "2041" and _codes(event.target) == ["UKRMIL"]


def test_observing_a_strike_is_a_strike_and_committing_crimes_no_commitment() -> None:
    text = "Bangladeshi traders observed a nationwide strike against fuel prices."
    assert _one(text, "14").cameo == "143"
    assert not [
        e for e in code_text("Militias committed war crimes in Darfur.") if e.cameo == "030"
    ]
    assert _one("Pakistan committed to reforms under the IMF deal.", "03").cameo == "030"


def test_insisting_in_the_past_with_a_present_verb_is_a_demand() -> None:
    text = "Israel's prime minister insisted that Hamas hand over the remaining hostages."
    assert [e.cameo for e in code_text(text)] == ["100"]


def test_un_forces_stay_the_un_wherever_they_serve() -> None:
    event = _one("Gunmen killed three UN peacekeepers in northern Mali.", "19")
    assert _codes(event.target) == ["IGOUNO"]


def test_who_is_praised_or_accused_for_an_act_does_it() -> None:
    text = "The United States praised Kenya for agreeing to lead a police mission in Haiti."
    agree = [e for e in code_text(text) if e.cameo.startswith("03")]
    assert [_codes(e.source) for e in agree] == [["KEN"]]


def test_what_an_accusation_is_about_is_no_event_however_deep() -> None:
    text = "Israel accused a dozen UNRWA employees of taking part in the attack."
    assert [(e.cameo, _codes(e.target)) for e in code_text(text)] == [("112", ["IGOUNOUNRWA"])]


def test_coding_leaves_the_garbage_collector_alone() -> None:
    """Coding has no process-wide side effects: the collector stays on, nothing is frozen."""
    import gc

    frozen = gc.get_freeze_count()
    assert gc.isenabled()
    code_text("Police arrested 12 protesters in Tbilisi on Monday, the ministry said.")
    assert gc.isenabled() and gc.get_freeze_count() == frozen
