"""dyad from Python: code text into CAMEO events and read an event store.

    import dyad
    events = dyad.code("La Russie a signé un accord avec le Venezuela.", lang="fr", date="2024-05-01")
    events[0]["source"]["code"], events[0]["code"]          # ('RUS', '057')

    with dyad.Store("dyad.db") as db:                       # a store written by `dyad ingest`
        for ev in db.events(country="VEN", root="06"):
            print(ev["date"], ev["actor1_code"], ev["code"], ev["num_mentions"])
        db.mentions(ev["id"])                                # the sentences behind one event

The coder is the `dyad` program (found next to this package's checkout in build/, on PATH, or
named by the DYAD environment variable); records go to it as JSON Lines and events come back
as dicts with the fields of `dyad code` (README.md, "Output"). The store is read with Python's
own sqlite3 module, read-only, with the schema of docs/STORE.md.
"""
from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path
from typing import Iterable, Iterator

__all__ = ["DyadError", "binary", "code", "code_records", "Store"]


class DyadError(RuntimeError):
    """`dyad` failed, or reported records it skipped (the message holds its errors)."""


def binary() -> str:
    """The dyad program: $DYAD, else build/dyad of this checkout, else `dyad` on PATH."""
    env = os.environ.get("DYAD")
    if env:
        return env
    here = Path(__file__).resolve().parents[2] / "build" / "dyad"
    if here.exists():
        return str(here)
    found = shutil.which("dyad")
    if not found:
        raise DyadError("no dyad program: build it (scripts/setup.sh) or set DYAD")
    return found


def code_records(records: Iterable[dict], *, dictionaries: str | None = None, strict: bool = True) -> list[dict]:
    """Codes articles given as dicts ({"id", "text"} and optionally lang, date, title, source,
    url) and returns their events. With strict (the default) a skipped record raises DyadError
    naming it; otherwise skipped records are left out silently."""
    lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    cmd = [binary(), "code", "-q", "-"]
    if dictionaries:
        cmd += ["--dict", dictionaries]
    p = subprocess.run(cmd, input=lines, capture_output=True, text=True, encoding="utf-8")
    if p.returncode not in (0, 1) or (p.returncode == 1 and strict):
        raise DyadError(p.stderr.strip() or f"dyad exited {p.returncode}")
    return [json.loads(line) for line in p.stdout.splitlines() if line.strip()]


def code(text: str, *, lang: str | None = None, date: str | None = None, doc_id: str = "text",
         dictionaries: str | None = None) -> list[dict]:
    """Codes one text; `lang` (fr, en, es) is identified when not given, `date` (YYYY-MM-DD)
    resolves dated actor codes and relative dates."""
    rec = {"id": doc_id, "text": text}
    if lang:
        rec["lang"] = lang
    if date:
        rec["date"] = date
    return code_records([rec], dictionaries=dictionaries)


class Store:
    """A dyad event store (SQLite), opened read-only."""

    def __init__(self, path: str | os.PathLike = "dyad.db"):
        if not Path(path).exists():
            raise DyadError(f"{path}: no such store")
        self._db = sqlite3.connect(f"file:{Path(path).resolve()}?mode=ro", uri=True)
        self._db.row_factory = sqlite3.Row
        app = self._db.execute("PRAGMA application_id").fetchone()[0]
        if app != 0x44594144:
            self._db.close()
            raise DyadError(f"{path}: not a dyad store")

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()

    def events(self, *, country: str | None = None, actor: str | None = None, code: str | None = None,
               root: str | None = None, quad: int | None = None, date_from: str | None = None,
               date_to: str | None = None, status: str | None = None, limit: int | None = 1000) -> list[dict]:
        """Clustered events, newest first, filtered like `dyad query` (all filters are bound
        parameters): country on either side, actor code prefix on either side, CAMEO code
        prefix, root, QuadClass, date bounds, status (fact, reported, ...)."""
        where, args = [], []
        if country:
            where.append("(actor1_country = ? OR actor2_country = ?)")
            args += [country, country]
        if actor:
            where.append("(actor1_code LIKE ? ESCAPE '\\' OR actor2_code LIKE ? ESCAPE '\\')")
            pat = actor.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            args += [pat, pat]
        if code:
            where.append("code LIKE ? ESCAPE '\\'")
            args.append(code.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
        if root:
            where.append("root = ?")
            args.append(root)
        if quad is not None:
            where.append("quad = ?")
            args.append(int(quad))
        # an event dated to a month or a year only ("2015-03", "2015") is in every range that
        # overlaps its period
        if date_from:
            where.append("(date >= ? OR date IN (?, ?))")
            args += [date_from, date_from[:7], date_from[:4]]
        if date_to:
            where.append("date <= ? AND date <> ''")
            args.append(date_to)
        if status:
            where.append("status = ?")
            args.append(status)
        sql = "SELECT * FROM events" + (" WHERE " + " AND ".join(where) if where else "")
        sql += " ORDER BY date DESC, id DESC"
        if limit:
            sql += " LIMIT ?"
            args.append(int(limit))
        return [dict(r) for r in self._db.execute(sql, args)]

    def mentions(self, event_id: int) -> list[dict]:
        """The mentions (coded sentences) linked to one event, with their evidence, the rule that
        fired, and why each joined the event (role, match, reason)."""
        rows = self._db.execute(
            "SELECT m.*, l.role, l.match, l.reason, a.doc_id, a.url, a.title FROM links l "
            "JOIN mentions m ON m.id = l.mention_id JOIN articles a ON a.id = m.article_id "
            "WHERE l.event_id = ? ORDER BY l.role, m.id", (int(event_id),))
        return [dict(r) for r in rows]

    def sql(self, query: str, params: Iterable = ()) -> Iterator[sqlite3.Row]:
        """Any read-only SQL over the store (schema: docs/STORE.md)."""
        return self._db.execute(query, tuple(params))
