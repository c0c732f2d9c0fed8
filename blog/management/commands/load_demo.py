"""Load an invented demo publication: columnists, sections, posts, pictures, reader comments
and staff accounts.
"""

import hashlib
import io
import random
import re
from datetime import datetime, time, timedelta

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand, CommandError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify
from PIL import Image, ImageDraw, ImageFont
from taggit.models import Tag

from authors.models import Author
from blog.management import demo_content as demo
from blog.models import Category, Post, TaggedPost
from blog.search import reindex_posts
from edge.state import content_changed
from edge.tags import SITE

SEED = 20_091_909
# Reader addresses from the ranges reserved for documentation (RFC 5737).
DOCUMENTATION_NETWORKS = ["192.0.2", "198.51.100", "203.0.113"]
USER_AGENTS = [
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/17.5 Safari/605.1.15",
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0.0.0 Mobile Safari/537.36",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like "
    "Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
]
LOGIN_URL = "http://127.0.0.1:8000/admin/"
COVER_SIZE = (1600, 900)
PORTRAIT_SIZE = 400

DEMO_USERNAMES = [c.username for c in demo.COLUMNISTS] + [
    *(username for username, *_ in demo.STAFF),
    demo.SUPERUSER,
]

# Per category: background (name, top, bottom), two shape colours (name, rgb), and a motif.
PALETTES = {
    "service-desk": (
        ("deep navy", (16, 32, 62), (34, 74, 114)),
        ("teal", (38, 166, 154)),
        ("amber", (255, 183, 77)),
        "rings",
    ),
    "change-and-release": (
        ("slate blue", (40, 50, 86), (86, 100, 152)),
        ("coral", (255, 127, 102)),
        ("sand", (236, 214, 170)),
        "bands",
    ),
    "standards-and-frameworks": (
        ("charcoal", (34, 36, 40), (72, 76, 84)),
        ("forest green", (52, 140, 88)),
        ("ochre", (214, 154, 48)),
        "grid",
    ),
    "suppliers-and-sourcing": (
        ("plum", (62, 26, 64), (124, 62, 114)),
        ("gold", (236, 194, 84)),
        ("grey-blue", (150, 174, 200)),
        "links",
    ),
    "careers-and-people": (
        ("terracotta", (128, 56, 38), (204, 112, 80)),
        ("sage", (176, 196, 154)),
        ("ivory", (250, 244, 228)),
        "steps",
    ),
    "general-news": (
        ("indigo", (34, 26, 84), (72, 62, 146)),
        ("sky blue", (124, 194, 242)),
        ("white", (250, 250, 250)),
        "stripes",
    ),
}
# Deep enough that white initials keep a contrast above 7:1.
PORTRAIT_COLOURS = [
    (20, 92, 96), (28, 48, 98), (96, 36, 92), (140, 30, 52), (30, 90, 52), (62, 72, 92),
    (150, 60, 20), (60, 40, 130), (130, 50, 30), (18, 96, 80), (80, 30, 70), (36, 80, 128),
]  # fmt: skip
MOTIF_DESCRIPTIONS = {
    "rings": "concentric rings spreading outwards like ripples",
    "bands": "broad diagonal bands crossing the frame",
    "grid": "a grid of squares, some of them filled in",
    "links": "a chain of interlocking rings",
    "steps": "bars rising in steps from left to right",
    "stripes": "horizontal stripes of varying width",
}
LINK = re.compile(r"\[\[(category|tag):([\w*-]+)\|([^\]]+)\]\]")


