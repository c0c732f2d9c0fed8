"""Take the README's pictures of the newsroom (docs/images/*.png) from the real admin.

Run from the project's root with `.venv/bin/python docs/screenshots.py`. As
docs/screenshot_desk.py does, it loads the demo publication into a database and media
folders of their own in a temporary directory, serves them on a free port and drives
Chromium; nothing of the project's own database is touched. Each picture is taken 1280 px wide,
scaled to 1000, reduced to 256 colours and saved optimised.
"""

import datetime
import random
import sys
import tempfile
import zoneinfo
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright
from screenshot_desk import CHROMIUM, ROOT, demo_site

sys.path.insert(0, str(ROOT))
from demo.pictures import cover_jpeg  # noqa: E402 (the project's root is on the path now)

IMAGES = ROOT / "docs" / "images"
# The demo publication's zone (TIME_ZONE).
LONDON = zoneinfo.ZoneInfo("Europe/London")
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
    body = page.get_by_role("textbox", name="Body")
    body.wait_for()
    page.locator("#id_title").fill("What the night shift taught the day shift about handovers")
    body.fill("The handover checklist began as a favour to the night shift.")
    page.locator("#id_excerpt").fill("A checklist nobody wanted, and why everyone uses it now.")
    page.evaluate("window.scrollTo(0, 0)")
    take(page, "newsroom-post-form")

    # A picture picked from the toolbar lands in the body at once, asking for its description.
    body.press("End")
    body.press("Enter")
    with page.expect_file_chooser() as chooser:
        page.get_by_title("Insert a picture from your computer").click()
    chooser.value.set_files(picture_file())
    editor = page.locator(".ProseMirror[contenteditable=true]")
    figure = editor.locator(".editor-picture")
    figure.locator("img").wait_for()
    editor.get_by_label("Description (required)").fill("Two engineers at a desk at dawn")
    editor.locator("figcaption").click()
    page.keyboard.type("The 6 a.m. handover, checklist in hand")
    page.wait_for_selector("text=Saved a few seconds ago")
    figure.scroll_into_view_if_needed()
    page.evaluate("window.scrollBy(0, -260)")
    take(page, "newsroom-picture")

    # Scheduling: the picker in the publication's zone, named, and the actions under the form.
    today = datetime.datetime.now(tz=LONDON).date()
    when = today + datetime.timedelta(days=(2 - today.weekday()) % 7 or 7)  # next Wednesday
    page.get_by_label("Publication time:").fill(f"{when:%Y-%m-%d}T08:00")
    page.get_by_label("Publication time:").scroll_into_view_if_needed()
    page.evaluate("window.scrollBy(0, 200)")
    take(page, "newsroom-schedule")
    page.get_by_role("button", name="Schedule").click()
    page.wait_for_selector(".messagelist")
    page.locator(".ProseMirror[contenteditable=true] .editor-picture img").wait_for()
    page.evaluate("window.scrollTo(0, 0)")
    take(page, "newsroom-scheduled")

    page.goto("/admin/blog/post/calendar/")
    take(page, "newsroom-calendar")


def picture_file():
    """Write one of the demo's covers to a file to upload, as a columnist's photo would be."""
    data, _alt = cover_jpeg("service-desk", random.Random(7))  # noqa: S311 - a picture, not a secret
    path = Path(tempfile.mkdtemp()) / "handover.jpg"
    path.write_bytes(data)
    return path


def main():
    IMAGES.mkdir(exist_ok=True)
    with demo_site() as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        # The publication's own English: dates read 9 December, times 08:00.
        context = browser.new_context(viewport=VIEWPORT, base_url=base, locale="en-GB")
        pictures(context.new_page())
        browser.close()


if __name__ == "__main__":
    sys.exit(main())
