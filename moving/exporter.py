"""Write the whole publication out: as WXR, which WordPress (and Masthead) import, or as JSON.

Posts are read in chunks with their comments, so that the export's memory stays flat. What
WordPress has no place for (a columnist's slug and tagline, a commenter's place) goes under
a namespace of Masthead's own, which WordPress ignores and Masthead's import reads back.
"""

import html
import json
from datetime import UTC

from django.conf import settings
from django.contrib.flatpages.models import FlatPage
from django.db.models import Prefetch
from django.utils import timezone
from taggit.models import Tag

from authors.models import Author
from blog.html import unembed_videos
from blog.models import Category, Post
from comments.models import Comment
from moving.models import ImportedItem
from moving.wxr import MASTHEAD_NAMESPACE, NO_DATE
from uploads.images import SHORTCODE_PARAGRAPH

CHUNK = 500
COMMENT_APPROVED = {
    Comment.Status.APPROVED: "1",
    Comment.Status.PENDING: "0",
    Comment.Status.SPAM: "spam",
    Comment.Status.REJECTED: "trash",
}


def cdata(value) -> str:
    return (
        "<![CDATA["
        + ("" if value is None else str(value)).replace("]]>", "]]]]><![CDATA[>")
        + "]]>"
    )


def element(name: str, value, *, raw=False) -> str:
    return f"<{name}>{value if raw else cdata(value)}</{name}>"


def wordpress_dates(moment) -> tuple[str, str]:
    """Return a time as WordPress writes it: local, and GMT."""
    if moment is None:
        return NO_DATE, NO_DATE
    local = timezone.localtime(moment).strftime("%Y-%m-%d %H:%M:%S")
    return local, moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")


def absolute(path: str) -> str:
    return path if "://" in path else settings.SITE_URL.rstrip("/") + path


class Publication:
    """Read the publication once, in the shape both formats share."""

    def __init__(self):
        self.site = settings.SITE_URL.rstrip("/")
        self.websites = dict(
            ImportedItem.objects.filter(kind=ImportedItem.Kind.COMMENT)
            .exclude(details={})
            .values_list("object_id", "details__url")
        )
        last = Post.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        # Pages and media need ids of their own, clear of the posts'.
        self.next_id = last + 1

    def new_id(self) -> int:
        self.next_id += 1
        return self.next_id - 1

    def columnists(self):
        for author in Author.objects.select_related("user").order_by("pk"):
            yield {
                "id": author.pk,
                "login": author.user.username,
                "email": author.user.email,
                "display_name": author.display_name,
                "first_name": author.user.first_name,
                "last_name": author.user.last_name,
                "slug": author.slug,
                "tagline": author.tagline,
                "introduction": author.introduction,
                "rhythm": author.rhythm,
                "website": author.website,
                "is_active": author.is_active,
            }

    def categories(self):
        for category in Category.objects.order_by("pk"):
            yield {"id": category.pk, "slug": category.slug, "name": category.name,
                   "description": category.description}  # fmt: skip

    def tags(self):
        for tag in (
            Tag.objects.filter(blog_taggedpost_items__isnull=False).distinct().order_by("pk")
        ):
            yield {"id": tag.pk, "slug": tag.slug, "name": tag.name}

    def posts(self):
        comments = Prefetch("comments", queryset=Comment.objects.order_by("created_at", "pk"))
        posts = (
            Post.objects.select_related("author__user", "category")
            .prefetch_related("tags", "images", "attachments", comments)
            .defer("search_vector", "search_keywords", "body_text")
            .order_by("pk")
        )
        for post in posts.iterator(chunk_size=CHUNK):
            yield self.post(post)

    def post(self, post):
        media = []
        if picture := post.featured_picture:
            media.append({"id": self.new_id(), "url": absolute(picture.largest_url),
                          "title": post.featured_image_alt, "featured": True})  # fmt: skip
        images = {image.pk: image for image in post.images.all()}

        def figure(match):
            image = images.get(int(match[1]))
            if image is None or image.picture is None:
                return ""
            url = absolute(image.picture.largest_url)
            media.append({"id": self.new_id(), "url": url, "title": image.alt})
            caption = f"<figcaption>{html.escape(image.caption)}</figcaption>" * bool(image.caption)
            return f'<figure><img src="{html.escape(url)}" alt="{html.escape(image.alt)}">{caption}</figure>'  # noqa: E501

        body = SHORTCODE_PARAGRAPH.sub(figure, unembed_videos(post.body))
        for attachment in post.attachments.all():
            media.append({"id": self.new_id(), "url": absolute(attachment.get_absolute_url()),
                          "title": attachment.title})  # fmt: skip
        if post.status == Post.Status.DRAFT:
            status = "draft"
        else:
            status = "publish" if post.is_published() else "future"
        return {
            "id": post.pk,
            "title": post.title,
            "slug": post.slug,
            "link": absolute(post.get_absolute_url()),
            "author": post.author.user.username,
            "status": status,
            "published_at": post.published_at,
            "excerpt": post.excerpt,
            "body": body,
            "category": post.category and {"slug": post.category.slug, "name": post.category.name},
            "tags": [{"slug": tag.slug, "name": tag.name} for tag in post.tags.all()],
            "is_featured": post.is_featured,
            "allow_comments": post.allow_comments,
            "media": media,
            "comments": [self.comment(comment, post) for comment in post.comments.all()],
        }

    def comment(self, comment, post):
        return {
            "id": comment.pk,
            "parent": comment.parent_id or 0,
            "name": comment.name,
            "email": comment.email,
            "url": self.websites.get(comment.pk) or "",
            "location": comment.location,
            "ip_address": comment.ip_address or "",
            "user_agent": comment.user_agent,
            "created_at": comment.created_at,
            "body": comment.body,
            "status": comment.status,
            "user_id": post.author.user_id if comment.is_by_post_author else 0,
        }

    def pages(self):
        for page in FlatPage.objects.order_by("pk"):
            yield {"id": self.new_id(), "url": page.url, "title": page.title,
                   "content": page.content, "is_private": page.registration_required}  # fmt: skip


