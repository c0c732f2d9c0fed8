"""The post form's comfort: a wide title, a short excerpt, spell-checking, tags, the list."""

import pytest
from django.urls import reverse

from tests.factories import PostFactory

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:blog_post_add")
CHANGELIST_URL = reverse("admin:blog_post_changelist")


def test_title_and_excerpt_are_spell_checked_and_sized_for_their_text(author_client):
    form = author_client.get(ADD_URL).context["adminform"].form

    title, excerpt = form["title"], form["excerpt"]
    assert 'spellcheck="true"' in str(title) and "post-title" in str(title)
    assert 'spellcheck="true"' in str(excerpt) and 'rows="3"' in str(excerpt)


def test_the_tag_box_asks_for_suggestions_of_existing_tags(author_client):
    response = author_client.get(ADD_URL)

    tags = str(response.context["adminform"].form["tags"])
    assert 'data-suggestions="/admin/blog/post/tags/"' in tags
    assert "js/post_form.js" in response.text and "css/post_admin.css" in response.text


def test_the_featured_image_has_a_label_of_its_own(author_client):
    html = author_client.get(ADD_URL).text

    assert '<label for="id_featured_image">Featured image:</label>' in html


def test_an_authors_list_spends_no_column_on_their_own_name(author_client, author):
    PostFactory(author=author, title="A column of hers")

    response = author_client.get(CHANGELIST_URL)

    assert "column-author" not in response.text
    assert "A column of hers" in response.text


def test_editors_and_moderators_still_see_whose_post_it_is(editor_client, author):
    PostFactory(author=author)

    assert "column-author" in editor_client.get(CHANGELIST_URL).text
