import datetime
from http import HTTPStatus
from io import StringIO

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from authors.models import Author
from blog.models import Category, Post
from comments.models import Comment

pytestmark = pytest.mark.django_db

DEMO_LOGINS = {
    "author": {"Authors"},
    "editor": {"Editors"},
    "moderator": {"Moderators"},
    "admin": set(),
}


def load_demo(*args):
    out = StringIO()
    # The command warns on stderr that DEBUG is off, as it is in tests.
    call_command("load_demo", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


@pytest.fixture
def demo():
    return load_demo()


def content_counts():
    return {
        "users": get_user_model().objects.count(),
        "columnists": Author.objects.count(),
        "posts": Post.objects.count(),
        "published": Post.objects.published().count(),
        "categories": Category.objects.count(),
        "tags": Tag.objects.count(),
        **{
            status: Comment.objects.filter(status=status).count()
            for status in Comment.Status.values
        },
    }


def test_demo_gives_a_newcomer_columnists_posts_pictures_and_logins(demo, client):
    columnists = list(Author.objects.active())
    assert len(columnists) >= 10
    for author in columnists:
        assert author.portrait, author
        assert author.portrait.storage.exists(author.portrait.name), author

    published = Post.objects.published()
    assert published.count() >= 40
    dates = [post.published_at for post in published]
    assert max(dates) - min(dates) > datetime.timedelta(days=365)
    assert set(published.values_list("category", flat=True)) == set(
        Category.objects.values_list("pk", flat=True)
    )
    with_images = published.exclude(featured_image="")
    assert with_images.count() >= 5
    assert all(post.featured_image_width and post.featured_image_height for post in with_images)

    for username, groups in DEMO_LOGINS.items():
        user = authenticate(username=username, password=username)
        assert user is not None, username
        assert set(user.groups.values_list("name", flat=True)) == groups
    assert authenticate(username="admin", password="admin").is_superuser

    response = client.get("/")
    assert response.status_code == HTTPStatus.OK
    on_home = [*response.context["featured_posts"], *response.context["page_obj"]]
    assert len({post.author_id for post in on_home}) >= 5
    assert "Demo publication loaded" in demo


def test_demo_keeps_drafts_scheduled_posts_and_held_comments_private(demo, client):
    hidden = Post.objects.exclude(pk__in=Post.objects.published())
    assert hidden.filter(status=Post.Status.DRAFT).exists()
    assert hidden.filter(status=Post.Status.PUBLISHED, published_at__gt=timezone.now()).exists()
    for post in hidden:
        assert client.get(post.get_absolute_url()).status_code == HTTPStatus.NOT_FOUND

    approved = Comment.objects.approved()
    assert approved.count() >= 60
    assert approved.filter(parent__isnull=False, is_by_post_author=True).exists()
    assert approved.values("post").distinct().count() > Post.objects.published().count() / 2
    assert not approved.filter(post__in=hidden).exists()

    post = Comment.objects.pending().first().post
    assert approved.on_post(post).exists()
    page = client.get(post.get_absolute_url()).content.decode()
    for comment in Comment.objects.on_post(post):
        assert (comment.body[:40] in page) == comment.is_public(), comment.body

    client.force_login(get_user_model().objects.get(username="moderator"))
    queue = client.get(reverse("admin:comments_comment_changelist"))
    assert queue.context["cl"].result_count == Comment.objects.pending().count() == 5
    assert Comment.objects.filter(status=Comment.Status.SPAM).count() == 2


def test_demo_shows_a_co_authored_column_and_a_series_with_its_next_part_untitled(demo, client):
    joint = Post.objects.get(title="Pipelines and approvals can share a room")
    for slug in ("samuel-mensah", "tomasz-wisniewski"):
        blog = client.get(reverse("blog:author", kwargs={"slug": slug})).text
        assert joint.get_absolute_url() in blog
    assert "Samuel Mensah</a> and <a" in client.get(joint.get_absolute_url()).text

    page = client.get(reverse("blog:series", kwargs={"slug": "living-with-iso-20000"})).text
    assert "3 of 4 parts published" in page
    assert "Coming next: part 4" in page
    assert "Preparing for a recertification audit" not in page


def test_loading_a_loaded_demo_is_skipped_with_if_empty_and_refused_without_reset(demo):
    before = content_counts()

    assert "nothing loaded" in load_demo("--if-empty")
    with pytest.raises(CommandError, match="--reset"):
        load_demo()

    assert content_counts() == before


def test_reset_reloads_the_demo_to_the_same_counts(demo):
    before = content_counts()

    output = load_demo("--reset")

    assert content_counts() == before
    assert "Removed the earlier demo" in output
    assert authenticate(username="author", password="author") is not None


def test_loading_shows_progress_and_the_address_the_site_runs_on(settings, capsys):
    settings.SITE_URL = "http://127.0.0.1:8123"

    out = load_demo()

    assert "Log in at http://127.0.0.1:8123/admin/ as" in out
    assert ":8000" not in out
    progress = capsys.readouterr().err
    assert "Posts: 100%" in progress
    assert "Search: 100%" in progress


def test_loading_quietly_draws_no_progress(capsys):
    call_command("load_demo", "-v0", stdout=StringIO(), stderr=StringIO())

    assert capsys.readouterr().err == ""
