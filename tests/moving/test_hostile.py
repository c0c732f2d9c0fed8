"""Damaged and hostile exports are refused with a clear message, before anything is written."""

import pytest
from django.core.management import CommandError, call_command

from authors.models import Author
from blog.models import Post
from moving import wxr as reader
from moving.models import ImportedItem
from tests.moving import wxr

pytestmark = pytest.mark.django_db

GOOD = wxr.export(wxr.author("ada"), wxr.item(1, "First"), wxr.item(2, "Second"))


def refused(tmp_path, content: bytes | str) -> str:
    path = tmp_path / "export.xml"
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    with pytest.raises(CommandError) as refusal:
        call_command("import_wordpress", str(path), verbosity=0)
    assert not Post.objects.exists()
    assert not Author.objects.exists()
    assert not ImportedItem.objects.exists()
    return str(refusal.value)


def test_a_truncated_export_imports_nothing(tmp_path):
    message = refused(tmp_path, GOOD[: GOOD.index("<wp:post_id>2")])
    assert "not well-formed XML (truncated?)" in message
    assert "Nothing was imported" in message


def test_billion_laughs_is_refused_unexpanded(tmp_path):
    laughs = (
        '<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY lol "lol">\n'
        + "".join(
            f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10 if n > 1 else "&lol;" * 10}">\n'
            for n in range(1, 10)
        )
        + "]>\n<rss><channel><title>&lol9;</title></channel></rss>"
    )
    assert "declares a DTD or entities" in refused(tmp_path, laughs)


def test_an_external_entity_is_refused_unread(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("password")
    xxe = GOOD.replace(
        "<rss", f'<!DOCTYPE rss [<!ENTITY x SYSTEM "file://{secret}">]>\n<rss', 1
    ).replace("<title>First</title>", "<title>&x;</title>")
    assert "declares a DTD or entities" in refused(tmp_path, xxe)


def test_a_line_too_long_is_refused_before_it_is_held(tmp_path, monkeypatch):
    monkeypatch.setattr(reader, "MAX_LINE_BYTES", 100_000)
    huge = GOOD.replace("<p>Body.</p>", "x" * 300_000, 1)
    assert "longer than 100,000 bytes" in refused(tmp_path, huge)


def test_a_file_that_is_not_an_export_is_refused(tmp_path):
    assert "not a WXR export" in refused(tmp_path, "<html><body>Hi</body></html>")
    assert "no wp:wxr_version" in refused(
        tmp_path, "<rss><channel><title>x</title></channel></rss>"
    )
    assert "truncated" in refused(tmp_path, "")


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(CommandError, match="no such file"):
        call_command("import_wordpress", str(tmp_path / "nowhere.xml"))
