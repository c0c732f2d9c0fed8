import os
import threading
import time
from pathlib import Path

import pytest
from playwright.sync_api import expect

# A loaded CI machine can be slow to paint; a real failure still fails, a little later.
expect.set_options(timeout=10_000)

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser(live_server):
    """Chromium for the whole session. It asks for the live server so that it closes first:
    the server's request threads then see the browser's kept-alive connections end while the
    server still shares the test database with them."""
    if not CHROMIUM.exists():
        pytest.skip(f"Chromium is not installed at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the test's own ORM calls are
    # still plain synchronous code.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()
    wait_for_requests_to_finish()


def wait_for_requests_to_finish(seconds=5):
    """Wait until the live server's request threads have answered what they were asked."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and any(
        "process_request_thread" in thread.name for thread in threading.enumerate()
    ):
        time.sleep(0.05)


@pytest.fixture(autouse=True)
def _close_every_window(request):
    """Close every window a test opened once it ends, and let their last requests finish.

    A post form left open goes on asking (autosave's heartbeat, the preview window's check
    for a new version): into the next test, where its requests held database connections
    while the database was emptied and kept pages of an empty publication in the
    process's caches (a navigation without its sections).
    """
    yield
    if "browser" not in request.fixturenames:
        return
    for context in request.getfixturevalue("browser").contexts:
        context.close()
    wait_for_requests_to_finish()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def phone(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 360, "height": 740}, is_mobile=True
    )
    page = context.new_page()
    yield page
    context.close()
