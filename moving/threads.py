"""Bring a WordPress post's comments to Masthead's threads, one level deep, context kept."""

from django.utils import timezone

from comments.models import Comment
from moving.markup import plain_text
from moving.models import ImportedItem
from moving.wxr import wordpress_time

Kind = ImportedItem.Kind
COMMENT_STATUSES = {
    "1": Comment.Status.APPROVED,
    "0": Comment.Status.PENDING,
    "spam": Comment.Status.SPAM,
    "trash": Comment.Status.REJECTED,
}


def thread(record, post_pk, post_author, known, report, tops, replies):
    """Add an item's new comments to tops and replies, replies to replies to the thread."""
    by_id = {c.get("wp:comment_id"): c for c in record.comments}
    new = {}
    for comment in record.comments:
        wordpress_id = comment.get("wp:comment_id")
        if wordpress_id in known:
            report.already[Kind.COMMENT] += 1
            continue
        kind = comment.get("wp:comment_type", "") or "comment"
        status = COMMENT_STATUSES.get(comment.get("wp:comment_approved", ""))
        if kind not in ("comment", "review"):
            report.skipped[("comments", f"of type {kind}")] += 1
            continue
        if status is None:
            report.skipped[("comments", "in a state Masthead has not")] += 1
            continue
        new[wordpress_id] = comment_row(comment, post_pk, status, post_author)
    for wordpress_id, row in new.items():
        chain = ancestors(by_id[wordpress_id], by_id)
        if not chain:
            tops.append((wordpress_id, row))
            continue
        top_id = chain[-1]
        top = new.get(top_id) or known.get(top_id)
        if top is None:
            # Its thread was not imported: it stands alone, saying whom it answered.
            top_id = None
        if len(chain) > 1 or top_id is None:
            parent_name = by_id[chain[0]].get("wp:comment_author", "") or "a reader"
            row.body = f"In reply to {parent_name}:\n\n{row.body}"
        if top_id is None:
            tops.append((wordpress_id, row))
        elif isinstance(top, Comment):
            replies.append((wordpress_id, row, top))
        else:
            row.parent_id = top
            replies.append((wordpress_id, row, None))


def comment_details(comment):
    """Return what the mapping keeps of a comment that Masthead has no place for."""
    return {"url": comment.website} if comment.website else {}


def ancestors(comment, by_id):
    """Return the ids of a comment's parent, grandparent… up to its thread's first."""
    chain, seen = [], set()
    parent = comment.get("wp:comment_parent", "0")
    while parent and parent != "0" and parent not in seen:
        seen.add(parent)
        chain.append(parent)
        parent = by_id.get(parent, {}).get("wp:comment_parent", "0")
    return chain


def comment_row(comment, post_pk, status, post_author):
    created_at = wordpress_time(comment.get("wp:comment_date"), comment.get("wp:comment_date_gmt"))
    ip = comment.get("wp:comment_author_IP", "").strip() or None
    email = comment.get("wp:comment_author_email", "").strip()[:254]
    by_author = (
        post_author is not None
        and comment.get("wp:comment_user_id", "0") not in ("", "0")
        and email.lower() == post_author.user.email.lower()
    )
    row = Comment(
        post_id=post_pk,
        name=(comment.get("wp:comment_author", "").strip() or "Anonymous")[:80],
        email=email,
        location=comment.get("masthead:location", "").strip()[:80],
        body=plain_text(comment.get("wp:comment_content", "")),
        status=status,
        ip_address=ip if ip and len(ip) <= 39 else None,
        user_agent=comment.get("wp:comment_agent", "")[:300],
        created_at=created_at or timezone.now(),
        decided_at=created_at if status != Comment.Status.PENDING else None,
        is_by_post_author=by_author,
        user=post_author.user if by_author else None,
    )
    # Masthead keeps no commenter's site: the mapping keeps it for moving out again.
    row.website = comment.get("wp:comment_author_url", "").strip()
    return row