def write_json(out) -> None:
    """Write the publication as one JSON document, a post at a time."""
    publication = Publication()

    def dumps(value):
        return json.dumps(value, default=lambda moment: moment.isoformat(), ensure_ascii=False)

    out.write('{"format": "masthead-1", "site": ' + dumps(publication.site))
    for name in ("columnists", "categories", "tags", "posts", "pages"):
        out.write(f',\n"{name}": [')
        for index, row in enumerate(getattr(publication, name)()):
            out.write(("," if index else "") + "\n" + dumps(row))
        out.write("]")
    out.write("}\n")


def write_wxr(out) -> None:
    """Write the publication as a WordPress export (WXR 1.2)."""
    publication = Publication()
    site = publication.site
    out.write(
        '<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0"\n'
        ' xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"\n'
        ' xmlns:content="http://purl.org/rss/1.0/modules/content/"\n'
        ' xmlns:wfw="http://wellformedweb.org/CommentAPI/"\n'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/"\n'
        ' xmlns:wp="http://wordpress.org/export/1.2/"\n'
        f' xmlns:masthead="{MASTHEAD_NAMESPACE}">\n<channel>\n'
        f"{element('title', settings.PUBLICATION_NAME)}\n<link>{html.escape(site)}</link>\n"
        f"{element('description', settings.PUBLICATION_TAGLINE)}\n"
        "<wp:wxr_version>1.2</wp:wxr_version>\n"
        f"<wp:base_site_url>{html.escape(site)}</wp:base_site_url>\n"
        f"<wp:base_blog_url>{html.escape(site)}</wp:base_blog_url>\n"
    )
    for author in publication.columnists():
        out.write(wxr_author(author))
    for category in publication.categories():
        out.write(
            f"<wp:category><wp:term_id>{category['id']}</wp:term_id>"
            f"{element('wp:category_nicename', category['slug'])}"
            f"{element('wp:category_parent', '')}{element('wp:cat_name', category['name'])}"
            f"{element('wp:category_description', category['description'])}</wp:category>\n"
        )
    for tag in publication.tags():
        out.write(
            f"<wp:tag><wp:term_id>{tag['id']}</wp:term_id>{element('wp:tag_slug', tag['slug'])}"
            f"{element('wp:tag_name', tag['name'])}</wp:tag>\n"
        )
    for post in publication.posts():
        out.write(wxr_post(post))
        for medium in post["media"]:
            out.write(wxr_attachment(medium, post))
    for page in publication.pages():
        out.write(wxr_page(page, site))
    out.write("</channel>\n</rss>\n")


def wxr_author(author) -> str:
    fields = [
        f"<wp:author_id>{author['id']}</wp:author_id>",
        element("wp:author_login", author["login"]),
        element("wp:author_email", author["email"]),
        element("wp:author_display_name", author["display_name"]),
        element("wp:author_first_name", author["first_name"]),
        element("wp:author_last_name", author["last_name"]),
        *(element(f"masthead:{name}", author[name])
          for name in ("slug", "tagline", "introduction", "rhythm", "website")),
        element("masthead:is_active", int(author["is_active"])),
    ]  # fmt: skip
    return f"<wp:author>{''.join(fields)}</wp:author>\n"


