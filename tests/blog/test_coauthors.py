"""Co-authored posts: on every co-author's blog and feed, named in every byline, editable by
each co-author and no one else beyond its lead author and the editors."""

import json
import re
from http import HTTPStatus

import feedparser
import pytest
from django.test import Client
from django.urls import reverse
from reversion.models import Version

from blog.models import Post, PostAuthor
from edge import tags
from tests.authors.test_admin import change_url, delete_url, post_form
from tests.blog.uploads import inline_forms
from tests.factories import AuthorFactory, PostFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def ian():
    return AuthorFactory(display_name="Ian Clayton", slug="ian-clayton")


@pytest.fixture
def ken():
    return AuthorFactory(display_name="Ken Turbitt", slug="ken-turbitt")


@pytest.fixture
def joint(ian, ken):
    return PostFactory(title="Two views of the service desk", author=ian, coauthors=[ken])


def text_of(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))


def test_by_author_counts_a_post_once_whether_led_or_co_written(ian, ken, joint):
    led = PostFactory(author=ken, coauthors=[ian])
    draft = PostFactory(author=ian, coauthors=[ken], draft=True)
    scheduled = PostFactory(author=ian, coauthors=[ken], scheduled=True)
    third = AuthorFactory()
    # A third co-author on Ian's post: the post still comes once on each blog.
    PostAuthor.objects.create(post=joint, author=third, position=2)

    assert set(Post.objects.published().by_author(ken)) == {joint, led}
    assert Post.objects.published().by_author(ken).count() == 2
    assert list(Post.objects.published().by_author(ian).filter(pk=joint.pk)) == [joint]
    assert Post.objects.published().by_author(third).get() == joint
    assert draft in Post.objects.drafts().by_author(ken)
    assert scheduled in Post.objects.scheduled().by_author(ken)
    assert Post.objects.published().by_author(ken.pk).count() == 2


@pytest.mark.parametrize("slug_of", [lambda p: p.author.slug, lambda p: "ken-turbitt"])
def test_a_co_authored_post_is_on_both_blogs(client, joint, slug_of):
    page = client.get(reverse("blog:author", kwargs={"slug": slug_of(joint)})).text

    assert "Two views of the service desk" in page
    assert page.count(joint.get_absolute_url() + '"') >= 1


@pytest.mark.parametrize("slug", ["ian-clayton", "ken-turbitt"])
def test_both_columnists_feeds_carry_the_post_and_name_every_author(client, joint, slug):
    rss = feedparser.parse(client.get(reverse("blog:author-feed", kwargs={"slug": slug})).content)
    atom = feedparser.parse(
        client.get(reverse("blog:author-feed-atom", kwargs={"slug": slug})).content
    )

    for feed in (rss, atom):
        assert not feed.bozo, feed.bozo_exception
        [entry] = feed.entries
        assert entry.title == "Two views of the service desk"
    assert [a["name"] for a in atom.entries[0].authors] == ["Ian Clayton", "Ken Turbitt"]
    assert atom.entries[0].authors[1]["href"] == "http://testserver/authors/ken-turbitt/"
    creators = re.findall(r"<dc:creator[^>]*>([^<]+)</dc:creator>", rss_text(client, slug))
    assert creators == ["Ian Clayton", "Ken Turbitt"]


def rss_text(client, slug):
    return client.get(reverse("blog:author-feed", kwargs={"slug": slug})).text


def test_the_byline_names_every_author_on_cards_and_the_post(client, joint):
    third = AuthorFactory(display_name="Ada Author", slug="ada")
    PostAuthor.objects.create(post=joint, author=third, position=2)

    for address in (reverse("blog:index"), joint.get_absolute_url()):
        page = text_of(client.get(address).text)
        assert "Ian Clayton, Ken Turbitt and Ada Author" in page
    html = client.get(joint.get_absolute_url()).text
    assert '<a href="/authors/ken-turbitt/">Ken Turbitt</a>' in html
    # A co-author's new name reaches every page naming them.
    for address in (reverse("blog:index"), joint.get_absolute_url()):
        named = client.get(address)["Cache-Tag"].split(",")
        assert {tags.byline(third.pk), tags.byline(joint.author_id)} <= set(named)
    assert 'property="article:author" content="http://testserver/authors/ken-turbitt/"' in html


