"""Finding clients: the search box (name, pinyin, initials, phone digits, WeChat id,
email, tag) with the list's filters and sorting, as one SQL query over a narrow
table of search keys."""

from dataclasses import dataclass, field

from lifecrm_gui.domain.vocab import CLASSES, STAGES
from lifecrm_gui.search_keys import normalise_query
from lifecrm_gui.store.models import database


@dataclass(frozen=True)
class ClientFilter:
    query: str = ""
    stages: tuple = ()
    tiers: tuple = ()
    classes: tuple = ()
    needs: tuple = ()
    sources: tuple = ()
    kinds: tuple = ()
    tags: tuple = ()
    trash: bool = False  # the trash instead of the live clients


ROW_COLUMNS = ("id", "name", "phone", "stage", "tier", "client_class", "last_activity_on", "spend", "ltv_total",
               "source", "tags")
_TAGS = ("(SELECT group_concat(t.name, ', ') FROM client_tag ct JOIN tag t ON t.id = ct.tag_id "
         "WHERE ct.client_id = c.id)")


def _ordinal(column, table) -> str:
    cases = " ".join(f"WHEN '{key}' THEN {i}" for i, key in enumerate(table))
    return f"CASE {column} {cases} ELSE 99 END"


SORTS = {
    "name": "s.sort_key",
    "phone": "c.phone",
    "stage": _ordinal("c.stage", STAGES),
    "tier": "c.tier",
    "client_class": _ordinal("c.client_class", CLASSES),
    "last_activity_on": "c.last_activity_on",
    "spend": "c.spend",
    "ltv_total": "c.ltv_total",
    "source": "c.source",
    "tags": _TAGS,
}


def _where(flt: ClientFilter) -> tuple[str, list]:
    clauses = ["c.deleted_at IS NOT NULL" if flt.trash else "c.deleted_at IS NULL"]
    params: list = []
    text = normalise_query(flt.query)
    if text:
        clauses.append("instr(s.text, ?) > 0")
        params.append(text)
    for column, values in (("c.stage", flt.stages), ("c.tier", flt.tiers), ("c.client_class", flt.classes),
                           ("c.source", flt.sources), ("c.kind", flt.kinds)):
        if values:
            clauses.append(f"{column} IN ({','.join('?' * len(values))})")
            params.extend(values)
    if flt.needs:
        clauses.append("(" + " OR ".join("instr(',' || c.needs || ',', ?) > 0" for _ in flt.needs) + ")")
        params.extend(f",{n}," for n in flt.needs)
    if flt.tags:
        clauses.append(f"c.id IN (SELECT ct.client_id FROM client_tag ct JOIN tag t ON t.id = ct.tag_id "
                       f"WHERE t.name IN ({','.join('?' * len(flt.tags))}))")
        params.extend(flt.tags)
    return " AND ".join(clauses), params


def search_ids(flt: ClientFilter = ClientFilter(), sort: str = "name", descending: bool = False,
               limit: int | None = None) -> list[int]:
    """The ids of the matching clients in display order."""
    where, params = _where(flt)
    direction = "DESC" if descending else "ASC"
    order = SORTS.get(sort, SORTS["name"])
    sql = (f"SELECT c.id FROM client c JOIN client_search s ON s.client_id = c.id WHERE {where} "
           f"ORDER BY {order} {direction}, c.id {direction}")
    if limit:
        sql += f" LIMIT {int(limit)}"
    return [r[0] for r in database.connection().execute(sql, params)]


def count_clients(trash: bool = False) -> int:
    return database.connection().execute(
        f"SELECT COUNT(*) FROM client WHERE deleted_at IS {'NOT ' if trash else ''}NULL").fetchone()[0]


def fetch_rows(ids) -> dict[int, tuple]:
    """The list's columns (ROW_COLUMNS) for some clients, by id."""
    ids = list(ids)
    out = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for row in database.connection().execute(
                f"SELECT c.id, c.name, c.phone, c.stage, c.tier, c.client_class, c.last_activity_on, c.spend, "
                f"c.ltv_total, c.source, {_TAGS} FROM client c WHERE c.id IN ({','.join('?' * len(chunk))})",
                chunk):
            out[row[0]] = row
    return out


def search(query: str, limit: int = 50) -> list[dict]:
    """The first matches for a query, as dicts of ROW_COLUMNS."""
    ids = search_ids(ClientFilter(query=query), limit=limit)
    rows = fetch_rows(ids)
    return [dict(zip(ROW_COLUMNS, rows[i])) for i in ids if i in rows]
