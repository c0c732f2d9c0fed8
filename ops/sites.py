"""The sites framework's record, which allauth's mails name, kept to the site's own settings."""

from urllib.parse import urlsplit

from django.apps import apps as global_apps
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, router


def site_from_settings(*, using=DEFAULT_DB_ALIAS, apps=global_apps, **kwargs):
    """Give the current Site the host of SITE_URL and the publication's name, after migrate."""
    try:
        Site = apps.get_model("sites", "Site")
    except LookupError:
        return
    if not router.allow_migrate_model(using, Site):
        return
    Site.objects.using(using).update_or_create(
        pk=settings.SITE_ID,
        defaults={"domain": urlsplit(settings.SITE_URL).netloc, "name": settings.PUBLICATION_NAME},
    )
    global_apps.get_model("sites", "Site").objects.clear_cache()
