from django.conf import settings


def publication(request):
    """Put the publication's name, tagline and MY label in every template."""
    return {
        "publication_name": settings.PUBLICATION_NAME,
        "publication_tagline": settings.PUBLICATION_TAGLINE,
        "my_label": settings.MY_LABEL,
    }
