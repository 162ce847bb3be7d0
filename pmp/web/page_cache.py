"""A small in-process cache of rendered pages: least recently used first out, bounded in bytes.

Each gunicorn worker has its own; a page is stored with the version of the data it shows, and
a look-up names the version the database has now, so a worker never serves a page older than
the data (the version costs one indexed query per request). Threads of a worker share it,
hence the lock.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable
from dataclasses import dataclass


@dataclass(frozen=True)
class CachedPage:
    version: int
    html: bytes
    gzipped: bytes
    etag: str

    @property
    def size(self) -> int:
        return len(self.html) + len(self.gzipped)


class PageCache:
    def __init__(self, max_bytes: int, max_pages: int):
        self.max_bytes = max_bytes
        self.max_pages = max_pages
        self.bytes = 0
        self._pages: OrderedDict[Hashable, CachedPage] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._pages)

    def get(self, key: Hashable, version: int) -> CachedPage | None:
        """The page stored under `key` if it shows `version`, else None."""
        with self._lock:
            page = self._pages.get(key)
            if page is None or page.version != version:
                return None
            self._pages.move_to_end(key)
            return page

    def put(self, key: Hashable, page: CachedPage) -> None:
        """Store the page (replacing an older version of it); evict the least recently used
        pages beyond the bounds. A page larger than the whole cache is not kept."""
        if page.size > self.max_bytes:
            return
        with self._lock:
            old = self._pages.pop(key, None)
            if old is not None:
                self.bytes -= old.size
            self._pages[key] = page
            self.bytes += page.size
            while self.bytes > self.max_bytes or len(self._pages) > self.max_pages:
                _, gone = self._pages.popitem(last=False)
                self.bytes -= gone.size

    def clear(self) -> None:
        with self._lock:
            self._pages.clear()
            self.bytes = 0