def wxr_item(
    *, post_id, title, link, creator, content, excerpt, moment, slug, status, post_type,
    parent=0, extra="", comment_status="open", sticky=False,
) -> str:  # fmt: skip
    local, gmt = wordpress_dates(moment)
    return (
        f"<item>{element('title', html.escape(title), raw=True)}"
        f"<link>{html.escape(link)}</link>{element('dc:creator', creator)}"
        f'<guid isPermaLink="false">{html.escape(link)}</guid><description></description>'
        f"{element('content:encoded', content)}{element('excerpt:encoded', excerpt)}"
        f"<wp:post_id>{post_id}</wp:post_id>{element('wp:post_date', local)}"
        f"{element('wp:post_date_gmt', gmt)}{element('wp:comment_status', comment_status)}"
        f"{element('wp:ping_status', 'closed')}{element('wp:post_name', slug)}"
        f"{element('wp:status', status)}<wp:post_parent>{parent}</wp:post_parent>"
        f"<wp:menu_order>0</wp:menu_order>{element('wp:post_type', post_type)}"
        f"{element('wp:post_password', '')}<wp:is_sticky>{int(sticky)}</wp:is_sticky>"
        f"{extra}</item>\n"
    )


def wxr_post(post) -> str:
    terms = []
    if post["category"]:
        terms.append(("category", post["category"]))
    terms += [("post_tag", tag) for tag in post["tags"]]
    extra = "".join(
        f'<category domain="{domain}" nicename="{html.escape(term["slug"])}">'
        f"{cdata(term['name'])}</category>"
        for domain, term in terms
    )
    for medium in post["media"]:
        if medium.get("featured"):
            extra += (
                f"<wp:postmeta>{element('wp:meta_key', '_thumbnail_id')}"
                f"{element('wp:meta_value', medium['id'])}</wp:postmeta>"
            )
    extra += "".join(wxr_comment(comment) for comment in post["comments"])
    return wxr_item(
        post_id=post["id"], title=post["title"], link=post["link"], creator=post["author"],
        content=post["body"], excerpt=html.escape(post["excerpt"]), moment=post["published_at"],
        slug=post["slug"], status=post["status"], post_type="post", extra=extra,
        comment_status="open" if post["allow_comments"] else "closed",
        sticky=post["is_featured"],
    )  # fmt: skip


def wxr_comment(comment) -> str:
    local, gmt = wordpress_dates(comment["created_at"])
    body = "".join(f"<p>{html.escape(part)}</p>" for part in comment["body"].split("\n"))
    return (
        f"<wp:comment><wp:comment_id>{comment['id']}</wp:comment_id>"
        f"{element('wp:comment_author', comment['name'])}"
        f"{element('wp:comment_author_email', comment['email'])}"
        f"<wp:comment_author_url>{html.escape(comment['url'])}</wp:comment_author_url>"
        f"{element('wp:comment_author_IP', comment['ip_address'])}"
        f"{element('wp:comment_date', local)}{element('wp:comment_date_gmt', gmt)}"
        f"{element('wp:comment_content', body)}"
        f"{element('wp:comment_approved', COMMENT_APPROVED[comment['status']])}"
        f"{element('wp:comment_agent', comment['user_agent'])}"
        f"{element('wp:comment_type', 'comment')}"
        f"<wp:comment_parent>{comment['parent']}</wp:comment_parent>"
        f"<wp:comment_user_id>{comment['user_id']}</wp:comment_user_id>"
        f"{element('masthead:location', comment['location'])}</wp:comment>"
    )


def wxr_attachment(medium, post) -> str:
    return wxr_item(
        post_id=medium["id"], title=medium["title"], link=medium["url"], creator=post["author"],
        content="", excerpt="", moment=post["published_at"], slug=f"attachment-{medium['id']}",
        status="inherit", post_type="attachment", parent=post["id"],
        extra=element("wp:attachment_url", medium["url"]),
    )  # fmt: skip


def wxr_page(page, site) -> str:
    return wxr_item(
        post_id=page["id"], title=page["title"], link=site + page["url"], creator="",
        content=page["content"], excerpt="", moment=None,
        slug=page["url"].strip("/").rsplit("/", 1)[-1], post_type="page",
        status="private" if page["is_private"] else "publish",
    )  # fmt: skip
