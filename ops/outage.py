"""What a request does while the database is out of reach: answer at once, politely, and
never lose what a reader typed."""

import functools
import logging

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader

logger = logging.getLogger(__name__)

# The database out of reach: no connection within the pool's timeout, or one lost midway.
DATABASE_OUTAGES = (OperationalError, InterfaceError)
# Outages seen so far last seconds to a minute: ask browsers and robots back soon.
RETRY_AFTER_SECONDS = 10


def unavailable(html):
    """Return a 503 with html that asks to try again in a moment."""
    response = HttpResponse(html, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def keeps_form_in_outage(template_name, form_class):
    """Decorate a view taking a reader's form so that, when the database fails while it
    handles a POST, the reader gets the form back with everything typed in it, a message to
    try again in a moment, and a 503 with Retry-After.

    The page is rendered from the template alone (no context processors, no session, no
    user): nothing in it may need the database. The form is unbound, with what was posted
    as its initial values, so that showing it runs none of its (database) validation.
    """

    def decorator(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            try:
                return view(request, *args, **kwargs)
            except DATABASE_OUTAGES as exc:
                if request.method != "POST":
                    raise
                logger.error("Database unavailable while taking a form: %s", exc)
                form = form_class(initial=request.POST.dict())
                context = {"form": form, "action": request.get_full_path()}
                return unavailable(loader.render_to_string(template_name, context))

        return wrapper

    return decorator
