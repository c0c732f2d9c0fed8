"""MY list and follows: save, unsave, follow, the MY page, and nobody else's list."""

import re
from http import HTTPStatus

import pytest
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse

from readers.models import DigestSubscription, Follow, SavedPost
from tests.factories import AuthorFactory, PostFactory, UserFactory

pytestmark = pytest.mark.django_db


def act(client, action, pk, **data):
    return client.post(reverse("readers:act", kwargs={"action": action, "pk": pk}), data)


@pytest.fixture
def reader(client):
    user = UserFactory(username="reader", email="reader@example.com")
    client.force_login(user)
    return user


def test_save_and_unsave_a_post(client, reader):
    post = PostFactory()

    response = act(client, "save", post.pk, next=post.get_absolute_url())
    assert response["Location"] == post.get_absolute_url()
    assert list(reader.saved_posts.values_list("post", flat=True)) == [post.pk]
    assert "Remove from MY Review" in client.get(post.get_absolute_url()).text

    act(client, "unsave", post.pk)
    assert not reader.saved_posts.exists()


def test_saving_twice_keeps_one_entry(client, reader):
    post = PostFactory()

    act(client, "save", post.pk)
    act(client, "save", post.pk)

    assert reader.saved_posts.count() == 1


def test_a_draft_cannot_be_saved(client, reader):
    draft = PostFactory(draft=True)

    assert act(client, "save", draft.pk).status_code == HTTPStatus.NOT_FOUND


def test_the_button_answers_json_for_scripts(client, reader):
    post = PostFactory()

    response = client.post(
        reverse("readers:act", kwargs={"action": "save", "pk": post.pk}),
        HTTP_ACCEPT="application/json",
    )

    assert response.json() == {"action": "save", "message": "Added to MY Review."}


def test_an_off_site_next_after_saving_is_ignored(client, reader):
    post = PostFactory()

    response = act(client, "save", post.pk, next="https://evil.example/")

    assert response["Location"] == post.get_absolute_url()


def test_an_anonymous_click_logs_in_first_and_then_is_done(client):
    post = PostFactory()
    UserFactory(username="reader", email="reader@example.com")

    response = act(client, "save", post.pk, next=post.get_absolute_url())
    assert response["Location"].startswith(reverse("account_login"))

    response = client.post(
        response["Location"], {"login": "reader", "password": "correct horse battery staple"}
    )
    response = client.get(response["Location"])

    assert response["Location"] == post.get_absolute_url()
    assert SavedPost.objects.filter(user__username="reader", post=post).exists()


def test_follow_and_unfollow_a_columnist(client, reader):
    author = AuthorFactory(display_name="Ada Author")

    act(client, "follow", author.pk)
    assert list(reader.follows.values_list("author", flat=True)) == [author.pk]
    assert "Unfollow Ada Author" in client.get(author.get_absolute_url()).text

    act(client, "unfollow", author.pk)
    assert not reader.follows.exists()


def test_my_page_lists_saved_newest_first_and_followed_authors_latest(client, reader):
    first, second = PostFactory(title="Saved first"), PostFactory(title="Saved second")
    act(client, "save", first.pk)
    act(client, "save", second.pk)
    followed = AuthorFactory(display_name="Followed Writer")
    PostFactory(author=followed, title="By the followed writer")
    PostFactory(author=followed, title="Draft by the followed writer", draft=True)
    PostFactory(coauthors=[followed], title="Co-written by the followed writer")
    act(client, "follow", followed.pk)

    content = client.get(reverse("readers:my")).text

    assert content.index("Saved second") < content.index("Saved first")
    assert "By the followed writer" in content
    assert "Co-written by the followed writer" in content
    assert "Draft by the followed writer" not in content


def test_my_page_needs_a_log_in(client):
    response = client.get(reverse("readers:my"))

    assert response["Location"].startswith(reverse("account_login"))


def test_one_reader_never_sees_or_changes_anothers_list():
    owner, other = UserFactory(username="owner"), UserFactory(username="other")
    post = PostFactory(title="Owner's secret pick")
    SavedPost.objects.create(user=owner, post=post)
    Follow.objects.create(user=owner, author=post.author)
    client = Client()
    client.force_login(other)

    assert "Owner's secret pick" not in client.get(reverse("readers:my")).text
    act(client, "unsave", post.pk)
    act(client, "unfollow", post.author.pk)

    assert owner.saved_posts.count() == 1
    assert owner.follows.count() == 1


