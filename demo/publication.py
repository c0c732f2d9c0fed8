"""Load the invented demo publication: columnists, sections, posts, pictures, reader comments
and staff accounts, from the words in demo/content/.
"""

import re
from datetime import datetime, time, timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.management.base import CommandError
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify
from taggit.models import Tag

from authors.models import Author
from blog.models import Category, Post, PostAuthor, Series, TaggedPost
from comments.models import Comment

from .pictures import cover_jpeg, portrait_png
from .rows import Commenter, author_row, comment_row, post_row, user_row
from .words import AUTHOR, EVENT_TAG, demo, plain_text, typeset

Status = Comment.Status
LINK = re.compile(r"\[\[(category|tag):([\w*-]+)\|([^\]]+)\]\]")


def existing_content():
    """Describe what the database already holds that loading would collide with, or ""."""
    User = get_user_model()
    found = []
    for label, count in [
        ("posts", Post.objects.count()),
        ("columnists", Author.objects.count()),
        ("categories", Category.objects.count()),
    ]:
        if count:
            found.append(f"{count} {label}")
    usernames = sorted(
        User.objects.filter(username__in=demo().usernames).values_list("username", flat=True)
    )
    if len(usernames) == 1:
        found.append(f"the account “{usernames[0]}”")
    elif usernames:
        found.append(f"{len(usernames)} of the demo accounts")
    return ", ".join(found)


def remove_demo():
    """Delete the demo's users, columnists and their posts, comments, categories and tags."""
    User = get_user_model()
    users = User.objects.filter(username__in=demo().usernames)
    authors = Author.objects.filter(
        Q(slug__in=[c.slug for c in demo().columnists]) | Q(user__in=users)
    )
    posts = Post.objects.filter(author__in=authors)
    files = [name for name in posts.values_list("featured_image", flat=True) if name]
    files += [name for name in authors.values_list("portrait", flat=True) if name]
    tag_ids = set(
        TaggedPost.objects.filter(content_object__in=posts).values_list("tag_id", flat=True)
    )

    post_count = posts.count()
    # The comments go with their posts, by cascade.
    comment_count = Comment.objects.filter(post__in=posts).count()
    # Deferred, the image is not opened to measure it, even when its file has gone.
    posts.defer("featured_image").delete()
    # Emptied with the posts; a series keeps its columnist until it goes.
    Series.objects.filter(author__in=authors).delete()
    author_count = authors.count()
    authors.delete()
    categories = Category.objects.filter(
        Q(slug__in=[slug for _, slug, _ in demo().categories])
        | Q(name__in=[name for name, _, _ in demo().categories])
    )
    category_count = categories.count()
    categories.delete()
    tags = Tag.objects.filter(Q(pk__in=tag_ids) | Q(name__in=demo().tags)).filter(
        blog_taggedpost_items__isnull=True, taggit_taggeditem_items__isnull=True
    )
    tag_count = tags.count()
    tags.delete()
    user_count = users.count()
    users.delete()
    # Files cannot be rolled back: delete them only once the deletion is committed.
    transaction.on_commit(lambda: delete_unreferenced_files(files))
    return (
        f"{author_count} columnists, {post_count} posts, {comment_count} comments, "
        f"{category_count} categories, {tag_count} tags, {user_count} accounts"
    )


def delete_unreferenced_files(names):
    """Delete the stored files no columnist or post refers to any more."""
    portrait = Author._meta.get_field("portrait")
    image = Post._meta.get_field("featured_image")
    for name in names:
        if Author.objects.filter(portrait=name).exists():
            continue
        if Post.objects.filter(featured_image=name).exists():
            continue
        (portrait if name.startswith("authors/") else image).storage.delete(name)


