"""The admin's "view on site" address leads only to objects the user's admin shows."""

from http import HTTPStatus

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from blog.models import Attachment
from tests.factories import CategoryFactory, PostFactory

pytestmark = pytest.mark.django_db


def view_on_site(obj, object_id=None):
    content_type = ContentType.objects.get_for_model(obj)
    return reverse("admin:view_on_site", args=[content_type.pk, object_id or obj.pk])


@pytest.fixture
def olus_draft(other_author):
    return PostFactory(author=other_author, title="Secret merger plans", draft=True)


def test_an_author_cannot_learn_another_authors_draft_address(author_client, olus_draft):
    response = author_client.get(view_on_site(olus_draft))

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert "secret-merger" not in response.get("Location", "") + response.text


def test_an_author_cannot_reach_another_authors_profile_or_downloads(
    author_client, other_author, olus_draft
):
    attachment = Attachment.objects.create(post=olus_draft, title="Terms", file="merger.pdf")

    for obj in (other_author, attachment):
        response = author_client.get(view_on_site(obj))
        assert response.status_code == HTTPStatus.NOT_FOUND, obj
        assert "merger" not in response.text, obj


def test_an_author_views_their_own_post_and_profile_on_the_site(author_client, author):
    post = PostFactory(author=author)

    for obj in (post, author):
        response = author_client.get(view_on_site(obj))
        assert response.status_code == HTTPStatus.FOUND, obj
        assert response["Location"].endswith(obj.get_absolute_url()), obj


def test_an_editor_views_any_columnists_draft_on_the_site(editor_client, olus_draft):
    response = editor_client.get(view_on_site(olus_draft))

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].endswith(olus_draft.get_absolute_url())


@pytest.mark.parametrize("object_id", ["999999", "not-a-number", "%00"])
def test_a_missing_or_malformed_object_is_404(editor_client, object_id):
    category = CategoryFactory()

    response = editor_client.get(view_on_site(category, object_id))

    assert response.status_code == HTTPStatus.NOT_FOUND


def test_an_anonymous_visitor_is_sent_to_log_in(client, olus_draft):
    response = client.get(view_on_site(olus_draft))

    assert response.status_code == HTTPStatus.FOUND
    assert "secret-merger" not in response["Location"]
