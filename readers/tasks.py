"""Mail readers ask for, sent by the background worker."""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from blog.models import Post
from worker.mail import send_once

UNSUBSCRIBE_SALT = "readers.digest.unsubscribe"


def absolute(path):
    return settings.SITE_URL.rstrip("/") + path


def unsubscribe_url(user):
    token = signing.dumps(user.pk, salt=UNSUBSCRIBE_SALT)
    return absolute(reverse("readers:digest-unsubscribe", kwargs={"token": token}))


@task(takes_context=True)
def send_post_to_colleagues(context, post_id, recipients, sender_name, note):
    """Mail a post to each colleague separately, from the publication's own address; run
    again, it mails only those it has not."""
    post = Post.objects.published().select_related("author").filter(pk=post_id).first()
    if post is None:
        return 0
    mail_context = {
        "post": post,
        "post_url": absolute(post.get_absolute_url()),
        "sender_name": sender_name,
        "note": note,
        "publication_name": settings.PUBLICATION_NAME,
    }
    subject = f"{sender_name} sent you “{post.title}”"
    text = render_to_string("readers/email/send_to_colleague.txt", mail_context)
    html = render_to_string("readers/email/send_to_colleague.html", mail_context)
    for recipient in recipients:
        message = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, [recipient])
        message.attach_alternative(html, "text/html")
        send_once(message, context=context, purpose="send-to-colleague")
    return len(recipients)


@task(takes_context=True)
def send_weekly_digest(context, user_id):
    """Mail one reader the new posts of the columnists they follow, if there are any."""
    user = (
        get_user_model()
        .objects.filter(pk=user_id, is_active=True, digest__is_active=True)
        .select_related("digest")
        .first()
    )
    if user is None or not user.email:
        return 0
    subscription = user.digest
    since = subscription.last_sent_at or timezone.now() - datetime.timedelta(days=7)
    posts = list(
        Post.objects.published()
        .by_authors(user.follows.values("author"))
        .filter(published_at__gt=since)
        .for_lists()[:20]
    )
    if not posts:
        return 0
    link = unsubscribe_url(user)
    mail_context = {
        "user": user,
        "posts": [(post, absolute(post.get_absolute_url())) for post in posts],
        "unsubscribe_url": link,
        "my_url": absolute(reverse("readers:my")),
        "publication_name": settings.PUBLICATION_NAME,
        "my_label": settings.MY_LABEL,
    }
    message = EmailMultiAlternatives(
        f"This week from the columnists you follow on {settings.PUBLICATION_NAME}",
        render_to_string("readers/email/weekly_digest.txt", mail_context),
        settings.DEFAULT_FROM_EMAIL,
        [user.email],
        headers={
            "List-Unsubscribe": f"<{link}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    send_once(message, context=context, purpose="weekly-digest")
    subscription.last_sent_at = timezone.now()
    subscription.save(update_fields=["last_sent_at"])
    return len(posts)
