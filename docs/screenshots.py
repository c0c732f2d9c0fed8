"""Take the README's pictures of the newsroom (docs/images/*.png) from the real admin.

Run from the project's root with `.venv/bin/python docs/screenshots.py`. As
docs/screenshot_desk.py does, it loads the demo publication into a database and media
folders of their own in a temporary directory, serves them on a free port and drives
Chromium; nothing of the project's own database is touched. Each picture is taken 1280 px wide,
scaled to 1000, reduced to 256 colours and saved optimised.
"""

import os
import subprocess
import sys
import tempfile

from PIL import Image
from playwright.sync_api import sync_playwright
from screenshot_desk import CHROMIUM, PYTHON, ROOT, free_port, wait_for

IMAGES = ROOT / "docs" / "images"
# Taken on a laptop's screen, then scaled down to WIDTH for the README.
VIEWPORT = {"width": 1280, "height": 900}
WIDTH = 1000


def shrink(path):
    """Scale the picture to WIDTH and save it in 256 colours, optimised."""
    with Image.open(path) as picture:
        height = round(picture.height * WIDTH / picture.width)
        smaller = picture.convert("RGB").resize((WIDTH, height), Image.Resampling.LANCZOS)
    smaller.quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(path, optimize=True)


def take(page, name, **options):
    path = IMAGES / f"{name}.png"
    page.screenshot(path=path, **options)
    shrink(path)
    print(f"Wrote {path.relative_to(ROOT)}")


def pictures(page):
    """Go through the newsroom as the demo's columnist and photograph each stop."""
    page.goto("/admin/")
    take(page, "newsroom-login")
    page.get_by_label("Username or email").fill("author")
    page.get_by_label("Password").fill("author")
    page.get_by_role("button", name="Log in", exact=True).click()
    page.wait_for_selector("#columnist-desk")
    take(page, "newsroom-desk")

    page.goto("/admin/blog/post/")
    take(page, "newsroom-posts")

    page.goto("/admin/blog/post/add/")
    page.get_by_role("textbox", name="Body").wait_for()
    page.locator("#id_title").fill("What the night shift taught the day shift about handovers")
    page.get_by_role("textbox", name="Body").fill(
        "The handover checklist began as a favour to the night shift."
    )
    page.locator("#id_excerpt").fill("A checklist nobody wanted, and why everyone uses it now.")
    page.evaluate("window.scrollTo(0, 0)")
    take(page, "newsroom-post-form")


def main():
    IMAGES.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        port = free_port()
        env = {
            **os.environ,
            "DEBUG": "true",
            "DATABASE_URL": f"sqlite:///{tmp}/db.sqlite3",
            "CACHE_URL": "locmemcache://screenshots",
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
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=CHROMIUM, args=["--no-sandbox"]
                )
                pictures(browser.new_page(viewport=VIEWPORT, base_url=base))
                browser.close()
        finally:
            server.terminate()
            server.wait()


if __name__ == "__main__":
    sys.exit(main())
