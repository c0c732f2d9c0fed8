from django.utils.functional import SimpleLazyObject


def reader(request):
    """Give templates the signed-in reader's saved posts and followed columnists, when used."""
    user = getattr(request, "user", None)

    def saved():
        if not (user and user.is_authenticated):
            return frozenset()
        return frozenset(user.saved_posts.values_list("post_id", flat=True))

    def followed():
        if not (user and user.is_authenticated):
            return frozenset()
        return frozenset(user.follows.values_list("author_id", flat=True))

    return {
        "saved_post_ids": SimpleLazyObject(saved),
        "followed_author_ids": SimpleLazyObject(followed),
    }
