from django.conf import settings

from edge.fragments import FRAGMENT_TIMEOUT
from edge.state import content_version


def publication(request):
    """Put the publication's name, tagline and MY label in every template, and what parts
    kept with {% cache %} are keyed by: the content version (read only where a template asks
    for it) and how long they may be kept."""
    return {
        "content_version": content_version,
        "fragment_seconds": FRAGMENT_TIMEOUT,
        "publication_name": settings.PUBLICATION_NAME,
        "publication_tagline": settings.PUBLICATION_TAGLINE,
        "my_label": settings.MY_LABEL,
    }