class Command(BaseCommand):
    help = (
        "Load an invented demo publication (12 columnists, 52 posts, pictures, reader "
        "comments and staff accounts with guessable passwords) for local use."
    )

    def add_arguments(self, parser):
        when = parser.add_mutually_exclusive_group()
        when.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing, successfully, when the database already holds content.",
        )
        when.add_argument(
            "--reset",
            action="store_true",
            help="Delete the demo publication loaded earlier, then load it afresh.",
        )

    def handle(self, *args, if_empty=False, reset=False, **options):
        if not settings.DEBUG:
            self.stderr.write(
                self.style.WARNING(
                    "DEBUG is off. The demo accounts have passwords anyone can guess: "
                    "never load the demo on a site others can reach."
                )
            )
        present = existing_content()
        if present and if_empty:
            self.stdout.write(f"Demo content already present ({present}): nothing loaded.")
            return
        if present and not reset:
            raise CommandError(
                f"The database already holds {present}. Run `manage.py load_demo --reset` to "
                "delete the demo publication and load it afresh, or `--if-empty` to skip "
                "loading when content exists."
            )

        loader = DemoLoader(now=timezone.now(), rng=random.Random(SEED))
        removed = ""
        try:
            with transaction.atomic():
                if reset:
                    removed = remove_demo()
                loaded = loader.load()
                reindex_posts()
        except BaseException as exc:
            # The rows are rolled back; the files written meanwhile must go too.
            delete_unreferenced_files(loader.saved_files)
            if isinstance(exc, IntegrityError):
                raise CommandError(
                    f"Could not load the demo next to the existing content: {exc}. "
                    "Nothing was changed."
                ) from exc
            raise
        content_changed(SITE)

        if removed:
            self.stdout.write(f"Removed the earlier demo: {removed}.")
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo publication loaded: {loaded['columnists']} columnists, "
                f"{loaded['posts']} posts ({loaded['published']} published, "
                f"{loaded['scheduled']} scheduled, {loaded['drafts']} drafts), "
                f"{loaded['categories']} categories, {loaded['images']} pictures, "
                f"{loaded['comments']} reader comments ({loaded['pending']} awaiting "
                f"moderation, {loaded['spam']} spam)."
            )
        )
        self.stdout.write(
            f"Log in at {LOGIN_URL} as author/author (a columnist), editor/editor, "
            "moderator/moderator or admin/admin. For local use only."
        )


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
        User.objects.filter(username__in=DEMO_USERNAMES).values_list("username", flat=True)
    )
    if len(usernames) == 1:
        found.append(f"the account “{usernames[0]}”")
    elif usernames:
        found.append(f"{len(usernames)} of the demo accounts")
    return ", ".join(found)


def comment_model():
    """Return the comments app's Comment model, or None where that app is not installed."""
    # Looked up by name: the comments app depends on blog, never the other way round.
    if not apps.is_installed("comments"):
        return None
    return apps.get_model("comments", "Comment")


