"""The blind-audit script (eval/audit.py): seeded, uniform sampling with a header; judging files;
the figures and their Wilson intervals. The pools and the coder are replaced by team-written
stand-ins, so nothing here needs the shared data."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from conftest import load_eval, read_jsonl
from eventwire.coding.confidence import ConfidenceModel
from eventwire.model import Actor, DocumentResult, Event, SourceRef

audit = load_eval("audit")

# Team-written articles: (pool, category, text, sentences with an event, trigger of each).
ARTICLES = [
    ("news_cluster", "world", "Harbour talks resume",
     ["Officials met in the harbour town on Monday.", "The navy blocked the port.",
      "Fishermen protested outside the town hall."], ["blocked", "protested"]),
    ("news_cluster", "sports", "Cup final tonight",
     ["The coach praised his players.", "Fans gathered in the square."], ["praised"]),
    ("polnear", None, "Senator backs bill",
     ["The senator endorsed the bill.", "Critics condemned the vote.", "The mayor urged calm.",
      "Police arrested two men.", "The governor vetoed the measure."],
     ["endorsed", "condemned", "urged", "arrested", "vetoed"]),
]  # fmt: skip


def _article(i: int) -> dict:
    pool, category, title, sentences, _ = ARTICLES[i]
    return {
        "pool": pool,
        "file": f"article-{i}.txt",
        "category": category,
        "title": title,
        "outlet": "example.org",
        "date": "2021-05-03",
        "url": None,
        "text": " ".join(sentences),
    }


def _result(article: dict, i: int, confidence: float | None = None) -> DocumentResult:
    _, _, title, sentences, triggers = ARTICLES[i]
    text = f"{title}\n\n" + " ".join(sentences)
    events = []
    for trig in triggers:
        sentence = next(s for s in sentences if trig in s)
        start = text.index(sentence)
        t = text.index(trig, start)
        actor = Actor(text="The navy", code="XYZMIL", country="XYZ", sector="MIL", name=None,
                      start=start, end=start + 8)  # fmt: skip
        event = Event(
            event_id=f"{i}-{trig}",
            doc_id=f"doc{i}",
            sentence_index=0,
            evidence={"text": sentence, "start": start, "end": start + len(sentence)},
            trigger={"text": trig, "start": t, "end": t + len(trig)},
            cameo="173",
            plover={"event": "COERCE", "mode": None, "context": []},
            quad_class=4,
            source=[actor],
            claim={"claimant": None, "cue": None, "reported_via": [], "stance": "asserted",
                   "disputed_by": [{"actor": actor.to_dict(), "cue": "denied",
                                    "evidence": {"text": "x", "start": 0, "end": 1}}]},
        )  # fmt: skip
        if confidence is not None:
            event.confidence = confidence
        events.append(event)
    return DocumentResult(
        doc_id=f"doc{i}",
        source=SourceRef(article["file"]),
        outlet=article["outlet"],
        published=article["date"],
        title=title,
        text=text,
        events=events,
    )


@pytest.fixture
def fake_pool(monkeypatch):
    """The pools and the coder replaced: three articles, eight events."""

    def load_pool(pool: str, data: Path) -> list[dict]:
        return [_article(i) for i in range(len(ARTICLES)) if pool in ("both", ARTICLES[i][0])]

    def code_articles(articles: list[dict]) -> list[DocumentResult]:
        return [_result(a, int(a["file"].split("-")[1][0])) for a in articles]

    monkeypatch.setattr(audit, "load_pool", load_pool)
    monkeypatch.setattr(audit, "code_articles", code_articles)
    monkeypatch.setattr(audit, "git_commit", lambda: ("abc1234", False))
    return monkeypatch


def test_sample_writes_a_header_and_one_line_per_event(fake_pool, tmp_path: Path) -> None:
    out = tmp_path / "sheet.jsonl"
    header = audit.sample("both", 5, 42, out, None)
    lines = read_jsonl(out)
    assert lines[0] == {"header": header}
    assert header["seed"] == 42 and header["commit"] == "abc1234" and header["pool"] == "both"
    assert header["date"] and header["min_confidence"] == ConfidenceModel.load().threshold
    assert header["candidates"] == 8 and header["n"] == 5
    assert header["pools"]["polnear"]["events"] == 5
    assert header["pools"]["news_cluster"]["articles"] == 2
    assert sum(p["sampled"] for p in header["pools"].values()) == 5
    rows = lines[1:]
    assert [r["id"] for r in rows] == ["e001", "e002", "e003", "e004", "e005"]
    for row in rows:
        assert row["trigger"] in row["sentence"]
        assert f"[[{row['trigger']}]]" in row["sentence_marked"]
        assert row["cameo_name"] == "Arrest, detain, or charge with legal action"
        assert row["source"] == [{"text": "The navy", "code": "XYZMIL"}]
        assert row["disputed_by"][0]["cue"] == "denied"
        assert not set(row) & {"event", "note", "location_ok"}  # no judgment fields


def test_sample_is_deterministic_per_seed(fake_pool, tmp_path: Path) -> None:
    a, b, c = (tmp_path / f"{k}.jsonl" for k in "abc")
    audit.sample("both", 4, 7, a, None)
    audit.sample("both", 4, 7, b, None)
    audit.sample("both", 4, 8, c, None)
    assert read_jsonl(a)[1:] == read_jsonl(b)[1:]
    assert [r["event_id"] for r in read_jsonl(a)[1:]] != [r["event_id"] for r in read_jsonl(c)[1:]]


def test_sample_one_pool_and_more_than_there_is(fake_pool, tmp_path: Path) -> None:
    header = audit.sample("news_cluster", 50, 1, tmp_path / "s.jsonl", None)
    assert header["n"] == 3 and set(header["pools"]) == {"news_cluster"}
    rows = read_jsonl(tmp_path / "s.jsonl")[1:]
    assert {r["pool"] for r in rows} == {"news_cluster"}
    assert {r["category"] for r in rows} == {"world", "sports"}


def test_draw_is_uniform_over_events_not_articles(fake_pool, tmp_path: Path) -> None:
    """The article with one event of eight is drawn about 1/8 of the time, not 1/3."""
    fake_pool.setattr(audit, "cameo_names", dict)
    counts: Counter[str] = Counter()
    trials = 800
    for seed in range(trials):
        audit.sample("both", 1, seed, tmp_path / "one.jsonl", None)
        counts[read_jsonl(tmp_path / "one.jsonl")[1]["event_id"]] += 1
    assert len(counts) == 8
    for n in counts.values():
        assert abs(n / trials - 1 / 8) < 0.04


def test_draw_of_a_list() -> None:
    items = list(range(100))
    assert audit.draw(items, 10, 3) == audit.draw(items, 10, 3)
    assert len(set(audit.draw(items, 10, 3))) == 10
    assert sorted(audit.draw(items, 500, 3)) == items
    hits = Counter(x for seed in range(2000) for x in audit.draw(list(range(10)), 3, seed))
    assert all(abs(n / 2000 - 0.3) < 0.05 for n in hits.values())


def test_min_confidence_filters_or_refuses(fake_pool, tmp_path: Path) -> None:
    with pytest.raises(SystemExit, match="no confidence"):
        audit.sample("both", 3, 1, tmp_path / "s.jsonl", 0.5)

    def code_with_confidence(articles: list[dict]) -> list[DocumentResult]:
        return [_result(a, k, confidence=0.9 if k == 2 else 0.2) for k, a in enumerate(articles)]

    fake_pool.setattr(audit, "code_articles", code_with_confidence)
    header = audit.sample("both", 10, 1, tmp_path / "s.jsonl", 0.5)
    assert header["min_confidence"] == 0.5 and header["n"] == 5
    assert header["pools"]["news_cluster"]["below_threshold"] == 3


def test_sheet_stays_outside_the_repository(fake_pool) -> None:
    with pytest.raises(SystemExit, match="inside the repository"):
        audit.sample("both", 1, 1, audit.ROOT / "sheet.jsonl", None)


def test_text_before_gives_two_sentences_or_a_tail() -> None:
    text = "Title line\n\nDr. Ames spoke first. The council met at noon. Then it voted. Target."
    before = audit.text_before
    assert before(text, text.index("Target")) == "The council met at noon. Then it voted."
    assert before(text, text.index("The council")) == "Title line Dr. Ames spoke first."
    assert audit.text_before(text, 0) == ""
    long = "word " * 300 + "end. " + "more " * 200 + "done. Target."
    tail = audit.text_before(long, long.index("Target"))
    assert tail.startswith("…") and len(tail) <= audit.CONTEXT_CHARS + 1


def test_wilson_interval() -> None:
    assert audit.wilson(0, 0) is None
    low, high = audit.wilson(5, 10)
    assert (round(low, 4), round(high, 4)) == (0.2366, 0.7634)
    low, high = audit.wilson(10, 10)
    assert round(low, 4) == 0.7225 and high == pytest.approx(1.0)
    low, high = audit.wilson(0, 10)
    assert low == pytest.approx(0.0) and round(high, 4) == 0.2775
    low, high = audit.wilson(120, 150)
    assert round(low, 3) == 0.729 and round(high, 3) == 0.856


def _judged(tmp_path: Path) -> tuple[Path, list[Path]]:
    """A sheet of six events and their judgments in two files."""
    pools = ["news_cluster", "news_cluster", "news_cluster", "polnear", "polnear", "polnear"]
    cats = ["world", "world", "business", None, None, None]
    sheet = tmp_path / "sheet.jsonl"
    rows = [{"header": {"seed": 1, "commit": "abc1234", "pool": "both", "date": "2021-01-01"}}]
    rows += [
        {"id": f"e{k}", "pool": p, "category": c}
        for k, (p, c) in enumerate(zip(pools, cats, strict=True))
    ]
    sheet.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    judgments = [
        dict(event="yes", source="yes", target="na", modality="yes", claimant="na", location="yes"),
        dict(event="yes", source="no", target="yes", modality="no", claimant="yes", location="na"),
        dict(event="no", source=None, target=None, modality=None, claimant=None, location=None),
        dict(event="yes", source="missing", target="na", modality="yes", claimant="missing",
             location="no"),
        dict(event="wrong_type", source="yes", target="yes", modality="yes", claimant="na",
             location="yes"),
        dict(event="yes", source="yes", target="yes", modality="yes", claimant="no",
             location="yes"),
    ]  # fmt: skip
    parts = [tmp_path / "j1.jsonl", tmp_path / "j2.jsonl"]
    for path, chunk in zip(parts, (range(0, 3), range(3, 6)), strict=True):
        path.write_text(
            "".join(json.dumps({"id": f"e{k}", **judgments[k], "note": ""}) + "\n" for k in chunk),
            encoding="utf-8",
        )
    return sheet, parts


def test_score_field_precisions(tmp_path: Path) -> None:
    sheet, parts = _judged(tmp_path)
    result = audit.score(sheet, parts)
    assert result["judged"] == 6 and result["problems"] == []
    f = result["groups"]["all"]
    assert (f["event"]["k"], f["event"]["n"]) == (4, 6)
    assert (f["event_real"]["k"], f["event_real"]["n"]) == (5, 6)
    assert (f["fully_right"]["k"], f["fully_right"]["n"]) == (2, 6)  # e0 and e5
    assert (f["source"]["k"], f["source"]["n"], f["source"]["missing"]) == (2, 4, 1)
    assert (f["target"]["k"], f["target"]["n"]) == (2, 2)
    assert (f["modality"]["k"], f["modality"]["n"]) == (3, 4)
    assert (f["claimant"]["k"], f["claimant"]["n"]) == (1, 3)
    assert (f["location"]["k"], f["location"]["n"]) == (2, 3)
    low, high = audit.wilson(4, 6)
    assert (f["event"]["low"], f["event"]["high"]) == (round(low, 4), round(high, 4))
    groups = result["groups"]
    assert list(groups) == ["all", "news_cluster", "polnear", "news_cluster:world",
                            "news_cluster:other"]  # fmt: skip
    assert (groups["news_cluster"]["event"]["k"], groups["news_cluster"]["event"]["n"]) == (2, 3)
    world = groups["news_cluster:world"]["event"]
    assert (world["k"], world["n"]) == (2, 2)
    assert groups["news_cluster:other"]["event"]["k"] == 0
    assert (groups["polnear"]["source"]["k"], groups["polnear"]["source"]["n"]) == (1, 2)
    text = audit.report(result)
    assert "event precision" in text and "66.7%" in text and "4/6" in text


def test_score_reports_bad_and_missing_judgments(tmp_path: Path) -> None:
    sheet, parts = _judged(tmp_path)
    extra = tmp_path / "j3.jsonl"
    lines = [
        {"id": "e0", "event": "yes", "source": "yes", "target": "na", "modality": "yes",
         "claimant": "na", "location": "yes"},  # judged twice
        {"id": "e9", "event": "yes"},  # not in the sheet
    ]  # fmt: skip
    extra.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    parts[1].write_text(
        json.dumps({"id": "e3", "event": "maybe"}) + "\n"
        + json.dumps({"id": "e4", "event": None}) + "\n"
        + json.dumps({"id": "e5", "event": "yes", "source": "yes"}) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    result = audit.score(sheet, [*parts, extra])
    problems = "\n".join(result["problems"])
    assert "e3: event='maybe'" in problems
    assert "e0 is judged twice" in problems and "'e9' is not in the sheet" in problems
    assert "e5: event yes but no target" in problems
    assert result["judged"] == 4  # e0, e1, e2, e5; e3 refused, e4 not judged


def test_blank_splits_into_judging_files(fake_pool, tmp_path: Path) -> None:
    sheet = tmp_path / "sheet.jsonl"
    audit.sample("both", 7, 3, sheet, None)
    paths = audit.blank(sheet, 3)
    assert [p.name for p in paths] == ["part-1.jsonl", "part-2.jsonl", "part-3.jsonl"]
    parts = [read_jsonl(p) for p in paths]
    assert [len(p) for p in parts] == [3, 2, 2]
    ids = [row["id"] for part in parts for row in part]
    assert ids == [r["id"] for r in read_jsonl(sheet)[1:]]
    by_id = {r["id"]: r for r in read_jsonl(sheet)[1:]}
    for row in (r for part in parts for r in part):
        assert all(row[field] is None for field in audit.JUDGMENT)
        assert row["sentence"] and "pool" not in row and "file" not in row
        coded, shown = row["coded"], by_id[row["id"]]
        assert coded["source"] == shown["source"] == [{"text": "The navy", "code": "XYZMIL"}]
        for field in ("cameo", "cameo_name", "trigger", "modality", "claimant", "location"):
            assert coded[field] == shown[field]
        assert row["article"] == {"title": shown["title"], "outlet": "example.org",
                                  "date": "2021-05-03"}  # fmt: skip
    # filled in as a judge would, the parts score
    for path in paths:
        rows = read_jsonl(path)
        for row in rows:
            row.update(event="yes", source="yes", target="na", modality="yes", claimant="na",
                       location="na")  # fmt: skip
        path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    result = audit.score(sheet, paths)
    assert result["judged"] == 7 and result["groups"]["all"]["fully_right"]["k"] == 7
    assert result["groups"]["all"]["location"]["n"] == 0


def test_score_by_tenth_of_confidence_and_judges_do_not_see_it(fake_pool, tmp_path: Path) -> None:
    sheet, parts = _judged(tmp_path)
    header, *rows = read_jsonl(sheet)
    for row, confidence in zip(rows, (0.95, 0.91, 0.78, 0.99, 0.72, None), strict=True):
        row["confidence"] = confidence
    sheet.write_text("".join(json.dumps(r) + "\n" for r in [header, *rows]), encoding="utf-8")
    groups = audit.score(sheet, parts)["groups"]
    assert list(groups)[-2:] == ["confidence 0.7-0.8", "confidence 0.9-1.0"]
    high = groups["confidence 0.9-1.0"]["event"]
    assert (high["k"], high["n"]) == (3, 3)  # e0, e1, e3
    assert audit.confidence_band(1.0) == "confidence 0.9-1.0"
    drawn = tmp_path / "drawn.jsonl"
    audit.sample("both", 7, 3, drawn, None)
    assert all("confidence" in r for r in read_jsonl(drawn)[1:])
    for path in audit.blank(drawn, 2):
        assert all("confidence" not in r["coded"] for r in read_jsonl(path))


def test_agreement_scores_a_second_coding_against_the_first(tmp_path: Path) -> None:
    blind = load_eval("blind_gold")

    def coded(path: Path, rows: list[tuple[str, str, list[dict]]]) -> Path:
        path.write_text(
            "".join(
                json.dumps({"id": i, "split": s, "political": bool(e), "events": e}) + "\n"
                for i, s, e in rows
            ),
            encoding="utf-8",
        )
        return path

    attack = {"source": "RUSMIL", "target": "UKR", "cameo": "190"}
    first = coded(tmp_path / "a.jsonl", [("b1", "dev", [attack]), ("b2", "test", [])])
    same = coded(tmp_path / "b.jsonl", [("b1", "dev", [attack]), ("b2", "test", [])])
    other = coded(
        tmp_path / "c.jsonl",
        [("b1", "dev", [{**attack, "target": "POL"}]), ("b2", "test", [attack])],
    )
    assert blind.agree(first, same)["both"]["l1"]["f1"] == 1.0
    result = blind.agree(first, other)
    assert result["dev"]["l1"]["f1"] == 0.0 and result["dev"]["type"]["f1"] == 1.0
    assert result["test"]["political_agreement"] == 0.0
    assert result["both"]["events_second"] == 2


def test_the_blind_actor_set_draws_phrases_and_scores_codes() -> None:
    from eventwire.nlp import parse

    actors = load_eval("blind_actors")
    text = "Police in Lagos arrested 14 protesters, and he condemned it."
    doc = parse(text)
    phrases = {text[s:e] for s, e in actors.candidates(doc[:])}
    assert {"Police", "Lagos", "14 protesters", "he"} <= phrases
    assert "arrested" not in phrases
    # right: the same code, or none where the judges gave none; the country alone counts apart
    assert actors.right({"code": "NGACOP"}, ["NGACOP"]) == (True, True)
    assert actors.right({"code": "NGACOP"}, ["NGAGOV"]) == (False, True)
    assert actors.right({"code": None}, [None]) == (True, True)
    assert actors.right({"code": None}, ["BMUGOV"]) == (False, False)
    assert actors.right({"code": ["FRA", "DEU"]}, ["DEU", "FRA"]) == (True, True)


def test_the_blind_place_set_keeps_pointers_and_compares_names_loosely(tmp_path: Path) -> None:
    places = load_eval("blind_places")
    assert places.loose("the City of São Paulo") == places.loose("Sao Paulo") == "sao paulo"
    assert places.loose(None) == ""
    sheet = tmp_path / "sheet.jsonl"
    row = {
        "id": "e001",
        "pool": "polnear",
        "file": "a.txt",
        "sentence": "Police in Lagos arrested 14 protesters.",
        "sentence_marked": "Police in Lagos [[arrested]] 14 protesters.",
        "trigger": "arrested",
    }
    sheet.write_text(json.dumps({"header": {}}) + "\n" + json.dumps(row) + "\n", encoding="utf-8")
    judged = tmp_path / "judged-1.jsonl"
    answer = {"id": "e001", "event_happened": True, "country": "NGA", "place": "Lagos"}
    judged.write_text(json.dumps({**answer, "precision": "town"}) + "\n", encoding="utf-8")
    out = tmp_path / "places.jsonl"
    places.collect([judged], sheet, out)
    [kept] = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert kept["trigger_in_sentence"] == 16 and kept["country"] == "NGA"
    assert "sentence" not in kept  # pointers only: the text stays with its publisher
    judged.write_text(json.dumps({**answer, "precision": "street"}) + "\n", encoding="utf-8")
    with pytest.raises(SystemExit):
        places.collect([judged], sheet, out)


def test_the_actor_sets_agreement_scores_a_second_coding_like_the_resolver(
    tmp_path: Path,
) -> None:
    actors = load_eval("blind_actors")

    def coded(path: Path, rows: list[tuple[str, bool, str | None]]) -> Path:
        path.write_text(
            "".join(
                json.dumps({"id": i, "split": "dev", "actor": a, "code": c}) + "\n"
                for i, a, c in rows
            ),
            encoding="utf-8",
        )
        return path

    first = coded(tmp_path / "a.jsonl", [("m1", True, "USAGOV"), ("m2", False, None)])
    second = coded(tmp_path / "b.jsonl", [("m1", True, "USALEG"), ("m2", True, "USA")])
    result = actors.agree(first, second)["dev"]
    assert result["actor_code_right"]["p"] == 0.0 and result["actor_country_right"]["p"] == 1.0
    assert result["actor_or_not_agreed"]["p"] == 0.5
