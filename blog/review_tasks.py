"""Mail from the editorial desk, sent by the background worker, never inside a request."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.mail import EmailMessage
from django.db.models import Q
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse

from blog.models import Post
from blog.review_states import ReviewState
from blog.review_words import state_in_words
from worker.mail import send_once


def editors():
    """Return the active people who edit every post and have an email address."""
    edit_any_post = Permission.objects.get(content_type__app_label="blog", codename="edit_any_post")
    return (
        get_user_model()
        .objects.filter(Q(groups__permissions=edit_any_post) | Q(user_permissions=edit_any_post))
        .filter(is_active=True)
        .exclude(email="")
        .distinct()
    )


def absolute(path):
    return settings.SITE_URL.rstrip("/") + path


def one_line(text):
    """Keep a title on one line, as a subject must be."""
    return " ".join(str(text).split())


def _context(post, **extra):
    return {
        "post": post,
        "post_url": absolute(reverse("admin:blog_post_change", args=[post.pk])),
        "publication_name": settings.PUBLICATION_NAME,
        **extra,
    }


@task(takes_context=True)
def tell_editors_of_submission(context, post_id):
    """Tell each editor that a post waits for review; say how many were told."""
    post = (
        Post.objects.filter(pk=post_id, review_state=ReviewState.IN_REVIEW)
        .select_related("author")
        .first()
    )
    if post is None:
        return 0
    body = render_to_string("blog/email/review_submitted.txt", _context(post))
    subject = f"For review: “{one_line(post.title)}” by {one_line(post.author)}"
    sent = 0
    for email in editors().values_list("email", flat=True):
        message = EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [email])
        sent += send_once(message, context=context, purpose="review-submitted")
    return sent


@task(takes_context=True)
def tell_writer_of_decision(context, post_id, decision):
    """Tell a post's writers (its lead author and co-authors) that an editor approved it or
    asked for changes; return how many were told."""
    post = Post.objects.filter(pk=post_id).select_related("author__user").first()
    if post is None:
        return 0
    note = post.editorial_notes.select_related("author").order_by("-created_at", "-id").first()
    mail_context = _context(post, decision=decision, note=note)
    if decision == ReviewState.APPROVED:
        mail_context["state"] = state_in_words(post)
        subject = f"Approved: “{one_line(post.title)}”"
    else:
        subject = f"Changes requested: “{one_line(post.title)}”"
    body = render_to_string("blog/email/review_decided.txt", mail_context)
    sent = 0
    for writer in post.byline_authors:
        if writer.user.email:
            message = EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [writer.user.email])
            sent += send_once(message, context=context, purpose=f"review-{decision}")
    return sent
