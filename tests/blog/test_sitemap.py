import datetime
import xml.etree.ElementTree as ET  # noqa: S405 - parses the site's own output
from http import HTTPStatus

import pytest
from django.urls import reverse

from blog.models import Post
from tests.factories import AuthorFactory, CategoryFactory, PostFactory, SeriesFactory

pytestmark = pytest.mark.django_db

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
HOST = "http://testserver"


def sitemap_entries(client):
    response = client.get(reverse("blog:sitemap"))
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)  # noqa: S314
    return {
        url.findtext("sm:loc", namespaces=NS): url.findtext("sm:lastmod", namespaces=NS)
        for url in root.findall("sm:url", NS)
    }


def test_sitemap_lists_every_public_page_and_nothing_unpublished(client, author):
    published = PostFactory(author=author, tags=["itil"])
    draft = PostFactory(title="Draft", tags=["secret-merger"], draft=True)
    scheduled = PostFactory(
        title="Scheduled", category=CategoryFactory(slug="future-section"), scheduled=True
    )
    AuthorFactory(slug="no-posts-yet")
    colleague = AuthorFactory(slug="co-writer")
    PostFactory(author=author, coauthors=[colleague], slug="together", category=published.category)
    running = SeriesFactory(author=author, slug="a-running-series")
    PostFactory(
        author=author, series=running, series_part=1, slug="part-one", category=published.category
    )
    coming = SeriesFactory(author=author, slug="nothing-out-yet")
    PostFactory(
        author=author, series=coming, series_part=1, scheduled=True, category=published.category
    )

    entries = sitemap_entries(client)

    assert set(entries) == {
        HOST + published.get_absolute_url(),
        *(
            HOST + post.get_absolute_url()
            for post in Post.objects.filter(slug__in=["together", "part-one"])
        ),
        HOST + author.get_absolute_url(),
        HOST + colleague.get_absolute_url(),
        HOST + running.get_absolute_url(),
        HOST + published.category.get_absolute_url(),
        HOST + reverse("blog:tag", kwargs={"slug": "itil"}),
        f"{HOST}/about/",
        f"{HOST}/terms/",
    }
    for hidden in [draft, scheduled]:
        assert HOST + hidden.get_absolute_url() not in entries
        assert HOST + hidden.author.get_absolute_url() not in entries


def test_sitemap_gives_posts_their_last_modification_date(client):
    post = PostFactory(published_at=datetime.datetime(2024, 3, 5, 9, 0, tzinfo=datetime.UTC))
    post.refresh_from_db()

    entries = sitemap_entries(client)

    assert entries[HOST + post.get_absolute_url()] == f"{post.updated_at:%Y-%m-%d}"


def test_robots_txt_allows_all_but_admin_and_preview_and_points_to_the_sitemap(client):
    response = client.get("/robots.txt")

    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"].startswith("text/plain")
    lines = response.text.splitlines()
    assert lines[0] == "User-agent: *"
    assert "Disallow: /admin/" in lines
    assert "Disallow: /preview/" in lines
    assert "Disallow: /" not in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
