"""Count the machine instructions Django spends rendering each public page, with callgrind.

Run from anywhere, on a database bench/run.py has loaded:
`.venv/bin/python bench/instructions.py [--database masthead_bench] [--pages home,post]`.

Request rates and even CPU times move with whatever else the machine does; the number of
instructions a process executes does not. Each page is requested in a process of its own
under `valgrind --tool=callgrind`, after every page has been requested twice so that
imports, templates and the URL resolver are ready, and the instructions of a process that
stops there are taken away. The caches live in the process, as at the origin in production
(the proxy in front is not involved). PostgreSQL's own work is not counted: it runs elsewhere.
"""

import argparse
import concurrent.futures
import gc
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import run

COLLECTED = re.compile(r"Collected : (\d+)")


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", default="masthead_bench", help="PostgreSQL database")
    parser.add_argument(
        "--pages", default=",".join(run.PAGES), help=f"pages ({','.join(run.PAGES)})"
    )
    parser.add_argument("--requests", type=int, default=5, help="requests counted a page (5)")
    parser.add_argument("--child", nargs=2, metavar=("PAGE", "REQUESTS"), help=argparse.SUPPRESS)
    return parser.parse_args()


def main():
    args = parse_args()
    os.environ.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        DEBUG="false",
        SECRET_KEY="instructions-" + "x" * 40,
        ALLOWED_HOSTS=run.HOST,
        SECURE_SSL_REDIRECT="false",
        DATABASE_URL=f"{run.POSTGRES}/{args.database}",
        CACHE_URL="locmemcache://instructions",
        EMAIL_URL="consolemail://",
        # The same string hashes, so the same dictionary layouts, in every run.
        PYTHONHASHSEED="0",
    )
    if args.child:
        request_pages(*args.child)
        return
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is missing: install it with `apt-get install -y valgrind`.")
    workdir = Path(tempfile.mkdtemp(prefix="masthead-instructions-"))
    os.environ["STATIC_ROOT"] = str(workdir / "static")
    try:
        manage = [run.PYTHON, str(run.ROOT / "manage.py"), "collectstatic", "--noinput", "-v0"]
        subprocess.run(manage, env=os.environ, check=True)  # noqa: S603
        measure(args)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def measure(args):
    pages = [page.strip() for page in args.pages.split(",") if page.strip()]
    runs = [("none", 0)] + [(page, args.requests) for page in pages]
    # Two at a time: the counts do not depend on what else runs.
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        counts = dict(zip(runs, pool.map(count_instructions, runs), strict=True))
    base = counts[("none", 0)]
    print(f"Instructions per request at the origin, database {args.database}, in millions:\n")
    print("| page | instructions |\n|---|---:|")
    for page in pages:
        print(f"| {page} | {(counts[(page, args.requests)] - base) / args.requests / 1e6:.1f} M |")


def count_instructions(run_args):
    page, requests = run_args
    command = [
        "valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
        run.PYTHON, __file__, "--child", page, str(requests),
    ]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, env=os.environ)  # noqa: S603
    found = COLLECTED.search(result.stderr)
    if result.returncode or found is None:
        sys.exit(f"{page}: callgrind failed:\n{result.stderr[-3000:]}")
    return int(found[1])


def request_pages(page, requests):
    """Ask for every page twice, then for page `requests` times."""
    run.setup_django()
    from django.test import Client

    urls = run.page_urls()
    client = Client(HTTP_HOST=run.HOST)
    for url in urls.values():
        for _ in range(2):
            if client.get(url).status_code != 200:
                sys.exit(f"{url} did not answer 200")
    # A collection of what the set-up left must not fall inside the requests counted.
    gc.collect()
    gc.freeze()
    for _ in range(int(requests)):
        client.get(urls[page])


if __name__ == "__main__":
    main()
