"""The moderation desk: the queue of waiting comments, each read in full and decided in one
click, inside the admin site."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import QueryDict
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_POST

from authors.models import Author
from blog.models import Post
from comments.models import Comment
from comments.services import DECISIONS, comment_decide, comment_reply
from plaintext import clean_text

QUEUE_LENGTH = 50
FILTERS = ("author", "post")


def moderates(user):
    return user.has_perm("comments.moderate_comment")


def _filters(query):
    """Return the queue's filters from a query string: columnist's and post's ids."""
    return {key: query[key] for key in FILTERS if query.get(key, "").isdigit()}


def desk_url(filters):
    url = reverse("admin:comments_comment_desk")
    return f"{url}?{urlencode(filters)}" if filters else url


def desk(request, admin_site):
    """Show the comments awaiting moderation, oldest first, filtered by columnist or post."""
    if not moderates(request.user):
        raise PermissionDenied
    filters = _filters(request.GET)
    pending = Comment.objects.pending()
    queue = pending.with_history().select_related("post__author").order_by("created_at", "pk")
    if "author" in filters:
        queue = queue.filter(post__author=filters["author"])
    if "post" in filters:
        queue = queue.filter(post=filters["post"])
    waiting = list(queue[: QUEUE_LENGTH + 1])
    columnists = Author.objects.filter(posts__comments__in=pending).distinct().order_by("slug")
    posts = Post.objects.filter(comments__in=pending).distinct().order_by("-published_at")
    if "author" in filters:
        posts = posts.filter(author=filters["author"])
    decided = (
        Comment.objects.exclude(decided_by=None)
        .select_related("post", "decided_by")
        .order_by("-decided_at")[:10]
    )
    context = {
        **admin_site.each_context(request),
        "title": "Moderation desk",
        "opts": Comment._meta,
        "comments": waiting[:QUEUE_LENGTH],
        "more": len(waiting) > QUEUE_LENGTH,
        "columnists": columnists.values_list("pk", "display_name"),
        "posts": posts.values_list("pk", "title")[:200],
        "filters": {key: int(value) for key, value in filters.items()},
        "query": urlencode(filters),
        "reasons": Comment.Reason.choices[1:],
        "decided": decided,
    }
    return TemplateResponse(request, "comments/desk.html", context)


@require_POST
def decide(request):
    """Approve, reject, mark as spam or reply to the comments a moderator's button names."""
    if not moderates(request.user):
        raise PermissionDenied
    filters = _filters(QueryDict(request.POST.get("query", "")))
    if "bulk" in request.POST:
        verb, ids = request.POST["bulk"], request.POST.getlist("ids")
    else:
        verb, _, one = request.POST.get("act", "").partition(":")
        ids = [one]
    ids = [pk for pk in ids if pk.isdigit()]
    comments = list(Comment.objects.filter(pk__in=ids).select_related("post__author"))
    if verb == "reply" and len(comments) == 1:
        (comment,) = comments
        body = clean_text(request.POST.get(f"reply-{comment.pk}", "")).strip()
        if not body:
            messages.error(request, "Write the reply before sending it.")
            return redirect(desk_url(filters))
        comment_reply(comment=comment, moderator=request.user, body=body[:10000])
        messages.success(request, f"Approved {comment.name}’s comment and published the reply.")
        return redirect(desk_url(filters))
    if verb not in DECISIONS or not comments:
        messages.error(request, "Tick the comments to decide first.")
        return redirect(desk_url(filters))
    for comment in comments:
        comment_decide(
            comment=comment,
            moderator=request.user,
            decision=verb,
            reason=request.POST.get(f"reason-{comment.pk}", ""),
            tell_writer=f"tell-{comment.pk}" in request.POST,
        )
    count = len(comments)
    messages.success(request, f"{DECISIONS[verb]} {count} comment{'s' if count != 1 else ''}.")
    return redirect(desk_url(filters))
