"""Importing a WordPress export: what arrives, how, and that a second run adds nothing."""

import datetime
from io import StringIO

import pytest
import time_machine
from django.contrib.flatpages.models import FlatPage
from django.contrib.redirects.models import Redirect
from django.core.management import call_command
from taggit.models import Tag

from authors.models import Author
from blog.models import Category, Post
from comments.models import Comment
from moving.models import ImportedItem
from tests.moving import wxr

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 12, 6, 12, 0, tzinfo=datetime.UTC)


def run_import(tmp_path, text, *args, name="export.xml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    out = StringIO()
    call_command("import_wordpress", str(path), *args, stdout=out)
    return out.getvalue()


def site_export(*items):
    return wxr.export(
        wxr.author("ada", display_name="Ada Lovelace", email="ada@old.example.com"),
        wxr.author("bob", display_name="Bob Byline", author_id=2),
        wxr.category("service-desk", "Service desk", description="Desks and people"),
        wxr.category("uncategorized", "Uncategorized", term_id=2),
        wxr.tag("itil", "ITIL"),
        *items,
    )


def row_counts():
    models = [Post, Comment, Author, Tag, Category, FlatPage, ImportedItem, Redirect]
    return {model.__name__: model.objects.count() for model in models}


PUBLISHED = wxr.item(
    101,
    "Hello desk",
    excerpt="<p>A short <em>opening</em>.</p>",
    sticky=True,
    categories=[("service-desk", "Service desk")],
    tags=[("itil", "ITIL"), ("change", "Change")],
)


@time_machine.travel(NOW, tick=False)
def test_authors_become_columnists_with_their_blogs(tmp_path):
    run_import(tmp_path, site_export())
    ada = Author.objects.get(user__username="ada")
    assert ada.display_name == "Ada Lovelace"
    assert ada.slug == "ada"
    assert ada.user.email == "ada@old.example.com"
    assert ada.user.is_staff and not ada.user.has_usable_password()
    assert ada.user.groups.filter(name="Authors").exists()
    assert Author.objects.filter(user__username="bob").exists()


@time_machine.travel(NOW, tick=False)
def test_a_published_post_keeps_its_date_slug_excerpt_terms_and_stickiness(tmp_path):
    run_import(tmp_path, site_export(PUBLISHED))
    post = Post.objects.get(slug="hello-desk")
    assert post.is_published()
    assert post.published_at == datetime.datetime(2019, 3, 5, 10, 0, tzinfo=datetime.UTC)
    assert post.excerpt == "A short opening."
    assert post.author.user.username == "ada"
    assert post.category == Category.objects.get(slug="service-desk")
    assert post.category.description == "Desks and people"
    assert sorted(t.name for t in post.tags.all()) == ["Change", "ITIL"]
    assert post.is_featured
    assert Post.objects.published().filter(pk=post.pk).exists()


@time_machine.travel(NOW, tick=False)
def test_statuses_map_to_published_scheduled_and_draft(tmp_path):
    run_import(
        tmp_path,
        site_export(
            wxr.item(1, "Out now", status="publish"),
            wxr.item(2, "Coming soon", status="future", date="2027-01-10 09:00:00"),
            wxr.item(3, "Half written", status="draft"),
            wxr.item(4, "For review", status="pending"),
            wxr.item(5, "Only for me", status="private"),
            wxr.item(6, "Thrown away", status="trash"),
        ),
    )
    posts = {post.title: post for post in Post.objects.all()}
    assert posts["Out now"].is_published()
    assert posts["Coming soon"].is_scheduled()
    assert not posts["Coming soon"].is_published()
    for title in ["Half written", "For review", "Only for me"]:
        assert posts[title].status == Post.Status.DRAFT
    assert "Thrown away" not in posts
    assert not Post.objects.published().filter(title="Coming soon").exists()


@time_machine.travel(NOW, tick=False)
def test_pages_become_static_pages_at_their_old_address(tmp_path, client):
    page = wxr.item(
        7, "About the desk", post_type="page", link=f"{wxr.SITE}/about-the-desk/",
        content="We run desks.\n\nSince 1999.",
    )  # fmt: skip
    run_import(tmp_path, site_export(page))
    flatpage = FlatPage.objects.get(url="/about-the-desk/")
    assert flatpage.content == "<p>We run desks.</p>\n<p>Since 1999.</p>"
    assert "We run desks." in client.get("/about-the-desk/").text


@time_machine.travel(NOW, tick=False)
def test_comments_keep_state_and_replies_to_replies_join_the_thread(tmp_path):
    comments = [
        wxr.comment(1, content="First!", name="Ann", email="ann@example.org",
                    url="https://ann.example.org/"),
        wxr.comment(2, content="Agreed, Ann.", name="Ben", parent=1),
        wxr.comment(3, content="Not at all.", name="Cat", parent=2),
        wxr.comment(4, content="Waiting", approved="0"),
        wxr.comment(5, content="Buy pills", approved="spam"),
        wxr.comment(6, content="Linked here", comment_type="pingback"),
        wxr.comment(7, content="Binned", approved="trash"),
    ]  # fmt: skip
    run_import(tmp_path, site_export(wxr.item(101, "Hello desk", comments=comments)))
    post = Post.objects.get(slug="hello-desk")
    by_body = {c.body.splitlines()[-1]: c for c in Comment.objects.filter(post=post)}
    first, second, third = by_body["First!"], by_body["Agreed, Ann."], by_body["Not at all."]
    assert first.parent is None and first.status == Comment.Status.APPROVED
    assert first.name == "Ann" and first.email == "ann@example.org"
    assert first.created_at == datetime.datetime(2019, 3, 6, 9, 0, tzinfo=datetime.UTC)
    assert second.parent == first
    # One level deep in Masthead: the reply to a reply joins the thread, saying whom it answers.
    assert third.parent == first
    assert third.body == "In reply to Ben:\n\nNot at all."
    assert by_body["Waiting"].status == Comment.Status.PENDING
    assert by_body["Buy pills"].status == Comment.Status.SPAM
    assert by_body["Binned"].status == Comment.Status.REJECTED
    assert "Linked here" not in by_body
    assert ImportedItem.objects.get(kind="comment", wordpress_id="1").details == {
        "url": "https://ann.example.org/"
    }


@time_machine.travel(NOW, tick=False)
def test_a_second_run_changes_nothing_and_says_so(tmp_path):
    text = site_export(PUBLISHED, wxr.item(102, "Second", comments=[wxr.comment(9)]))
    run_import(tmp_path, text)
    before = row_counts()
    output = run_import(tmp_path, text)
    assert "Nothing new" in output
    assert "Posts: 0 imported, 2 already here" in output
    assert "Comments: 0 imported, 1 already here" in output
    assert row_counts() == before


@time_machine.travel(NOW, tick=False)
def test_a_later_export_adds_only_new_posts_and_comments(tmp_path):
    run_import(tmp_path, site_export(wxr.item(101, "Hello desk", comments=[wxr.comment(1)])))
    later = site_export(
        wxr.item(101, "Hello desk", comments=[wxr.comment(1), wxr.comment(2, parent=1,
                                                                           content="Late reply")]),
        wxr.item(102, "Next week"),
    )  # fmt: skip
    output = run_import(tmp_path, later)
    assert "Posts: 1 imported, 1 already here" in output
    assert Post.objects.count() == 2
    reply = Comment.objects.get(body="Late reply")
    assert reply.parent.body == "A fine column."
    assert Comment.objects.count() == 2


@time_machine.travel(NOW, tick=False)
def test_a_dry_run_reports_and_saves_nothing(tmp_path):
    output = run_import(tmp_path, site_export(PUBLISHED), "--dry-run")
    assert "Posts: 1 imported" in output
    assert "Dry run" in output
    assert not Post.objects.exists()
    assert not Author.objects.exists()
    assert not ImportedItem.objects.exists()


@time_machine.travel(NOW, tick=False)
def test_a_wxr_1_1_export_imports_as_well(tmp_path):
    text = wxr.export(wxr.author("ada"), wxr.item(5, "Older format"), version="1.1")
    run_import(tmp_path, text)
    assert Post.objects.get().title == "Older format"


@time_machine.travel(NOW, tick=False)
def test_progress_and_report_are_quiet_with_verbosity_zero(tmp_path):
    path = tmp_path / "export.xml"
    path.write_text(site_export(PUBLISHED))
    out = StringIO()
    call_command("import_wordpress", str(path), verbosity=0, stdout=out)
    assert out.getvalue() == ""
    assert Post.objects.count() == 1


@time_machine.travel(NOW, tick=False)
def test_slugs_in_other_scripts_arrive_readable_and_a_second_run_still_adds_nothing(
    tmp_path, client
):
    text = wxr.export(
        wxr.author("ada"),
        wxr.tag("%e6%97%a5%e6%9c%ac", "日本"),
        wxr.item(
            8, "Tokyo desk", slug="%e6%9d%b1%e4%ba%ac", tags=[("%e6%97%a5%e6%9c%ac", "日本")],
            categories=[("%e3%83%87%e3%82%b9%e3%82%af", "Desk")],
        ),
    )  # fmt: skip
    run_import(tmp_path, text)
    post = Post.objects.get()
    assert post.slug == "tokyo-desk"  # Masthead's post addresses are ASCII: made from the title
    assert post.category.slug == "desk"
    assert [(t.name, t.slug) for t in post.tags.all()] == [("日本", "日本")]
    assert client.get(post.get_absolute_url()).status_code == 200
    assert "Nothing new" in run_import(tmp_path, text)
