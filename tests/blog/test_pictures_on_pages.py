"""Pictures as readers get them: sizes on the page, lazy and eager loading, figures in bodies, their
queries and their place in feeds."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from blog.models import PostImage
from tests.blog.test_images import tags
from tests.blog.uploads import (
    picture,
)
from tests.factories import AuthorFactory, CategoryFactory, PostFactory
from tests.queries import assert_queries_do_not_grow, steady_queries

pytestmark = pytest.mark.django_db


def test_post_page_serves_the_featured_image_in_sizes_that_never_shift(client, author):
    post = PostFactory(
        author=author,
        featured_image=picture(width=2000, height=1000),
        featured_image_alt="A queue of people",
        featured_image_caption="Monday, 8 a.m.",
        featured_image_credit="Photo: Jo Bloggs",
    )

    page = client.get(post.get_absolute_url()).text

    [img] = [attrs for attrs in tags(page, "img") if attrs.get("alt") == "A queue of people"]
    assert (img["width"], img["height"]) == ("1600", "800")
    assert img["fetchpriority"] == "high"
    assert "loading" not in img
    assert img["sizes"]
    candidates = dict(reversed(c.split()) for c in img["srcset"].split(", "))
    assert set(candidates) == {"480w", "800w", "1200w", "1600w"}
    assert all("/media/renditions/" in url and url.endswith(".jpg") for url in candidates.values())
    assert img["src"] == candidates["800w"]
    [source] = tags(page, "source")
    assert source["type"] == "image/webp"
    assert source["srcset"].count(".webp") == 4
    assert post.featured_image.name not in page
    assert re.search(r"<figcaption>Monday, 8 a\.m\. — <span[^>]*>Photo: Jo Bloggs</span>", page)


def test_list_cards_load_pictures_lazily(client, author):
    PostFactory(author=author, featured_image=picture(), featured_image_alt="A chart")

    page = client.get(reverse("blog:index")).text

    [img] = [attrs for attrs in tags(page, "img") if attrs.get("alt") == "A chart"]
    assert (img["loading"], img["decoding"]) == ("lazy", "async")
    assert "fetchpriority" not in img
    assert img["srcset"] and img["sizes"] and img["width"] and img["height"]


def test_home_pages_lead_picture_loads_first_and_the_other_featured_ones_lazily(client, author):
    # The lead picture is the home page's largest paint: loading it lazily delays that paint.
    PostFactory(author=author, is_featured=True, featured_image=picture(), featured_image_alt="B")
    PostFactory(author=author, is_featured=True, featured_image=picture(), featured_image_alt="A")

    page = client.get(reverse("blog:index")).text

    lead, other = [attrs for attrs in tags(page, "img") if attrs.get("alt") in {"A", "B"}]
    assert lead["fetchpriority"] == "high"
    assert "loading" not in lead
    assert other["loading"] == "lazy"
    assert "fetchpriority" not in other


def test_body_picture_code_becomes_a_figure_with_caption_and_credit_escaped(client, author):
    post = PostFactory(author=author)
    image = PostImage.objects.create(
        post=post,
        image=picture(width=1000, height=600),
        alt='A "chart" <b>of</b> queues',
        caption="Waits & <script>alert('caption')</script>",
        credit="Chart: <i>Ops</i> team",
    )
    post.body = f"<p>Before.</p><p>[image {image.pk}]</p><p>After.</p>"
    post.save()

    page = client.get(post.get_absolute_url()).text

    assert f'<figure class="figure" id="image-{image.pk}">' in page
    assert "[image" not in page
    assert "<script>alert" not in page and "<b>of</b>" not in page and "<i>Ops</i>" not in page
    assert (
        "<figcaption>Waits &amp; &lt;script&gt;alert(&#x27;caption&#x27;)&lt;/script&gt; — "
        '<span class="figure__credit">Chart: &lt;i&gt;Ops&lt;/i&gt; team</span></figcaption>'
    ) in page
    [img] = [attrs for attrs in tags(page, "img") if attrs.get("alt", "").startswith("A ")]
    assert img["alt"] == 'A "chart" <b>of</b> queues'
    assert (img["width"], img["height"], img["loading"]) == ("1000", "600", "lazy")
    assert [c.split()[1] for c in img["srcset"].split(", ")] == ["480w", "800w", "1000w"]


def test_a_body_shows_only_its_own_posts_pictures(client, author, other_author):
    others = PostFactory(author=other_author, draft=True)
    secret = PostImage.objects.create(post=others, image=picture(), alt="Not yours")
    post = PostFactory(author=author, body=f"<p>[image {secret.pk}]</p><p>Text.</p>")

    page = client.get(post.get_absolute_url()).text

    assert "Not yours" not in page
    assert "[image" not in page
    assert "Text." in page


def test_a_picture_code_stays_out_of_summaries_and_search_text(author):
    post = PostFactory(author=author, body="<p>[image 7]</p><p>The opening words.</p>")

    assert post.summary == "The opening words."
    assert post.body_text == "The opening words."


def illustrated_posts(count, authors, category):
    return [
        PostFactory(
            author=authors[n % len(authors)], category=category, featured_image=picture(),
            featured_image_alt=f"Picture {n}", tags=["common"],
        )
        for n in range(count)
    ]  # fmt: skip


def test_pictures_add_no_queries_to_list_pages(client, django_assert_max_num_queries):
    authors = [AuthorFactory(portrait=picture("me.jpg", 400, 400)) for _ in range(2)]
    category = CategoryFactory()
    posts = illustrated_posts(3, authors, category)
    urls = [
        reverse("blog:index"),
        authors[0].get_absolute_url(),
        category.get_absolute_url(),
        reverse("blog:tag", kwargs={"slug": "common"}),
        reverse("blog:authors"),
    ]
    assert_queries_do_not_grow(
        client, urls, lambda: illustrated_posts(22, authors, category),
        django_assert_max_num_queries,
    )  # fmt: skip
    assert client.get(reverse("blog:index")).text.count("<picture>") >= 10
    assert posts


def test_pictures_and_downloads_cost_a_query_each_only_on_a_post_that_has_them(client, author):
    from blog.models import Attachment
    from tests.blog.uploads import pdf_bytes

    plain = PostFactory(author=author)
    rich = PostFactory(author=author, featured_image=picture(), featured_image_alt="A chart")
    codes = []
    for n in range(3):
        image = PostImage.objects.create(post=rich, image=picture(), alt=f"Picture {n}")
        codes.append(f"<p>[image {image.pk}]</p>")
        Attachment.objects.create(
            post=rich, title=f"File {n}", file=SimpleUploadedFile(f"f{n}.pdf", pdf_bytes())
        )
    rich.body = "".join(codes)
    rich.save()
    urls = [plain.get_absolute_url(), rich.get_absolute_url()]
    counts = steady_queries(client, urls)

    # However many: one query for the body's pictures, one for the downloads.
    assert counts[urls[0]] + 2 == counts[urls[1]] <= 10
    rich_page = client.get(urls[1]).text
    assert rich_page.count('<figure class="figure') == 4
    assert rich_page.count('class="downloads__link"') == 3


def test_full_text_feeds_carry_body_pictures_with_absolute_addresses(client, author, settings):
    settings.FEED_FULL_TEXT = True
    post = PostFactory(author=author)
    image = PostImage.objects.create(post=post, image=picture(), alt="A chart")
    post.body = f"<p>Look:</p><p>[image {image.pk}]</p>"
    post.save()

    feed = client.get(reverse("blog:feed")).text

    assert "[image" not in feed
    assert "A chart" in feed
    assert "http://testserver/media/renditions/" in feed
    assert 'srcset="/media' not in feed.replace("&quot;", '"')
