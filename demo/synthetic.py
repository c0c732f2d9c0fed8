"""Generate a large synthetic publication quickly, to measure Masthead at the size of a real one.

Rows go in with bulk inserts, bypassing ``save()``: the generator fills in what ``Post.save()``
and ``blog.search.reindex_posts()`` would have stored (sanitised body, ``body_text``,
``body_summary``, ``search_keywords``), then computes every search vector in one UPDATE. Its
vocabulary is demo/content/synthetic.yaml.

What it makes can be told apart and removed: its accounts' usernames start with ``gen-``;
``remove_generated()`` deletes them with their columnists, posts and comments, and the
categories and tags of its vocabulary that nothing else uses any more.
"""

from collections import Counter
from datetime import datetime, timedelta
from datetime import time as clock
from itertools import accumulate

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.db.models import F
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify
from taggit.models import Tag

from authors.models import Author
from blog.html import clean_body, html_to_text
from blog.models import Category, Post, TaggedPost, body_text_and_summary
from blog.search import search_keywords
from comments.models import Comment

from .rows import Commenter, author_row, comment_row, post_row, user_row
from .words import synthetic

PREFIX = "gen-"
YEARS = 6
# Distinct bodies, each sanitised once and shared by the posts drawn from it.
BODY_TEMPLATES = 400
# The post that draws the most comments, so that its page shows a long thread.
HOT_POST_COMMENTS = 500
# Shares of top-level comments by state; the rest are approved.
HELD_SHARES = {"pending": 0.05, "rejected": 0.04, "spam": 0.06}
REPLY_SHARE = 0.05
FEATURED_SHARE = 0.005
BATCH_SIZE = 1000
COMMENT_CHUNK = 20_000


def generated_users():
    return get_user_model().objects.filter(username__startswith=PREFIX)


def tag_vocabulary():
    """Return every tag name the generator may use, the most used first."""
    subjects, facets = synthetic()["tag_subjects"], synthetic()["tag_facets"]
    return [*subjects, *(f"{subject}-{facet}" for facet in facets for subject in subjects)]


def category_slugs():
    return [slugify(name) for name, _ in synthetic()["categories"]]


def remove_generated():
    """Delete the generated accounts, columnists, posts and comments, and orphaned terms."""
    users = generated_users()
    authors = Author.objects.filter(user__in=users)
    posts = Post.objects.filter(author__in=authors)
    comments = Comment.objects.filter(post__in=posts)
    counts = {"posts": posts.count(), "comments": comments.count()}
    # One DELETE each, replies first so that no row outlives its parent: delete() would
    # fetch all 200,000 comments to cascade to their replies, and take three times as long.
    comments.filter(parent__isnull=False)._raw_delete(comments.db)
    comments._raw_delete(comments.db)
    posts.delete()
    counts["columnists"] = authors.delete()[0]
    unused = {"blog_taggedpost_items__isnull": True, "taggit_taggeditem_items__isnull": True}
    counts["tags"] = Tag.objects.filter(name__in=tag_vocabulary(), **unused).delete()[0]
    counts["categories"] = Category.objects.filter(
        slug__in=category_slugs(), posts__isnull=True
    ).delete()[0]
    counts["accounts"] = users.count()
    users.delete()
    return ", ".join(f"{count} {label}" for label, count in counts.items())


def refresh_statistics():
    """Give the query planner fresh statistics (and PostgreSQL clean pages) for the new rows."""
    with connection.cursor() as cursor:
        for model in [Post, TaggedPost, Tag, Comment]:
            table = connection.ops.quote_name(model._meta.db_table)
            if connection.vendor == "postgresql" and not connection.in_atomic_block:
                # The UPDATEs left a dead version of each post; VACUUM clears them too.
                cursor.execute(f"VACUUM (ANALYZE) {table}")
            else:
                cursor.execute(f"ANALYZE {table}")


