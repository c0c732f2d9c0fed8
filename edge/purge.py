"""Tell the caches in front of the site which pages changed, by the tags the pages carry.

Each shared page names what it shows in its `Cache-Tag` header (`edge.tags`). When content
changes, the tags of what changed are purged from every configured backend, once the change
is committed, as Wagtail's frontend cache does with addresses:

- `edge.purge.VarnishBackend`: a `PURGE` request with an `xkey-purge` header to each
  Varnish (`deploy/varnish/default.vcl` turns it into `xkey.purge`);
- `edge.purge.CloudflareBackend`: Cloudflare's purge-by-tag API (its edge reads the same
  `Cache-Tag` header).

`EDGE_CACHE_BACKENDS` in the settings configures them from the environment. A backend that
cannot be reached is logged and skipped: the pages it keeps expire by themselves within
their `s-maxage`.
"""

import json
import logging
import urllib.error
import urllib.request
from http import HTTPStatus
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)

TIMEOUT = 2


class VarnishBackend:
    """Purge tags from one or more Varnish servers with the xkey module."""

    def __init__(self, *, locations):
        self.locations = locations

    def purge(self, tags):
        for location in self.locations:
            parts = urlsplit(location)
            request = urllib.request.Request(  # noqa: S310 - an address from the settings
                f"{parts.scheme}://{parts.netloc}/",
                method="PURGE",
                headers={"xkey-purge": " ".join(sorted(tags))},
            )
            with urllib.request.urlopen(request, timeout=TIMEOUT) as response:  # noqa: S310
                if response.status != HTTPStatus.OK:
                    raise PurgeFailed(f"{location} answered {response.status}")


class CloudflareBackend:
    """Purge tags from a Cloudflare zone, at most 30 tags a call as its API takes them."""

    BATCH = 30

    def __init__(self, *, zone_id, api_token, api_url="https://api.cloudflare.com/client/v4"):
        self.endpoint = f"{api_url.rstrip('/')}/zones/{zone_id}/purge_cache"
        self.api_token = api_token

    def purge(self, tags):
        tags = sorted(tags)
        for start in range(0, len(tags), self.BATCH):
            body = json.dumps({"tags": tags[start : start + self.BATCH]}).encode()
            request = urllib.request.Request(  # noqa: S310 - an address from the settings
                self.endpoint,
                data=body,
                method="POST",
                headers={
                    "Authorization": f"Bearer {self.api_token}",
                    "Content-Type": "application/json",
                },
            )
            with urllib.request.urlopen(request, timeout=TIMEOUT) as response:  # noqa: S310
                answer = json.loads(response.read() or b"{}")
            if not answer.get("success"):
                raise PurgeFailed(f"Cloudflare refused the purge: {answer.get('errors')}")


class PurgeFailed(Exception):
    """A cache in front answered, but did not purge."""


def backends():
    return [
        import_string(config["BACKEND"])(**config.get("OPTIONS", {}))
        for config in settings.EDGE_CACHE_BACKENDS.values()
    ]


def purge(tags):
    """Purge the pages carrying any of tags from every configured cache in front."""
    tags = {tag for tag in tags if tag}
    if not tags:
        return
    for backend in backends():
        try:
            backend.purge(tags)
        except (OSError, urllib.error.URLError, PurgeFailed) as exc:
            logger.warning(
                "Could not purge %s from %s: %s", sorted(tags), type(backend).__name__, exc
            )


def purge_on_commit(tags):
    """Purge tags once the current transaction commits: before, readers would refill the
    cache with what the database still shows them."""
    tags = set(tags)
    if tags:
        transaction.on_commit(lambda: purge(tags))
