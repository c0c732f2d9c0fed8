import time

import pytest
from django.core import signing

from comments.forms import TIMESTAMP_SALT
from tests.factories import PostFactory


def started(seconds_ago=60):
    return signing.dumps(time.time() - seconds_ago, salt=TIMESTAMP_SALT)


def comment_data(**overrides):
    """Return a comment form as a careful reader fills it in, a minute after opening it."""
    data = {
        "name": "Rebeca",
        "email": "rebeca@example.com",
        "location": "México",
        "body": "Our desk tried this.\n\nIt worked after a month.",
        "website": "",
        "started": started(),
        "parent": "",
    }
    data.update(overrides)
    return data


@pytest.fixture
def post(author):
    return PostFactory(title="On handovers", author=author)