def test_a_post_of_one_author_keeps_its_plain_byline(client, ian):
    post = PostFactory(author=ian)

    page = text_of(client.get(post.get_absolute_url()).text)

    assert "| Ian Clayton ·" in page
    assert " and " not in page.split("| Ian Clayton")[0][-40:]


def test_search_results_name_every_author(client, joint):
    page = text_of(client.get(reverse("blog:search"), {"q": "service desk"}).text)

    assert "Ian Clayton and Ken Turbitt" in page


def test_structured_data_lists_every_author(client, joint):
    html = client.get(joint.get_absolute_url()).text
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html)[1])

    assert [person["name"] for person in data["author"]] == ["Ian Clayton", "Ken Turbitt"]
    assert data["author"][1]["url"] == "http://testserver/authors/ken-turbitt/"


def test_a_columnists_blog_costs_the_same_queries_with_few_or_many_co_authored_posts(
    client, ian, ken, django_assert_max_num_queries
):
    address = reverse("blog:author", kwargs={"slug": "ken-turbitt"})

    def count():
        client.get(address)  # fills the kept fragments: count what every reader pays
        with django_assert_max_num_queries(20) as queries:
            client.get(address)
        return len(queries.captured_queries)

    PostFactory(author=ian, coauthors=[ken])
    few = count()
    for _ in range(8):
        PostFactory(author=ian, coauthors=[ken, AuthorFactory()])
    assert count() == few


def test_a_byline_is_rendered_anew_when_an_editor_adds_a_co_author(editor_client, ian, ken):
    client = Client()
    post = PostFactory(author=ian, title="Written alone")
    assert "Ian Clayton</a> and <a" not in client.get(reverse("blog:index")).text  # the card kept

    row = {"author": ken.pk, "position": 1}
    data = post_form(post) | inline_forms("post_authors", row)
    response = editor_client.post(change_url(post), data)

    assert response.status_code == HTTPStatus.FOUND, response.context["errors"]
    assert "Ian Clayton</a> and <a" in client.get(reverse("blog:index")).text
    assert "Written alone" in client.get(reverse("blog:author", args=["ken-turbitt"])).text


def test_adding_or_removing_a_co_author_purges_their_blog(
    editor_client,
    ian,
    ken,
    varnish,  # noqa: F811 (the fixture imported above)
    django_capture_on_commit_callbacks,
):
    post = PostFactory(author=ian)
    data = post_form(post) | inline_forms("post_authors", {"author": ken.pk, "position": 1})
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(change_url(post), data)
    row = PostAuthor.objects.get()
    removal = {"id": row.pk, "post": post.pk, "author": ken.pk, "position": 1, "DELETE": "on"}
    data = post_form(post) | inline_forms("post_authors", removal, initial=1)
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(change_url(post), data)

    added, removed = varnish.purged_tags()
    assert {tags.author(ken.pk), tags.author(ian.pk)} <= added
    assert tags.author(ken.pk) in removed
    assert not PostAuthor.objects.exists()


def test_the_lead_author_cannot_also_be_a_co_author(editor_client, ian):
    post = PostFactory(author=ian)
    data = post_form(post) | inline_forms("post_authors", {"author": ian.pk, "position": 1})

    response = editor_client.post(change_url(post), data)

    assert response.status_code == HTTPStatus.OK
    assert "Ian Clayton is the post&#x27;s lead author already" in response.text
    assert not PostAuthor.objects.exists()


