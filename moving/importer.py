"""Import a WordPress export: columnists, terms, posts, pages, comments, media and old addresses.

The file is read twice, streaming: once whole to refuse a damaged or hostile file before
anything is written (and to note its attachments), then to import, a transaction per batch
of items. Every WordPress id imported is kept (ImportedItem), so that a second run of the
same file adds nothing and a later export adds only what is new; a run stopped half-way
resumes where it stopped.
"""

from urllib.parse import unquote, urlsplit

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.flatpages.models import FlatPage
from django.contrib.sites.models import Site
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from taggit.models import Tag

from authors.models import Author
from blog.models import Category, Post, TaggedPost, body_text_and_summary
from blog.search import search_keywords
from comments.models import Comment
from moving.addresses import OldAddresses
from moving.markup import convert_body, plain_text
from moving.media import MediaFinder
from moving.models import ImportedItem
from moving.report import PLURALS, Report
from moving.threads import comment_details, thread
from moving.wxr import WXRReader, wordpress_time

Kind = ImportedItem.Kind
BATCH_SIZE = 200
POST_STATUSES = {
    "publish": Post.Status.PUBLISHED,
    "future": Post.Status.PUBLISHED,  # a publication time to come schedules it
    "draft": Post.Status.DRAFT,
    "pending": Post.Status.DRAFT,
    "private": Post.Status.DRAFT,
}


def unique(slug: str, taken: set, max_length: int, fallback: str) -> str:
    """Return slug, or slug with a number, unused in taken; add it to taken."""
    slug = slug[:max_length] or fallback
    candidate, number = slug, 1
    while candidate in taken:
        number += 1
        candidate = f"{slug[: max_length - len(str(number)) - 1]}-{number}"
    taken.add(candidate)
    return candidate


class DryRun(Exception):
    """Raised to roll a dry run back once its report is made."""


