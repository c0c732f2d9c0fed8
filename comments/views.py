from functools import partial

from django.conf import settings
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.http import urlencode
from django.views.decorators.http import require_POST

from blog.models import Post
from blog.pagination import paginate
from blog.services import render_post_page
from comments.forms import CommentForm
from comments.models import Comment
from comments.services import CommentRefused, comment_submit, comments_open
from comments.threads import AWAITING_SESSION_KEY, PAGE_PARAMETER, page_of, replies_to
from edge import tags
from ops.outage import keeps_form_in_outage


@require_POST
@keeps_form_in_outage("comments/comment_retry.html", partial(CommentForm, post=None))
def post_comment(request, pk):
    """Take a reader's comment; on any problem, show the post again with everything they typed."""
    post = get_object_or_404(Post.objects.published().for_page(), pk=pk)
    form = CommentForm(request.POST, post=post)
    status = 400
    if not comments_open(post):
        form.is_valid()
        form.add_error(None, "Comments on this post are closed.")
        status = 403
    elif form.is_valid():
        try:
            comment = comment_submit(post=post, form=form, request=request)
        except CommentRefused as refusal:
            form.add_error(None, refusal.message)
            status = refusal.status
        else:
            return _thank(request, post, comment)
    return render_post_page(
        request=request, post=post, extra_context={"comment_form": form}, status=status
    )


def _thank(request, post, comment):
    if comment.status == Comment.Status.APPROVED:
        messages.success(request, "Thank you. Your comment is published.")
    else:
        # Spam is answered like any comment held for moderation: nothing to learn from it.
        awaiting = request.session.get(AWAITING_SESSION_KEY, [])
        request.session[AWAITING_SESSION_KEY] = [*awaiting, comment.pk][-20:]
        messages.success(
            request,
            "Thank you. Your comment awaits moderation; it appears here for everyone once a "
            "moderator approves it.",
        )
    return redirect(f"{discussion_url(post, page_of(comment))}#comment-{comment.pk}")


def discussion_url(post, page, **params):
    """Return the address of page of post's discussion, with params in its query: page one
    is the post's own address."""
    if page > 1:
        params = {PAGE_PARAMETER: page, **params}
    query = f"?{urlencode(params)}" if params else ""
    return f"{post.get_absolute_url()}{query}"


def thread(request, pk, thread):
    """Show all the replies to a comment, a page at a time: the post's page shows the first
    few of each thread."""
    post = get_object_or_404(Post.objects.published().for_lists(), pk=pk)
    opening = get_object_or_404(Comment.objects.approved(), post=post, pk=thread, parent=None)
    page = paginate(request, replies_to(opening), per_page=settings.COMMENTS_PER_PAGE)
    # The thread's place in the post's discussion, where the reply form is.
    page_number = page_of(opening)
    tags.add(request, tags.post(post.pk))
    context = {
        "post": post,
        "thread": opening,
        "page_obj": page,
        "back_url": f"{discussion_url(post, page_number)}#comment-{opening.pk}",
        "reply_url": f"{discussion_url(post, page_number, reply=opening.pk)}#comment-form",
        # Replies answer the thread on the post's page, where the form is.
        "can_reply": comments_open(post),
    }
    return TemplateResponse(request, "comments/thread.html", context)
