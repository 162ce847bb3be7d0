"""The web app's static files, served from memory under a content-addressed path.

All of pmp/web/static is read once: every file's bytes, a gzip copy of the text ones, and one
digest of the whole tree. Pages link `/assets/<digest>/app/main.js`, and the ES modules import
each other by relative paths, so every file of one version of the app sits under the same
digest and can be cached for a year: a new version is a new digest, with no build step and no
query strings. A phone downloads the app once and revalidates nothing.
"""

from __future__ import annotations

import gzip
import hashlib
import mimetypes
from dataclasses import dataclass
from pathlib import Path

STATIC = Path(__file__).parent / "static"
COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg+xml",
                "application/manifest+json")
mimetypes.add_type("text/javascript", ".js")
mimetypes.add_type("application/manifest+json", ".webmanifest")


@dataclass(frozen=True)
class Asset:
    data: bytes
    gzipped: bytes | None
    mimetype: str


class AssetStore:
    def __init__(self, root: Path = STATIC):
        self.root = root
        self.files: dict[str, Asset] = {}
        tree = hashlib.sha256()
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            name = path.relative_to(root).as_posix()
            if name.endswith(".md") or "/." in f"/{name}":
                continue
            data = path.read_bytes()
            tree.update(name.encode() + b"\0" + hashlib.sha256(data).digest())
            self.files[name] = _asset(name, data)
        self.digest = tree.hexdigest()[:16]

    def get(self, name: str) -> Asset | None:
        return self.files.get(name)

    def url(self, name: str) -> str:
        return f"/assets/{self.digest}/{name}"

    def compressed_size(self, names: list[str]) -> int:
        """Bytes on the wire for these files when the browser accepts gzip."""
        return sum(len(self.files[n].gzipped or self.files[n].data) for n in names)


def _asset(name: str, data: bytes) -> Asset:
    mimetype = mimetypes.guess_type(name)[0] or "application/octet-stream"
    gzipped = None
    if mimetype.startswith(COMPRESSIBLE) and len(data) > 512:
        packed = gzip.compress(data, compresslevel=9, mtime=0)
        gzipped = packed if len(packed) < len(data) else None
    return Asset(data, gzipped, mimetype)
