import datetime
import io
import json
from html.parser import HTMLParser

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from tests.factories import PostFactory

pytestmark = pytest.mark.django_db


class HeadParser(HTMLParser):
    """Collect the <head>'s meta and link tags and its JSON-LD scripts."""

    def __init__(self):
        super().__init__()
        self.meta = {}
        self.links = []
        self.json_ld = []
        self._script = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and "content" in attrs:
            key = attrs.get("property") or attrs.get("name")
            self.meta.setdefault(key, attrs["content"])
        elif tag == "link":
            self.links.append(attrs)
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self._script = {"attrs": attrs, "text": ""}

    def handle_data(self, data):
        if self._script is not None:
            self._script["text"] += data

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.json_ld.append(self._script)
            self._script = None


def head_of(response):
    parser = HeadParser()
    parser.feed(response.text.split("</head>")[0])
    return parser


def canonical(head):
    return next(link["href"] for link in head.links if link.get("rel") == "canonical")


def instant(value):
    return datetime.datetime.fromisoformat(value)


def image_file(width=1200, height=630):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "teal").save(buffer, "PNG")
    return SimpleUploadedFile("chart.png", buffer.getvalue(), content_type="image/png")


@pytest.fixture
def post(author):
    return PostFactory(
        title="Change without tears",
        author=author,
        excerpt="A long excerpt. " * 20,
        tags=["change"],
        featured_image=image_file(),
        featured_image_alt="A chart of changes by week",
    )


def test_post_page_is_canonical_without_its_query_string(client, post):
    head = head_of(client.get(post.get_absolute_url(), {"reply": "3", "utm_source": "mail"}))

    assert canonical(head) == f"http://testserver{post.get_absolute_url()}"
    assert head.meta["og:url"] == canonical(head)


def test_list_pages_keep_only_their_page_number_in_the_canonical_address(client, settings):
    settings.POSTS_PER_PAGE = 1
    PostFactory()
    PostFactory()

    first = head_of(client.get(reverse("blog:index"), {"utm_source": "mail"}))
    second = head_of(client.get(reverse("blog:index"), {"page": "2", "utm_source": "mail"}))

    assert canonical(first) == "http://testserver/"
    assert canonical(second) == "http://testserver/?page=2"


def test_post_page_describes_itself_for_search_and_sharing(client, post):
    head = head_of(client.get(post.get_absolute_url()))

    description = head.meta["description"]
    assert description.startswith("A long excerpt. A long excerpt.")
    assert len(description) <= 160
    assert head.meta["og:description"] == description
    assert head.meta["og:type"] == "article"
    assert head.meta["og:title"] == "Change without tears"
    assert head.meta["og:site_name"] == "The Service Desk Review"
    # The largest rendition, never the original with its metadata.
    assert head.meta["og:image"] == f"http://testserver{post.featured_picture.largest_url}"
    assert "/renditions/" in head.meta["og:image"]
    assert head.meta["og:image:alt"] == "A chart of changes by week"
    assert instant(head.meta["article:published_time"]) == post.published_at
    assert head.meta["article:author"] == "http://testserver/authors/ada-author/"
    assert head.meta["twitter:card"] == "summary_large_image"
    assert head.meta["twitter:image"] == head.meta["og:image"]


def test_post_without_a_picture_gets_a_small_card(client):
    post = PostFactory()

    head = head_of(client.get(post.get_absolute_url()))

    assert head.meta["twitter:card"] == "summary"
    assert "og:image" not in head.meta


@pytest.mark.parametrize(
    ("page", "description"),
    [
        ("home", "Columnists on running IT as a service"),
        ("author", "Notes from the service desk"),
        ("category", "Any news that fits no other section."),
    ],
)
def test_list_pages_describe_themselves(client, post, page, description):
    url = {
        "home": reverse("blog:index"),
        "author": post.author.get_absolute_url(),
        "category": post.category.get_absolute_url(),
    }[page]

    head = head_of(client.get(url))

    assert head.meta["description"] == description
    assert head.meta["og:description"] == description
    assert head.meta["og:type"] == "website"
    assert head.meta["twitter:card"] == "summary"
    assert canonical(head) == f"http://testserver{url}"


def test_post_page_carries_blogposting_structured_data(client, post):
    post.refresh_from_db()
    head = head_of(client.get(post.get_absolute_url()))

    [script] = head.json_ld
    data = json.loads(script["text"])
    url = f"http://testserver{post.get_absolute_url()}"
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "BlogPosting"
    assert data["headline"] == "Change without tears"
    assert data["author"] == {
        "@type": "Person",
        "name": "Ada Author",
        "url": "http://testserver/authors/ada-author/",
    }
    assert data["publisher"]["@type"] == "Organization"
    assert data["publisher"]["name"] == "The Service Desk Review"
    assert data["mainEntityOfPage"] == {"@type": "WebPage", "@id": url}
    assert data["image"] == f"http://testserver{post.featured_picture.largest_url}"
    assert instant(data["datePublished"]) == post.published_at
    assert instant(data["dateModified"]) == post.modified_at
    assert data["description"] == post.summary


def test_structured_data_is_a_data_block_the_same_for_every_reader(client, post):
    """A data block is never run, so it needs no nonce, which would differ per response."""
    response = client.get(post.get_absolute_url())

    [script] = head_of(response).json_ld
    assert "nonce" not in script["attrs"]
    assert "nonce-" not in response["Content-Security-Policy"]


def test_structured_data_cannot_be_broken_out_of(client, author):
    title = "</script><script>alert(1)</script> & <!--"
    post = PostFactory(title=title, author=author)

    response = client.get(post.get_absolute_url())

    assert "<script>alert(1)" not in response.text
    [script] = head_of(response).json_ld
    assert json.loads(script["text"])["headline"] == title


def test_preview_is_kept_out_of_search_engines(author_client, author):
    draft = PostFactory(author=author, draft=True)

    head = head_of(author_client.get(reverse("blog:preview", kwargs={"pk": draft.pk})))

    assert head.meta["robots"] == "noindex"
    assert canonical(head) == f"http://testserver{draft.get_absolute_url()}"