class PublicationGenerator:
    """Build the rows of a synthetic publication and insert them in bulk."""

    def __init__(self, *, rng, now, log, progress=lambda items, **bar: items):
        self.rng = rng
        self.now = now
        self.log = log
        # Wraps a stage's loop to show how far it has gone: progress(items, desc=, total=).
        self.progress = progress
        self.words = synthetic()

    def generate(self, *, authors, posts, comments, tags):
        authors = self.create_authors(authors)
        self.log(f"{len(authors)} columnists")
        categories = self.create_categories()
        tags = self.create_tags(tags)
        self.log(f"{len(categories)} categories, {len(tags)} tags")
        posts, tagged = self.create_posts(posts, authors, categories, tags)
        self.log(f"{len(posts)} posts, {tagged} tag links")
        generated = Post.objects.filter(author__in=authors)
        # bulk_create stamps created_at and updated_at with now: date them as their authors did.
        generated.filter(published_at__lte=self.now).update(
            created_at=F("published_at") - timedelta(hours=3), updated_at=F("published_at")
        )
        generated.refresh_search_vector()
        self.log("search vectors")
        by_status, replies = self.create_comments(comments, posts)
        self.log(f"{sum(by_status.values())} comments")
        dated = [post.published_at for post in posts if post.published_at]
        published = sum(1 for at in dated if at <= self.now)
        return {
            "authors": len(authors),
            "posts": len(posts),
            "published": published,
            "scheduled": len(dated) - published,
            "drafts": len(posts) - len(dated),
            "categories": len(categories),
            "tags": len(tags),
            "tagged": tagged,
            "comments": sum(by_status.values()),
            "by_status": by_status,
            "replies": replies,
        }

    def create_authors(self, count):
        rng, words = self.rng, self.words
        first_names, last_names = words["first_names"], words["last_names"]
        names = [f"{first} {last}" for first in first_names for last in last_names]
        rng.shuffle(names)
        taken = set(Author.objects.values_list("slug", flat=True))
        users, authors = [], []
        for index in range(count):
            name = names[index % len(names)]
            if index >= len(names):
                name = f"{name} {index // len(names) + 1}"
            slug = unique_slug(slugify(name), taken, 100)
            first_name, last_name = name.split(" ", 1)
            user = user_row(
                username=f"{PREFIX}{slug}"[:150],
                first_name=first_name,
                last_name=last_name,
                email=f"{slug}@example.com",
            )
            users.append(user)
            tagline = rng.choice(words["taglines"])
            introduction = f"{first_name} {rng.choice(words['introductions'])}"
            authors.append(
                author_row(
                    user=user,
                    display_name=name,
                    slug=slug,
                    tagline=tagline,
                    introduction=f"{introduction} {rng.choice(words['sentences'])}",
                    rhythm=rng.choice(words["rhythms"]),
                    position=index + 1,
                    # A few have retired: their blogs stay, off the blog roll.
                    is_active=rng.random() > 0.1,
                )
            )
        User = get_user_model()
        User.objects.bulk_create(users, batch_size=BATCH_SIZE)
        for user, author in zip(users, authors, strict=True):
            # Saved now: the profile takes the key bulk_create gave the account.
            author.user = user
        Author.objects.bulk_create(authors, batch_size=BATCH_SIZE)
        group = Group.objects.filter(name="Authors").first()
        if group is not None:
            Membership = User.groups.through
            Membership.objects.bulk_create(
                [Membership(user_id=user.pk, group_id=group.pk) for user in users],
                batch_size=BATCH_SIZE,
            )
        # Moderators decide comments: one generated moderator signs the decisions.
        self.moderator = user_row(username=f"{PREFIX}moderator")
        self.moderator.save()
        return authors

    def create_categories(self):
        categories = []
        terms = zip(self.words["categories"], category_slugs(), strict=True)
        for (name, description), slug in terms:
            category, _ = Category.objects.get_or_create(
                slug=slug, defaults={"name": name, "description": description}
            )
            categories.append(category)
        return categories

    def create_tags(self, count):
        names = tag_vocabulary()[:count]
        existing = {tag.name: tag for tag in Tag.objects.filter(name__in=names)}
        taken_slugs = set(
            Tag.objects.filter(slug__in=[slugify(n) for n in names]).values_list("slug", flat=True)
        )
        new = []
        for name in names:
            if name not in existing:
                new.append(Tag(name=name, slug=unique_slug(slugify(name), taken_slugs, 100)))
        Tag.objects.bulk_create(new, batch_size=BATCH_SIZE)
        by_name = {**existing, **{tag.name: tag for tag in new}}
        return [by_name[name] for name in names]

    def create_posts(self, count, authors, categories, tags):
        rng, now = self.rng, self.now
        handful = max(1, min(10, count // 20))
        drafts = handful if count > 2 * handful else 0
        scheduled = handful if count > 2 * handful else 0
        published = count - drafts - scheduled

        times = []
        for _ in range(published):
            day = timezone.localdate(now) - timedelta(days=rng.randint(1, YEARS * 365))
            at = clock(rng.randint(7, 18), rng.randrange(0, 60, 5))
            times.append(datetime.combine(day, at, tzinfo=timezone.get_current_timezone()))
        times.sort()
        for _ in range(scheduled):
            day = timezone.localdate(now) + timedelta(days=rng.randint(1, 30))
            at = datetime.combine(day, clock(9), tzinfo=timezone.get_current_timezone())
            times.append(at)
        times += [None] * drafts

        author_weights = list(accumulate(rng.uniform(0.3, 3) for _ in authors))
        category_weights = list(accumulate(rng.uniform(0.5, 2) for _ in categories))
        # Zipf-like: the tag ranked n is used about 1/n as often as the first.
        tag_weights = list(accumulate(1 / rank for rank in range(1, len(tags) + 1)))
        bodies = [self.compose_body() for _ in range(min(BODY_TEMPLATES, count))]
        taken = set(Post.objects.values_list("slug", flat=True))

        posts, post_tags = [], []
        for published_at in self.progress(times, desc="Posts", total=len(times)):
            author = rng.choices(authors, cum_weights=author_weights)[0]
            title = self.title()
            body, body_text, body_summary = rng.choice(bodies)
            wanted = rng.randint(2, min(5, len(tags)))
            chosen = []
            while len(chosen) < wanted:
                tag = rng.choices(tags, cum_weights=tag_weights)[0]
                if tag not in chosen:
                    chosen.append(tag)
            is_public = published_at is not None and published_at <= now
            posts.append(
                post_row(
                    title=title,
                    slug=unique_slug(slugify(title), taken, 200),
                    author=author,
                    category=rng.choices(categories, cum_weights=category_weights)[0],
                    excerpt=self.excerpt() if rng.random() < 0.5 else "",
                    body=body,
                    body_text=body_text,
                    body_summary=body_summary,
                    search_keywords=search_keywords(author.display_name, [t.name for t in chosen]),
                    published_at=published_at,
                    is_featured=is_public and rng.random() < FEATURED_SHARE,
                )
            )
            post_tags.append(chosen)
        Post.objects.bulk_create(posts, batch_size=BATCH_SIZE)
        links = [
            TaggedPost(content_object_id=post.pk, tag_id=tag.pk)
            for post, chosen in zip(posts, post_tags, strict=True)
            for tag in chosen
        ]
        TaggedPost.objects.bulk_create(links, batch_size=BATCH_SIZE * 5)
        return posts, len(links)

    def title(self):
        rng = self.rng
        topic = rng.choice(self.words["title_topics"])
        pattern = rng.choice(self.words["title_patterns"])
        return pattern.format(
            topic=topic,
            Topic=topic[0].upper() + topic[1:],
            group=rng.choice(self.words["title_groups"]),
            place=rng.choice(self.words["title_places"]),
        )

    def excerpt(self):
        return " ".join(self.rng.sample(self.words["sentences"], self.rng.randint(1, 2)))

    def paragraph(self, sentences):
        return f"<p>{escape(' '.join(self.rng.sample(self.words['sentences'], sentences)))}</p>"

    def compose_body(self):
        """Return a body of 600 to 1,200 words, its text and summary, as Post.save() stores them."""
        rng = self.rng
        target = rng.randint(600, 1200)
        parts = [self.paragraph(rng.randint(3, 5))]
        headings = rng.sample(self.words["headings"], len(self.words["headings"]))
        has_list = has_quote = False
        while len(html_to_text("".join(parts)).split()) < target - 60:
            parts.append(f"<h2>{escape(headings.pop())}</h2>")
            for _ in range(rng.randint(1, 2)):
                parts.append(self.paragraph(rng.randint(4, 6)))
            if not has_list and rng.random() < 0.5:
                has_list = True
                tag = rng.choice(["ul", "ol"])
                chosen = rng.sample(self.words["list_items"], rng.randint(3, 6))
                items = "".join(f"<li>{escape(item)}</li>" for item in chosen)
                intro = escape(rng.choice(self.words["list_intros"]))
                parts.append(f"<p>{intro}</p><{tag}>{items}</{tag}>")
            elif not has_quote and rng.random() < 0.3:
                has_quote = True
                quote, source = rng.choice(self.words["quotes"])
                parts.append(
                    f"<blockquote><p>“{escape(quote)}”</p><p>— {escape(source)}</p></blockquote>"
                )
        parts.append(f"<p>{escape(rng.choice(self.words['closers']))}</p>")
        body = clean_body("\n".join(parts))
        return body, *body_text_and_summary(body)

    def create_comments(self, count, posts):
        """Insert count comments on published posts, in every state, about 5% of them replies."""
        if not count:
            return Counter(), 0
        rng, now = self.rng, self.now
        public = [post for post in posts if post.published_at and post.published_at <= now]
        if not public:
            return Counter(), 0
        replies = round(count * REPLY_SHARE)
        top = count - replies
        statuses = []
        for status, share in HELD_SHARES.items():
            statuses += [status] * max(1, round(top * share)) if top >= 20 else []
        statuses += ["approved"] * (top - len(statuses))
        rng.shuffle(statuses)

        # One post about a month old draws a long thread; the rest share the others.
        month_ago = now - timedelta(days=30)
        self.hot_post = min(public, key=lambda post: abs(post.published_at - month_ago))
        hot = min(HOT_POST_COMMENTS, top // 10)
        weights = list(accumulate(min(rng.paretovariate(1.2), 40) for _ in public))
        readers = self.readers(max(50, count // 40))

        by_status, reply_count = Counter(), 0
        chunks = range(0, top, COMMENT_CHUNK)
        for start in self.progress(chunks, desc="Comments (chunks)", total=len(chunks)):
            chunk_statuses = statuses[start : start + COMMENT_CHUNK]
            threads = []
            for index, status in enumerate(chunk_statuses, start=start):
                if index < hot:
                    post, status = self.hot_post, "approved"
                else:
                    post = rng.choices(public, cum_weights=weights)[0]
                threads.append(self.comment(post, status, rng.choice(readers)))
            Comment.objects.bulk_create(threads, batch_size=BATCH_SIZE)
            by_status.update(comment.status for comment in threads)

            # This chunk's share of the replies, each to an approved comment of the chunk.
            share = round(replies * (start + len(chunk_statuses)) / top) - reply_count
            approved = [c for c in threads if c.status == "approved"]
            answers = []
            for _ in range(share if approved else 0):
                parent = rng.choice(approved)
                answers.append(self.reply(parent, rng.choice(readers)))
            Comment.objects.bulk_create(answers, batch_size=BATCH_SIZE)
            by_status.update(comment.status for comment in answers)
            reply_count += len(answers)
        return by_status, reply_count

    def readers(self, count):
        """Return commenters who keep one name, place, address and IP address each."""
        rng = self.rng
        readers = []
        for number in range(count):
            name = rng.choice(self.words["reader_names"])
            place = rng.choice(self.words["reader_places"])
            email = f"{name.lower()}.{number}@example.org"
            readers.append(Commenter.reader(number=number, name=name, location=place, email=email))
        return readers

    def comment(self, post, status, reader):
        rng, now = self.rng, self.now
        if status == "pending":
            # Held comments are recent: moderators clear the queue within days.
            earliest = max(post.published_at, now - timedelta(days=3))
            created = earliest + (now - earliest) * rng.random()
        else:
            window = min(now - post.published_at, timedelta(days=14))
            created = post.published_at + window * rng.uniform(0.02, 1) ** 2
        if status == "spam":
            body = rng.choice(self.words["spam_bodies"])
        else:
            body = " ".join(rng.sample(self.words["comment_sentences"], rng.randint(1, 4)))
        decided_at = None
        if status != "pending":
            delay = timedelta(minutes=rng.randint(5, 9 * 60))
            decided_at = min(created + delay, now)
        return comment_row(
            post=post,
            commenter=reader,
            body=body,
            created_at=created,
            status=status,
            spam_reason="Akismet" if status == "spam" else "",
            decided_at=decided_at,
            decided_by=self.moderator if decided_at else None,
        )

    def reply(self, parent, reader):
        rng, now = self.rng, self.now
        post = parent.post
        created = parent.created_at + (now - parent.created_at) * rng.uniform(0.001, 0.05)
        if rng.random() < 0.3:
            # The columnist answers; their own comments need no moderator.
            return comment_row(
                post=post,
                parent=parent,
                commenter=Commenter.columnist(post.author),
                body=" ".join(rng.sample(self.words["comment_sentences"], rng.randint(1, 2))),
                created_at=created,
            )
        status = "pending" if rng.random() < 0.1 else "approved"
        reply = self.comment(post, status, reader)
        reply.parent = parent
        reply.created_at = created
        if status == "approved":
            reply.decided_at = min(created + timedelta(minutes=rng.randint(5, 240)), now)
        return reply


def unique_slug(slug, taken, max_length):
    """Return slug, or slug with a number, unused in taken; add it to taken."""
    slug = slug[:max_length] or "untitled"
    candidate, number = slug, 1
    while candidate in taken:
        number += 1
        suffix = f"-{number}"
        candidate = f"{slug[: max_length - len(suffix)]}{suffix}"
    taken.add(candidate)
    return candidate
