"""Take docs/moderation-desk.png: the moderation desk, 1280 px wide, over the demo publication.

Run from the project's root with `.venv/bin/python docs/screenshot_desk.py`. The demo is
loaded into a database and media folders of its own, in a temporary directory, and served
there on a free port; nothing of the project's own database is touched.
"""

import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
OUTPUT = ROOT / "docs" / "moderation-desk.png"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url, seconds=60):
    deadline = time.monotonic() + seconds
    while True:
        try:
            urllib.request.urlopen(url, timeout=2)  # noqa: S310 (our own local server)
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


@contextlib.contextmanager
def demo_site():
    """Serve the demo publication from a temporary database and media folders; yield its
    address, and stop the server afterwards."""
    with tempfile.TemporaryDirectory() as tmp:
        port = free_port()
        env = {
            **os.environ,
            "DEBUG": "true",
            "DATABASE_URL": f"sqlite:///{tmp}/db.sqlite3",
            "CACHE_URL": "locmemcache://screenshot",
            "MEDIA_ROOT": f"{tmp}/media",
            "PRIVATE_MEDIA_ROOT": f"{tmp}/private",
            "SITE_URL": f"http://127.0.0.1:{port}",
        }

        def manage(*args, **kwargs):
            return subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, **kwargs)  # noqa: S603

        manage("migrate", "--noinput", "-v0", check=True)
        manage("load_demo", check=True, stdout=subprocess.DEVNULL)
        server = subprocess.Popen(  # noqa: S603
            [PYTHON, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        try:
            base = f"http://127.0.0.1:{port}"
            wait_for(f"{base}/admin/login/")
            yield base
        finally:
            server.terminate()
            server.wait()


def main():
    with demo_site() as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1280, "height": 900}, base_url=base)
        page.goto("/admin/")
        page.get_by_label("Username or email").fill("moderator")
        page.get_by_label("Password").fill("moderator")
        page.get_by_role("button", name="Log in", exact=True).click()
        page.get_by_role("link", name="await moderation").click()
        page.wait_for_selector(".desk-comment.is-current")
        page.screenshot(path=OUTPUT)
        browser.close()
    print(f"Wrote {OUTPUT.relative_to(ROOT)}")


if __name__ == "__main__":
    sys.exit(main())
