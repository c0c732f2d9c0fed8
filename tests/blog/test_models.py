import datetime

import pytest
from django.db import IntegrityError
from django.utils import timezone

from blog.models import Post
from tests.factories import PostFactory

pytestmark = pytest.mark.django_db


def test_published_includes_posts_whose_time_has_come():
    post = PostFactory()

    assert list(Post.objects.published()) == [post]
    assert post.is_published()


def test_published_excludes_drafts():
    draft = PostFactory(draft=True)

    assert not Post.objects.published().exists()
    assert not draft.is_published()


def test_published_excludes_scheduled_posts_until_their_time(time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    post = PostFactory(published_at=timezone.now() + datetime.timedelta(minutes=1))

    assert not Post.objects.published().exists()
    assert post.is_scheduled()

    time_machine.shift(datetime.timedelta(minutes=2))
    assert list(Post.objects.published()) == [post]


def test_published_composes_with_author_and_category_filters():
    post = PostFactory()
    PostFactory()  # another author, another category

    assert list(Post.objects.published().by_author(post.author)) == [post]
    assert list(Post.objects.published().in_category(post.category)) == [post]


def test_publishing_a_draft_sets_its_time_and_unpublishing_hides_it():
    post = PostFactory(draft=True)

    post.publish()
    assert post.is_published()
    assert post.published_at <= timezone.now()

    post.unpublish()
    assert not Post.objects.published().exists()


def test_summary_uses_the_excerpt_when_written():
    post = PostFactory(excerpt="A short note.", body="<p>Long body</p>")

    assert post.summary == "A short note."


def test_summary_derives_plain_text_from_the_body_cut_at_a_word():
    words = " ".join(f"word{n}" for n in range(100))
    post = PostFactory(excerpt="", body=f"<h2>Heading</h2><p>{words} &amp; more</p>")

    assert post.summary.startswith("Heading. word0 word1")
    assert post.summary.endswith("…")
    assert "<" not in post.summary


def test_summary_is_stored_so_that_lists_leave_the_body_behind():
    PostFactory(excerpt="", body="<p>Opening words.</p>")

    listed = Post.objects.for_lists().get()
    read = Post.objects.for_reading().get()

    assert {"body", "search_keywords", "search_vector"} <= listed.get_deferred_fields()
    assert listed.summary == "Opening words."
    assert "body" not in read.get_deferred_fields()


def test_body_is_sanitised_on_save():
    post = PostFactory(
        body='<h2>Kept</h2><script>alert(1)</script><p onclick="x()">Text '
        '<a href="javascript:alert(1)">link</a></p>'
    )

    assert "<h2>Kept</h2>" in post.body
    assert "script" not in post.body
    assert "onclick" not in post.body
    assert "javascript:" not in post.body


def test_slug_is_made_from_the_title_when_left_empty():
    post = PostFactory(title="Why Change Boards Fail", slug="")

    assert post.slug == "why-change-boards-fail"


def test_database_refuses_an_unknown_status():
    post = PostFactory()

    with pytest.raises(IntegrityError):
        Post.objects.filter(pk=post.pk).update(status="archived")


def test_database_refuses_a_published_post_without_a_time():
    post = PostFactory()

    with pytest.raises(IntegrityError):
        Post.objects.filter(pk=post.pk).update(published_at=None)


def test_post_url_carries_its_local_publication_date():
    post = PostFactory(
        slug="hello", published_at=datetime.datetime(2025, 3, 9, 10, tzinfo=datetime.UTC)
    )

    assert post.get_absolute_url() == "/2025/03/09/hello/"
