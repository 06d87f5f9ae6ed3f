"""Making a static HTML site work offline: the scripts, styles and fonts its pages load from CDNs
are replaced by the copies vendored in orchestration/docs_assets/vendor/ (listed, with the npm
package each comes from, in docs_assets/vendor.csv).

A module belongs here if it is about that rewrite; what the site contains belongs in docs.py.
"""

from __future__ import annotations

import csv
import os
import re
import shutil
from pathlib import Path

ASSETS_DIR = Path(__file__).resolve().parent / "docs_assets"
VENDOR_DIR = ASSETS_DIR / "vendor"
VENDOR_LIST = ASSETS_DIR / "vendor.csv"
SITE_VENDOR = Path("static") / "vendor"  # where a site gets its copy, relative to its root

# a <script src> or <link href> that loads from the network
REMOTE_RESOURCE = re.compile(
    r"<(?:script|link)\b[^>]*?\b(?:src|href)=[\"'](?P<url>(?:https?:)?//[^\"']+)[\"']",
    re.IGNORECASE,
)


def vendored() -> dict[str, Path]:
    """CDN URL → the vendored file (under VENDOR_DIR) that replaces it."""
    with VENDOR_LIST.open(encoding="utf-8", newline="") as handle:
        return {row["url"]: Path(row["file"]) for row in csv.DictReader(handle)}


def remote_resources(html: str) -> list[str]:
    """The URLs of scripts and stylesheets a page loads from the network (links to web pages,
    `<a href>`, are not resources and are not listed)."""
    return [match["url"] for match in REMOTE_RESOURCE.finditer(html)]


def make_offline(site_dir: Path) -> int:
    """Copy the vendored files into site_dir/static/vendor and point every page of the site at
    them; return the number of pages rewritten. Raises ValueError naming the page and URL of a
    remote script or stylesheet no vendored file replaces."""
    urls = vendored()
    target = site_dir / SITE_VENDOR
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(VENDOR_DIR, target)
    rewritten = 0
    for page in sorted(site_dir.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        prefix = Path(os.path.relpath(target, page.parent)).as_posix()
        new = text
        for url, file in urls.items():
            new = new.replace(f'"{url}"', f'"{prefix}/{file.as_posix()}"')
        missing = remote_resources(new)
        if missing:
            raise ValueError(
                f"{page}: loads {missing[0]} from the network; vendor it "
                f"(orchestration/docs_assets/vendor.csv)"
            )
        if new != text:
            page.write_text(new, encoding="utf-8")
            rewritten += 1
    return rewritten
