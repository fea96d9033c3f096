"""Event commands of the command line: code, events, recode, eval (registered by cli.py)."""

from __future__ import annotations

import csv
import sys
from typing import Annotated, Any

import typer
from rich.table import Table

from eventwire.api import code_text
from eventwire.cli_common import (
    DbOption,
    JsonOption,
    MinConfidenceOption,
    QuietOption,
    confidence_threshold,
    err,
    open_store_for,
    out,
)
from eventwire.cli_common import print_json as _print_json
from eventwire.config import checked_date
from eventwire.errors import UsageError

MODALITIES = ("factual", "future", "hypothetical", "negated")
FORMATS = ("table", "csv", "json")


def _actors_text(actors: list[dict[str, Any]]) -> str:
    return " + ".join(f"{a['code'] or '?'} ({a['text']})" for a in actors) or "-"


def _claim_text(claim: dict[str, Any] | None) -> str:
    """ "UKRGOV said (via NPR); disputed by RUSGOV (denied)"."""
    if not claim:
        return "-"
    who = (claim.get("claimant") or {}).get("code") or "(article)"
    text = f"{who} {claim.get('cue') or ''}".strip() + f" [{claim.get('stance')}]"
    if claim.get("reported_via"):
        text += " via " + ", ".join(claim["reported_via"])
    for d in claim.get("disputed_by") or []:
        text += f"; disputed by {(d.get('actor') or {}).get('code') or '?'} ({d.get('cue')})"
    return text


def event_table(
    events: list[dict[str, Any]], title: str | None = None, claims: bool = False
) -> Table:
    table = Table(
        "source",
        "cameo",
        "plover",
        "target",
        "modality",
        "conf",
        "qty",
        "where",
        "when",
        "trigger",
        "doc",
        title=title,
        title_justify="left",
    )
    if claims:
        table.add_column("claim")
    for e in events:
        qty = e.get("quantity") or {}
        extra = [_claim_text(e.get("claim"))] if claims else []
        table.add_row(
            _actors_text(e["source"]),
            e["cameo"],
            (e.get("plover") or {}).get("event") or "-",
            _actors_text(e["target"]),
            e["modality"],
            "-" if e.get("confidence") is None else f"{e['confidence']:.2f}",
            str(qty.get("value") or ""),
            _where(e.get("location")),
            ((e.get("date") or {}).get("value")) or "-",
            e["trigger"]["text"],
            e["doc_id"][:10],
            *extra,
        )
    return table


def _where(loc: dict[str, Any] | None) -> str:
    """Where, as a cell: "Kharkiv, UKR"; "? (Kramatorsk, UKR?)" when the text does not say and
    the document's place is the only guess."""
    if not loc:
        return "-"
    if loc.get("country") is None and loc.get("fallback"):
        return f"? ({_where(loc['fallback'])}?)"
    name = loc.get("name") or loc.get("country") or "?"
    return f"{name}, {loc['country']}" if loc.get("name") and loc.get("country") else name


CSV_FIELDS = (
    "event_id",
    "doc_id",
    "sentence_index",
    "cameo",
    "plover",
    "quad_class",
    "source",
    "source_text",
    "target",
    "target_text",
    "modality",
    "confidence",
    "quantity",
    "location",
    "location_country",
    "admin1",
    "lat",
    "lon",
    "location_precision",
    "location_basis",
    "location_fallback",
    "location_fallback_country",
    "date",
    "date_precision",
    "claimant",
    "cue",
    "stance",
    "reported_via",
    "disputed_by",
    "trigger",
    "evidence",
    "evidence_start",
    "evidence_end",
)


def flat_event(e: dict[str, Any]) -> dict[str, Any]:
    """One CSV row per event: codes joined with '+', evidence text and offsets."""
    qty = e.get("quantity") or {}
    loc = e.get("location") or {}
    when = e.get("date") or {}
    claim = e.get("claim") or {}
    return {
        "event_id": e["event_id"],
        "doc_id": e["doc_id"],
        "sentence_index": e["sentence_index"],
        "cameo": e["cameo"],
        "plover": (e.get("plover") or {}).get("event") or "",
        "quad_class": e["quad_class"],
        "source": "+".join(a["code"] or "" for a in e["source"]),
        "source_text": " + ".join(a["text"] for a in e["source"]),
        "target": "+".join(a["code"] or "" for a in e["target"]),
        "target_text": " + ".join(a["text"] for a in e["target"]),
        "modality": e["modality"],
        "confidence": "" if e.get("confidence") is None else e["confidence"],
        "quantity": qty.get("value") or "",
        "location": loc.get("name") or "",
        "location_country": loc.get("country") or "",
        "admin1": loc.get("admin1") or "",
        "lat": "" if loc.get("lat") is None else loc["lat"],
        "lon": "" if loc.get("lon") is None else loc["lon"],
        "location_precision": loc.get("precision") or "",
        "location_basis": loc.get("basis") or "",
        "location_fallback": (loc.get("fallback") or {}).get("name") or "",
        "location_fallback_country": (loc.get("fallback") or {}).get("country") or "",
        "date": when.get("value") or "",
        "date_precision": when.get("precision") or "",
        "claimant": (claim.get("claimant") or {}).get("code") or "",
        "cue": claim.get("cue") or "",
        "stance": claim.get("stance") or "",
        "reported_via": "+".join(claim.get("reported_via") or []),
        "disputed_by": "+".join(
            (d.get("actor") or {}).get("code") or "?" for d in claim.get("disputed_by") or []
        ),
        "trigger": e["trigger"]["text"],
        "evidence": e["evidence"]["text"],
        "evidence_start": e["evidence"]["start"],
        "evidence_end": e["evidence"]["end"],
    }


