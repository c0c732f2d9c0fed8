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

A search shows at most ``MAX_RESULTS`` posts: when more match, the newest of them, and the
page says so. Ranking every match of a word found in nearly every post, and counting them for
the paginator, read 20,000 stored vectors (0.2 s); a reader never pages that far, and a
refined search serves them better. On PostgreSQL the newest matches are collected one of two
ways, chosen by how many of the ``SAMPLE_SIZE`` newest posts match:

- when many do (a common word), by walking back through the ``post_public`` index on
  ``published_at`` and testing each post's vector until enough match: 800 posts at most;
- otherwise through the GIN index, sorting its matches by date. Left to itself, PostgreSQL
  walks the date index for a word in a few percent of posts too: it does not count the cost
  of fetching each vector from TOAST storage, and reads thousands to find ``MAX_RESULTS``
  (20 ms for a columnist's first name, against 2 ms through the GIN index).

Only those posts are ranked, and only the page's posts get headlines. ``ts_headline`` reads
the stretch of ``body_text`` around the first place a query word starts, not the whole body:
parsing a whole body (5,000 characters on average) cost half a millisecond a post.

Highlighted HTML is built from plain text only: matches are delimited with private-use
characters, the text around and between them is escaped, and only then do the delimiters
become ``<mark>`` tags.
"""

import datetime
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection
from django.db.models import (
    Count,
    Exists,
    F,
    Func,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    TextField,
    Value,
)
from django.db.models.functions import Concat, Greatest, Substr
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.text import Truncator

from authors.models import Author
from blog.models import (
    SEARCH_CONFIG,
    Category,
    Post,
    PostAuthor,
    TaggedPost,
    body_text_and_summary,
)
from edge.fragments import cached_fragment

# Longer queries are cut to this many characters, and the reader is told.
MAX_QUERY_LENGTH = 200
# Private-use characters, which authors' text has no use for and escaping leaves alone.
START_SEL, STOP_SEL = "\ue000", "\ue001"
MARKED = re.compile(f"{START_SEL}(.*?){STOP_SEL}", re.DOTALL)
SNIPPET_WORDS = 35
# Zero-width (non-)joiners: formatting characters that emoji and some scripts need.
JOINERS = {"\u200c", "\u200d"}
WORD = re.compile(r"\w+")
# At most this many posts are ranked and shown, the newest of those matching.
MAX_RESULTS = 200
# How many of the newest posts a search looks through to judge how common its words are.
SAMPLE_SIZE = 100
# The stretch of body text that ts_headline reads: this many characters, starting this many
# before the first match (ts_headline shows at most SNIPPET_WORDS // 2 words before a match).
PASSAGE_LENGTH, PASSAGE_LEAD = 700, 150
# A lexeme in the text form of a tsquery, where a quote inside it is doubled.
LEXEME = re.compile(r"'((?:[^']|'')+)'")
# A word that ends a sentence (html_to_text gives every block one).
SENTENCE_END = re.compile(r"[.!?…]['’\")\]]*$")


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


class SearchResults:
    """The posts a search found, best first: a list for a paginator to count and to slice,
    which fetches only the slice it is asked for."""

    def __init__(
        self, ids: list[int], *, is_capped: bool, fetch: Callable[[list[int]], list[Post]]
    ):
        self.ids = ids
        # More posts matched than these, which are the newest MAX_RESULTS of them.
        self.is_capped = is_capped
        self.limit = MAX_RESULTS
        self._fetch = fetch

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, page: slice) -> list[Post]:
        ids = self.ids[page]
        return self._fetch(ids) if ids else []


def search_posts(
    text: str, *, author: Author | None = None, category: Category | None = None
) -> SearchResults:
    """Return the published posts matching text, best first, perhaps of one author or section."""
    posts = Post.objects.published()
    if author is not None:
        posts = posts.by_author(author)
    if category is not None:
        posts = posts.in_category(category)
    if is_full_text():
        return _full_text_search(posts, text)
    words = query_words(text)
    if not words:
        posts = posts.none()
    for word in words:
        posts = posts.filter(
            Q(title__icontains=word)
            | Q(excerpt__icontains=word)
            | Q(body_text__icontains=word)
            | Q(search_keywords__icontains=word)
        )
    newest = posts.order_by("-published_at", "-id").values_list("pk", flat=True)
    ids = list(newest[: MAX_RESULTS + 1])

    def fetch(page_ids):
        page = Post.objects.published().filter(pk__in=page_ids).for_lists()
        # The body's text, which lists leave out, for highlight_results() to cut a passage from.
        return _in_order(page.annotate(search_body=F("body_text")), page_ids)

    return SearchResults(ids[:MAX_RESULTS], is_capped=len(ids) > MAX_RESULTS, fetch=fetch)


def _full_text_search(posts: QuerySet[Post], text: str) -> SearchResults:
    query = SearchQuery(text, search_type="websearch", config=SEARCH_CONFIG)
    found = (
        Post.objects.filter(pk__in=_newest_matches(posts, query))
        .annotate(
            rank=SearchRank(F("search_vector"), query),
            terms=Func(query, function="querytree", output_field=TextField()),
        )
        .order_by("-rank", "-published_at", "-id")
        .values_list("pk", "published_at", "terms", named=True)
    )
    rows = list(found)
    is_capped = len(rows) > MAX_RESULTS
    if is_capped:
        # One more than the limit was collected only to know whether there are more.
        rows.remove(min(rows, key=lambda row: (row.published_at, row.pk)))
    # The stemmed words to look for in the body, without those the query excludes.
    terms = list(dict.fromkeys(LEXEME.findall(rows[0].terms))) if rows else []
    terms = [term.replace("''", "'") for term in terms]
    highlight = {"config": SEARCH_CONFIG, "start_sel": START_SEL, "stop_sel": STOP_SEL}

    def fetch(page_ids):
        page = (
            Post.objects.published()
            .filter(pk__in=page_ids)
            .for_lists()
            .defer("body_text")
            .annotate(
                title_headline=SearchHeadline("title", query, highlight_all=True, **highlight),
                body_headline=SearchHeadline(
                    _passage("body_text", terms),
                    query,
                    max_words=SNIPPET_WORDS,
                    min_words=SNIPPET_WORDS // 2,
                    max_fragments=2,
                    fragment_delimiter=" … ",
                    **highlight,
                ),
            )
        )
        return _in_order(page, page_ids)

    return SearchResults([row.pk for row in rows], is_capped=is_capped, fetch=fetch)


def _newest_matches(posts: QuerySet[Post], query: SearchQuery) -> QuerySet:
    """Return the ids of the newest MAX_RESULTS + 1 posts matching query, as a subquery."""
    sample = posts.order_by("-published_at", "-id")[:SAMPLE_SIZE].aggregate(
        size=Count("pk"), found=Count("pk", filter=Q(search_vector=query))
    )
    matching = posts.filter(search_vector=query)
    # A quarter: where the two ways cost about the same (3 ms) for 20,000 posts.
    if sample["found"] >= sample["size"] / 4:
        # Walking back from the newest post meets MAX_RESULTS matches within 800 posts.
        newest = matching.order_by("-published_at", "-id")
    else:
        # Through the GIN index: a date PostgreSQL cannot read from the date index keeps it
        # from walking that index (see the module's docstring).
        shifted = F("published_at") + Value(datetime.timedelta(0))
        newest = matching.order_by(shifted.desc(), "-id")
    return newest.values("pk")[: MAX_RESULTS + 1]


def _passage(field: str, terms: list[str]) -> Func:
    """Return SQL for the whole words of a text field around where one of terms first starts
    a word, PASSAGE_LENGTH characters at most; its start when none does."""
    # Padded so that the first and the last word of the text are whole words to keep.
    padded = Concat(Value(" "), field, Value(" "), output_field=TextField())
    start = Value(1)
    if terms:
        pattern = r"\m(?:{})".format("|".join(map(re.escape, terms)))
        found_at = Func(
            F(field), Value(pattern), 1, 1, 0, Value("i"),
            function="regexp_instr", output_field=IntegerField(),
        )  # fmt: skip
        start = Greatest(found_at + 1 - PASSAGE_LEAD, Value(1))
    stretch = Substr(padded, start, PASSAGE_LENGTH)
    # Drop what the cut leaves of a word at either end.
    return Func(
        stretch, Value(r"^\S*\s+|\s+\S*$"), Value(""), Value("g"),
        function="regexp_replace", output_field=TextField(),
    )  # fmt: skip


def _in_order(posts: QuerySet[Post], ids: list[int]) -> list[Post]:
    by_pk = {post.pk: post for post in posts.order_by()}
    # A post unpublished since the search began is left out.
    return [by_pk[pk] for pk in ids if pk in by_pk]


def query_words(text: str) -> list[str]:
    """Return the distinct words of text, lower-cased, in order."""
    return list(dict.fromkeys(word.lower() for word in WORD.findall(text)))


def highlight_results(posts: Iterable[Post], text: str) -> None:
    """Give each post found by search_posts() a search_title and a search_snippet, as safe HTML."""
    words = query_words(text)
    for post in posts:
        if hasattr(post, "title_headline"):
            post.search_title = marked_html(post.title_headline)
            headline = post.body_headline or ""
            # ts_headline cuts at words, not sentences: say so where it starts mid-sentence.
            starts_mid_sentence = headline[:1].islower()
            post.search_snippet = marked_html(f"… {headline}" if starts_mid_sentence else headline)
        else:
            post.search_title = words_html(post.title, words)
            post.search_snippet = words_html(passage(post.search_body, words), words)


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
    # Begin where the match's sentence begins, when that is near enough.
    sentence_starts = [
        i for i in range(start, first + 1) if i == 0 or SENTENCE_END.search(tokens[i - 1])
    ]
    start = sentence_starts[-1] if sentence_starts else start
    fragment = Truncator(" ".join(tokens[start:])).words(SNIPPET_WORDS, truncate=" …")
    return f"… {fragment}" if start else fragment


def filter_choices() -> tuple[list[Author], list[Category]]:
    """Return the columnists and the sections that have published posts, to narrow a search."""
    # Kept until the content changes: two queries that cost more than the search itself.
    return cached_fragment("search-filters", _filter_choices)


def _filter_choices() -> tuple[list[Author], list[Category]]:
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


def reindex_posts(
    *,
    posts: QuerySet[Post] | None = None,
    batch_size: int = 200,
    on_batch: Callable[[int], object] = lambda done: None,
) -> int:
    """Recompute the search text and vector of posts (all when none are given); return how many.
    on_batch is told how many posts each batch held, as it finishes."""
    posts = Post.objects.all() if posts is None else posts
    fields = ["body", "body_text", "body_summary", "search_keywords", "author__display_name"]
    posts = posts.select_related("author").only(*fields).order_by("pk")
    count = 0
    batch = []
    for post in posts.iterator(chunk_size=batch_size):
        batch.append(post)
        if len(batch) == batch_size:
            count += _reindex_batch(batch, on_batch)
            batch = []
    if batch:
        count += _reindex_batch(batch, on_batch)
    return count


def _reindex_batch(posts: list[Post], on_batch: Callable[[int], object]) -> int:
    tag_names = defaultdict(list)
    tagged = TaggedPost.objects.filter(content_object__in=[post.pk for post in posts])
    for post_id, name in tagged.values_list("content_object_id", "tag__name"):
        tag_names[post_id].append(name)
    # Co-authors are found by their names as the lead author is.
    names = {post.pk: [post.author.display_name] for post in posts}
    coauthors = PostAuthor.objects.filter(post__in=[post.pk for post in posts])
    for post_id, name in coauthors.values_list("post_id", "author__display_name"):
        names[post_id].append(name)
    changed = []
    for post in posts:
        # The summary too: posts written by other means than save() may lack it.
        derived = (
            *body_text_and_summary(post.body),
            search_keywords("\n".join(names[post.pk]), tag_names[post.pk]),
        )
        if derived != (post.body_text, post.body_summary, post.search_keywords):
            post.body_text, post.body_summary, post.search_keywords = derived
            changed.append(post)
    Post.objects.bulk_update(changed, ["body_text", "body_summary", "search_keywords"])
    # Every vector, changed text or not: posts written without save() may have none.
    Post.objects.filter(pk__in=[post.pk for post in posts]).refresh_search_vector()
    on_batch(len(posts))
    return len(posts)