def test_my_page_costs_the_same_queries_with_few_or_many_saved(
    client, reader, django_assert_max_num_queries
):
    def fill(count):
        for _ in range(count):
            post = PostFactory()
            SavedPost.objects.create(user=reader, post=post)
            Follow.objects.get_or_create(user=reader, author=post.author)

    fill(2)
    client.get(reverse("readers:my"))
    # One of them fetches the co-authors the cards' bylines name, for both lists.
    with django_assert_max_num_queries(11) as few:
        client.get(reverse("readers:my"))
    fill(20)
    client.get(reverse("readers:my"))
    with django_assert_max_num_queries(11) as many:
        client.get(reverse("readers:my"))

    assert len(many.captured_queries) == len(few.captured_queries)


def test_an_anonymous_reader_follows_the_link_logs_in_and_finds_the_post_saved(client):
    post = PostFactory()
    UserFactory(username="reader", email="reader@example.com")
    page = client.get(post.get_absolute_url()).text
    link = re.search(r'href="(/my/save/\d+/\?next=[^"]+)"', page).group(1).replace("&amp;", "&")

    response = client.get(link)
    response = client.post(
        response["Location"], {"login": "reader", "password": "correct horse battery staple"}
    )
    response = client.get(response["Location"])

    assert response["Location"] == post.get_absolute_url()
    assert SavedPost.objects.filter(user__username="reader", post=post).exists()


def test_a_link_never_changes_a_signed_in_readers_list(client, reader):
    post = PostFactory()

    client.get(reverse("readers:act", kwargs={"action": "save", "pk": post.pk}))

    assert not reader.saved_posts.exists()


def test_the_my_page_says_what_the_reader_is_subscribed_to_and_turns_it_off(client, reader):
    act(client, "follow", AuthorFactory(display_name="Ada Author").pk)
    page = client.get(reverse("readers:my")).text
    assert "You are subscribed to nothing" in page
    assert "Following a columnist sends no mail" in page

    client.post(reverse("readers:digest"), {"weekly_digest": "on"})
    page = client.get(reverse("readers:my")).text
    assert "You are subscribed to the <strong>weekly digest</strong>" in page
    assert "reader@example.com" in page

    client.post(reverse("readers:digest"), {})
    assert "You are subscribed to nothing" in client.get(reverse("readers:my")).text
    assert not DigestSubscription.objects.get(user=reader).is_active


def test_a_digest_cannot_be_on_without_the_readers_request(reader):
    with pytest.raises(IntegrityError), transaction.atomic():
        DigestSubscription.objects.create(user=reader, is_active=True)


@pytest.mark.parametrize(
    "name", ["readers:my", "readers:delete-account", "account_email", "account_change_password"]
)
def test_a_readers_personal_pages_are_never_kept_by_a_shared_cache(client, reader, name):
    response = client.get(reverse(name))

    assert response.status_code == HTTPStatus.OK
    directives = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-cache"} <= directives
    assert not any(part.startswith("s-maxage") or part == "public" for part in directives)


def test_each_reader_sees_their_own_my_button_on_a_card_every_reader_shares(client, reader):
    post = PostFactory(title="Worth keeping")
    act(client, "save", post.pk)
    other = Client()
    other.force_login(UserFactory(username="other"))

    mine = client.get(reverse("blog:index")).text  # keeps the card
    theirs = other.get(reverse("blog:index")).text
    anonymous = Client().get(reverse("blog:index")).text

    assert 'Remove from MY Review<span class="visually-hidden">: Worth keeping' in mine
    assert 'Add to MY Review<span class="visually-hidden">: Worth keeping' in theirs
    assert 'aria-pressed="true"' in mine
    assert 'aria-pressed="true"' not in theirs + anonymous
    save = reverse("readers:act", kwargs={"action": "save", "pk": post.pk})
    assert f'href="{save}?next=/"' in anonymous