def code_cmd(
    text: Annotated[str, typer.Argument(help="A sentence or a paragraph to code.")],
    date: Annotated[str | None, typer.Option(help="The text's date (YYYY-MM-DD).")] = None,
    as_json: JsonOption = False,
) -> None:
    """Code a sentence and print its events as a table (JSON Lines with --json)."""
    events = [e.to_dict() for e in code_text(text, date)]
    if as_json:
        for e in events:
            _print_json(e)
    elif events:
        out.print(event_table(events))
    else:
        out.print("no event found")


def events_cmd(
    db: DbOption = None,
    actor: Annotated[str | None, typer.Option(help="Actor code prefix or name.")] = None,
    country: Annotated[str | None, typer.Option(help="An actor's country (ISO alpha-3).")] = None,
    cameo: Annotated[str | None, typer.Option(help="CAMEO code or root (a prefix).")] = None,
    plover: Annotated[str | None, typer.Option(help="PLOVER event type.")] = None,
    since: Annotated[
        str | None, typer.Option(help="Events dated on or after (else their document).")
    ] = None,
    until: Annotated[str | None, typer.Option(help="Events dated on or before.")] = None,
    location: Annotated[
        str | None, typer.Option(help="Events that took place in this country (ISO alpha-3).")
    ] = None,
    disputed: Annotated[
        bool, typer.Option("--disputed", help="Only events someone denies, with both sides.")
    ] = False,
    claimant: Annotated[
        str | None, typer.Option(help="Events asserted by this actor (code prefix or name).")
    ] = None,
    modality: Annotated[
        str | None, typer.Option(help="factual, future, hypothetical or negated.")
    ] = None,
    doc: Annotated[str | None, typer.Option("--doc", help="Only this document's events.")] = None,
    min_confidence: MinConfidenceOption = None,
    limit: Annotated[int, typer.Option(help="At most this many events.")] = 100,
    fmt: Annotated[str, typer.Option("--format", help="table, csv or json.")] = "table",
    as_json: JsonOption = False,
) -> None:
    """List stored events, filtered by actor, country, code, type, date and modality."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown --format {fmt!r}; use one of: {', '.join(FORMATS)}")
    if modality and modality not in MODALITIES:
        raise UsageError(f"unknown --modality {modality!r}; use one of: {', '.join(MODALITIES)}")
    checked_date(since, "--since")
    checked_date(until, "--until")
    with open_store_for(db, read_only=True) as store:
        events = store.events(
            actor=actor,
            country=country,
            cameo=cameo,
            plover=plover,
            since=since,
            until=until,
            modality=modality,
            doc_id=doc,
            limit=limit,
            location=location,
            disputed=disputed,
            claimant=claimant,
            min_confidence=confidence_threshold(min_confidence),
        )
    if as_json or fmt == "json":
        for e in events:
            _print_json(e)
    elif fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=CSV_FIELDS)
        writer.writeheader()
        for e in events:
            writer.writerow(flat_event(e))
    else:
        out.print(event_table(events, claims=disputed or bool(claimant)))


def recode_cmd(db: DbOption = None, quiet: QuietOption = False) -> None:
    """Code the stored documents again (after an upgrade of eventwire or its lexicon)."""
    from eventwire.recode import recode

    with open_store_for(db) as store:
        docs, events = recode(store)
    if not quiet:
        err.print(f"recoded {docs} documents: {events} events")


def eval_cmd(
    gold: Annotated[str, typer.Argument(help="A gold file (JSON Lines, DESIGN.md format).")],
    as_json: JsonOption = False,
    misses: Annotated[int, typer.Option(help="How many missed gold events to list.")] = 15,
) -> None:
    """Score event coding against a gold file: L1, L2 and type-only precision, recall, F1."""
    from eventwire.eval import evaluate, read_gold

    report = evaluate(read_gold(gold))
    if as_json:
        _print_json(report.to_dict())
        return
    table = Table(
        "level",
        "precision",
        "recall",
        "F1",
        "tp",
        "fp",
        "fn",
        title=f"{report.items} gold items",
        title_justify="left",
    )
    for level, c in report.levels.items():
        table.add_row(
            level,
            f"{c.precision:.3f}",
            f"{c.recall:.3f}",
            f"{c.f1:.3f}",
            str(c.tp),
            str(c.fp),
            str(c.fn),
        )
    out.print(table)
    roots = Table(
        "root",
        "precision",
        "recall",
        "F1",
        "gold",
        title="By CAMEO root (type level)",
        title_justify="left",
    )
    for root, c in sorted(report.by_root.items()):
        roots.add_row(
            root, f"{c.precision:.2f}", f"{c.recall:.2f}", f"{c.f1:.2f}", str(c.tp + c.fn)
        )
    out.print(roots)
    if misses and report.misses:
        worst = Table(
            "id", "gold", "predicted", "text", title="Missed gold events (L1)", title_justify="left"
        )
        for m in report.misses[:misses]:
            worst.add_row(
                m["id"], "; ".join(m["gold"]), "; ".join(m["predicted"]) or "-", m["text"][:90]
            )
        out.print(worst)


def register(app: typer.Typer) -> None:
    app.command("code")(code_cmd)
    app.command("events")(events_cmd)
    app.command("recode")(recode_cmd)
    app.command("eval")(eval_cmd)