def remove_demo():
    """Delete the demo's users, columnists and their posts, comments, categories and tags."""
    User = get_user_model()
    users = User.objects.filter(username__in=DEMO_USERNAMES)
    authors = Author.objects.filter(
        Q(slug__in=[c.slug for c in demo.COLUMNISTS]) | Q(user__in=users)
    )
    posts = Post.objects.filter(author__in=authors)
    files = [name for name in posts.values_list("featured_image", flat=True) if name]
    files += [name for name in authors.values_list("portrait", flat=True) if name]
    tag_ids = set(
        TaggedPost.objects.filter(content_object__in=posts).values_list("tag_id", flat=True)
    )

    post_count = posts.count()
    Comment = comment_model()
    # The comments go with their posts, by cascade.
    comment_count = Comment.objects.filter(post__in=posts).count() if Comment else 0
    # Deferred, the image is not opened to measure it, even when its file has gone.
    posts.defer("featured_image").delete()
    author_count = authors.count()
    authors.delete()
    categories = Category.objects.filter(
        Q(slug__in=[slug for _, slug, _ in demo.CATEGORIES])
        | Q(name__in=[name for name, _, _ in demo.CATEGORIES])
    )
    category_count = categories.count()
    categories.delete()
    tags = Tag.objects.filter(Q(pk__in=tag_ids) | Q(name__in=demo.TAGS)).filter(
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

    def __init__(self, *, now, rng):
        self.now = now
        self.rng = rng
        self.saved_files = []
        self.commenters = {}
        self.illustrated = 0
        self.event_tag = demo.event_tag(
            timezone.localdate(now - timedelta(days=demo.EVENT_DAYS_AGO)).year
        )

    def load(self):
        groups = {group.name: group for group in Group.objects.all()}
        missing = {"Authors", "Editors", "Moderators"} - set(groups)
        if missing:
            raise CommandError(
                f"The groups {', '.join(sorted(missing))} do not exist: run migrate first."
            )
        authors = self.create_columnists(groups["Authors"])
        staff = self.create_staff(groups)
        self.categories = {
            slug: Category.objects.create(name=name, slug=slug, description=description)
            for name, slug, description in demo.CATEGORIES
        }
        self.tags = {}
        for name in [*demo.TAGS, self.event_tag]:
            self.tags[name], _ = Tag.objects.get_or_create(
                name=name, defaults={"slug": slugify(name)}
            )

        self.decks = {
            "sections": {key: Deck(items, self.rng) for key, items in demo.SECTIONS.items()},
            "lists": {key: Deck(items, self.rng) for key, items in demo.LISTS.items()},
            "quotes": {key: Deck(items, self.rng) for key, items in demo.QUOTES.items()},
            "closers": Deck(demo.CLOSERS, self.rng),
        }
        counts = {"published": 0, "scheduled": 0, "drafts": 0, "images": len(authors)}
        published = {}
        for spec in [*demo.PUBLISHED, *demo.SCHEDULED, *demo.DRAFTS]:
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
        User = get_user_model()
        authors = {}
        for order, columnist in enumerate(demo.COLUMNISTS, start=1):
            user = User(
                username=columnist.username,
                first_name=columnist.first_name,
                last_name=columnist.last_name,
                email=f"{columnist.slug.replace('-', '.')}@example.com",
                is_staff=True,
            )
            if columnist.username == "author":
                user.set_password("author")
            else:
                user.set_unusable_password()
            user.save()
            self.confirm_email(user)
            user.groups.add(group)
            author = Author(
                user=user,
                display_name=columnist.display_name,
                slug=columnist.slug,
                tagline=demo.typeset(columnist.tagline),
                introduction=demo.typeset(columnist.introduction),
                rhythm=columnist.rhythm,
                blog_roll_order=order * 10,
                is_active=columnist.is_active,
            )
            self.save_file(author.portrait, f"{author.slug}.png", portrait_png(author))
            author.save()
            authors[author.slug] = author
        return authors

    def create_staff(self, groups):
        User = get_user_model()
        staff = {}
        for username, first_name, last_name, group_name in demo.STAFF:
            user = User(
                username=username,
                first_name=first_name,
                last_name=last_name,
                email=f"{username}@example.com",
                is_staff=True,
            )
            user.set_password(username)
            user.save()
            self.confirm_email(user)
            user.groups.add(groups[group_name])
            staff[username] = user
        superuser = User.objects.create_superuser(
            demo.SUPERUSER, f"{demo.SUPERUSER}@example.com", demo.SUPERUSER
        )
        self.confirm_email(superuser)
        return staff

    def confirm_email(self, user):
        """Mark the demo address as confirmed, so that log-in needs no confirmation mail."""
        EmailAddress = apps.get_model("account", "EmailAddress")
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)

    def create_post(self, spec, author):
        title = demo.typeset(spec.title)
        post = Post(
            title=title,
            slug=slugify(title),
            author=author,
            category=self.categories[spec.category],
            excerpt=demo.typeset(spec.excerpt),
            body=self.compose_body(spec),
            status=Post.Status.DRAFT if spec.days_ago is None else Post.Status.PUBLISHED,
            published_at=self.publication_time(spec.days_ago),
            is_featured=spec.is_featured,
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
        tag_names = [self.event_tag if name == demo.EVENT_TAG else name for name in spec.tags]
        post.tags.set([self.tags[name] for name in tag_names])
        return post

    def create_comments(self, posts, *, moderator):
        """Add readers' comments to published posts: approved, awaiting moderation and spam."""
        Comment = comment_model()
        counts = {"comments": 0, "pending": 0, "spam": 0}
        if Comment is None:
            return counts
        unknown = {title for title, *_ in [*demo.PENDING, *demo.SPAM]} | set(demo.COMMENTS)
        unknown -= set(posts)
        if unknown:
            raise CommandError(f"Comments on posts the demo does not publish: {sorted(unknown)}")
        rng = self.rng
        Status = Comment.Status

        threads, replies = [], []
        for title, specs in demo.COMMENTS.items():
            post = posts[title]
            # Most comments come in the first days after publication, in the order written.
            window = min(self.now - post.published_at, timedelta(days=10))
            offsets = sorted(rng.uniform(0.04, 1) ** 2 for _ in specs)
            for spec, offset in zip(specs, offsets, strict=True):
                created = post.published_at + window * offset
                thread = self.comment(Comment, post, spec, created, Status.APPROVED, moderator)
                threads.append(thread)
                for reply_spec in spec.replies:
                    latest = min(self.now, created + timedelta(days=2))
                    at = created + (latest - created) * rng.uniform(0.1, 0.6)
                    reply = self.comment(Comment, post, reply_spec, at, Status.APPROVED, moderator)
                    reply.parent = thread
                    replies.append(reply)
        held = []
        for status, entries in [(Status.PENDING, demo.PENDING), (Status.SPAM, demo.SPAM)]:
            for title, minutes_ago, spec in entries:
                post = posts[title]
                ago = timedelta(minutes=minutes_ago + rng.randint(0, 9))
                created = max(self.now - ago, post.published_at + timedelta(minutes=5))
                held.append(self.comment(Comment, post, spec, created, status, moderator))
        # Threads first, so that the replies can refer to their primary keys.
        Comment.objects.bulk_create(threads)
        Comment.objects.bulk_create([*replies, *held])
        counts["comments"] = len(threads) + len(replies)
        counts["pending"] = len(demo.PENDING)
        counts["spam"] = len(demo.SPAM)
        return counts

    def comment(self, Comment, post, spec, created, status, moderator):
        """Build an unsaved comment as the site would have stored it once decided."""
        user = post.author.user if spec.name == demo.AUTHOR else None
        name = post.author.display_name if user else spec.name
        location = "" if user else spec.location
        # Each commenter keeps one address and one IP address: the history moderators see.
        number = self.commenters.setdefault((name, location), len(self.commenters))
        handle = slugify(name).replace("-", ".")
        email = user.email if user else f"{handle}{number + 11}@example.org"
        comment = Comment(
            post=post,
            user=user,
            name=name,
            email=email,
            location=location,
            body=demo.plain_text(spec.body),
            is_by_post_author=user is not None,
            status=status,
            ip_address=f"{DOCUMENTATION_NETWORKS[number % 3]}.{number // 3 + 10}",
            user_agent=USER_AGENTS[number % len(USER_AGENTS)],
            created_at=created,
        )
        if user is not None:
            # A columnist's comment on their own post needs no moderator.
            comment.decided_at = created
        elif status != Comment.Status.PENDING:
            delay = timedelta(minutes=self.rng.randint(6, 9 * 60))
            comment.decided_at = created + min(delay, (self.now - created) * 0.9)
            comment.decided_by = moderator
        return comment

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
                parts.append(f"<h2>{escape(demo.typeset(heading))}</h2>")
            parts.append(paragraph(text, spec.category))
            if index == 0 and with_quote:
                quote, source = self.decks["quotes"][spec.category].draw()
                parts.append(
                    f"<blockquote><p>“{demo.typeset(quote)}”</p>"
                    f"<p>— {demo.typeset(source)}</p></blockquote>"
                )
        if with_list:
            intro, items = self.decks["lists"][spec.category].draw()
            parts.append(paragraph(intro, spec.category))
            parts.append(
                "<ul>" + "".join(f"<li>{demo.typeset(item)}</li>" for item in items) + "</ul>"
            )
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

    return f"<p>{LINK.sub(link, demo.typeset(text))}</p>"


def portrait_png(author):
    """Draw a square portrait: the columnist's initials on a colour derived from the name."""
    digest = hashlib.sha256(author.display_name.encode()).digest()
    background = PORTRAIT_COLOURS[digest[0] % len(PORTRAIT_COLOURS)]
    disc = tuple(round(c * 0.78) for c in background)
    size = PORTRAIT_SIZE
    image = Image.new("RGB", (size, size), background)
    draw = ImageDraw.Draw(image)
    cx = size * (0.2 if digest[1] % 2 else 0.8)
    cy = size * (0.2 if digest[2] % 2 else 0.8)
    radius = size * (0.55 + digest[3] / 255 * 0.2)
    draw.ellipse([cx - radius, cy - radius, cx + radius, cy + radius], fill=disc)
    font = ImageFont.load_default(size=160)
    draw.text((size / 2, size / 2), author.initials, font=font, fill="white", anchor="mm")
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def cover_jpeg(category_slug, rng):
    """Draw an abstract 1600×900 cover in the category's palette; return it and its alt text."""
    (background, top, bottom), (a_name, a), (b_name, b), motif = PALETTES[category_slug]
    mask = Image.linear_gradient("L")
    if rng.random() < 0.5:
        mask = mask.transpose(Image.Transpose.ROTATE_90)
    mask = mask.resize(COVER_SIZE)
    image = Image.composite(
        Image.new("RGB", COVER_SIZE, bottom), Image.new("RGB", COVER_SIZE, top), mask
    ).convert("RGBA")
    overlay = Image.new("RGBA", COVER_SIZE, (0, 0, 0, 0))
    MOTIFS[motif](ImageDraw.Draw(overlay), rng, a, b)
    image = Image.alpha_composite(image, overlay).convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=82)
    alt = (
        f"Abstract illustration: {MOTIF_DESCRIPTIONS[motif]}, in {a_name} and {b_name} "
        f"on a {background} background."
    )
    return buffer.getvalue(), alt


