import pytest

from tests.blog.searching import days_ago
from tests.factories import CategoryFactory, PostFactory


@pytest.fixture
def columns(author, other_author):
    """Two sections, two columnists, and a draft and a scheduled post that say the same."""
    desk = CategoryFactory(name="Service desk", slug="service-desk")
    change = CategoryFactory(name="Change", slug="change")
    return {
        "queue": PostFactory(
            title="What a Monday queue tells you", author=author, category=desk,
            body="<p>The <strong>backlog</strong> of tickets peaks at nine.</p>",
            published_at=days_ago(3),
        ),
        "board": PostFactory(
            title="Change boards that say yes", author=other_author, category=change,
            body="<p>A board that meets weekly can clear the backlog too.</p>",
            published_at=days_ago(2),
        ),
        "draft": PostFactory(
            title="Backlog draft", author=author, category=desk,
            body="<p>backlog</p>", draft=True,
        ),
        "scheduled": PostFactory(
            title="Backlog scheduled", author=author, category=desk,
            body="<p>backlog</p>", scheduled=True,
        ),
    }  # fmt: skip
