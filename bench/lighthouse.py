"""Run Lighthouse on the public pages, on a phone and on a desktop, and print the scores.

Lighthouse comes from npm and Chromium from the system; the site must already be running on
the demo publication, e.g.:

    DATABASE_URL=sqlite:////tmp/lh.sqlite3 DEBUG=true .venv/bin/python manage.py migrate
    DATABASE_URL=sqlite:////tmp/lh.sqlite3 DEBUG=true .venv/bin/python manage.py load_demo
    DATABASE_URL=sqlite:////tmp/lh.sqlite3 DEBUG=true .venv/bin/python manage.py runserver 8765
    .venv/bin/python bench/lighthouse.py --base http://127.0.0.1:8765 \
        --lighthouse /path/to/node_modules/.bin/lighthouse

Pages are found through the site's own links (the first post, columnist and section on the
home page), so the script needs no database of its own. Search is `noindex` on purpose: its
SEO score is printed but not held to the target.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
TARGET = 95
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu"


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="http://127.0.0.1:8765", help="the running site")
    parser.add_argument("--lighthouse", default="lighthouse", help="the lighthouse command")
    parser.add_argument("--pages", help="comma-separated page names to run (default: all)")
    return parser.parse_args()


def first_link(html, pattern):
    match = re.search(rf'href="({pattern})"', html)
    if not match:
        sys.exit(f"No link matching {pattern} on the home page: is the demo loaded?")
    return match[1]


def pages(base):
    home = urllib.request.urlopen(base + "/").read().decode()  # noqa: S310 - a local address
    return {
        "home": "/",
        "post": first_link(home, r"/\d{4}/\d{2}/\d{2}/[\w-]+/"),
        "columnist": first_link(home, r"/authors/[\w-]+/"),
        "category": first_link(home, r"/category/[\w-]+/"),
        "search": "/search/?q=change",
        "log in": "/accounts/login/",
    }


def scores(lighthouse, url, form_factor):
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.json"
        command = [
            lighthouse, url, "--quiet", "--output=json", f"--output-path={report}",
            f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}",
        ]  # fmt: skip
        if form_factor == "desktop":
            command.append("--preset=desktop")
        env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
        subprocess.run(command, check=True, env=env, capture_output=True)  # noqa: S603
        result = json.loads(report.read_text())
    return {name: round(result["categories"][name]["score"] * 100) for name in CATEGORIES}


def main():
    args = parse_args()
    chosen = pages(args.base)
    if args.pages:
        chosen = {name: path for name, path in chosen.items() if name in args.pages.split(",")}
    print(f"| Page | Form factor | {' | '.join(CATEGORIES)} |")
    print(f"|---|---|{'---:|' * len(CATEGORIES)}")
    missed = []
    for name, path in chosen.items():
        for form_factor in ("mobile", "desktop"):
            got = scores(args.lighthouse, args.base + path, form_factor)
            held = {c: s for c, s in got.items() if not (name == "search" and c == "seo")}
            missed += [f"{name} {form_factor} {c} {s}" for c, s in held.items() if s < TARGET]
            cells = " | ".join(str(got[c]) for c in CATEGORIES)
            print(f"| {name} | {form_factor} | {cells} |", flush=True)
    if missed:
        print(f"\nBelow {TARGET}: " + "; ".join(missed))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
