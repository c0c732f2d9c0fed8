import datetime
from http import HTTPStatus

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.factories import AuthorFactory, CategoryFactory, PostFactory
from tests.queries import assert_queries_do_not_grow, public_list_urls

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(author):
    return PostFactory(
        title="The Published Column", author=author, tags=["itil"], excerpt="Read this one."
    )


@pytest.fixture
def hidden(author, published):
    """A draft and a scheduled post by the same author, in the same category and tag."""
    draft = PostFactory(
        title="The Draft Column", author=author, category=published.category, tags=["itil"],
        draft=True,
    )  # fmt: skip
    scheduled = PostFactory(
        title="The Scheduled Column", author=author, category=published.category,
        tags=["itil"], scheduled=True,
    )  # fmt: skip
    return [draft, scheduled]


def test_home_page_lists_latest_posts_with_excerpt_byline_and_read_more(client, published):
    response = client.get(reverse("blog:index"))

    assert response.status_code == HTTPStatus.OK
    content = response.text
    assert "The Published Column" in content
    assert "Read this one." in content
    assert "Read more" in content
    date = f"{published.published_at:%-d %B %Y}"
    assert f'{date}</time> | <a href="/authors/ada-author/">Ada Author</a>' in content


def test_home_page_shows_the_blog_roll_of_active_columnists(client, author):
    AuthorFactory(display_name="Retired Writer", is_active=False)

    content = client.get(reverse("blog:index")).text

    assert "Ada Author" in content
    assert "Retired Writer" not in content


def test_featured_posts_lead_the_home_page(client):
    PostFactory(title="An Ordinary Column")
    PostFactory(title="The Featured Column", is_featured=True)

    response = client.get(reverse("blog:index"))

    assert [p.title for p in response.context["featured_posts"]] == ["The Featured Column"]
    assert "The Featured Column" in response.text


def test_every_list_shows_published_posts_and_hides_drafts_and_scheduled(client, published, hidden):
    for url in public_list_urls(published):
        response = client.get(url)
        assert response.status_code == HTTPStatus.OK, url
        assert "The Published Column" in response.text, url
        assert "The Draft Column" not in response.text, url
        assert "The Scheduled Column" not in response.text, url


@pytest.mark.parametrize("index", [0, 1], ids=["draft", "scheduled"])
def test_unpublished_post_is_not_found_by_the_public(client, hidden, index):
    post = hidden[index]
    response = client.get(post.get_absolute_url())

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert "The Draft Column" not in response.text


def test_friendly_404_page_offers_a_way_back(client):
    response = client.get("/no/such/page/")

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert reverse("blog:index") in response.text
    assert reverse("blog:authors") in response.text


def test_post_page_shows_byline_body_category_tags_and_neighbours(client, author):
    older = PostFactory(
        title="Older", author=author, published_at=timezone.now() - datetime.timedelta(days=9)
    )  # noqa: E501
    post = PostFactory(
        title="Middle", author=author, body="<h2>Sub</h2><p>Body text.</p>", tags=["change"],
        published_at=timezone.now() - datetime.timedelta(days=5),
    )  # fmt: skip
    newer = PostFactory(
        title="Newer", author=author, published_at=timezone.now() - datetime.timedelta(days=1)
    )
    PostFactory(title="Someone Else's", published_at=timezone.now() - datetime.timedelta(days=3))

    response = client.get(post.get_absolute_url())

    assert response.status_code == HTTPStatus.OK
    assert response.context["previous_post"] == older
    assert response.context["next_post"] == newer
    content = response.text
    assert "<h2>Sub</h2><p>Body text.</p>" in content
    assert post.category.name in content
    assert reverse("blog:tag", kwargs={"slug": "change"}) in content
    assert "Ada Author Blog" in content


def test_post_address_with_a_wrong_date_redirects_permanently(client, published):
    response = client.get(f"/2001/01/01/{published.slug}/")

    assert response.status_code == HTTPStatus.MOVED_PERMANENTLY
    assert response["Location"] == published.get_absolute_url()


def test_author_blog_shows_portrait_introduction_rhythm_and_only_their_posts(
    client, author, published
):
    PostFactory(title="Not Ada's")

    response = client.get(author.get_absolute_url())

    content = response.text
    assert "Ada Author Blog" in content
    assert "I have run service desks for twenty years." in content
    assert "every Wednesday" in content
    assert "The Published Column" in content
    assert "Not Ada&#x27;s" not in content and "Not Ada's" not in content


def test_retired_columnists_blog_stays_readable(client):
    post = PostFactory(author=AuthorFactory(is_active=False))

    assert client.get(post.author.get_absolute_url()).status_code == HTTPStatus.OK
    assert client.get(post.get_absolute_url()).status_code == HTTPStatus.OK


def test_category_page_shows_its_description(client, published):
    content = client.get(published.category.get_absolute_url()).text

    assert published.category.description in content


def test_lists_are_paginated_and_a_missing_page_is_404(client, settings):
    settings.POSTS_PER_PAGE = 2
    for n in range(5):
        PostFactory(title=f"Paged {n}")

    first = client.get(reverse("blog:authors"))
    assert first.status_code == HTTPStatus.OK
    page3 = client.get(reverse("blog:index"), {"page": 3})
    assert page3.status_code == HTTPStatus.OK
    assert len(page3.context["page_obj"].object_list) == 1
    assert client.get(reverse("blog:index"), {"page": 9}).status_code == HTTPStatus.NOT_FOUND
    assert client.get(reverse("blog:index"), {"page": "x"}).status_code == HTTPStatus.NOT_FOUND


