"""Pictures and downloads dropped into a post's editor: what a body names, checked and kept.

The editor uploads a file the moment it is dropped, pasted or picked (blog.admin_editor), so
that the author never saves twice. The row is the uploader's until the post it was dropped
into is saved: a post not yet saved has no id to give it. Saving the post then attaches
every row its body names and its uploader owns; rows never attached are swept after a day
(`manage.py sweep_editor_uploads`).
"""

import datetime
import html
import re
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone

from blog.html import clean_body, html_to_text
from blog.post_files import Attachment, PostImage
from uploads.bodies import ALT, CAPTION, EDITOR_FIGURE, EDITOR_IMAGE

# A link to a download, as blog:attachment addresses it.
DOWNLOAD_NUMBER = re.compile(r'<a\s[^>]*\bhref="[^"]*/attachments/(\d+)/[^"]*"')
# How long a dropped file waits for its post to be saved before the sweep removes it.
UNATTACHED_LIFETIME = datetime.timedelta(days=1)
# How many dropped files one person may have waiting at once: a runaway script, not a writer.
UNATTACHED_LIMIT = 200


def pictures_in(body: str) -> list[tuple[int, str]]:
    """Return the number and description of each picture dropped into a sanitised body."""
    return [(number, alt) for number, alt, _ in described_pictures(body)]


def described_pictures(body: str) -> list[tuple[int, str, str]]:
    """Return the number, description and caption (as text) of each picture dropped into a
    sanitised body."""
    found = []
    for figure in EDITOR_FIGURE.finditer(body or ""):
        if number := EDITOR_IMAGE.search(figure["inner"]):
            alt = ALT.search(figure["inner"])
            caption = CAPTION.search(figure["inner"])
            found.append(
                (
                    int(number[1]),
                    html.unescape(alt[1]).strip() if alt else "",
                    html_to_text(caption[1]) if caption else "",
                )
            )
    return found


def downloads_in(body: str) -> set[int]:
    """Return the numbers of the downloads a sanitised body links to."""
    return {int(number) for number in DOWNLOAD_NUMBER.findall(body or "")}


def usable_by(queryset, *, post, user):
    """Return the rows of queryset that post's body may name: the post's own, and those
    user dropped into an editor that no post has taken yet."""
    own = Q(post=post) if post is not None and post.pk else Q(pk__in=[])
    return queryset.filter(own | Q(post__isnull=True, uploaded_by=user))


def check_body_pictures(body: str, *, post, user) -> str:
    """Return body as it will be stored, or raise ValidationError naming each picture that
    lacks a description or is not the post's or user's own."""
    body = clean_body(body)
    pictures = pictures_in(body)
    if not pictures:
        return body
    numbers = {number for number, _ in pictures}
    usable = {
        image.pk: image
        for image in usable_by(PostImage.objects.filter(pk__in=numbers), post=post, user=user)
    }
    errors = []
    for number, alt in pictures:
        image = usable.get(number)
        if image is None:
            errors.append(
                ValidationError(
                    "Picture number %(number)s in the body is not one of this post's pictures. "
                    "Remove it, then drop or pick the picture into the editor again.",
                    code="not_yours",
                    params={"number": number},
                )
            )
        elif not alt:
            errors.append(
                ValidationError(
                    "The picture “%(name)s” in the body has no description. Type in the "
                    "“Description” box under it what the picture shows, for readers who "
                    "cannot see it.",
                    code="no_description",
                    params={"name": PurePath(image.image.name).name},
                )
            )
    if errors:
        raise ValidationError(errors)
    return body


def attach_uploads(*, post, user) -> None:
    """Give post the pictures and downloads its body names that user dropped into its editor,
    and copy each picture's description and caption from the body to its row (for exports
    and the admin's lists)."""
    pictures = {number: (alt, caption) for number, alt, caption in described_pictures(post.body)}
    if pictures:
        PostImage.objects.filter(pk__in=pictures, post__isnull=True, uploaded_by=user).update(
            post=post
        )
        changed = []
        for image in PostImage.objects.filter(pk__in=pictures, post=post):
            alt, caption = pictures[image.pk]
            if (image.alt, image.caption) != (alt[:250], caption[:300]):
                image.alt, image.caption = alt[:250], caption[:300]
                changed.append(image)
        PostImage.objects.bulk_update(changed, ["alt", "caption"])
    if downloads := downloads_in(post.body):
        Attachment.objects.filter(pk__in=downloads, post__isnull=True, uploaded_by=user).update(
            post=post
        )


def too_many_waiting(user) -> bool:
    """Say whether user has as many dropped files waiting for a post as one may have."""
    waiting = Q(post__isnull=True, uploaded_by=user)
    count = PostImage.objects.filter(waiting).count() + Attachment.objects.filter(waiting).count()
    return count >= UNATTACHED_LIMIT


def sweep_unattached(*, now=None) -> int:
    """Delete dropped files no saved post took within UNATTACHED_LIFETIME; return how many."""
    before = (now or timezone.now()) - UNATTACHED_LIFETIME
    removed = 0
    for model, field in ((PostImage, "image"), (Attachment, "file")):
        for row in model.objects.filter(post__isnull=True, created_at__lt=before):
            stored = getattr(row, field)
            if stored:
                # Renditions are shared by identical pictures: only the original goes.
                stored.storage.delete(stored.name)
            row.delete()
            removed += 1
    return removed
