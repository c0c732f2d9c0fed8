import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

django_application = get_wsgi_application()

from ops.pagecache import CachedPagesApp  # noqa: E402 - needs the settings configured above

# Cached pages for anonymous readers are answered before Django's request handling starts.
application = CachedPagesApp(django_application)
