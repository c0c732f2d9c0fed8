import io
from http import HTTPStatus

import pytest
from django.core.management import call_command
from django.urls import reverse

from blog import search as search_module
from blog.models import Post
from blog.search import MAX_QUERY_LENGTH, reindex_posts
from edge import tags
from edge.state import content_changed
from tests.authors.test_admin import picker_time
from tests.blog.searching import SEARCH_URL, assert_only_marks, days_ago, found, search
from tests.factories import POST_INLINES, AuthorFactory, CategoryFactory, PostFactory
from tests.queries import assert_queries_do_not_grow, steady_queries

pytestmark = pytest.mark.django_db


def test_every_page_has_a_search_box_that_works_without_javascript(client, columns):
    for url in (reverse("blog:index"), columns["queue"].get_absolute_url(), SEARCH_URL):
        content = client.get(url).text

        assert '<form class="site-search" role="search"' in content, url
        assert f'action="{SEARCH_URL}" method="get"' in content, url
        assert '<label class="visually-hidden" for="site-search-q">' in content, url
        assert '<input type="search" id="site-search-q" name="q"' in content, url


def test_finds_posts_by_a_word_of_the_title(client, columns):
    assert found(search(client, "monday")) == ["What a Monday queue tells you"]


def test_finds_posts_by_a_word_of_the_body_but_not_of_its_markup(client, columns):
    assert set(found(search(client, "backlog"))) == {
        "What a Monday queue tells you",
        "Change boards that say yes",
    }
    assert found(search(client, "strong")) == []


def test_every_word_of_the_query_must_match(client, columns):
    assert found(search(client, "backlog tickets")) == ["What a Monday queue tells you"]
    assert found(search(client, "backlog zeppelin")) == []


def test_never_finds_drafts_or_scheduled_posts(client, columns):
    response = search(client, "backlog")

    assert "Backlog draft" not in response.text
    assert "Backlog scheduled" not in response.text
    assert search(client, "scheduled").context["page_obj"].paginator.count == 0


def test_results_narrow_to_one_author(client, columns, other_author):
    response = search(client, "backlog", author=other_author.slug)

    assert found(response) == ["Change boards that say yes"]
    assert response.context["selected_author"] == other_author
    assert f'<option value="{other_author.slug}" selected>' in response.text


def test_results_narrow_to_one_category(client, columns):
    response = search(client, "backlog", category="service-desk")

    assert found(response) == ["What a Monday queue tells you"]
    assert '<option value="service-desk" selected>' in response.text


def test_filters_offer_only_authors_and_categories_with_published_posts(client, columns):
    AuthorFactory(display_name="Silent Columnist")
    CategoryFactory(name="Empty Section")

    response = search(client, "backlog")

    content = response.text
    assert "Ada Author</option>" in content and "Olu Other</option>" in content
    assert "Silent Columnist</option>" not in content
    assert "Service desk</option>" in content and "Empty Section</option>" not in content
    assert [a.display_name for a in response.context["authors"]] == ["Ada Author", "Olu Other"]


def test_an_unknown_filter_is_ignored(client, columns):
    response = search(client, "backlog", author="nobody", category="nowhere")

    assert len(found(response)) == 2
    assert response.context["page_params"] == {"q": "backlog"}


def test_title_and_heading_say_what_was_searched(client, columns):
    content = search(client, "monday queue").text

    assert "<title>Search results for “monday queue” — " in content
    assert '<h1 class="page-title">Results for “monday queue”</h1>' in content
    assert '<meta name="robots" content="noindex, follow">' in content


def test_pagination_keeps_the_query_and_the_filters(client, settings, author):
    settings.POSTS_PER_PAGE = 2
    category = CategoryFactory(slug="service-desk")
    for n in range(5):
        PostFactory(title=f"Desk note {n}", author=author, category=category)
    PostFactory(title="Desk note elsewhere")
    params = {"author": author.slug, "category": "service-desk"}

    first = search(client, "desk note", **params)
    second = search(client, "desk note", page=2, **params)
    third = search(client, "desk note", page=3, **params)

    keep = "q=desk+note&amp;author=ada-author&amp;category=service-desk"
    assert f'href="?{keep}&amp;page=2" rel="next"' in first.text
    assert f'href="/search/?{keep}" rel="prev"' in second.text
    assert f'href="?{keep}&amp;page=3" rel="next"' in second.text
    assert f'href="?{keep}&amp;page=2" rel="prev"' in third.text
    assert "Page 3 of 3" in third.text
    assert len(found(third)) == 1


def test_pagination_elsewhere_still_links_by_page_alone(client, settings):
    settings.POSTS_PER_PAGE = 2
    for _ in range(5):
        PostFactory()

    second = client.get(reverse("blog:index"), {"page": 2, "utm_source": "mail"}).text

    assert 'href="/" rel="prev"' in second
    assert 'href="?page=3" rel="next"' in second


def test_an_empty_query_asks_for_words(client, columns):
    response = search(client, "   ")

    assert "Type a few words" in response.text
    assert response.context["page_obj"] is None
    assert "<title>Search — " in response.text