def draw_rings(draw, rng, a, b):
    width, height = COVER_SIZE
    cx, cy = rng.randint(300, width - 300), rng.randint(200, height - 200)
    step = rng.choice([70, 90, 110])
    for index, radius in enumerate(range(60, 1500, step)):
        colour = a if index % 2 == 0 else b
        box = [cx - radius, cy - radius, cx + radius, cy + radius]
        draw.ellipse(box, outline=(*colour, 170), width=rng.randint(12, 26))
    draw.ellipse([cx - 34, cy - 34, cx + 34, cy + 34], fill=(*b, 230))


def draw_bands(draw, rng, a, b):
    width, height = COVER_SIZE
    for index in range(rng.randint(5, 8)):
        x = rng.randint(-200, width + 500)
        band = rng.randint(60, 220)
        colour = a if index % 2 == 0 else b
        draw.polygon(
            [(x, 0), (x + band, 0), (x + band - 700, height), (x - 700, height)],
            fill=(*colour, rng.randint(140, 210)),
        )


def draw_grid(draw, rng, a, b):
    width, height = COVER_SIZE
    cell, gap = 110, 30
    columns, rows = 10, 5
    left = (width - columns * cell - (columns - 1) * gap) // 2
    top = (height - rows * cell - (rows - 1) * gap) // 2
    for row in range(rows):
        for column in range(columns):
            x, y = left + column * (cell + gap), top + row * (cell + gap)
            box = [x, y, x + cell, y + cell]
            roll = rng.random()
            if roll < 0.25:
                draw.rectangle(box, fill=(*a, 220))
            elif roll < 0.38:
                draw.rectangle(box, fill=(*b, 220))
            else:
                draw.rectangle(box, outline=(*a, 120), width=5)