def test_a_co_author_edits_the_post_and_keeps_its_lead_author(client, joint, ian, ken):
    client.force_login(ken.user)

    assert client.get(change_url(joint)).status_code == HTTPStatus.OK
    data = post_form(joint, title="Two views, revised", author=ken.pk)
    response = client.post(change_url(joint), data)

    assert response.status_code == HTTPStatus.FOUND
    joint.refresh_from_db()
    assert joint.title == "Two views, revised"
    assert joint.author == ian


def test_a_co_author_previews_the_draft_they_co_write(client, ian, ken):
    draft = PostFactory(author=ian, coauthors=[ken], draft=True, title="Joint draft")
    client.force_login(ken.user)

    response = client.get(reverse("blog:preview", kwargs={"pk": draft.pk}))

    assert response.status_code == HTTPStatus.OK
    assert "Joint draft" in response.text


def test_a_co_author_cannot_delete_the_post_nor_name_more_co_authors(client, joint, ken):
    client.force_login(ken.user)
    newcomer = AuthorFactory()

    assert client.get(delete_url(joint)).status_code == HTTPStatus.FORBIDDEN
    client.post(delete_url(joint), {"post": "yes"})
    data = post_form(joint) | inline_forms("post_authors", {"author": newcomer.pk, "position": 2})
    client.post(change_url(joint), data)
    form = client.get(change_url(joint)).text

    assert Post.objects.filter(pk=joint.pk).exists()
    assert list(joint.coauthors.all()) == [ken]
    assert "post_authors-TOTAL_FORMS" not in form


def test_a_columnist_who_is_not_a_co_author_cannot_reach_the_post(client, joint):
    outsider = AuthorFactory()
    client.force_login(outsider.user)

    assert client.get(change_url(joint)).status_code == HTTPStatus.FOUND  # the admin's "missing"
    assert client.get(reverse("blog:preview", kwargs={"pk": joint.pk})).status_code == 404
    changelist = client.get(reverse("admin:blog_post_changelist")).text
    assert "Two views of the service desk" not in changelist


def test_a_co_authors_changelist_lists_the_post_once(client, ian, ken):
    PostFactory(author=ian, coauthors=[ken, AuthorFactory()], title="Three hands")
    PostFactory(author=ken, title="Ken alone")
    client.force_login(ken.user)

    page = client.get(reverse("admin:blog_post_changelist")).text

    assert page.count(">Three hands<") == 1
    assert ">Ken alone<" in page


def test_a_co_authors_name_finds_the_post_once_an_editor_names_them(editor_client, ian, ken):
    post = PostFactory(author=ian, title="A joint column")
    data = post_form(post) | inline_forms("post_authors", {"author": ken.pk, "position": 1})
    editor_client.post(change_url(post), data)

    found = Client().get(reverse("blog:search"), {"q": "Turbitt"}).text
    narrowed = Client().get(reverse("blog:search"), {"q": "joint", "author": "ken-turbitt"}).text

    assert "A joint column" in found
    assert "A joint column" in narrowed


def test_a_revert_by_the_lead_author_neither_brings_back_nor_drops_a_co_author(
    client, editor_client, ian, ken
):
    post = PostFactory(author=ian, title="Joint v0")
    data = post_form(post, title="Joint v1") | inline_forms(
        "post_authors", {"author": ken.pk, "position": 1}
    )
    editor_client.post(change_url(post), data)
    row = PostAuthor.objects.get()
    removal = {"id": row.pk, "post": post.pk, "author": ken.pk, "position": 1, "DELETE": "on"}
    data = post_form(post, title="Joint v2") | inline_forms("post_authors", removal, initial=1)
    editor_client.post(change_url(post), data)
    assert not PostAuthor.objects.exists()
    with_ken = Version.objects.get_for_object(post).get(serialized_data__contains="Joint v1")
    client.force_login(ian.user)

    url = reverse("admin:blog_post_revision", args=[post.pk, with_ken.pk])
    response = client.post(url, post_form(post, title="Joint v1"))

    assert response.status_code == HTTPStatus.FOUND
    post.refresh_from_db()
    assert post.title == "Joint v1"
    assert not PostAuthor.objects.exists()