def test_a_query_without_matches_says_so_politely(client, columns, author):
    response = search(client, "zeppelin", author=author.slug)

    assert "No columns match “zeppelin” by Ada Author." in response.text
    assert 'href="/search/?q=zeppelin">search every columnist and section</a>' in response.text


def test_a_long_query_is_cut_to_the_limit_and_the_reader_told(client, columns):
    response = search(client, "monday " * 100)

    query = response.context["query"]
    assert len(query) <= MAX_QUERY_LENGTH
    assert query.endswith("monday")
    assert f"Searches are limited to {MAX_QUERY_LENGTH} characters" in response.text
    assert found(response) == ["What a Monday queue tells you"]


ODD_QUERIES = [
    '"', '"unclosed phrase', "''", "-", "--backlog", "-backlog", "|", "||", "&", "& |", "!",
    "!!", ":*", "backlog:*", "back:*log", "(", ")", "(((backlog", "backlog)))", "a & | ! b",
    "<script>alert(1)</script>", "%", "_", "%_%", "\\", "' OR 1=1 --", "🙂", "🙂 backlog",
    "\u202e\u200b", "\x01\x1f", "back\x1flog", "ñandú", "the", "x" * 5000,
    "backlog " * 1000, "a" * 201, "NOT AND OR", "@@ to_tsquery('x')", "[]{}^$",
]  # fmt: skip
# A NUL character is refused before any page sees it: tests/ops/test_nul_characters.py.


@pytest.mark.parametrize("query", ODD_QUERIES, ids=range(len(ODD_QUERIES)))
def test_an_odd_query_gets_a_polite_page(client, columns, query):
    response = search(client, query)

    content = response.text
    assert "Type a few words" in content or "No columns match" in content or "found" in content
    assert "<script>alert" not in content


def test_matches_are_marked_and_the_body_brings_no_markup(client, author):
    PostFactory(
        title="Escaping <b>matters</b>", author=author,
        body="<p>Authors quote <code>&lt;script&gt;alert(1)&lt;/script&gt;</code> and "
        "<b>bold</b> claims about escaping.</p>",
    )  # fmt: skip

    response = search(client, "escaping")

    post = response.context["page_obj"].object_list[0]
    assert "<mark>" in post.search_snippet and "<mark>" in post.search_title
    assert_only_marks(post.search_snippet)
    assert_only_marks(post.search_title)
    assert "&lt;b&gt;matters&lt;/b&gt;" in post.search_title
    assert "<script>alert" not in response.text


def test_tags_and_author_name_are_found_once_indexed(client, author):
    post = PostFactory(title="Quiet column", author=author, tags=["kanban"])
    assert found(search(client, "kanban")) == []

    reindex_posts()

    assert found(search(client, "kanban")) == ["Quiet column"]
    assert found(search(client, "ada author")) == ["Quiet column"]
    post.refresh_from_db()
    assert post.search_keywords == "Ada Author\nkanban"


def test_reindex_search_command_rebuilds_every_post(author):
    post = PostFactory(author=author, tags=["itil"])
    Post.objects.filter(pk=post.pk).update(body="<p>Fresh <em>words</em></p>", body_text="")

    call_command("reindex_search", stdout=io.StringIO())

    post.refresh_from_db()
    assert post.body_text == "Fresh words"
    assert post.search_keywords == "Ada Author\nitil"


def test_saving_a_post_in_the_admin_makes_its_tags_searchable(editor_client, author):
    post = PostFactory(author=author, title="Admin column")
    data = {
        "title": post.title, "slug": post.slug, "author": author.pk, "body": post.body,
        "excerpt": "", "featured_image_alt": "", "category": post.category_id,
        "tags": "kanban, incident review", "status": post.status,
        "published_at": picker_time(post.published_at), **POST_INLINES,
    }  # fmt: skip

    response = editor_client.post(reverse("admin:blog_post_change", args=[post.pk]), data)

    assert response.status_code == HTTPStatus.FOUND
    post.refresh_from_db()
    assert post.search_keywords == "Ada Author\nincident review\nkanban"
    assert found(search(editor_client, "kanban")) == ["Admin column"]


def test_saving_the_body_keeps_its_plain_text(author):
    post = PostFactory(author=author, body="<p>One</p><p>Two &amp; three</p>")
    assert post.body_text == "One. Two & three"

    post.body = "<h2>Four</h2>"
    post.save(update_fields=["body"])

    post.refresh_from_db()
    assert post.body_text == "Four"


def make_matching_posts(size):
    authors = [AuthorFactory() for _ in range(3)]
    categories = [CategoryFactory() for _ in range(3)]
    for n in range(size):
        PostFactory(
            title=f"Service desk note {n}", author=authors[n % 3], category=categories[n % 3],
            tags=[f"tag{n % 4}", "common"], body="<p>The service desk at nine.</p>",
        )  # fmt: skip
    return authors[0], categories[0]