def draw_links(draw, rng, a, b):
    width, height = COVER_SIZE
    count = rng.randint(5, 7)
    spacing = width / (count + 1)
    radius = spacing * 0.72
    for index in range(count):
        cx = spacing * (index + 1)
        cy = height / 2 + (90 if index % 2 else -90) + rng.randint(-30, 30)
        colour = a if index % 2 == 0 else b
        box = [cx - radius, cy - radius, cx + radius, cy + radius]
        draw.ellipse(box, outline=(*colour, 200), width=rng.randint(18, 28))


def draw_steps(draw, rng, a, b):
    width, height = COVER_SIZE
    count = rng.randint(6, 9)
    slot = width / count
    for index in range(count):
        rise = 120 + (height - 220) * (index + 1) / count + rng.randint(-40, 40)
        x = index * slot + slot * 0.15
        colour = a if index % 2 == 0 else b
        draw.rectangle([x, height - rise, x + slot * 0.7, height], fill=(*colour, 200))


def draw_stripes(draw, rng, a, b):
    width, height = COVER_SIZE
    y = rng.randint(0, 60)
    while y < height:
        stripe = rng.randint(20, 140)
        if rng.random() < 0.6:
            colour = a if rng.random() < 0.6 else b
            draw.rectangle([0, y, width, y + stripe], fill=(*colour, rng.randint(90, 200)))
        y += stripe + rng.randint(10, 80)


MOTIFS = {
    "rings": draw_rings,
    "bands": draw_bands,
    "grid": draw_grid,
    "links": draw_links,
    "steps": draw_steps,
    "stripes": draw_stripes,
}
