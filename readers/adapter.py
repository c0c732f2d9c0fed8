"""How django-allauth treats Masthead's readers: lock-outs per account, the reader's own IP."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.utils import filter_users_by_email, filter_users_by_username
from django.contrib.sites.shortcuts import get_current_site

from ops.network import client_ip


def account_of(**credentials):
    """Return the pk of the one account the typed email or username names, or None."""
    if email := credentials.get("email"):
        users = filter_users_by_email(email, prefer_verified=True)
    elif username := credentials.get("username"):
        users = list(filter_users_by_username(username)[:2])
    else:
        return None
    return users[0].pk if len(users) == 1 else None


class AccountAdapter(DefaultAccountAdapter):
    def _get_login_attempts_cache_key(self, request, **credentials):
        """Count failed log-ins per account, whether its username or its email was typed.

        allauth counts per identifier typed, which gives an account one allowance by
        username and another by email. An identifier that names no account keeps its own
        count, so that a lock-out says nothing about which accounts exist.
        """
        site = get_current_site(request)
        if (pk := account_of(**credentials)) is not None:
            return f"{site.domain}:account:{pk}"
        return super()._get_login_attempts_cache_key(request, **credentials)

    def get_client_ip(self, request):
        """Return the reader's address as every rate limit of the site sees it."""
        return client_ip(request) or super().get_client_ip(request)