class WordPressImporter:
    """Import one export file into the publication; run() returns the Report."""

    def __init__(self, path, *, media_dir=None, dry_run=False, log=None, batch_size=BATCH_SIZE):
        self.path = path
        self.dry_run = dry_run
        self.log = log or (lambda message: None)
        self.batch_size = batch_size
        self.report = Report()
        self.media = MediaFinder(media_dir, self.report)

    # The two passes

    def run(self) -> Report:
        self.survey()
        if not self.dry_run:
            self.load_mappings()
            self.import_records()
            return self.report
        try:
            with transaction.atomic():
                self.load_mappings()
                self.import_records()
                raise DryRun
        except DryRun:
            pass
        return self.report

    def survey(self):
        """Read the whole file once, refusing it if damaged, and note its attachments."""
        reader = WXRReader(self.path)
        self.attachments = {}
        items = 0
        for record in reader:
            if record.kind == "item":
                items += 1
                if record.get("wp:post_type") == "attachment":
                    self.attachments[record.get("wp:post_id")] = (
                        record.get("wp:attachment_url"),
                        record.meta.get("_wp_attachment_image_alt") or record.get("title"),
                        record.get("wp:post_parent"),
                        plain_text(record.get("title")),
                    )
        header = reader.header
        self.source = (header.get("wp:base_blog_url") or header.get("link") or "wordpress")[:200]
        self.log(f"{self.path}: WXR {header.get('wp:wxr_version')}, {items} items, checked")

    def load_mappings(self):
        mapped = ImportedItem.objects.filter(source=self.source).exclude(kind=Kind.COMMENT)
        self.mapped = {kind: {} for kind in Kind}
        for kind, wordpress_id, object_id in mapped.values_list(
            "kind", "wordpress_id", "object_id"
        ):
            self.mapped[kind][wordpress_id] = object_id
        self.slugs = set(Post.objects.values_list("slug", flat=True))
        self.author_slugs = set(Author.objects.values_list("slug", flat=True))
        self.site = Site.objects.get_current()
        self.addresses = OldAddresses(self.site, self.report)
        self.authors = {}
        self.post_authors = {}
        self.notes = []
        self.items_read = 0

    def import_records(self):
        batch = []
        for record in WXRReader(self.path):
            batch.append(record)
            if len(batch) >= self.batch_size:
                self.import_batch(batch)
                batch = []
        self.import_batch(batch)
        self.import_downloads()

    def import_downloads(self):
        """Attach to imported posts the files (PDFs, documents) WordPress had attached."""
        with transaction.atomic():
            for wordpress_id, (url, _, parent, title) in self.attachments.items():
                post_pk = self.mapped[Kind.POST].get(parent)
                if post_pk is None:
                    continue
                if wordpress_id in self.mapped[Kind.ATTACHMENT]:
                    self.report.already[Kind.ATTACHMENT] += 1
                elif attachment := self.media.download(post_id=post_pk, url=url, title=title):
                    self.remember(Kind.ATTACHMENT, wordpress_id, attachment.pk)
            ImportedItem.objects.bulk_create(self.notes)
            self.notes = []

    def import_batch(self, records):
        """Import records in one transaction: all of them, or (on an error) none."""
        if not records:
            return
        with transaction.atomic():
            posts = []
            for record in records:
                if record.kind == "wp:author":
                    self.import_author(record.fields)
                elif record.kind in ("wp:category", "wp:tag", "wp:term"):
                    self.import_term(record)
                elif record.kind == "item":
                    if post := self.import_item(record):
                        posts.append((record, post))
            self.save_posts(posts)
            self.import_comments(records)
            self.addresses.save()
            ImportedItem.objects.bulk_create(self.notes, batch_size=1000)
            self.notes = []
        self.items_read += len(records)
        done = ", ".join(f"{n} {PLURALS[kind].lower()}" for kind, n in self.report.imported.items())
        self.log(f"… {self.items_read} records read; imported so far: {done or 'nothing'}")

    def import_term(self, record):
        """Import a category or tag the export lists; say so if it came before."""
        if record.kind == "wp:category":
            kind, key = Kind.CATEGORY, slugify(unquote(record.get("wp:category_nicename")))
        elif record.get("wp:term_taxonomy", "post_tag") == "post_tag":
            kind, key = Kind.TAG, unquote(record.get("wp:tag_slug") or record.get("wp:term_slug"))
        else:
            self.report.skipped[("terms", f"of taxonomy “{record.get('wp:term_taxonomy')}”")] += 1
            return
        if key in self.mapped[kind]:
            self.report.already[kind] += 1
        elif kind == Kind.CATEGORY:
            self.category(
                record.get("wp:category_nicename"),
                record.get("wp:cat_name"),
                plain_text(record.get("wp:category_description")),
            )
        else:
            self.tag(key, record.get("wp:tag_name") or record.get("wp:term_name"))

    # Mapping

    def remember(self, kind, wordpress_id, object_id, details=None):
        """Note what a WordPress id became; the batch's notes are written with it."""
        if kind != Kind.COMMENT:
            self.mapped[kind][str(wordpress_id)] = object_id
        self.notes.append(
            ImportedItem(
                source=self.source, kind=kind, wordpress_id=str(wordpress_id)[:200],
                object_id=object_id, details=details or {},
            )
        )  # fmt: skip
        self.report.imported[kind] += 1

    # Columnists and terms

    def import_author(self, fields):
        login = fields.get("wp:author_login", "").strip()
        if not login:
            self.report.skipped[("columnists", "no login")] += 1
            return None
        if login in self.mapped[Kind.AUTHOR]:
            self.report.already[Kind.AUTHOR] += 1
            return self.mapped[Kind.AUTHOR][login]
        User = get_user_model()
        author = Author.objects.filter(user__username=login).first()
        if author is None:
            username = login
            if User.objects.filter(username=username).exists():
                # An account that is no columnist (a reader's) is never made one.
                username = f"{login}-wordpress"[:150]
            user = User(
                username=username[:150],
                email=fields.get("wp:author_email", ""),
                first_name=fields.get("wp:author_first_name", "")[:150],
                last_name=fields.get("wp:author_last_name", "")[:150],
                is_staff=True,
            )
            user.set_unusable_password()
            user.save()
            if group := Group.objects.filter(name="Authors").first():
                user.groups.add(group)
            name = fields.get("wp:author_display_name", "").strip() or login
            slug = slugify(fields.get("masthead:slug", "")) or slugify(login) or slugify(name)
            author = Author.objects.create(
                user=user,
                display_name=name[:100],
                slug=unique(slug, self.author_slugs, 100, "author"),
                # A Masthead export carries the profile; a WordPress one has no such fields.
                tagline=fields.get("masthead:tagline", "")[:200],
                introduction=fields.get("masthead:introduction", ""),
                rhythm=fields.get("masthead:rhythm", "")[:100],
                website=fields.get("masthead:website", "")[:200],
                is_active=fields.get("masthead:is_active", "1") != "0",
            )
        self.remember(Kind.AUTHOR, login, author.pk)
        self.addresses.author(login, author)
        return author.pk

    def author_for(self, login):
        """Return the columnist a post's dc:creator names, made now if the export lists none."""
        if login not in self.mapped[Kind.AUTHOR]:
            self.import_author({"wp:author_login": login})
        return self.author_by_pk(self.mapped[Kind.AUTHOR][login])

    def author_by_pk(self, pk):
        if pk not in self.authors:
            self.authors[pk] = Author.objects.select_related("user").get(pk=pk)
        return self.authors[pk]

    def author_of(self, post_pk):
        author_pk = self.post_authors.get(post_pk)
        if author_pk is None:
            author_pk = Post.objects.values_list("author", flat=True).get(pk=post_pk)
        return self.author_by_pk(author_pk)

    def category(self, nicename, name, description=""):
        # WordPress keeps a slug in other scripts percent-encoded; Masthead's are ASCII.
        nicename = (slugify(unquote(nicename or "")) or slugify(name or ""))[:100]
        if not nicename:
            return None
        if nicename in self.mapped[Kind.CATEGORY]:
            return self.mapped[Kind.CATEGORY][nicename]
        name = (name or nicename).strip()[:100]
        category = (
            Category.objects.filter(slug=nicename).first()
            or Category.objects.filter(name=name).first()
        )
        if category is None:
            category = Category.objects.create(name=name, slug=nicename, description=description)
        self.remember(Kind.CATEGORY, nicename, category.pk)
        self.addresses.category(nicename, category)
        return category.pk

    def tag(self, slug, name):
        name = (name or slug or "").strip()[:100]
        slug = (unquote(slug or "") or slugify(name, allow_unicode=True)).strip()[:100]
        if not name:
            return None
        if slug in self.mapped[Kind.TAG]:
            return self.mapped[Kind.TAG][slug]
        tag = Tag.objects.filter(name=name).first() or Tag.objects.filter(slug=slug).first()
        if tag is None:
            tag = Tag.objects.create(name=name, slug=slugify(slug, allow_unicode=True) or slug)
        self.remember(Kind.TAG, slug, tag.pk)
        self.addresses.tag(slug, tag)
        return tag.pk

    # Posts and pages

    def import_item(self, record):
        post_type = record.get("wp:post_type")
        wordpress_id = record.get("wp:post_id")
        if post_type == "attachment":
            return None
        if post_type == "page":
            self.import_page(record)
            return None
        if post_type != "post":
            self.report.skipped[("items", f"of type “{post_type}”, which Masthead has not")] += 1
            return None
        if wordpress_id in self.mapped[Kind.POST]:
            self.report.already[Kind.POST] += 1
            return None
        wp_status = record.get("wp:status")
        status = POST_STATUSES.get(wp_status)
        if status is None:
            self.report.skipped[("posts", f"with status “{wp_status}”")] += 1
            return None
        published_at = wordpress_time(record.get("wp:post_date"), record.get("wp:post_date_gmt"))
        if status == Post.Status.PUBLISHED and published_at is None:
            published_at = timezone.now()
        author = self.author_for(record.get("dc:creator").strip() or "wordpress")
        category_id, tag_ids = None, []
        for domain, nicename, name in record.categories:
            if domain == "category" and category_id is None and nicename != "uncategorized":
                category_id = self.category(nicename, name)
            elif domain == "post_tag" and (tag_id := self.tag(nicename, name)):
                tag_ids.append(tag_id)
        title = plain_text(record.get("title"))[:200] or "Untitled"
        body = convert_body(record.get("content:encoded"), images=self.attachments)
        body_text, body_summary = body_text_and_summary(body)
        post = Post(
            title=title,
            slug=unique(
                slugify(unquote(record.get("wp:post_name"))) or slugify(title),
                self.slugs,
                200,
                "post",
            ),  # fmt: skip
            author=author,
            category_id=category_id,
            excerpt=plain_text(record.get("excerpt:encoded")),
            body=body,
            body_text=body_text,
            body_summary=body_summary,
            status=status,
            published_at=published_at,
            is_featured=record.get("wp:is_sticky") == "1",
            allow_comments=record.get("wp:comment_status", "open") != "closed",
        )
        post.tag_ids = list(dict.fromkeys(tag_ids))
        return post

    def save_posts(self, pairs):
        if not pairs:
            return
        tag_names = dict(
            Tag.objects.filter(pk__in={pk for _, post in pairs for pk in post.tag_ids}).values_list(
                "pk", "name"
            )
        )
        for _, post in pairs:
            names = [tag_names[pk] for pk in post.tag_ids]
            post.search_keywords = search_keywords(post.author.display_name, names)
        Post.objects.bulk_create([post for _, post in pairs])
        TaggedPost.objects.bulk_create(
            [TaggedPost(content_object_id=post.pk, tag_id=tag_id)
             for _, post in pairs for tag_id in post.tag_ids]
        )  # fmt: skip
        for record, post in pairs:
            self.remember(Kind.POST, record.get("wp:post_id"), post.pk)
            self.post_authors[post.pk] = post.author_id
            self.media.featured_image(record, post, self.attachments)
            self.media.place_pictures(post)
            if post.is_published():
                self.addresses.post(record, post)
        Post.objects.filter(pk__in=[post.pk for _, post in pairs]).refresh_search_vector()

    def import_page(self, record):
        wordpress_id = record.get("wp:post_id")
        if wordpress_id in self.mapped[Kind.PAGE]:
            self.report.already[Kind.PAGE] += 1
            return
        if record.get("wp:status") not in ("publish", "private", "draft", "pending", "future"):
            self.report.skipped[("pages", f"with status “{record.get('wp:status')}”")] += 1
            return
        path = urlsplit(record.get("link")).path
        if not path.endswith("/") or urlsplit(record.get("link")).query or len(path) > 100:
            path = f"/{slugify(record.get('wp:post_name') or record.get('title'))[:90] or 'page'}/"
        if FlatPage.objects.filter(url=path).exists():
            self.report.skipped[("pages", "at an address a static page already has")] += 1
            return
        page = FlatPage.objects.create(
            url=path,
            title=plain_text(record.get("title"))[:200],
            content=convert_body(record.get("content:encoded"), images=self.attachments),
            registration_required=record.get("wp:status") != "publish",
        )
        page.sites.add(self.site)
        self.remember(Kind.PAGE, wordpress_id, page.pk)

    # Comments

    def import_comments(self, records):
        """Import the batch's new comments, replies to replies joined to their thread."""
        items = [r for r in records if r.kind == "item" and r.comments]
        if not items:
            return
        ids = [c.get("wp:comment_id", "") for r in items for c in r.comments]
        known = dict(
            ImportedItem.objects.filter(
                source=self.source, kind=Kind.COMMENT, wordpress_id__in=ids
            ).values_list("wordpress_id", "object_id")
        )
        tops, replies = [], []
        for record in items:
            post_pk = self.mapped[Kind.POST].get(record.get("wp:post_id"))
            if post_pk is None:
                self.report.skipped[("comments", "on an item not imported")] += len(record.comments)
                continue
            thread(record, post_pk, self.author_of(post_pk), known, self.report, tops, replies)
        Comment.objects.bulk_create([comment for _, comment in tops])
        for wordpress_id, comment in tops:
            self.remember(Kind.COMMENT, wordpress_id, comment.pk, comment_details(comment))
        for _, comment, top in replies:
            if isinstance(top, Comment):
                comment.parent_id = top.pk
        Comment.objects.bulk_create([comment for _, comment, _ in replies])
        for wordpress_id, comment, _ in replies:
            self.remember(Kind.COMMENT, wordpress_id, comment.pk, comment_details(comment))
