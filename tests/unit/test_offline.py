"""The docs site works offline: every CDN script and stylesheet the Great Expectations Data Docs
templates can name is replaced by a vendored copy, and an unknown one fails by name."""

from __future__ import annotations

import re
from pathlib import Path

import great_expectations
import pytest

from orchestration.offline import VENDOR_DIR, make_offline, remote_resources, vendored

GX_TEMPLATES = Path(great_expectations.__file__).parent / "render" / "view" / "templates"


def _template_urls() -> set[str]:
    """Every remote script or stylesheet the installed GX templates load."""
    urls: set[str] = set()
    for template in GX_TEMPLATES.rglob("*.j2"):
        urls.update(remote_resources(template.read_text(encoding="utf-8")))
    return urls


def test_every_gx_cdn_resource_has_a_vendored_file() -> None:
    urls = _template_urls()
    assert len(urls) > 10  # the templates were read
    assert urls - set(vendored()) == set()
    assert all((VENDOR_DIR / file).is_file() for file in vendored().values())


def test_pages_point_at_the_vendored_copies(tmp_path: Path) -> None:
    page = tmp_path / "validations" / "suite" / "run.html"
    page.parent.mkdir(parents=True)
    tags = "".join(f'<script src="{url}"></script>' for url in sorted(_template_urls()))
    page.write_text(f'<html><head>{tags}</head><a href="https://greatexpectations.io">'
                    "GX</a></html>", encoding="utf-8")  # fmt: skip

    assert make_offline(tmp_path) == 1

    text = page.read_text(encoding="utf-8")
    assert remote_resources(text) == []
    assert 'href="https://greatexpectations.io"' in text  # a link is not a resource
    local = re.findall(r'src="([^"]+)"', text)
    assert local and all((page.parent / src).resolve().is_file() for src in local)


def test_an_unvendored_cdn_script_fails_naming_page_and_url(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text(
        '<script src="https://cdn.example.org/x.js"></script>', encoding="utf-8"
    )
    with pytest.raises(ValueError, match=r"index.html: loads https://cdn.example.org/x.js"):
        make_offline(tmp_path)
