"""Every public page, and the MY page, costs at most 10 queries, whatever the size of the data.

Each test measures its pages on a publication of 5 posts, grows it to 200 posts (500 comments
on the post measured, 150 posts on the reader's MY list), and measures again: the counts must
not move. They are counted as readers meet the pages, with the sidebar's fragments cached
(tests.queries.steady_queries): the costs of a page the proxy in front does not keep (a
signed-in reader's, or a miss). Run with -s to also see each page's count on empty caches.
"""

import datetime

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from comments.models import Comment
from edge import tags
from edge.state import content_changed
from readers.models import Follow, SavedPost
from tests.factories import AuthorFactory, CategoryFactory, PostFactory, UserFactory
from tests.queries import LIMIT, assert_queries_do_not_grow, public_list_urls

pytestmark = pytest.mark.django_db

# Every post is published in this month and mentions this word, so that every list,
# archive and search result page has more to show once the publication grows.
FIRST_PUBLICATION = datetime.datetime(2025, 6, 2, 9, tzinfo=datetime.UTC)
SEARCHED = "handover"
TAG = "common"


class Publication:
    """Five posts by two columnists, one post with 5 comments, a reader with 5 saved posts."""

    def __init__(self):
        self.category = CategoryFactory(name="Service desk", slug="service-desk")
        self.authors = [
            AuthorFactory(display_name="Ada Author", slug="ada-author"),
            AuthorFactory(),
        ]
        self.posts = []
        self.add_posts(5)
        # Ada's, with a post of hers before and after it.
        self.post = self.posts[2]
        add_comments(self.post, 5)
        self.reader = UserFactory(username="reader")
        self.reader_saves(self.posts)
        self.reader_follows(self.authors)

    def grow(self):
        """Make it 200 posts by ten columnists, 500 comments on the post, 150 saved."""
        new_authors = AuthorFactory.create_batch(8)
        self.authors += new_authors
        saved = len(self.posts)
        self.add_posts(195)
        add_comments(self.post, 495)
        self.reader_saves(self.posts[saved:150])
        self.reader_follows(new_authors)
        # As the admin does after a change: cached fragments are rebuilt from the new data.
        content_changed(tags.SITE)

    def add_posts(self, count):
        """Publish count posts, by each columnist in turn, all in one category, month and tag."""
        for _ in range(count):
            number = len(self.posts)
            self.posts.append(
                PostFactory(
                    author=self.authors[number % len(self.authors)],
                    category=self.category,
                    tags=[TAG, f"topic-{number % 4}"],
                    body=f"<p>What the {SEARCHED} at shift change taught us, part {number}.</p>",
                    published_at=FIRST_PUBLICATION + datetime.timedelta(hours=2 * number),
                    is_featured=number < 2,
                )
            )

    def reader_saves(self, posts):
        SavedPost.objects.bulk_create(SavedPost(user=self.reader, post=post) for post in posts)

    def reader_follows(self, authors):
        Follow.objects.bulk_create(Follow(user=self.reader, author=author) for author in authors)


def add_comments(post, count):
    """Approve count comments on post, a fifth of them replies to the others."""
    replies = count // 5
    threads = Comment.objects.bulk_create(
        Comment(post=post, name=f"Reader {n}", email=f"r{n}@example.com", body="Agreed.",
                status=Comment.Status.APPROVED)
        for n in range(count - replies)
    )  # fmt: skip
    Comment.objects.bulk_create(
        Comment(post=post, parent=threads[n], name="Ada Author", email="ada@example.com",
                body="Thank you.", status=Comment.Status.APPROVED)
        for n in range(replies)
    )  # fmt: skip


@pytest.fixture
def publication():
    return Publication()


def empty_cache_queries(client, urls):
    """Return each page's query count as the first request after the caches are emptied."""
    counts = {}
    for url in urls:
        caches["fragments"].clear()
        with CaptureQueriesContext(connection) as captured:
            client.get(url)
        counts[url] = len(captured)
    return counts


