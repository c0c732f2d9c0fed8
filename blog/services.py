"""Work on posts that reaches beyond the post's own row."""

from django.contrib.redirects.models import Redirect
from django.contrib.sites.models import Site
from django.db import transaction

from blog.models import Post


@transaction.atomic
def post_address_changed(*, post: Post, old_path: str) -> None:
    """Keep a public post's old address answering with a 301 to its new one, without chains."""
    new_path = post.get_absolute_url()
    if new_path == old_path:
        return
    site = Site.objects.get_current()
    redirects = Redirect.objects.filter(site=site)
    # Back at an address it had before: that address must stop redirecting.
    redirects.filter(old_path=new_path).delete()
    # Addresses that led to the old one now lead straight to the new one.
    redirects.filter(new_path=old_path).update(new_path=new_path)
    Redirect.objects.update_or_create(site=site, old_path=old_path, defaults={"new_path": new_path})
