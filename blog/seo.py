"""Describe pages to search engines and social sites: structured data for posts."""

import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe

# The characters that could end a <script> element or open a comment inside it.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def post_structured_data(request, post) -> dict:
    """Return the schema.org BlogPosting describing post, with absolute addresses."""
    url = request.build_absolute_uri(post.get_absolute_url())
    data = {
        "@context": "https://schema.org",
        "@type": "BlogPosting",
        "headline": post.title,
        "description": post.summary,
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "author": people(request, post.byline_authors),
        "publisher": {
            "@type": "Organization",
            "name": settings.PUBLICATION_NAME,
            "url": request.build_absolute_uri(reverse("blog:index")),
        },
        "dateModified": timezone.localtime(post.modified_at).isoformat(),
    }
    if post.published_at:
        data["datePublished"] = timezone.localtime(post.published_at).isoformat()
    if post.featured_picture:
        # A rendition: the original may carry the photo's EXIF, GPS position included.
        data["image"] = request.build_absolute_uri(post.featured_picture.largest_url)
    if post.category:
        data["articleSection"] = post.category.name
    if tags := [tag.name for tag in post.tag_list]:
        data["keywords"] = tags
    return data


def people(request, authors):
    """Return the schema.org Person of each author: one alone, or a list of several."""
    persons = [
        {
            "@type": "Person",
            "name": author.display_name,
            "url": request.build_absolute_uri(author.get_absolute_url()),
        }
        for author in authors
    ]
    return persons[0] if len(persons) == 1 else persons


def json_ld_script(data) -> str:
    """Return data as a JSON-LD script element that no value can break out of.

    A data block, never run, so the Content-Security-Policy needs no nonce for it, and the
    page stays the same for every reader.
    """
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    escaped = mark_safe(text.translate(JSON_SCRIPT_ESCAPES))  # noqa: S308
    return format_html('<script type="application/ld+json">{}</script>', escaped)
