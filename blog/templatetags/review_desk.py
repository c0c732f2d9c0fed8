"""The admin index's "Waiting for you": posts in review for editors, posts sent back for writers."""

from django import template

from blog import review
from blog.models import Post
from blog.review_states import ReviewState
from blog.review_words import state_in_words

register = template.Library()

SHOWN = 10


@register.inclusion_tag("admin/blog/waiting_for_you.html", takes_context=True)
def waiting_for_you(context):
    user = context["request"].user
    if review.is_editor(user):
        waiting = Post.objects.drafts().filter(review_state=ReviewState.IN_REVIEW)
        intro = "Submitted for review, the longest waiting first."
    elif hasattr(user, "author"):
        waiting = (
            Post.objects.drafts()
            .by_author(user.author)
            .filter(review_state=ReviewState.CHANGES_REQUESTED)
        )
        intro = "Sent back by an editor: revise them and submit them again."
    else:
        return {"posts": []}
    posts = list(waiting.select_related("author").order_by("review_changed_at", "id")[: SHOWN + 1])
    return {
        "posts": [(post, state_in_words(post)) for post in posts[:SHOWN]],
        "more": len(posts) > SHOWN,
        "intro": intro,
    }
