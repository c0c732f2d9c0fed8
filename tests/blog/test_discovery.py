import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from blog.models import Post
from edge import tags
from edge.fragments import cached_fragment
from edge.state import content_changed
from tests.authors.test_admin import change_url, post_form
from tests.factories import PostFactory

pytestmark = pytest.mark.django_db


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


@pytest.fixture
def post(author):
    return PostFactory(title="The Post", author=author, tags=["itil", "change"])


def test_related_posts_rank_shared_tags_then_category_then_author(client, post, author):
    # Each older than the last, so that newness alone would give the opposite order.
    by_author = PostFactory(title="Same author", author=author, published_at=days_ago(2))
    in_category = PostFactory(
        title="Same category", category=post.category, published_at=days_ago(3)
    )
    one_tag = PostFactory(title="One tag", tags=["itil"], published_at=days_ago(4))
    one_tag_and_category = PostFactory(
        title="One tag and category", tags=["change"], category=post.category,
        published_at=days_ago(5),
    )  # fmt: skip
    two_tags = PostFactory(title="Two tags", tags=["itil", "change"], published_at=days_ago(6))
    PostFactory(title="Nothing in common", tags=["supplier"], published_at=days_ago(1))

    response = client.get(post.get_absolute_url())

    ranked = [two_tags, one_tag_and_category, one_tag, in_category, by_author]
    assert list(Post.objects.published().related_to(post)) == ranked
    assert response.context["related_posts"] == ranked[:4]
    assert "Related columns" in response.text
    assert two_tags.get_absolute_url() in response.text


def test_related_posts_are_never_the_post_itself_drafts_or_scheduled(client, post):
    PostFactory(title="Draft twin", tags=["itil", "change"], draft=True)
    PostFactory(title="Scheduled twin", tags=["itil", "change"], scheduled=True)

    response = client.get(post.get_absolute_url())

    assert response.context["related_posts"] == []
    assert "Related columns" not in response.text


def test_post_without_tags_or_category_is_related_by_author(client, author):
    post = PostFactory(author=author, category=None)
    PostFactory(category=None)  # another author, no category: nothing in common
    previous = PostFactory(author=author, published_at=days_ago(3))
    older = PostFactory(author=author, published_at=days_ago(4))

    response = client.get(post.get_absolute_url())

    assert list(Post.objects.published().related_to(post)) == [previous, older]
    # The previous column has its own link on the page.
    assert response.context["related_posts"] == [older]


def test_post_page_offers_the_authors_latest_other_posts(client, post, author):
    older = [PostFactory(author=author, published_at=days_ago(10 + n)) for n in range(5)]
    PostFactory(author=author, draft=True)
    alike = [PostFactory(tags=["itil", "change"]) for _ in range(4)]

    response = client.get(post.get_absolute_url())

    assert set(response.context["related_posts"]) == set(alike)
    assert response.context["previous_post"] == older[0]
    # The newest three the page does not link to already.
    assert response.context["more_from_author"] == older[1:4]
    assert f"Latest from {author.display_name}" in response.text


def test_the_authors_latest_leave_out_what_the_page_links_already_however_long_the_blog(
    client, author
):
    post = PostFactory(author=author, tags=["itil"], published_at=days_ago(20))
    # The author's four newest share the tag: they are the related posts.
    newest = [
        PostFactory(author=author, tags=["itil"], published_at=days_ago(n)) for n in range(1, 5)
    ]
    middle = [PostFactory(author=author, published_at=days_ago(n)) for n in range(5, 19)]
    before = [PostFactory(author=author, published_at=days_ago(n)) for n in range(21, 25)]

    context = client.get(post.get_absolute_url()).context

    assert context["previous_post"] == before[0]
    assert context["next_post"] == middle[-1]
    assert set(context["related_posts"]) == set(newest)
    assert context["more_from_author"] == middle[:3]


def test_a_column_published_by_its_author_joins_the_latest_on_their_other_pages(
    client, author_client, post, author
):
    draft = PostFactory(author=author, draft=True, title="Fresh from the desk")
    assert "Fresh from the desk" not in client.get(post.get_absolute_url()).text

    author_client.post(change_url(draft), post_form(draft, _publish="Publish now"))

    assert "Fresh from the desk" in client.get(post.get_absolute_url()).text