def test_list_pages_lead_to_older_posts_without_counting_them_all(client, settings):
    settings.POSTS_PER_PAGE = 2
    author = AuthorFactory()
    for n in range(5):
        PostFactory(title=f"Paged {n}", author=author)
    url = author.get_absolute_url()
    client.get(url)

    with CaptureQueriesContext(connection) as queries:
        first = client.get(url).text
    last = client.get(url, {"page": 3})

    assert not any("COUNT(" in query["sql"].upper() for query in queries.captured_queries)
    assert "Page 1" in first and "Page 1 of" not in first
    assert 'href="?page=2" rel="next">Older' in first
    assert len(last.context["page_obj"].object_list) == 1 and "Page 3" in last.text
    assert 'rel="next"' not in last.text and 'rel="prev"' in last.text


def test_empty_month_archive_is_404(client, published):
    assert client.get("/1999/01/").status_code == HTTPStatus.NOT_FOUND


class TestPreview:
    def test_author_previews_their_own_draft_uncached(self, author_client, hidden):
        response = author_client.get(reverse("blog:preview", kwargs={"pk": hidden[0].pk}))

        assert response.status_code == HTTPStatus.OK
        assert "The Draft Column" in response.text
        assert "no-cache" in response["Cache-Control"]

    def test_other_author_cannot_preview_it(self, client, other_author, hidden):
        client.force_login(other_author.user)

        response = client.get(reverse("blog:preview", kwargs={"pk": hidden[0].pk}))

        assert response.status_code == HTTPStatus.NOT_FOUND

    def test_editor_previews_any_post(self, editor_client, hidden):
        response = editor_client.get(reverse("blog:preview", kwargs={"pk": hidden[1].pk}))

        assert response.status_code == HTTPStatus.OK

    @pytest.mark.parametrize("who", ["anonymous", "moderator"])
    def test_public_and_moderators_cannot_preview(self, client, moderator, hidden, who):
        if who == "moderator":
            client.force_login(moderator)

        response = client.get(reverse("blog:preview", kwargs={"pk": hidden[0].pk}))

        assert response.status_code == HTTPStatus.NOT_FOUND


def make_publication(size):
    """Create size published posts over several authors, categories and tags."""
    authors = [AuthorFactory() for _ in range(3)]
    categories = [CategoryFactory() for _ in range(3)]
    posts = [
        PostFactory(
            author=authors[n % 3], category=categories[n % 3], tags=[f"tag{n % 4}", "common"],
            is_featured=n < 2,
        )
        for n in range(size)
    ]  # fmt: skip
    return posts


def test_public_pages_cost_the_same_queries_with_5_or_50_posts(
    client, django_assert_max_num_queries
):
    posts = make_publication(5)
    newest = posts[-1]
    urls = [
        *public_list_urls(newest, tag="common"),
        reverse("blog:authors"),
        newest.get_absolute_url(),
    ]
    assert_queries_do_not_grow(
        client, urls, lambda: make_publication(45), django_assert_max_num_queries
    )


def test_post_page_feeds_and_sitemap_cost_the_same_queries_with_5_or_50_posts(
    client, django_assert_max_num_queries
):
    posts = make_publication(5)
    newest = posts[-1]
    urls = [
        newest.get_absolute_url(),
        reverse("blog:sitemap"),
        reverse("blog:robots"),
        *(
            reverse(name + suffix, kwargs=kwargs)
            for name, kwargs in [
                ("blog:feed", {}),
                ("blog:author-feed", {"slug": newest.author.slug}),
                ("blog:category-feed", {"slug": newest.category.slug}),
                ("blog:tag-feed", {"slug": "common"}),
            ]
            for suffix in ["", "-atom"]
        ),
    ]
    assert client.get(newest.get_absolute_url()).context["related_posts"]

    assert_queries_do_not_grow(
        client, urls, lambda: make_publication(45), django_assert_max_num_queries
    )


@pytest.mark.parametrize("page", ["99999999999999999999", "100001", "0", "-1", "²"])
def test_a_page_number_no_list_has_is_404_not_an_error(client, published, page):
    assert client.get(reverse("blog:index"), {"page": page}).status_code == HTTPStatus.NOT_FOUND


def test_post_pages_sidebar_lists_more_from_its_columnist_only(client, author, other_author):
    post = PostFactory(author=author, title="This Column")
    PostFactory(author=author, title="Her Earlier Column")
    PostFactory(author=author, title="Her Unfinished Column", draft=True)
    PostFactory(author=other_author, title="Someone Else's Column")

    content = client.get(post.get_absolute_url()).text
    sidebar = content[content.index('<aside class="sidebar"') :]

    assert "More from Ada Author" in sidebar
    assert "Her Earlier Column" in sidebar
    assert "This Column" not in sidebar
    assert "Her Unfinished Column" not in sidebar
    assert "Someone Else" not in sidebar
    assert "archive-title" not in sidebar
    assert "popular-tags-title" not in sidebar