def test_search_costs_the_same_queries_with_5_or_50_posts(client, django_assert_max_num_queries):
    author, category = make_matching_posts(5)
    urls = [
        f"{SEARCH_URL}?q=service+desk",
        f"{SEARCH_URL}?q=service&author={author.slug}&category={category.slug}",
        f"{SEARCH_URL}?q=nothing+matches+this",
        f"{SEARCH_URL}?q=",
    ]
    assert_queries_do_not_grow(
        client, urls, lambda: make_matching_posts(45), django_assert_max_num_queries
    )


def test_search_costs_at_most_six_queries_however_many_posts_match(client, monkeypatch, settings):
    monkeypatch.setattr(search_module, "MAX_RESULTS", 5)
    settings.POSTS_PER_PAGE = 2
    author, category = make_matching_posts(12)
    urls = [
        f"{SEARCH_URL}?q=service",
        f"{SEARCH_URL}?q=service&page=2",
        f"{SEARCH_URL}?q=service&author={author.slug}&category={category.slug}",
        f"{SEARCH_URL}?q=nothing+matches+this",
    ]

    counts = steady_queries(client, urls)

    assert max(counts.values()) <= 6, counts


@pytest.fixture
def queue_notes(author):
    """Five posts about queues, a day apart, the newest first in the list."""
    return [
        PostFactory(title=f"Queue note {n}", author=author, published_at=days_ago(n + 1))
        for n in range(5)
    ]


def test_a_search_matching_more_posts_than_the_limit_shows_the_newest_and_says_so(
    client, monkeypatch, queue_notes
):
    monkeypatch.setattr(search_module, "MAX_RESULTS", 3)

    response = search(client, "queue")

    assert found(response) == ["Queue note 0", "Queue note 1", "Queue note 2"]
    assert response.context["page_obj"].paginator.count == 3
    assert "More than 3 columns found, so here are the newest 3" in response.text
    assert "to narrow the search." in response.text
    assert "Queue note 4" not in response.text


def test_the_limit_names_the_filters_and_its_pages_end_at_the_limit(
    client, monkeypatch, settings, author, queue_notes
):
    monkeypatch.setattr(search_module, "MAX_RESULTS", 3)
    settings.POSTS_PER_PAGE = 2

    second = search(client, "queue", author=author.slug, page=2)

    assert found(second) == ["Queue note 2"]
    assert "More than 3 columns found by Ada Author, so here are the newest 3" in second.text
    assert "Page 2 of 2" in second.text
    assert client.get(SEARCH_URL, {"q": "queue", "page": 3}).status_code == HTTPStatus.NOT_FOUND


def test_a_search_matching_as_many_posts_as_the_limit_counts_them_all(
    client, monkeypatch, queue_notes
):
    monkeypatch.setattr(search_module, "MAX_RESULTS", 5)

    response = search(client, "queue")

    assert len(found(response)) == 5
    assert "5 columns found, " in response.text
    assert "More than" not in response.text


def test_the_filters_offer_a_new_columnist_once_the_content_changes(client, columns):
    search(client, "backlog")
    newcomer = AuthorFactory(display_name="Nia Newcomer")
    PostFactory(author=newcomer)

    content_changed(tags.SITE)

    assert newcomer in search(client, "backlog").context["authors"]


def extract_text(response):
    post = response.context["page_obj"].object_list[0]
    assert_only_marks(post.search_snippet)
    return post.search_snippet.replace("<mark>", "[").replace("</mark>", "]")


def test_extracts_read_headings_and_list_items_as_sentences(client, author):
    PostFactory(
        author=author,
        body="<h2>Why the board refused</h2><ul><li>No rollback plan</li><li>No owner</li></ul>"
        "<p>The rest is history.</p>",
    )

    extract = extract_text(search(client, "rollback"))

    assert "No [rollback] plan. No owner. The rest" in extract
    assert "refused No" not in extract


def test_an_extract_begins_a_sentence_or_says_it_does_not(client, author):
    filler = "Queues grow in the morning and shrink by noon. " * 8
    PostFactory(
        author=author,
        body=f"<p>{filler}The change board met on Tuesday and refused the rollback & more.</p>",
    )

    extract = extract_text(search(client, "rollback"))

    assert extract[0].isupper() or extract.startswith("… ")
    assert "[rollback] &amp; more" in extract


def test_without_full_text_an_extract_starts_at_the_matchs_sentence(author):
    filler = "Queues grow in the morning and shrink by noon. " * 8
    post = PostFactory(author=author, body=f"<p>{filler}The change board refused the rollback.</p>")
    post.search_body = post.body_text  # as the fallback search gives it

    search_module.highlight_results([post], "rollback")

    assert post.search_snippet.startswith("… The change board refused the <mark>rollback</mark>.")


def test_reindex_search_shows_its_progress_unless_quiet(author, capsys):
    PostFactory.create_batch(3, author=author)

    call_command("reindex_search", stdout=io.StringIO())
    progress = capsys.readouterr().err
    assert "Reindexing: 100%" in progress
    assert "3/3" in progress

    call_command("reindex_search", "-v0", stdout=io.StringIO())
    assert capsys.readouterr().err == ""