def test_a_posts_links_are_kept_until_content_changes(client, post, author):
    client.get(post.get_absolute_url())
    # Written straight to the table, as nothing in the site does: no content change.
    PostFactory(author=author, title="Slipped in unseen")

    assert "Slipped in unseen" not in client.get(post.get_absolute_url()).text
    content_changed()
    assert "Slipped in unseen" in client.get(post.get_absolute_url()).text


@pytest.mark.parametrize(("words", "minutes"), [(10, 1), (230, 1), (700, 3), (1380, 6)])
def test_reading_time_counts_the_words_of_the_body(words, minutes):
    post = PostFactory(body="<p>" + "word " * words + "</p><h2>A&nbsp;heading</h2>")

    assert post.reading_minutes == minutes


def test_post_page_shows_its_reading_time(client):
    post = PostFactory(body="<p>" + "word " * 1380 + "</p>")

    assert "6 min read" in client.get(post.get_absolute_url()).text


def popular_tags(content):
    widget = content.split('id="popular-tags-title"')[1].split("</section>")[0]
    return re.findall(r'href="/tag/([^/]+)/"', widget)


def test_popular_tags_widget_lists_the_most_used_tags_of_published_posts(client):
    for _ in range(3):
        PostFactory(tags=["itil"])
    for _ in range(2):
        PostFactory(tags=["change"])
    PostFactory(tags=["supplier"])
    for _ in range(4):
        PostFactory(tags=["secret-merger"], draft=True)
        PostFactory(tags=["coming-soon"], scheduled=True)

    content = client.get("/").text

    assert popular_tags(content) == ["itil", "change", "supplier"]
    assert "Popular tags" in content


def test_popular_tags_widget_stops_at_fifteen(client):
    PostFactory(tags=[f"tag-{n:02d}" for n in range(20)])

    assert len(popular_tags(client.get("/").text)) == 15


def test_popular_tags_are_cached_until_the_content_changes(client):
    PostFactory(tags=["itil"])
    client.get("/")
    PostFactory(tags=["change"])  # saved outside the admin, which would forget the fragments

    assert popular_tags(client.get("/").text) == ["itil"]
    content_changed(tags.SITE)
    assert popular_tags(client.get("/").text) == ["change", "itil"]


def test_a_page_asks_the_database_for_no_sidebar_widget_it_has_kept(client):
    PostFactory(tags=["itil"])
    client.get("/")
    with CaptureQueriesContext(connection) as kept:
        client.get("/")

    assert not any("taggit_tag" in query["sql"] for query in kept.captured_queries)


def test_a_fragment_is_rebuilt_for_each_content_version(db):
    built = []

    def build():
        built.append(1)
        return f"<p>{len(built)}</p>"

    assert cached_fragment("widget", build) == "<p>1</p>"
    assert cached_fragment("widget", build) == "<p>1</p>"
    content_changed()
    assert cached_fragment("widget", build) == "<p>2</p>"


def test_a_post_sharing_no_tag_is_related_first_to_its_authors_columns_in_its_section(
    author, monkeypatch
):
    monkeypatch.setattr("blog.models.ALIKE_CANDIDATES", 2)
    post = PostFactory(author=author)
    same_both = PostFactory(author=author, category=post.category, published_at=days_ago(30))
    for n in range(3):  # newer, each alike in one way only
        PostFactory(title=f"Section {n}", category=post.category, published_at=days_ago(n + 1))
        PostFactory(title=f"Author {n}", author=author, category=None, published_at=days_ago(n + 1))

    related = list(Post.objects.published().related_to(post))

    assert related[0] == same_both


def test_an_old_posts_related_posts_still_rank_shared_tags_first(post, monkeypatch):
    monkeypatch.setattr("blog.models.RELATED_CANDIDATES", 3)
    twin = PostFactory(title="Old twin", tags=["itil", "change"], published_at=days_ago(400))
    post.published_at = days_ago(390)
    post.save()
    for n in range(6):  # newer columns of its section and its author, sharing no tag
        PostFactory(title=f"Newer {n}", category=post.category, author=post.author)

    related = list(Post.objects.published().related_to(post))

    assert related[0] == twin


def test_a_posts_own_tags_take_no_place_among_the_latest_sharing_them(author, monkeypatch):
    monkeypatch.setattr("blog.models.RELATED_CANDIDATES", 2)
    twin = PostFactory(title="Shares a tag", tags=["itil"], published_at=days_ago(3))
    post = PostFactory(author=author, tags=["itil", "change"])  # newest: its links come first

    assert twin in Post.objects.published().related_to(post)
