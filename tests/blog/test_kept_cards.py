"""A post's card in the lists is rendered once a content version and shared by every reader
of every list that shows it; what a card says changes the moment its post does."""

import pytest
from django.core.cache import caches
from django.test import Client
from django.urls import reverse

from blog.models import Post
from edge.state import content_changed
from tests.authors.test_admin import change_url, post_form
from tests.factories import PostFactory

pytestmark = pytest.mark.django_db


def test_a_kept_card_is_shown_until_content_changes(client):
    post = PostFactory(title="The first headline")
    client.get(reverse("blog:index"))

    # Written straight to the table, as nothing in the site does: no content change.
    Post.objects.filter(pk=post.pk).update(title="A quiet rewrite")
    assert "The first headline" in client.get(reverse("blog:index")).text

    content_changed()
    page = client.get(reverse("blog:index")).text
    assert "A quiet rewrite" in page
    assert "The first headline" not in page


def test_every_list_shows_the_card_it_would_render_itself_whichever_list_kept_one_first(author):
    post = PostFactory(author=author, title="Seen from many lists")
    addresses = [reverse("blog:index"), post.category.get_absolute_url(), author.get_absolute_url()]

    def card(address):
        page = Client().get(address).text
        start = page.rindex('<article class="card', 0, page.index("Seen from many lists"))
        return page[start : page.index("</article>", start)]

    alone = {}
    for address in addresses:
        caches["fragments"].clear()
        alone[address] = card(address)
    # The lists differ (headings under the page's own), and each still reads as it would alone.
    assert len(set(alone.values())) > 1
    caches["fragments"].clear()
    assert {address: card(address) for address in addresses} == alone
    assert {address: card(address) for address in reversed(addresses)} == alone


def test_an_edit_saved_in_the_admin_shows_on_the_cards_at_once(author_client, author):
    post = PostFactory(author=author, title="Before the edit", excerpt="Old words.")
    Client().get(reverse("blog:index"))
    Client().get(author.get_absolute_url())

    author_client.post(
        change_url(post), post_form(post, title="After the edit", excerpt="New words.")
    )

    for address in (reverse("blog:index"), author.get_absolute_url()):
        page = Client().get(address).text
        assert "After the edit" in page and "New words." in page
        assert "Before the edit" not in page
