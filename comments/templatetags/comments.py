import hashlib

from django import template
from django.db.models import Count
from django.template.loader import render_to_string

from comments.forms import CommentForm
from comments.models import Comment
from comments.services import comments_open
from comments.threads import (
    AWAITING_SESSION_KEY,
    PAGE_PARAMETER,
    requested_page,
    thread_page,
)
from edge.fragments import cached_fragment
from plaintext import render_plain_text

register = template.Library()


@register.filter
def comment_text(value):
    """Render a comment's plain text as paragraphs with safe links."""
    return render_plain_text(value)


@register.simple_tag
def count_comments(*post_lists):
    """Give each post in the lists its approved comment count, in one query for them all."""
    posts = [post for posts in post_lists for post in posts if not hasattr(post, "comment_count")]
    if not posts:
        return ""
    counts = dict(
        Comment.objects.approved()
        .filter(post__in=[post.pk for post in posts])
        .values_list("post")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for post in posts:
        post.comment_count = counts.get(post.pk, 0)
    return ""


@register.inclusion_tag("comments/section.html", takes_context=True)
def comment_section(context, post):
    """Render a page of a post's approved comments, the reader's own awaiting ones, and the
    form."""
    request = context["request"]
    is_open = comments_open(post)
    awaiting = request.session.get(AWAITING_SESSION_KEY) or ()

    def threads_html():
        page = thread_page(post, requested_page(request.GET.get(PAGE_PARAMETER)), awaiting=awaiting)
        threads_context = {
            "post": post,
            "threads": page.threads,
            "comment_page": page,
            "page_parameter": PAGE_PARAMETER,
            "approved_count": page.approved_count,
            "is_open": is_open,
        }
        return render_to_string("comments/comment_list.html", threads_context, request=request)

    if awaiting or not post.is_published():
        html = threads_html()  # the reader's own, or a preview's: for this page alone
    else:
        # Every other reader of this address sees the same threads; the query string
        # (page, reply) is part of the links they hold.
        address = hashlib.md5(request.get_full_path().encode(), usedforsecurity=False)
        html = cached_fragment(f"comments:{post.pk}:{is_open}:{address.hexdigest()}", threads_html)
    form = context.get("comment_form")
    if form is None:
        initial = {}
        if request.user.is_authenticated:
            user = request.user
            initial = {"name": user.get_full_name() or user.get_username(), "email": user.email}
        reply_to = request.GET.get("reply", "")
        if reply_to.isdigit():
            initial["parent"] = int(reply_to)
        form = CommentForm(post=post, initial=initial)
    return {"post": post, "threads_html": html, "form": form, "is_open": is_open}


@register.inclusion_tag("comments/admin_summary.html", takes_context=True)
def moderation_summary(context):
    """Tell moderators on the admin index how many comments wait, and for how long."""
    if not context["request"].user.has_perm("comments.moderate_comment"):
        return {"show": False}
    pending = Comment.objects.pending()
    oldest = pending.order_by("created_at").values_list("created_at", flat=True).first()
    return {"show": True, "count": pending.count(), "oldest": oldest}
