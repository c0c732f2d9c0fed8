"""axe-core in Chromium on every admin page an author or a moderator uses: no critical or
serious violation.

To check a new admin page, add a row to PAGES: the role that opens it and its address, which
may name the objects `newsroom` makes ({post}, {author}, {comment}).
"""

import json
from pathlib import Path

import pytest

from tests.e2e.sessions import log_in
from tests.factories import AuthorFactory, CommentFactory, PostFactory, UserFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]

AXE = Path(__file__).parent / "assets" / "axe-core" / "axe.min.js"
BLOCKING = {"critical", "serious"}

PAGES = [
    ("anonymous", "/admin/login/"),
    ("author", "/admin/"),
    ("author", "/admin/blog/post/"),
    ("author", "/admin/blog/post/add/"),
    ("author", "/admin/blog/post/{post}/change/"),
    ("author", "/admin/authors/author/{author}/change/"),
    ("author", "/admin/comments/comment/"),
    ("author", "/admin/password_change/"),
    ("author", "/admin/blog/post/calendar/"),
    ("author", "/admin/blog/post/calendar/?view=week"),
    ("author", "/admin/blog/series/"),
    ("author", "/admin/blog/series/add/"),
    ("moderator", "/admin/"),
    ("moderator", "/admin/blog/post/"),
    ("moderator", "/admin/blog/post/{post}/change/"),
    ("moderator", "/admin/comments/comment/"),
    ("moderator", "/admin/comments/comment/{comment}/change/"),
    ("moderator", "/admin/comments/comment/desk/"),
    ("moderator", "/admin/password_change/"),
]


@pytest.fixture
def newsroom():
    """A columnist with a published column that has comments waiting, and a moderator."""
    author = AuthorFactory(
        user=UserFactory(username="ada", groups=["Authors"]), display_name="Ada Author"
    )
    post = PostFactory(author=author, title="What the night shift changed", tags=["rotas"])
    PostFactory(author=author, draft=True, title="Half a thought")
    comment = CommentFactory(post=post, status="pending", body="Which rota do you mean?")
    CommentFactory(post=post, body="We did the same.")
    users = {"author": author.user, "moderator": UserFactory(username="mod", groups=["Moderators"])}
    return {"users": users, "ids": {"post": post.pk, "author": author.pk, "comment": comment.pk}}


def describe(violations):
    lines = []
    for violation in violations:
        lines.append(f"[{violation['impact']}] {violation['id']}: {violation['help']}")
        lines.extend(
            f"    {', '.join(map(str, node['target']))}: {node['html'][:160]}"
            for node in violation["nodes"]
        )
    return "\n".join(lines)


@pytest.mark.parametrize(("role", "address"), PAGES, ids=[f"{r}:{a}" for r, a in PAGES])
def test_admin_page_has_no_critical_or_serious_accessibility_violations(
    page, newsroom, role, address
):
    page.goto("/")
    if role != "anonymous":
        log_in(page, newsroom["users"][role])
    response = page.goto(address.format(**newsroom["ids"]))
    assert response.ok, f"{address} answered {response.status}"
    # Scripts that label widgets (the body editor, select2) run once the page is ready.
    page.wait_for_load_state("networkidle")

    # Evaluated by the browser's devtools, past the site's Content-Security-Policy.
    page.evaluate(f"() => {{ {AXE.read_text(encoding='utf-8')}\n}}")
    results = page.evaluate("async () => JSON.stringify(await axe.run(document))")
    violations = [v for v in json.loads(results)["violations"] if v["impact"] in BLOCKING]

    assert not violations, f"{role} on {address}:\n{describe(violations)}"
