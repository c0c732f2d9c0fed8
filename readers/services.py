"""What a reader's MY list and follows do, in one place for the views and the resume step."""

from django.db import IntegrityError, transaction

from readers.models import DigestSubscription, Follow, SavedPost


def post_save(*, user, post) -> None:
    with transaction.atomic():
        try:
            SavedPost.objects.get_or_create(user=user, post=post)
        except IntegrityError:
            pass  # saved twice at once: once is what the reader wanted


def post_unsave(*, user, post) -> None:
    SavedPost.objects.filter(user=user, post=post).delete()


def author_follow(*, user, author) -> None:
    with transaction.atomic():
        try:
            Follow.objects.get_or_create(user=user, author=author)
        except IntegrityError:
            pass


def digest_subscribe(*, user) -> None:
    """Send user the weekly digest: called only on the reader's own request."""
    subscription, _ = DigestSubscription.objects.get_or_create(user=user)
    subscription.subscribe()


def digest_unsubscribe(*, user) -> None:
    DigestSubscription.objects.filter(user=user).update(is_active=False)


def author_unfollow(*, user, author) -> None:
    Follow.objects.filter(user=user, author=author).delete()
