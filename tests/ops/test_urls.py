from django.test import override_settings
from django.urls import include, path, reverse

from ops.urls import remembered_reverse


class ColumnsUnderAPrefix:
    """A URLconf (any object with urlpatterns will do) that moves the blog under /columns/."""

    urlpatterns = [path("columns/", include("blog.urls"))]


def test_a_remembered_address_is_the_one_django_reverses():
    expected = reverse("blog:author", kwargs={"slug": "ada-author"})

    assert remembered_reverse("blog:author", slug="ada-author") == expected
    assert remembered_reverse("blog:author", slug="ada-author") == expected


def test_addresses_follow_the_urlconf_when_it_changes():
    assert remembered_reverse("blog:author", slug="ada-author") == "/authors/ada-author/"
    with override_settings(ROOT_URLCONF=ColumnsUnderAPrefix):
        assert remembered_reverse("blog:author", slug="ada-author") == (
            "/columns/authors/ada-author/"
        )

    assert remembered_reverse("blog:author", slug="ada-author") == "/authors/ada-author/"
