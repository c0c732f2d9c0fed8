import datetime

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from factory.django import DjangoModelFactory

from authors.models import Author
from blog.models import Category, Post, PostAuthor, Series

# The empty inline formsets (co-authors, pictures in the body, downloads) a post's admin form
# carries.
POST_INLINES = {
    f"{prefix}-{name}": value
    for prefix in ("post_authors", "images", "attachments")
    for name, value in [
        ("TOTAL_FORMS", "0"), ("INITIAL_FORMS", "0"), ("MIN_NUM_FORMS", "0"),
        ("MAX_NUM_FORMS", "1000"),
    ]
}  # fmt: skip


class UserFactory(DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.com")
    password = factory.django.Password("correct horse battery staple")

    @factory.post_generation
    def verified_email(self, create, extracted, **kwargs):
        """Confirm the address, as a reader who answered the sign-up mail has."""
        if create and self.email and extracted is not False:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.is_staff = True
            self.save(update_fields=["is_staff"])
            self.groups.add(*Group.objects.filter(name__in=extracted))


class AuthorFactory(DjangoModelFactory):
    class Meta:
        model = Author

    user = factory.SubFactory(UserFactory, groups=["Authors"])
    display_name = factory.Sequence(lambda n: f"Columnist Number{n}")
    slug = factory.Sequence(lambda n: f"columnist-{n}")
    tagline = "Notes from the service desk"
    introduction = "I have run service desks for twenty years."
    rhythm = "every Wednesday"


class CategoryFactory(DjangoModelFactory):
    class Meta:
        model = Category
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Section {n}")
    slug = factory.Sequence(lambda n: f"section-{n}")
    description = "Any news that fits no other section."


class PostFactory(DjangoModelFactory):
    """A published post whose publication time has passed, unless told otherwise."""

    class Meta:
        model = Post
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Column number {n}")
    slug = factory.Sequence(lambda n: f"column-number-{n}")
    author = factory.SubFactory(AuthorFactory)
    category = factory.SubFactory(CategoryFactory)
    body = "<p>What a service desk learns on a Monday morning.</p>"
    status = Post.Status.PUBLISHED
    published_at = factory.Sequence(
        lambda n: timezone.now() - datetime.timedelta(days=1, minutes=n)
    )

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if create and extracted:
            self.tags.add(*extracted)

    @factory.post_generation
    def coauthors(self, create, extracted, **kwargs):
        """Name co-authors in the order given: PostFactory(coauthors=[ken, ada])."""
        if create and extracted:
            for position, author in enumerate(extracted, start=1):
                PostAuthor.objects.create(post=self, author=author, position=position)

    class Params:
        draft = factory.Trait(status=Post.Status.DRAFT, published_at=None)
        scheduled = factory.Trait(
            published_at=factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=2))
        )


class SeriesFactory(DjangoModelFactory):
    class Meta:
        model = Series

    name = factory.Sequence(lambda n: f"Series number {n}")
    slug = factory.Sequence(lambda n: f"series-number-{n}")
    author = factory.SubFactory(AuthorFactory)


class CommentFactory(DjangoModelFactory):
    """An approved comment, unless told otherwise."""

    class Meta:
        model = "comments.Comment"

    post = factory.SubFactory(PostFactory)
    name = factory.Sequence(lambda n: f"Reader {n}")
    email = factory.LazyAttribute(lambda c: f"{c.name.lower().replace(' ', '.')}@example.com")
    location = "Leeds"
    body = "Thoughtful words about service desks."
    status = "approved"
    ip_address = "198.51.100.7"
