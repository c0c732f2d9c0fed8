"""Decide whether a comment comes from someone the publication keeps out, or looks like spam."""

import ipaddress
import logging

import akismet
import httpx
from django.conf import settings

from comments.models import BlockRule

logger = logging.getLogger(__name__)


def sender_is_blocked(*, email: str, ip: str) -> bool:
    """Say whether the email address, its domain or the IP address is on the blocklist."""
    email = email.lower()
    domain = "@" + email.rpartition("@")[2]
    rules = BlockRule.objects.filter(kind__in=[BlockRule.Kind.EMAIL, BlockRule.Kind.IP])
    for kind, value in rules.values_list("kind", "value"):
        if kind == BlockRule.Kind.EMAIL and value in (email, domain):
            return True
        if kind == BlockRule.Kind.IP and ip and _in_network(ip, value):
            return True
    return False


def _in_network(ip: str, network: str) -> bool:
    try:
        return ipaddress.ip_address(ip) in ipaddress.ip_network(network, strict=False)
    except ValueError:
        return False


def blocked_word(*texts: str) -> str | None:
    """Return the first blocked word found in any of texts, ignoring case."""
    haystack = " ".join(texts).lower()
    words = BlockRule.objects.filter(kind=BlockRule.Kind.WORD).values_list("value", flat=True)
    return next((word for word in words if word.lower() in haystack), None)


def akismet_says_spam(*, comment, user_agent: str, referrer: str, permalink: str) -> bool:
    """Ask Akismet when a key is configured; a failure of Akismet never fails the site."""
    if not settings.AKISMET_API_KEY:
        return False
    config = akismet.Config(key=settings.AKISMET_API_KEY, url=settings.AKISMET_SITE_URL)
    try:
        with akismet.SyncClient(
            config=config, http_client=httpx.Client(timeout=settings.AKISMET_TIMEOUT)
        ) as client:
            verdict = client.comment_check(
                user_ip=comment.ip_address or "",
                user_agent=user_agent,
                referrer=referrer,
                permalink=permalink,
                comment_type="comment",
                comment_author=comment.name,
                comment_author_email=comment.email,
                comment_content=comment.body,
            )
    except (akismet.AkismetError, httpx.HTTPError, OSError) as exc:
        logger.warning("Akismet unavailable, comment kept for moderation: %s", exc)
        return False
    return verdict != akismet.CheckResponse.HAM
