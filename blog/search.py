"""Find published columns by the words a reader types.

Design: one schema on every database; full-text search where the database has it.

Each post stores what search reads, beside its own columns:

- ``body_text``: the body without its markup, filled in by ``Post.save()`` from the
  sanitised body. Headlines are cut from it, so no markup of the post can reach them.
- ``search_keywords``: the columnist's display name and the tag names. They live in other
  tables and change apart from the post (the admin saves tags after the post), so
  ``reindex_posts()`` refreshes them: the admin calls it once a post's tags are saved, and
  ``manage.py reindex_search`` rebuilds every post (run it after renaming a columnist or a
  tag, or after writing posts without ``save()``).
- ``search_vector``: on PostgreSQL the weighted ``tsvector`` of all that
  (``blog.models.search_document()``: title A, columnist and tags B, excerpt B, body C),
  which the database computes after each save that touches those columns and after each
  reindex. On SQLite it is an unused, empty column: SQLite takes any declared type.

The GIN index on ``search_vector`` (``post_search``) is created by migration 0006 on
PostgreSQL only and is not declared in ``Post.Meta.indexes``: a declared index is made on
every database, and SQLite refuses ``USING gin``, both when migrating and whenever it rebuilds
the table for a later change to ``Post``. A stored vector rather than an expression index
because ranking reads the vector of every matching row: recomputing it from the text took
2.8 s for a word found in 3,900 of 6,000 posts.

On PostgreSQL a query is read as web-search syntax (``websearch_to_tsquery``: quoted phrases,
``-word``, ``or``; it never fails on odd input) with the "english" stemmer, so "managing"
finds "management". Results come by ``ts_rank``, then newest first; ``ts_headline`` marks
the matches in the title and in fragments of ``body_text``.

Elsewhere the search keeps the posts holding every word of the query in their title, excerpt,
body text or keywords, newest first, and marks the words in the title and in a stretch of the
body from a little before the first of them.

Highlighted HTML is built from plain text only: matches are delimited with private-use
characters, the text around and between them is escaped, and only then do the delimiters
become ``<mark>`` tags.
"""

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection
from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.text import Truncator

from authors.models import Author
from blog.html import html_to_text
from blog.models import SEARCH_CONFIG, Category, Post, TaggedPost
from uploads.images import remove_shortcodes

# Longer queries are cut to this many characters, and the reader is told.
MAX_QUERY_LENGTH = 200
# Private-use characters, which authors' text has no use for and escaping leaves alone.
START_SEL, STOP_SEL = "\ue000", "\ue001"
MARKED = re.compile(f"{START_SEL}(.*?){STOP_SEL}", re.DOTALL)
SNIPPET_WORDS = 35
# Zero-width (non-)joiners: formatting characters that emoji and some scripts need.
JOINERS = {"\u200c", "\u200d"}
WORD = re.compile(r"\w+")


def clean_query(raw: str) -> tuple[str, bool]:
    """Return what a reader typed as searchable text, and whether it was cut to the limit."""
    text = " ".join("".join(_searchable(c) for c in raw or "").split())
    if len(text) <= MAX_QUERY_LENGTH:
        return text, False
    cut = text[: MAX_QUERY_LENGTH + 1]
    # End on a whole word when there is one to end on.
    text = cut.rsplit(" ", 1)[0] if " " in cut else cut[:MAX_QUERY_LENGTH]
    return text.strip(), True


def _searchable(char: str) -> str:
    category = unicodedata.category(char)
    if category in ("Cc", "Cs"):
        # Control characters (NUL above all, which PostgreSQL refuses) part words like spaces.
        return " "
    if category == "Cf" and char not in JOINERS:
        # Invisible formatting, such as a right-to-left override that would garble the page.
        return ""
    return char


def is_full_text() -> bool:
    """Say whether the database offers full-text search with ranking and stemming."""
    return connection.vendor == "postgresql"


def search_posts(
    text: str, *, author: Author | None = None, category: Category | None = None
) -> QuerySet[Post]:
    """Return the published posts matching text, best first, perhaps of one author or section."""
    posts = Post.objects.published()
    if author is not None:
        posts = posts.by_author(author)
    if category is not None:
        posts = posts.in_category(category)
    if is_full_text():
        query = SearchQuery(text, search_type="websearch", config=SEARCH_CONFIG)
        highlight = {"config": SEARCH_CONFIG, "start_sel": START_SEL, "stop_sel": STOP_SEL}
        return (
            posts.filter(search_vector=query)
            .defer("body_text", "search_keywords", "search_vector")
            .annotate(
                rank=SearchRank(F("search_vector"), query),
                title_headline=SearchHeadline("title", query, highlight_all=True, **highlight),
                body_headline=SearchHeadline(
                    "body_text",
                    query,
                    max_words=SNIPPET_WORDS,
                    min_words=SNIPPET_WORDS // 2,
                    max_fragments=2,
                    fragment_delimiter=" … ",
                    **highlight,
                ),
            )
            .order_by("-rank", "-published_at", "-id")
        )
    words = query_words(text)
    if not words:
        return posts.none()
    for word in words:
        posts = posts.filter(
            Q(title__icontains=word)
            | Q(excerpt__icontains=word)
            | Q(body_text__icontains=word)
            | Q(search_keywords__icontains=word)
        )
    return posts.defer("search_keywords", "search_vector").order_by("-published_at", "-id")


