"""Moving out: the publication written as WXR and JSON, and brought back whole from WXR."""

import datetime
import json
from io import StringIO

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.contrib.flatpages.models import FlatPage
from django.contrib.sites.models import Site
from django.core.management import call_command
from taggit.models import Tag

from authors.models import Author
from blog.models import Category, Post
from comments.models import Comment
from moving.models import ImportedItem
from tests.factories import AuthorFactory, CategoryFactory, CommentFactory, PostFactory

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 12, 6, 12, 0, tzinfo=datetime.UTC)


def at(days):
    return NOW + datetime.timedelta(days=days)


@pytest.fixture
def publication():
    ada = AuthorFactory(
        display_name="Ada Lovelace", slug="ada-lovelace", tagline="Engines", rhythm="Mondays",
        introduction="I write about engines.", user__username="ada", user__email="ada@example.com",
    )  # fmt: skip
    bob = AuthorFactory(display_name="Bob Byline", slug="bob", is_active=False)
    desk = CategoryFactory(name="Service desk", slug="service-desk", description="Desks")
    published = PostFactory(
        title="Q&A: the desk", slug="q-and-a", author=ada, category=desk,
        excerpt="Questions & answers.", published_at=at(-30), is_featured=True,
        body="<p>One <strong>bold</strong> line.</p>\n<p>https://www.youtube.com/watch?v=dQw4w9WgXcQ</p>"
        "\n<figure><img src=\"https://example.com/a.jpg\" alt=\"A\"><figcaption>Cap</figcaption>"
        "</figure>",
        tags=["ITIL", "Change"],
    )  # fmt: skip
    PostFactory(title="Soon", slug="soon", author=bob, category=None, published_at=at(5))
    PostFactory(title="Unfinished", slug="unfinished", author=ada, draft=True,
                allow_comments=False)  # fmt: skip
    first = CommentFactory(post=published, name="Ann", body="Line one\nline two < three",
                           created_at=at(-29), location="Leeds")  # fmt: skip
    CommentFactory(post=published, parent=first, name="Ada Lovelace", email="ada@example.com",
                   user=ada.user, is_by_post_author=True, created_at=at(-28))  # fmt: skip
    CommentFactory(post=published, name="Spammer", status="spam", created_at=at(-27))
    CommentFactory(post=published, name="Waiting", status="pending", created_at=at(-26))
    CommentFactory(post=published, name="Rude", status="rejected", created_at=at(-25))
    page = FlatPage.objects.create(url="/masthead/", title="Masthead", content="<p>Who we are</p>")
    page.sites.add(Site.objects.get_current())


def snapshot():
    """Return everything a reader, a columnist or a moderator could tell apart."""
    return {
        "columnists": sorted(
            (a.user.username, a.user.email, a.display_name, a.slug, a.tagline, a.introduction,
             a.rhythm, a.is_active)
            for a in Author.objects.select_related("user")
        ),
        "categories": sorted(Category.objects.values_list("slug", "name", "description")),
        "posts": sorted(
            (p.slug, p.title, p.author.user.username, p.status, p.published_at, p.excerpt, p.body,
             p.category and p.category.slug, sorted(t.name for t in p.tags.all()), p.is_featured,
             p.allow_comments)
            for p in Post.objects.all()
        ),
        "comments": sorted(
            (c.post.slug, c.name, c.email, c.location, c.body, c.status, c.created_at,
             c.ip_address, c.parent and c.parent.name, c.is_by_post_author)
            for c in Comment.objects.all()
        ),
        "pages": sorted(FlatPage.objects.values_list("url", "title", "content")),
    }  # fmt: skip


def empty_database():
    Comment.objects.all().delete()
    Post.objects.all().delete()
    Author.objects.all().delete()
    get_user_model().objects.all().delete()
    Category.objects.all().delete()
    Tag.objects.all().delete()
    FlatPage.objects.all().delete()
    ImportedItem.objects.all().delete()


@time_machine.travel(NOW, tick=False)
def test_a_round_trip_through_wxr_keeps_everything(tmp_path, publication):
    before = snapshot()
    path = tmp_path / "publication.xml"
    call_command("export_publication", str(path), format="wxr", stdout=StringIO())
    empty_database()
    assert snapshot()["posts"] == []
    call_command("import_wordpress", str(path), stdout=StringIO())
    after = snapshot()
    for kind in before:
        assert after[kind] == before[kind], kind


@time_machine.travel(NOW, tick=False)
def test_the_wxr_is_an_export_wordpress_reads(tmp_path, publication):
    path = tmp_path / "publication.xml"
    call_command("export_publication", str(path), stdout=StringIO())
    text = path.read_text()
    assert 'xmlns:wp="http://wordpress.org/export/1.2/"' in text
    assert "<wp:wxr_version>1.2</wp:wxr_version>" in text
    assert "<wp:status><![CDATA[future]]></wp:status>" in text
    assert "<wp:comment_approved><![CDATA[spam]]></wp:comment_approved>" in text
    assert '<category domain="post_tag" nicename="itil"><![CDATA[ITIL]]></category>' in text
    # The video is its address on a line of its own, as WordPress embeds it.
    assert "<p>https://www.youtube.com/watch?v=dQw4w9WgXcQ</p>" in text


@time_machine.travel(NOW, tick=False)
def test_the_json_holds_every_kind(publication):
    out = StringIO()
    call_command("export_publication", "-", format="json", stdout=out)
    data = json.loads(out.getvalue())
    assert {a["login"] for a in data["columnists"]} >= {"ada"}
    posts = {p["slug"]: p for p in data["posts"]}
    assert posts["q-and-a"]["status"] == "publish"
    assert posts["soon"]["status"] == "future"
    assert posts["unfinished"]["status"] == "draft"
    assert sorted(c["status"] for c in posts["q-and-a"]["comments"]) == [
        "approved", "approved", "pending", "rejected", "spam",
    ]  # fmt: skip
    assert sorted(tag["name"] for tag in posts["q-and-a"]["tags"]) == ["Change", "ITIL"]
    assert any(page["url"] == "/masthead/" for page in data["pages"])
    assert "service-desk" in [c["slug"] for c in data["categories"]]
