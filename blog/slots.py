"""Named places on blog's pages that other apps fill with templates of their own.

An app fills a slot from its AppConfig.ready(): ``slots.fill("post-actions",
"readers/slots/post_actions.html")``. Blog's templates render a slot with
``{% slot "post-actions" %}`` (from blog_tags), which renders each template filling it with
the page's context, plus any values given to the tag. A slot nobody fills renders nothing,
so blog's pages stand on their own without comments or readers.
"""

from django.core.exceptions import ImproperlyConfigured

# Each slot, and where it sits on blog's pages.
SLOTS = {
    "post-actions": "under a post's article: what a reader may do with it",
    "author-actions": "in the box about a post's columnist and on their blog, given author",
    "post-end": "the end of a post's page, after the related posts",
    "card-lists": "before cards are shown, given posts (and more_posts): the cards' posts",
    "card-byline": "at the end of a card's byline, inline",
    "card-actions": "beside a card's “Read more” link",
}

# The templates filling each slot, in the order the apps filled them.
FILLED: dict[str, list[str]] = {name: [] for name in SLOTS}


def fill(name: str, template_name: str) -> None:
    """Render template_name wherever blog's pages show the slot name."""
    if name not in SLOTS:
        raise ImproperlyConfigured(f"Blog's pages have no slot {name!r}: {', '.join(SLOTS)}.")
    if template_name not in FILLED[name]:
        FILLED[name].append(template_name)