class DemoLoader:
    """Create the demo publication's rows and pictures, remembering the files it wrote."""

    def __init__(self, *, now, rng, progress=lambda items, **bar: items):
        self.now = now
        self.rng = rng
        # Wraps the slow loop (posts, with their pictures) to show how far it has gone.
        self.progress = progress
        self.saved_files = []
        self.commenters = {}
        self.illustrated = 0
        self.words = demo()
        self.event_tag = self.words.event_tag(
            timezone.localdate(now - timedelta(days=self.words.event_days_ago)).year
        )

    def load(self):
        groups = {group.name: group for group in Group.objects.all()}
        missing = {"Authors", "Editors", "Moderators"} - set(groups)
        if missing:
            raise CommandError(
                f"The groups {', '.join(sorted(missing))} do not exist: run migrate first."
            )
        authors = self.create_columnists(groups["Authors"])
        self.authors = authors
        staff = self.create_staff(groups)
        self.series = {
            spec.slug: Series.objects.create(
                name=spec.name,
                slug=spec.slug,
                author=authors[spec.author],
                description=typeset(spec.description),
            )
            for spec in self.words.series
        }
        self.categories = {
            slug: Category.objects.create(name=name, slug=slug, description=description)
            for name, slug, description in demo().categories
        }
        self.tags = {}
        for name in [*demo().tags, self.event_tag]:
            self.tags[name], _ = Tag.objects.get_or_create(
                name=name, defaults={"slug": slugify(name)}
            )

        words = self.words
        self.decks = {
            "sections": {key: Deck(items, self.rng) for key, items in words.sections.items()},
            "lists": {key: Deck(items, self.rng) for key, items in words.lists.items()},
            "quotes": {key: Deck(items, self.rng) for key, items in words.quotes.items()},
            "closers": Deck(words.closers, self.rng),
        }
        counts = {"published": 0, "scheduled": 0, "drafts": 0, "images": len(authors)}
        published = {}
        for spec in self.progress(
            [*words.published, *words.scheduled, *words.drafts], desc="Posts"
        ):
            post = self.create_post(spec, authors[spec.author])
            if not post.published_at:
                counts["drafts"] += 1
            elif post.published_at > self.now:
                counts["scheduled"] += 1
            else:
                counts["published"] += 1
                published[spec.title] = post
            counts["images"] += bool(post.featured_image)
        counts.update(self.create_comments(published, moderator=staff["moderator"]))
        return {
            **counts,
            "columnists": len(authors),
            "posts": counts["published"] + counts["scheduled"] + counts["drafts"],
            "categories": len(self.categories),
        }

    def create_columnists(self, group):
        authors = {}
        for position, columnist in enumerate(self.words.columnists, start=1):
            user = user_row(
                username=columnist.username,
                first_name=columnist.first_name,
                last_name=columnist.last_name,
                email=f"{columnist.slug.replace('-', '.')}@example.com",
                password="author" if columnist.username == "author" else None,
            )
            user.save()
            self.confirm_email(user)
            user.groups.add(group)
            author = author_row(
                user=user,
                display_name=columnist.display_name,
                slug=columnist.slug,
                tagline=typeset(columnist.tagline),
                introduction=typeset(columnist.introduction),
                rhythm=columnist.rhythm,
                position=position,
                is_active=columnist.is_active,
            )
            self.save_file(author.portrait, f"{author.slug}.png", portrait_png(author))
            author.save()
            authors[author.slug] = author
        return authors

    def create_staff(self, groups):
        staff = {}
        for username, first_name, last_name, group_name in self.words.staff:
            user = user_row(
                username=username,
                first_name=first_name,
                last_name=last_name,
                email=f"{username}@example.com",
                password=username,
            )
            user.save()
            self.confirm_email(user)
            user.groups.add(groups[group_name])
            staff[username] = user
        name = self.words.superuser
        superuser = get_user_model().objects.create_superuser(name, f"{name}@example.com", name)
        self.confirm_email(superuser)
        return staff

    def confirm_email(self, user):
        """Mark the demo address as confirmed, so that log-in needs no confirmation mail."""
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)

    def create_post(self, spec, author):
        title = typeset(spec.title)
        post = post_row(
            title=title,
            slug=slugify(title),
            author=author,
            category=self.categories[spec.category],
            excerpt=typeset(spec.excerpt),
            body=self.compose_body(spec),
            published_at=self.publication_time(spec.days_ago),
            is_featured=spec.is_featured,
            series=self.series.get(spec.series),
            series_part=spec.part,
        )
        if spec.has_image:
            data, alt = cover_jpeg(spec.category, self.rng)
            self.save_file(post.featured_image, f"{post.slug[:60]}.jpg", data)
            post.featured_image_alt = alt
            self.illustrated += 1
            if self.illustrated % 3 == 1:
                post.featured_image_caption = f"Cover art for the {post.category.name} section."
                post.featured_image_credit = "Illustration: demo studio"
        # Saving makes the picture's renditions.
        post.save()
        tag_names = [self.event_tag if name == EVENT_TAG else name for name in spec.tags]
        post.tags.set([self.tags[name] for name in tag_names])
        for position, slug in enumerate(spec.coauthors, start=1):
            PostAuthor.objects.create(post=post, author=self.authors[slug], position=position)
        return post

    def create_comments(self, posts, *, moderator):
        """Add readers' comments to published posts: approved, awaiting moderation and spam."""
        words = self.words
        unknown = {entry.post for entry in [*words.pending, *words.spam]} | set(words.comments)
        unknown -= set(posts)
        if unknown:
            raise CommandError(f"Comments on posts the demo does not publish: {sorted(unknown)}")
        rng = self.rng

        threads, replies = [], []
        for title, specs in words.comments.items():
            post = posts[title]
            # Most comments come in the first days after publication, in the order written.
            window = min(self.now - post.published_at, timedelta(days=10))
            offsets = sorted(rng.uniform(0.04, 1) ** 2 for _ in specs)
            for spec, offset in zip(specs, offsets, strict=True):
                created = post.published_at + window * offset
                thread = self.comment(post, spec, created, Status.APPROVED, moderator)
                threads.append(thread)
                for reply_spec in spec.replies:
                    latest = min(self.now, created + timedelta(days=2))
                    at = created + (latest - created) * rng.uniform(0.1, 0.6)
                    reply = self.comment(post, reply_spec, at, Status.APPROVED, moderator)
                    reply.parent = thread
                    replies.append(reply)
        held = []
        for status, entries in [(Status.PENDING, words.pending), (Status.SPAM, words.spam)]:
            for entry in entries:
                post = posts[entry.post]
                ago = timedelta(minutes=entry.minutes_ago + rng.randint(0, 9))
                created = max(self.now - ago, post.published_at + timedelta(minutes=5))
                held.append(self.comment(post, entry.comment, created, status, moderator))
        # Threads first, so that the replies can refer to their primary keys.
        Comment.objects.bulk_create(threads)
        Comment.objects.bulk_create([*replies, *held])
        return {
            "comments": len(threads) + len(replies),
            "pending": len(words.pending),
            "spam": len(words.spam),
        }

    def comment(self, post, spec, created, status, moderator):
        """Build an unsaved comment as the site would have stored it once decided."""
        by_author = spec.name == AUTHOR
        name = post.author.display_name if by_author else spec.name
        location = "" if by_author else spec.location
        # Each commenter keeps one address and one IP address: the history moderators see.
        number = self.commenters.setdefault((name, location), len(self.commenters))
        handle = slugify(name).replace("-", ".")
        reader = Commenter.reader(
            number=number, name=name, location=location, email=f"{handle}{number + 11}@example.org"
        )
        commenter = Commenter.columnist(post.author, like=reader) if by_author else reader
        decided_at = None
        if not by_author and status != Status.PENDING:
            delay = timedelta(minutes=self.rng.randint(6, 9 * 60))
            decided_at = created + min(delay, (self.now - created) * 0.9)
        return comment_row(
            post=post,
            commenter=commenter,
            body=plain_text(spec.body),
            created_at=created,
            status=status,
            decided_at=decided_at,
            decided_by=moderator if decided_at else None,
        )

    def publication_time(self, days_ago):
        """Place a post days_ago before today (after, when negative) at a plausible hour."""
        if days_ago is None:
            return None
        if days_ago == 0:
            earlier = self.now - timedelta(minutes=self.rng.randint(40, 150))
            return earlier.replace(second=0, microsecond=0)
        day = timezone.localdate(self.now) - timedelta(days=days_ago)
        if days_ago < 0:
            at = time(9, 0)
        else:
            at = time(self.rng.randint(7, 17), self.rng.randrange(0, 60, 5))
        return datetime.combine(day, at, tzinfo=timezone.get_current_timezone())

    def compose_body(self, spec):
        """Build 4 to 7 paragraphs: the post's own lead, drawn sections and a closing line."""
        rng = self.rng
        sections = self.decks["sections"]
        paragraphs = rng.randint(4, 7)
        with_list = rng.random() < 0.65
        with_quote = rng.random() < 0.6
        with_headings = rng.random() < 0.85
        middle = max(1, paragraphs - 2 - with_list)

        drawn = []
        for index in range(middle):
            pool = spec.category if index % 2 == 0 or rng.random() < 0.3 else "general"
            drawn.append(sections[pool].draw(exclude=drawn))

        parts = [paragraph(spec.lead, spec.category)]
        for index, (heading, text) in enumerate(drawn):
            if with_headings and index % 2 == 0:
                parts.append(f"<h2>{escape(typeset(heading))}</h2>")
            parts.append(paragraph(text, spec.category))
            if index == 0 and with_quote:
                quote, source = self.decks["quotes"][spec.category].draw()
                parts.append(
                    f"<blockquote><p>“{typeset(quote)}”</p><p>— {typeset(source)}</p></blockquote>"
                )
        if with_list:
            intro, items = self.decks["lists"][spec.category].draw()
            parts.append(paragraph(intro, spec.category))
            parts.append("<ul>" + "".join(f"<li>{typeset(item)}</li>" for item in items) + "</ul>")
        parts.append(paragraph(self.decks["closers"].draw(), spec.category))
        return "\n".join(parts)

    def save_file(self, field_file, filename, data):
        """Store data under a predictable name, replacing an orphan left by an earlier load."""
        field = field_file.field
        name = field.generate_filename(field_file.instance, filename)
        in_use = field.model._default_manager.filter(**{field.name: name}).exists()
        if not in_use and field_file.storage.exists(name):
            field_file.storage.delete(name)
        # A named ContentFile: an unnamed one is falsy, and ImageField then stores no size.
        field_file.save(filename, ContentFile(data, name=filename), save=False)
        self.saved_files.append(field_file.name)


class Deck:
    """Deal items in a shuffled cycle, so repeats across posts are spread out."""

    def __init__(self, items, rng):
        self.items = list(items)
        rng.shuffle(self.items)
        self.position = 0

    def draw(self, exclude=()):
        for _ in range(len(self.items)):
            item = self.items[self.position % len(self.items)]
            self.position += 1
            if item not in exclude:
                return item
        return item


def paragraph(text, category_slug):
    """Wrap prose in <p>, turning [[kind:slug|text]] markers into links to the site."""

    def link(match):
        kind, slug, label = match.groups()
        if slug == "*":
            slug = category_slug
        return f'<a href="{reverse(f"blog:{kind}", kwargs={"slug": slug})}">{label}</a>'

    return f"<p>{LINK.sub(link, typeset(text))}</p>"
