import pytest

from tests.factories import PostFactory


def comment_data(**overrides):
    """Return a comment form as a careful reader fills it in."""
    data = {
        "name": "Rebeca",
        "email": "rebeca@example.com",
        "location": "México",
        "body": "Our desk tried this.\n\nIt worked after a month.",
        "website": "",
        "parent": "",
    }
    data.update(overrides)
    return data


@pytest.fixture
def post(author):
    return PostFactory(title="On handovers", author=author)
