"""The names shared pages carry in `Cache-Tag`, so that a change purges exactly its pages.

Two kinds of tag: what a page *lists* (a columnist's blog, a section, the home page: purged
when a post joins or leaves the list) and what it *shows* (a post's card or page, a
columnist's byline: purged when that thing itself changes). Every shared page also carries
`SITE`, and every HTML page `LAYOUT`: the navigation and sidebar that all pages repeat.
"""

SITE = "site"  # every shared response
LAYOUT = "layout"  # the navigation and sidebar on every HTML page
HOME = "home"  # the home page and the site's feed
AUTHORS = "authors"  # the columnists' page
SEARCH = "search"  # every search result page
FEEDS = "feeds"  # every feed
SITEMAP = "sitemap"


def post(pk):
    """A post's own page, and every card of it in a list (with its comment count)."""
    return f"post-{pk}"


def byline(pk):
    """Every page that names a columnist."""
    return f"byline-{pk}"


def author(pk):
    """A columnist's blog: the list of their posts."""
    return f"author-{pk}"


def category(pk):
    return f"category-{pk}"


def tag(pk):
    return f"tag-{pk}"


def series(pk):
    """A series' page and feed, and the outline of it on each of its parts' pages."""
    return f"series-{pk}"


def archive(year, month=None):
    return f"archive-{year}" if month is None else f"archive-{year}-{month:02d}"


def add(request, *tags):
    """Name what this response shows or lists, for the purge that will retire it."""
    if not hasattr(request, "cache_tags"):
        request.cache_tags = set()
    request.cache_tags.update(tags)


def add_posts(request, posts):
    """Tag a response with each post shown and each of their columnists (co-authors too,
    where the post names them in `byline_author_ids`)."""
    add(request, *(post(p.pk) for p in posts))
    add(request, *(byline(pk) for p in posts for pk in _byline_ids(p)))


def _byline_ids(p):
    return getattr(p, "byline_author_ids", None) or [p.author_id]
