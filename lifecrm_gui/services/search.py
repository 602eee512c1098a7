"""Finding clients: the search box (name, pinyin, initials, phone digits, WeChat id,
email, tag) with the list's filters and sorting, as one SQL query over a narrow
table of search keys."""

from dataclasses import dataclass

from lifecrm_gui.search_keys import normalise_query
from lifecrm_gui.store import queries

from .search_index import index
from lifecrm_gui.store.queries import LIST_COLUMNS as ROW_COLUMNS  # noqa: F401  (the list's columns)
from lifecrm_gui.store.queries import count_clients  # noqa: F401  (the window and cli count through here)


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


def _box_query(flt: ClientFilter, sort: str) -> str:
    """The normalised text when the filter is the search box's own case the index answers
    (text alone, in name order); "" otherwise."""
    text = normalise_query(flt.query)
    return text if sort == "name" and flt == ClientFilter(query=flt.query) else ""


def search_ids(flt: ClientFilter = ClientFilter(), sort: str = "name", descending: bool = False,
               limit: int | None = None) -> list[int]:
    """The ids of the matching clients in display order. The search box's own case, text
    alone in name order, is answered from the index in memory once it is warm."""
    text = normalise_query(flt.query)
    if _box_query(flt, sort) and index.ready():
        ids = index.find(text)
        if descending:
            ids.reverse()
        return ids[:limit] if limit else ids
    equals = {"stage": flt.stages, "tier": flt.tiers, "client_class": flt.classes, "source": flt.sources,
              "kind": flt.kinds}
    return queries.client_ids(text, trash=flt.trash, equals=equals, needs=flt.needs,
                              tags=flt.tags, sort=sort, descending=descending, limit=limit)


def search_ids_at_once(flt: ClientFilter, sort: str = "name", descending: bool = False) -> list[int] | None:
    """search_ids for the search box's own case when the index in memory can answer it in
    the time of a scan (a few milliseconds, nothing to read first); None when the search
    has to run on a worker."""
    text = _box_query(flt, sort)
    if not text:
        return None
    ids = index.find_if_current(text)
    if ids is not None and descending:
        ids.reverse()
    return ids


def warm_up() -> None:
    """Build the search index (about a second at 100,000 clients: on a worker)."""
    index.build()


def fetch_rows(ids) -> dict[int, tuple]:
    """The list's columns (ROW_COLUMNS) for some clients, by id."""
    return queries.list_rows(ids)


def search(query: str, limit: int = 50) -> list[dict]:
    """The first matches for a query, as dicts of ROW_COLUMNS."""
    ids = search_ids(ClientFilter(query=query), limit=limit)
    rows = fetch_rows(ids)
    return [dict(zip(ROW_COLUMNS, rows[i])) for i in ids if i in rows]
