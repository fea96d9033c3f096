"""CLI commands about actors: `eventwire actors` and `eventwire actor NAME`."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from eventwire.cli_common import DbOption, JsonOption, open_store_for, out, print_json
from eventwire.cli_events import event_table
from eventwire.errors import NotFoundError


def actors_cmd(
    db: DbOption = None,
    code: Annotated[str | None, typer.Option(help="Only codes starting with this.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many actors.")] = 50,
    as_json: JsonOption = False,
) -> None:
    """List the actors of the stored events with their codes and counts."""
    with open_store_for(db, read_only=True) as store:
        rows = store.actors(code=code, limit=limit)
    if as_json:
        for row in rows:
            print_json(row)
        return
    table = Table("actor", "code", "kb id", "mentions", "events", "docs", "conf.", "as written")
    for r in rows:
        table.add_row(
            r["actor"],
            r["code"],
            r["kb_id"] or "-",
            str(r["mentions"]),
            str(r["events"]),
            str(r["documents"]),
            "-" if r["confidence"] is None else f"{r['confidence']:.2f}",
            (r["texts"] or "")[:60],
        )
    out.print(table)


def actor_cmd(
    name: Annotated[str, typer.Argument(help="A canonical name, a code, a kb id or a word.")],
    db: DbOption = None,
    limit: Annotated[int, typer.Option(help="At most this many events.")] = 50,
    as_json: JsonOption = False,
) -> None:
    """Show one actor: its codes and its events."""
    with open_store_for(db, read_only=True) as store:
        events = store.actor_events(name, limit=limit)
    if not events:
        raise NotFoundError(
            f"no stored event has an actor matching {name!r}; see `eventwire actors`"
        )
    if as_json:
        for e in events:
            print_json(e)
        return
    key = name.lower()
    seen: dict[tuple, int] = {}
    for e in events:
        for a in e["source"] + e["target"]:
            if key in {(a.get("name") or "").lower(), (a.get("kb_id") or "").lower()} or (
                (a.get("code") or "") == name.upper() or key in a["text"].lower()
            ):
                k = (a.get("name") or a["text"], a.get("code"), a.get("kb_id"))
                seen[k] = seen.get(k, 0) + 1
    summary = Table(
        "as", "code", "kb id", "mentions", title=f"Actor {name!r}", title_justify="left"
    )
    for (label, code, kb_id), n in sorted(seen.items(), key=lambda kv: -kv[1]):
        summary.add_row(label, code or "-", kb_id or "-", str(n))
    out.print(summary)
    out.print(event_table(events, title=f"{len(events)} events"))


def quotes_cmd(
    db: DbOption = None,
    speaker: Annotated[
        str | None, typer.Option(help="Speaker: a code prefix, a canonical name or a word.")
    ] = None,
    doc: Annotated[str | None, typer.Option("--doc", help="Only this document's quotes.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many quotes.")] = 50,
    as_json: JsonOption = False,
) -> None:
    """List stored quotations and reported speech: speaker, cue, what was said, through whom."""
    with open_store_for(db, read_only=True) as store:
        rows = store.quotes(speaker=speaker, doc_id=doc, limit=limit)
    if as_json:
        for row in rows:
            print_json(row)
        return
    table = Table("speaker", "code", "cue", "quote", "direct", "stance", "via", "doc")
    for r in rows:
        table.add_row(
            (r["speaker_text"] or "-")[:40],
            r["speaker_code"] or "-",
            r["cue"],
            r["text"][:90],
            "yes" if r["direct"] else "",
            r["stance"] or "",
            ", ".join(r["reported_via"]),
            r["doc_id"][:10],
        )
    out.print(table)


def register(app: typer.Typer) -> None:
    app.command("actors")(actors_cmd)
    app.command("actor")(actor_cmd)
    app.command("quotes")(quotes_cmd)
