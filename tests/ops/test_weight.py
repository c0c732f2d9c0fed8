"""What a phone downloads: a light post page, and static files cached for a year."""

import gzip
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client

from tests.factories import CommentFactory, PostFactory

pytestmark = pytest.mark.django_db

BUDGET = 60 * 1024
STATIC = Path(settings.BASE_DIR) / "static"


def gzipped(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6))


def test_a_long_post_page_with_its_css_and_javascript_stays_under_60_kb_compressed(author):
    paragraph = "<p>" + " ".join(["The change board met again and asked why."] * 12) + "</p>"
    body = "".join(f"<h2>Part {n}</h2>{paragraph}" for n in range(12))
    post = PostFactory(author=author, body=body, tags=["itil", "change", "metrics"])
    CommentFactory.create_batch(20, post=post, body="A thoughtful answer. " * 8)

    response = Client().get(post.get_absolute_url(), HTTP_ACCEPT_ENCODING="gzip")
    page = gzip.decompress(response.content)
    assets = re.findall(rb'(?:href|src)="/static/([^"]+\.(?:css|js))"', page)
    # The page as sent; static files as whitenoise sends them, compressed ahead.
    total = len(response.content) + sum(gzipped((STATIC / a.decode()).read_bytes()) for a in assets)

    assert response["Content-Encoding"] == "gzip"

    assert {a.decode() for a in assets} >= {"css/site.css", "js/my.js"}
    assert total < BUDGET, f"{total} bytes"


def test_static_files_are_fingerprinted_compressed_and_cached_for_a_year(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    call_command("collectstatic", "--noinput", verbosity=0)
    hashed = next(tmp_path.glob("css/site.*.css"))
    assert hashed.with_name(hashed.name + ".gz").exists()

    response = Client().get(f"/static/css/{hashed.name}", HTTP_ACCEPT_ENCODING="gzip")

    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert "max-age=315360000" in response["Cache-Control"]
    assert "immutable" in response["Cache-Control"]
