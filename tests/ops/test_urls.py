import pytest
from django.template import Context, Template
from django.test import override_settings
from django.urls import NoReverseMatch, include, path, reverse

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


def render(source, **context):
    return Template(source).render(Context(context))


def test_the_url_tag_gives_the_addresses_django_reverses_once_each(monkeypatch):
    calls = []

    def counted_reverse(*args, **kwargs):
        calls.append(args)
        return reverse(*args, **kwargs)

    monkeypatch.setattr("ops.urls.reverse", counted_reverse)
    source = "{% url 'blog:tag' slug=slug %} {% url 'blog:index' %} {% url 'blog:author' 'ada' %}"

    pages = [render(source, slug="a-tag-asked-for-here-only") for _ in range(3)]

    tag_url = reverse("blog:tag", kwargs={"slug": "a-tag-asked-for-here-only"})
    assert pages == [f"{tag_url} / /authors/ada/"] * 3
    # Each address by name is reversed once; one given positional arguments, as Django does.
    assert calls.count(("blog:tag",)) == 1


def test_the_url_tag_follows_the_urlconf_and_reports_unknown_names():
    with override_settings(ROOT_URLCONF=ColumnsUnderAPrefix):
        assert render("{% url 'blog:tag' slug='itil' %}") == "/columns/tag/itil/"
    assert render("{% url 'blog:tag' slug='itil' %}") == "/tag/itil/"

    assert render("{% url 'blog:nothing' as missing %}[{{ missing }}]") == "[]"
    with pytest.raises(NoReverseMatch):
        render("{% url 'blog:nothing' %}")


def test_the_url_tag_tells_a_number_from_true():
    source = "{% url 'comments:thread' pk=pk thread=2 %}"
    assert render(source, pk=1) == "/posts/1/comments/2/"

    with pytest.raises(NoReverseMatch):  # as Django's own tag: True is no post number
        render(source, pk=True)
