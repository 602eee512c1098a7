"""Every client's search keys held in memory for the search box, so that a keystroke
is a substring scan at C speed rather than a scan of the client_search table.

Clients are numbered in name order; each distinct part of their keys is held once
with the clients that have it, and the parts are scanned as one string. The index follows the database
through the search_change log that triggers on client_search write, whichever
connection or process wrote: changed clients are read again into a small overlay,
and a long way behind means a rebuild. The command line, which searches once,
asks SQL instead (services.search)."""

import re
import threading
from bisect import bisect_right

from lifecrm_gui.search_keys import SEPARATOR
from lifecrm_gui.store import queries
from lifecrm_gui.store.models import database

RECORD = "\x00"
_ASCII_CHAR = re.compile(r"[\x01-\x7f]")
_NOT_ASCII = re.compile(r"[^\x00-\x7f]+")
REBUILD_AFTER = 2000  # changed clients beyond which reading everything again is cheaper


class _Scan:
    """One string over texts in a fixed order; finds which of them contain a query."""

    def __init__(self, texts: list[str]):
        starts, position = [], 0
        for text in texts:
            starts.append(position)
            position += len(text) + 1
        self.text = RECORD.join(texts) + RECORD
        self.starts = starts

    def positions(self, query: str) -> list[int]:
        find, starts, out = self.text.find, self.starts, []
        last = len(starts) - 1
        at, n = find(query), 0
        while at != -1:
            n = bisect_right(starts, at, n) - 1
            out.append(n)
            if n == last:
                break
            n += 1
            at = find(query, starts[n])
        return out


class _Parts:
    """The distinct parts of the clients' keys (a tag, a name's spellings, a phone), each
    with the clients that have it: a tag shared by a quarter of the studio is one hit,
    not 25,000."""

    def __init__(self, texts: list[str]):
        holders: dict[str, list[int]] = {}
        for n, text in enumerate(texts):
            for part in text.split(SEPARATOR):
                known = holders.get(part)
                if known is None:
                    holders[part] = [n]
                elif known[-1] != n:
                    known.append(n)
        # An ASCII query (pinyin, digits, an email) can only match ASCII runs: those are
        # scanned as a one-byte string of their own, the rest as written.
        ascii_parts = [(_NOT_ASCII.sub(SEPARATOR, part), where) for part, where in holders.items()
                       if _ASCII_CHAR.search(part)]
        other_parts = [(part, where) for part, where in holders.items() if not part.isascii()]
        self.by_alphabet = {ascii_query: (_Scan([text for text, _where in kept]), [where for _text, where in kept])
                            for ascii_query, kept in ((True, ascii_parts), (False, other_parts))}

    def positions(self, query: str) -> list[int]:
        """Positions (in the texts' order) of the texts with a part containing `query`."""
        scan, holders = self.by_alphabet[query.isascii()]
        matched = scan.positions(query)
        if len(matched) == 1:
            return list(holders[matched[0]])
        out = []
        for m in matched:
            out.extend(holders[m])
        return sorted(set(out))


class SearchIndex:
    def __init__(self):
        self._lock = threading.Lock()
        self._database = None
        self._ids: list[int] = []
        self._sort_keys: list[str] = []
        self._parts = None
        self._seq = 0
        self._trashed: set[int] = set()
        self._overlay: dict[int, tuple[str, str] | None] = {}  # changed since the build; None: gone

    def ready(self) -> bool:
        """Built for the open database (a database opened since, or restored, needs a build)."""
        return self._database is not None and self._database is database.obj

    def build(self) -> None:
        with self._lock:
            self._build()

    def _build(self) -> None:
        _low, high = queries.search_log_span()  # read first: a change made meanwhile is read again
        rows = queries.search_keys().fetchall()
        self._trashed = queries.trashed_ids()
        self._ids = [r[0] for r in rows]
        self._sort_keys = [r[2] for r in rows]
        texts = [r[1] for r in rows]
        self._parts = _Parts(texts)
        self._seq, self._overlay = high, {}
        self._database = database.obj

    def _catch_up(self) -> None:
        low, high = queries.search_log_span()
        if high == self._seq:
            return
        if high < self._seq or low > self._seq + 1 or high - self._seq > REBUILD_AFTER:
            self._build()  # another file, or changes the log no longer holds, or a great many
            return
        self._seq, changed = queries.search_changes_since(self._seq)
        if len(self._overlay.keys() | changed) > REBUILD_AFTER:
            self._build()
            return
        ids = sorted(changed)
        for cid in ids:
            self._overlay[cid] = None
        for cid, text, key in queries.search_keys(ids):
            self._overlay[cid] = (text, key)
        self._trashed = (self._trashed - changed) | queries.trashed_ids(ids)

    def find(self, text: str) -> list[int]:
        """Live clients whose search keys contain `text` (normalised), in name order."""
        with self._lock:
            if not self.ready():
                self._build()
            else:
                self._catch_up()
            trashed = self._trashed
            overlay = self._overlay
            hidden = trashed | overlay.keys() if overlay else trashed
            ids = self._ids
            hits = self._parts.positions(text)
            if hidden:
                hits = [n for n in hits if ids[n] not in hidden]
            extra = [(entry[1], cid) for cid, entry in overlay.items()
                     if entry is not None and cid not in trashed and text in entry[0]]
            if not extra:
                return [ids[n] for n in hits]
            keys = self._sort_keys
            return [cid for _key, cid in sorted([(keys[n], ids[n]) for n in hits] + extra)]


index = SearchIndex()
