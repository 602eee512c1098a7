"""Every client's search keys held in memory for the search box, so that a keystroke
is a substring scan at C speed rather than a scan of the client_search table.

Clients are numbered in name order; each distinct part of their keys is held once
with the clients that have it, and the parts are scanned as one string. The index
follows the database through the search_change log that triggers on client_search
(and on moves to the trash) write, whichever connection or process wrote: changed
clients are read again into a small overlay, and a long way behind means a rebuild.
The command line, which searches once, asks SQL instead (services.search)."""

import re
import threading
from array import array
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
        starts, position = array("i"), 0
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


class _Holders:
    """Parts, each with the positions of the clients that have it, in flat arrays."""

    def __init__(self, parts: list[str], holders):
        self.scan = _Scan(parts)
        flat, offsets = array("i"), array("i", [0])
        for where in holders:
            if type(where) is int:
                flat.append(where)
            else:
                flat.extend(where)
            offsets.append(len(flat))
        self.flat, self.offsets = flat, offsets

    def positions(self, query: str) -> list[int]:
        matched = self.scan.positions(query)
        flat, offsets = self.flat, self.offsets
        if len(matched) == 1:
            return flat[offsets[matched[0]]:offsets[matched[0] + 1]].tolist()
        out = array("i")
        for m in matched:
            out.extend(flat[offsets[m]:offsets[m + 1]])
        return sorted(set(out))


def _parts_index(texts) -> dict[bool, _Holders]:
    """The distinct parts of the clients' keys (a tag, a name's spellings, a phone), each
    held once with the clients that have it: a tag a quarter of the studio shares is one
    hit, not 25,000. An ASCII query (pinyin, digits, an email) can only match ASCII runs,
    so those are scanned as a one-byte string of their own. `texts` is read once."""
    holders: dict = {}
    for n, text in enumerate(texts):
        for part in text.split(SEPARATOR):
            known = holders.get(part)
            if known is None:
                holders[part] = n  # most parts (a phone, an email) belong to one client
            elif type(known) is int:
                if known != n:
                    holders[part] = [known, n]
            elif known[-1] != n:
                known.append(n)
    index = {}
    for ascii_query in (True, False):
        parts, where = [], []
        for part, held_by in holders.items():
            if ascii_query:
                if not _ASCII_CHAR.search(part):
                    continue
                part = _NOT_ASCII.sub(SEPARATOR, part)
            elif part.isascii():
                continue
            parts.append(part)
            where.append(held_by)
        index[ascii_query] = _Holders(parts, where)
    return index


class SearchIndex:
    def __init__(self):
        self._lock = threading.Lock()
        self._database = None
        self._ids = array("i")
        self._keys, self._key_starts = b"", array("i")  # sort keys as UTF-8: bytes order is text order
        self._parts: dict[bool, _Holders] = {}
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
        ids, keys, key_starts = array("i"), [], array("i", [0])

        def texts():
            for cid, text, key in queries.search_keys():
                ids.append(cid)
                encoded = key.encode()
                keys.append(encoded)
                key_starts.append(key_starts[-1] + len(encoded))
                yield text

        self._parts = _parts_index(texts())
        self._ids, self._keys, self._key_starts = ids, b"".join(keys), key_starts
        self._trashed = queries.trashed_ids()
        self._seq, self._overlay = high, {}
        self._database = database.obj

    def _key(self, n: int) -> bytes:
        return self._keys[self._key_starts[n]:self._key_starts[n + 1]]

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

    def find_if_current(self, text: str) -> list[int] | None:
        """find(text) when that costs no more than the scan: the index is built, not busy,
        and nothing was written since it last looked; None otherwise."""
        if not self.ready() or not self._lock.acquire(blocking=False):
            return None
        try:
            if queries.search_log_span()[1] != self._seq:
                return None
            return self._matches(text)
        finally:
            self._lock.release()

    def find(self, text: str) -> list[int]:
        """Live clients whose search keys contain `text` (normalised), in name order."""
        with self._lock:
            if not self.ready():
                self._build()
            else:
                self._catch_up()
            return self._matches(text)

    def _matches(self, text: str) -> list[int]:
        trashed = self._trashed
        overlay = self._overlay
        hidden = trashed | overlay.keys() if overlay else trashed
        ids = self._ids
        hits = self._parts[text.isascii()].positions(text)
        if hidden:
            hits = [n for n in hits if ids[n] not in hidden]
        extra = [(entry[1].encode(), cid) for cid, entry in overlay.items()
                 if entry is not None and cid not in trashed and text in entry[0]]
        if not extra:
            return [ids[n] for n in hits]
        return [cid for _key, cid in sorted([(self._key(n), ids[n]) for n in hits] + extra)]


index = SearchIndex()
