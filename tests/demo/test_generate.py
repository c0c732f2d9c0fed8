import datetime
from http import HTTPStatus
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from taggit.models import Tag

from authors.models import Author
from blog.models import Category, Post
from blog.search import reindex_posts
from comments.models import Comment
from tests.factories import CategoryFactory, PostFactory

pytestmark = pytest.mark.django_db

SMALL = ["--authors", "3", "--posts", "60", "--comments", "300", "--tags", "40"]


def generate(*args):
    out = StringIO()
    call_command("generate_publication", *SMALL, *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def generated():
    return generate()


def generated_posts():
    return Post.objects.filter(author__user__username__startswith="gen-")


def test_generates_the_numbers_asked_for_and_says_so(generated):
    assert Author.objects.filter(user__username__startswith="gen-").count() == 3
    assert generated_posts().count() == 60
    assert Category.objects.count() == 8
    assert Tag.objects.count() == 40
    assert Comment.objects.count() == 300
    assert "Generated 3 columnists, 60 posts" in generated
    assert "300 comments" in generated


def test_most_posts_are_public_over_years_and_a_few_are_drafts_or_scheduled(generated):
    published = Post.objects.published()
    assert 50 <= published.count() < 60
    assert set(published.values_list("pk", flat=True)) <= set(
        generated_posts().values_list("pk", flat=True)
    )
    assert generated_posts().drafts().exists()
    assert generated_posts().scheduled().exists()
    dates = list(published.values_list("published_at", flat=True))
    assert max(dates) - min(dates) > datetime.timedelta(days=3 * 365)
    assert all(post.created_at <= post.published_at for post in published)


def test_every_post_has_two_to_five_tags_and_a_category(generated):
    for post in generated_posts().prefetch_related("tags"):
        assert 2 <= len(post.tags.all()) <= 5, post
        assert post.category_id is not None


def test_bodies_are_long_articles_with_headings_and_paragraphs(generated):
    for post in generated_posts()[:10]:
        assert 550 <= len(post.body_text.split()) <= 1500
        assert "<h2>" in post.body
        assert "<p>" in post.body
    with_excerpt = generated_posts().exclude(excerpt="").count()
    assert 15 <= with_excerpt <= 45


def test_posts_hold_what_saving_and_reindexing_would_store(generated):
    stored = {p.pk: (p.body, p.body_text, p.search_keywords) for p in generated_posts()}
    reindex_posts(posts=generated_posts())
    assert {p.pk: (p.body, p.body_text, p.search_keywords) for p in generated_posts()} == stored

    post = generated_posts().published().first()
    post.save()
    post.refresh_from_db()
    assert (post.body, post.body_text, post.search_keywords) == stored[post.pk]


def test_posts_carry_the_summaries_saving_would_store_and_cards_show_them(generated, client):
    stored = {p.pk: p.body_summary for p in generated_posts()}
    assert all(stored.values())
    for post in generated_posts()[:5]:
        post.save()
        post.refresh_from_db()
        assert post.body_summary == stored[post.pk]

    home = client.get(reverse("blog:index"))
    without_excerpt = [post for post in home.context["page_obj"] if not post.excerpt]
    assert without_excerpt
    for post in without_excerpt:
        assert escape(post.body_summary) in home.text


def test_comments_come_in_every_state_with_replies_to_approved_ones(generated):
    comments = Comment.objects.select_related("post", "parent")
    statuses = {comment.status for comment in comments}
    assert statuses == set(Comment.Status.values)
    assert comments.approved().count() > comments.count() * 0.7
    replies = [comment for comment in comments if comment.parent_id]
    assert 5 <= len(replies) <= 30
    for reply in replies:
        assert reply.parent.post_id == reply.post_id
        assert reply.parent.status == Comment.Status.APPROVED
    now = timezone.now()
    for comment in comments:
        assert comment.post.is_published()
        assert comment.post.published_at <= comment.created_at <= now


def test_one_post_draws_a_long_thread(generated):
    counts = [post.comments.approved().count() for post in Post.objects.published()]
    assert max(counts) >= 30
    assert sorted(counts)[-2] < max(counts)


def test_the_public_pages_show_generated_posts(generated, client):
    post = Post.objects.published().first()
    assert client.get("/").status_code == HTTPStatus.OK
    response = client.get(post.get_absolute_url())
    assert response.status_code == HTTPStatus.OK
    assert post.title.encode() in response.content


def test_refuses_to_generate_a_second_publication_beside_the_first(generated):
    with pytest.raises(CommandError, match="--reset"):
        generate()
    assert generated_posts().count() == 60


def test_reset_generates_afresh_instead_of_adding(generated):
    before = set(generated_posts().values_list("pk", flat=True))
    generate("--reset", "--seed", "7")
    assert generated_posts().count() == 60
    assert not before & set(generated_posts().values_list("pk", flat=True))
    assert Comment.objects.count() == 300


def test_reset_with_no_posts_removes_the_generated_publication_and_nothing_else(generated):
    other = PostFactory(category=CategoryFactory(slug="service-desk", name="Service desk"))
    other.tags.add("itil")
    Comment.objects.create(post=other, name="Rebeca", email="r@example.org", body="Hola")

    out = generate("--reset", "--posts", "0")

    assert "Removed the generated publication" in out
    assert list(Post.objects.all()) == [other]
    assert not get_user_model().objects.filter(username__startswith="gen-").exists()
    assert list(Author.objects.all()) == [other.author]
    assert list(Category.objects.all()) == [other.category]
    assert list(Tag.objects.values_list("name", flat=True)) == ["itil"]
    assert Comment.objects.count() == 1


def test_the_long_stages_show_their_progress_unless_quiet(capsys):
    generate()
    progress = capsys.readouterr().err
    assert "Posts: 100%" in progress
    assert "Comments (chunks): 100%" in progress

    generate("--reset", "-v0")
    assert capsys.readouterr().err == ""