def query_words(text: str) -> list[str]:
    """Return the distinct words of text, lower-cased, in order."""
    return list(dict.fromkeys(word.lower() for word in WORD.findall(text)))


def highlight_results(posts: Iterable[Post], text: str) -> None:
    """Give each post found by search_posts() a search_title and a search_snippet, as safe HTML."""
    words = query_words(text)
    for post in posts:
        if hasattr(post, "title_headline"):
            post.search_title = marked_html(post.title_headline)
            post.search_snippet = marked_html(post.body_headline)
        else:
            post.search_title = words_html(post.title, words)
            post.search_snippet = words_html(passage(post.body_text, words), words)


def marked_html(value: str) -> SafeString:
    """Return text whose matches ts_headline delimited as escaped HTML with <mark> tags."""
    return _highlight(value or "", MARKED)


def words_html(value: str, words: list[str]) -> SafeString:
    """Return text as escaped HTML with every occurrence of the words in <mark> tags."""
    if not words:
        return format_html("{}", value)
    longest_first = sorted(words, key=len, reverse=True)
    pattern = re.compile(f"({'|'.join(map(re.escape, longest_first))})", re.IGNORECASE)
    return _highlight(value, pattern)


def _highlight(value: str, pattern: re.Pattern) -> SafeString:
    pairs, start = [], 0
    for match in pattern.finditer(value):
        pairs.append((_plain(value[start : match.start()]), _plain(match[1])))
        start = match.end()
    marked = format_html_join("", "{}<mark>{}</mark>", pairs)
    return format_html("{}{}", marked, _plain(value[start:]))


def _plain(value: str) -> str:
    # A stray delimiter, from a post that somehow holds one, must not unbalance the tags.
    return value.replace(START_SEL, "").replace(STOP_SEL, "")


def passage(text: str, words: list[str]) -> str:
    """Return some SNIPPET_WORDS words of text, from a little before the first query word."""
    tokens = text.split()
    first = next((i for i, token in enumerate(tokens) if any(w in token.lower() for w in words)), 0)
    start = max(0, first - SNIPPET_WORDS // 4)
    fragment = Truncator(" ".join(tokens[start:])).words(SNIPPET_WORDS, truncate=" …")
    return f"… {fragment}" if start else fragment


def filter_choices() -> tuple[list[Author], list[Category]]:
    """Return the columnists and the sections that have published posts, to narrow a search."""
    published = Post.objects.published()
    authors = Author.objects.filter(Exists(published.filter(author=OuterRef("pk"))))
    categories = Category.objects.filter(Exists(published.filter(category=OuterRef("pk"))))
    return (
        list(authors.only("display_name", "slug").order_by("display_name")),
        list(categories.only("name", "slug").order_by("name")),
    )


def search_keywords(author_name: str, tag_names: Iterable[str]) -> str:
    """Return the text of a post's search_keywords column."""
    return "\n".join([author_name, *sorted(tag_names)])


def reindex_posts(*, posts: QuerySet[Post] | None = None, batch_size: int = 200) -> int:
    """Recompute the search text and vector of posts (all when none are given); return how many."""
    posts = Post.objects.all() if posts is None else posts
    fields = ["body", "body_text", "search_keywords", "author__display_name"]
    posts = posts.select_related("author").only(*fields).order_by("pk")
    count = 0
    batch = []
    for post in posts.iterator(chunk_size=batch_size):
        batch.append(post)
        if len(batch) == batch_size:
            count += _reindex_batch(batch)
            batch = []
    if batch:
        count += _reindex_batch(batch)
    return count


def _reindex_batch(posts: list[Post]) -> int:
    tag_names = defaultdict(list)
    tagged = TaggedPost.objects.filter(content_object__in=[post.pk for post in posts])
    for post_id, name in tagged.values_list("content_object_id", "tag__name"):
        tag_names[post_id].append(name)
    changed = []
    for post in posts:
        body_text = html_to_text(remove_shortcodes(post.body))
        keywords = search_keywords(post.author.display_name, tag_names[post.pk])
        if (body_text, keywords) != (post.body_text, post.search_keywords):
            post.body_text, post.search_keywords = body_text, keywords
            changed.append(post)
    Post.objects.bulk_update(changed, ["body_text", "search_keywords"])
    # Every vector, changed text or not: posts written without save() may have none.
    Post.objects.filter(pk__in=[post.pk for post in posts]).refresh_search_vector()
    return len(posts)