def assert_pages_cost_the_same_at_5_and_200_posts(
    client, urls, publication, django_assert_max_num_queries, limit=LIMIT
):
    """Assert what assert_queries_do_not_grow does across publication.grow(); print the counts."""
    empty_small = empty_cache_queries(client, urls)
    steady = assert_queries_do_not_grow(
        client, urls, publication.grow, django_assert_max_num_queries, limit
    )
    empty_large = empty_cache_queries(client, urls)
    print(f"\n{'page':<40} steady  empty cache at 5 / 200 posts")
    for url in urls:
        print(f"{url:<40} {steady[url]:>6}  {empty_small[url]:>6} / {empty_large[url]}")


def test_lists_archives_and_search_cost_the_same_queries_with_5_or_200_posts(
    client, publication, django_assert_max_num_queries
):
    lists = [
        *public_list_urls(publication.post, tag=TAG),
        f"{reverse('blog:search')}?q={SEARCHED}",
    ]
    urls = [*lists, reverse("blog:authors")]

    assert_pages_cost_the_same_at_5_and_200_posts(
        client, urls, publication, django_assert_max_num_queries
    )
    for url in lists:  # each now has more posts than one page shows
        assert client.get(url).context["page_obj"].has_next(), url


def test_post_page_costs_the_same_queries_with_5_or_500_comments(
    client, publication, django_assert_max_num_queries
):
    urls = [publication.post.get_absolute_url()]

    assert_pages_cost_the_same_at_5_and_200_posts(
        client, urls, publication, django_assert_max_num_queries
    )
    assert publication.post.comments.approved().count() == 500


def add_replies(thread, count):
    Comment.objects.bulk_create(
        Comment(post_id=thread.post_id, parent=thread, name=f"Replier {n}",
                email=f"replier{n}@example.com", body="Seconded.", status=Comment.Status.APPROVED)
        for n in range(count)
    )  # fmt: skip


def test_a_thread_costs_the_same_queries_with_5_or_500_replies(
    client, publication, settings, django_assert_max_num_queries
):
    post = publication.post
    thread = post.comments.filter(parent=None).first()
    add_replies(thread, 5)
    urls = [
        post.get_absolute_url(),
        reverse("comments:thread", kwargs={"pk": post.pk, "thread": thread.pk}),
    ]

    assert_queries_do_not_grow(
        client, urls, lambda: add_replies(thread, 495), django_assert_max_num_queries
    )
    shown = client.get(urls[0]).text.count("Seconded.")
    assert shown == settings.REPLIES_PER_THREAD - 1  # the thread's first reply is a thanks
    # The thread's own page: the comment and a page of its replies.
    assert client.get(urls[1]).text.count('class="comment"') == 1 + settings.COMMENTS_PER_PAGE


def test_feeds_and_sitemap_cost_the_same_queries_with_5_or_200_posts(
    client, publication, django_assert_max_num_queries
):
    post = publication.post
    feeds = [
        ("blog:feed", {}),
        ("blog:author-feed", {"slug": post.author.slug}),
        ("blog:category-feed", {"slug": post.category.slug}),
        ("blog:tag-feed", {"slug": TAG}),
    ]
    urls = [
        *(reverse(name + kind, kwargs=kwargs) for name, kwargs in feeds for kind in ["", "-atom"]),
        reverse("blog:sitemap"),
    ]

    assert_pages_cost_the_same_at_5_and_200_posts(
        client, urls, publication, django_assert_max_num_queries
    )


def test_my_page_costs_the_same_queries_with_5_or_150_saved_posts(
    client, publication, django_assert_max_num_queries
):
    client.force_login(publication.reader)
    urls = [reverse("readers:my")]

    # One more than the public pages: the co-authors its two lists' bylines name.
    assert_pages_cost_the_same_at_5_and_200_posts(
        client, urls, publication, django_assert_max_num_queries, limit=LIMIT + 1
    )
    assert client.get(urls[0]).context["page_obj"].paginator.count == 150
    assert publication.reader.follows.count() == 10
