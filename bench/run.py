"""Measure Masthead's public pages on a large publication: through the proxy, at the origin.

Run from anywhere: `.venv/bin/python bench/run.py` (see bench/README.md). It creates and
migrates the PostgreSQL database, loads a generated publication unless it is there already,
then runs wrk against a bare WSGI app (the ceiling), the production server (scripts/start:
gunicorn with config/gunicorn.py) for anonymous and signed-in readers, and Varnish in front
of it with the deployment's VCL, and prints a Markdown table with the targets checked.
`--queries` counts each page's SQL queries instead.
"""

import argparse
import datetime
import os
import secrets
import shutil
import sys
import tempfile
import time
from pathlib import Path

from proxy import keep_as_file, varnish_command
from servers import HOST, ROOT, Server, check_page, flush_redis, free_port
from wrk import WRK_TIMEOUT, CpuMeter, run_wrk

VENV_PYTHON = ROOT / ".venv" / "bin" / "python"
PYTHON = str(VENV_PYTHON if VENV_PYTHON.exists() else Path(sys.executable))
POSTGRES = "postgres://postgres@127.0.0.1:5432"
REDIS_URL = "redis://127.0.0.1:6379/9"
PAGES = ["home", "post", "typical post", "author", "tag", "search", "feed"]
# A page the proxy keeps, against the same proxy answering its bytes from a file.
HIT_TARGET = 0.80
# Pages no proxy can share (a signed-in reader's): p50 on one connection, in ms.
SIGNED_IN_P50_TARGETS_MS = {"post": 30, "typical post": 15}
LIST_P50_TARGET_MS = 10
MAX_QUERIES = 10


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=20_000, help="publication size (20,000)")
    parser.add_argument("--comments", type=int, help="comments to generate (default: ten a post)")
    parser.add_argument("--database", default="masthead_bench", help="PostgreSQL database")
    parser.add_argument(
        "--skip-load", action="store_true", help="use the database as it is, loaded or not"
    )
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run (10)")
    parser.add_argument("--connections", type=int, default=16, help="wrk connections (16)")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads (2)")
    parser.add_argument("--port", type=int, default=0, help="server port (default: a free one)")
    parser.add_argument(
        "--accept-encoding",
        default="gzip",
        help="Accept-Encoding header wrk sends ('gzip', as browsers; '' for none)",
    )
    parser.add_argument(
        "--pages", default=",".join(PAGES), help=f"pages to measure ({','.join(PAGES)})"
    )
    parser.add_argument(
        "--queries",
        action="store_true",
        help="count each page's SQL queries in-process instead of running wrk",
    )
    args = parser.parse_args()
    args.pages = [page.strip() for page in args.pages.split(",") if page.strip()]
    unknown = set(args.pages) - set(PAGES)
    if unknown:
        parser.error(f"unknown pages: {', '.join(sorted(unknown))}")
    if args.comments is None:
        args.comments = args.posts * 10
    return args


def main():
    args = parse_args()
    if not args.queries and shutil.which("wrk") is None:
        sys.exit("wrk is missing: install it with `apt-get install -y wrk`.")
    started = time.monotonic()
    workdir = Path(tempfile.mkdtemp(prefix="masthead-bench-"))
    workdir.chmod(0o755)  # varnishd reads the VCL below it as its own unprivileged user
    try:
        env = {**os.environ, **app_environment(args, workdir)}
        os.environ.update(env)
        # In-process only: the servers measured keep their own Redis database.
        os.environ.update(CACHE_URL="locmemcache://bench")
        ensure_database(args.database)
        setup_django()
        prepare_database(args)
        publication = describe_publication()
        urls = page_urls()
        session = signed_in_session() if not args.queries else None
        from django.db import connections

        # Leave the database to the servers being measured.
        connections.close_all()
        if args.queries:
            print_query_counts(args, urls, publication)
        else:
            results = measure(args, env, urls, workdir, session)
            print_table(args, results, publication)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    print(f"\n(bench/run.py took {time.monotonic() - started:.0f} s)")


# Set-up --------------------------------------------------------------------------------------


def app_environment(args, workdir):
    """Return the production environment scripts/start runs with, on loopback."""
    return {
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DEBUG": "false",
        "SECRET_KEY": "bench-" + secrets.token_urlsafe(40),
        "ALLOWED_HOSTS": HOST,
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": f"{POSTGRES}/{args.database}",
        "CACHE_URL": REDIS_URL,
        "STATIC_ROOT": str(workdir / "static"),
        # No mail is sent by the pages measured; production refuses to guess a backend.
        "EMAIL_URL": "consolemail://",
    }


def ensure_database(name):
    import psycopg
    from psycopg import sql

    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as connection:
        found = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if found.fetchone() is None:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
            print(f"Created the database {name}.")


def setup_django():
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def prepare_database(args):
    """Migrate, then load a publication of the size asked for unless one is there."""
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    if args.skip_load:
        return
    from blog.models import Post

    loaded = Post.objects.filter(author__user__username__startswith="gen-").count()
    if loaded == args.posts:
        print(f"A generated publication of {loaded} posts is loaded already.")
        return
    print(f"Generating a publication of {args.posts} posts (it had {loaded})...", flush=True)
    call_command(
        "generate_publication", posts=args.posts, comments=args.comments, reset=bool(loaded)
    )


def describe_publication():
    from django.db import connection

    from blog.models import Post
    from comments.models import Comment

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        postgres = cursor.fetchone()[0].split()[0]
    return {
        "posts": Post.objects.count(),
        "published": Post.objects.published().count(),
        "comments": Comment.objects.count(),
        "postgres": postgres,
    }


def page_urls():
    """Return the path of each page measured: for lists, the largest of their kind."""
    from django.db.models import Count
    from django.urls import reverse

    from authors.models import Author
    from blog.models import Post, TaggedPost
    from comments.models import Comment

    busiest = (
        Comment.objects.approved()
        .filter(post__in=Post.objects.published())
        .values_list("post")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .first()
    )
    if busiest is None:
        sys.exit("The database holds no published post with comments: load a publication.")
    post = Post.objects.get(pk=busiest[0])
    # A typical post: ten approved comments, as most have.
    typical = (
        Comment.objects.approved()
        .filter(post__in=Post.objects.published())
        .values_list("post")
        .annotate(n=Count("pk"))
        .filter(n=10)
        .order_by("post")
        .first()
    ) or busiest
    author = Author.objects.annotate(n=Count("posts")).order_by("-n", "pk").first()
    tag_id = (
        TaggedPost.objects.filter(content_object__in=Post.objects.published())
        .values_list("tag")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .first()[0]
    )
    from taggit.models import Tag

    return {
        "home": reverse("blog:index"),
        "post": post.get_absolute_url(),
        "typical post": Post.objects.get(pk=typical[0]).get_absolute_url(),
        "author": author.get_absolute_url(),
        "tag": reverse("blog:tag", kwargs={"slug": Tag.objects.get(pk=tag_id).slug}),
        "search": reverse("blog:search") + "?q=service",
        "feed": reverse("blog:feed"),
    }


# Query counts --------------------------------------------------------------------------------


def print_query_counts(args, urls, publication):
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    call_command("collectstatic", interactive=False, verbosity=0)
    client = Client(HTTP_HOST=HOST)
    print(
        f"SQL queries per page, {publication['posts']:,} posts "
        f"({publication['comments']:,} comments), database {args.database}\n"
    )
    print(
        f"| page | path | queries, empty cache | queries, fragments cached "
        f"| ≤ {MAX_QUERIES} once cached | time, fragments cached |"
    )
    print("|---|---|---:|---:|---|---:|")
    for page in args.pages:
        cache.clear()
        counts = []
        for _ in range(2):
            with CaptureQueriesContext(connection) as queries:
                start = time.perf_counter()
                response = client.get(urls[page])
                took = time.perf_counter() - start
            if response.status_code != 200:
                sys.exit(f"{urls[page]} answered {response.status_code}")
            counts.append(len(queries))
        verdict = "✓" if counts[1] <= MAX_QUERIES else "✗"
        print(
            f"| {page} | `{urls[page]}` | {counts[0]} | {counts[1]} | {verdict} "
            f"| {took * 1000:.0f} ms |"
        )
    print(
        "\nAn empty cache adds the sidebar's fragments (blog roll, sections, archive months, "
        "popular tags), a post's comment threads and the columns it links to, and the next "
        "scheduled change; all are kept until content changes."
    )


def signed_in_session():
    """Return the session key of a signed-in reader, made as a log-in makes it."""
    from django.contrib.auth import (
        BACKEND_SESSION_KEY,
        HASH_SESSION_KEY,
        SESSION_KEY,
        get_user_model,
    )
    from django.contrib.sessions.backends.db import SessionStore

    reader, _ = get_user_model().objects.get_or_create(
        username="bench-reader", defaults={"email": "bench-reader@example.com"}
    )
    session = SessionStore()
    session[SESSION_KEY] = str(reader.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = reader.get_session_auth_hash()
    session.create()
    return session.session_key


# Load ----------------------------------------------------------------------------------------


def measure(args, env, urls, workdir, session):
    port, proxy_port = args.port or free_port(), free_port()
    base, proxy_base = f"http://{HOST}:{port}", f"http://{HOST}:{proxy_port}"
    results = []
    print(f"Measuring with wrk -t{args.threads} -c{args.connections} -d{args.duration}s ...")

    bare = [PYTHON, "-m", "gunicorn", "--config", "config/gunicorn.py", "bench.bare_wsgi"]
    with Server(bare, env, port, workdir / "bare.log", ready_path="/") as server:
        meter = CpuMeter(server.process.pid, f"{POSTGRES}/postgres", args.database)
        results.append(run_wrk(args, meter, base + "/", "bare WSGI (ceiling)", "–"))

    flush_redis(REDIS_URL)
    server_env = {**env, "VARNISH_PURGE_URLS": proxy_base}
    with Server([str(ROOT / "scripts" / "start")], server_env, port, workdir / "app.log") as app:
        meter = CpuMeter(app.process.pid, f"{POSTGRES}/postgres", args.database)
        # Anonymous readers at the origin: what the proxy asks for on a miss.
        for page in args.pages:
            check_page(base + urls[page])
            results.append(run_wrk(args, meter, base + urls[page], page, "origin"))
        # Readers the proxy cannot share: signed in (feeds: their readers never sign in).
        signed_in = [f"Cookie: sessionid={session}"]
        for page in args.pages:
            headers = () if page == "feed" else signed_in
            state = "origin, 1" if page == "feed" else "signed in, 1"
            check_page(base + urls[page], dict(h.split(": ", 1) for h in headers))
            results.append(run_wrk(args, meter, base + urls[page], page, state, 1, headers=headers))
        proxy_dir = workdir / "proxy"
        command = varnish_command(port=proxy_port, backend_port=port, workdir=proxy_dir)
        with Server(command, env, proxy_port, workdir / "proxy.log") as proxy:
            meter = CpuMeter(proxy.process.pid, f"{POSTGRES}/postgres", args.database)
            for page in args.pages:
                x_cache, body = check_page(proxy_base + urls[page])
                static = keep_as_file(proxy_dir, page.replace(" ", "-"), body)
                results.append(
                    run_wrk(
                        args, meter, proxy_base + static, page, "proxy, file", accept_encoding=""
                    )
                )
                hit = run_wrk(
                    args, meter, proxy_base + urls[page], page, "proxy, HIT", accept_encoding=""
                )
                hit.hit = x_cache == "HIT" and check_page(proxy_base + urls[page])[0] == "HIT"
                results.append(hit)
    return results


# Report --------------------------------------------------------------------------------------


def machine():
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    model = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return f"{cores} cores (nproc), {model}"


def target(result, ceiling, file_row):
    """Return the target a result is held to, met or not, as a table cell."""
    if result.cache in ("–", "origin", "proxy, file"):
        return "ceiling" if result.cache == "–" else "–"
    if result.cache == "proxy, HIT":
        goal = f"≥ {HIT_TARGET:.0%} of the file"
        met = result.requests_per_second >= HIT_TARGET * file_row.requests_per_second
        if result.hit is False:
            return f"✗ {goal} (not a HIT!)"
    else:
        limit = SIGNED_IN_P50_TARGETS_MS.get(result.page, LIST_P50_TARGET_MS)
        goal, met = f"p50 ≤ {limit} ms", result.p50_ms <= limit
    if not result.requests:
        return f"✗ {goal}: no response within {WRK_TIMEOUT}"
    if result.errors:
        return f"✗ {goal}, {result.errors} errors"
    return f"{'✓' if met else '✗'} {goal}"


def print_table(args, results, publication):
    ceiling = results[0].requests_per_second
    now = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    print()
    load = ", ".join(f"{n:.1f}" for n in os.getloadavg())
    print(
        f"Measured {now} on {machine()}, PostgreSQL {publication['postgres']}; "
        f"load average {load} at the end."
    )
    print(
        f"Publication: {publication['posts']:,} posts ({publication['published']:,} published), "
        f"{publication['comments']:,} comments. Load: wrk -t{args.threads} "
        f"-c{args.connections} -d{args.duration}s against gunicorn with config/gunicorn.py."
    )
    print()
    print("| page | served | req/s | p50 | p99 | % of ceiling | target | CPU per response |")
    print("|---|---|---:|---:|---:|---:|---|---:|")
    met = total = 0
    files = {r.page: r for r in results if r.cache == "proxy, file"}
    for result in results:
        cell = target(result, ceiling, files.get(result.page))
        if cell.startswith(("✓", "✗")):
            total += 1
            met += cell.startswith("✓")
        share = result.requests_per_second / ceiling
        print(
            f"| {result.page} | {result.cache} | {result.requests_per_second:,.0f} "
            f"| {result.p50_ms:.1f} ms | {result.p99_ms:.1f} ms | {share:.1%} | {cell} "
            f"| {result.app_cpu_ms:.1f} + {result.db_cpu_ms:.1f} ms |"
        )
    print(f"\n{met} of {total} targets met.")
    print(
        "CPU per response: the server's processes (Varnish's, for the proxy rows) + "
        "PostgreSQL's backends, per response; it depends little on other load, unlike req/s "
        "and latency. Proxy rows go out plain, as a file read into VCL cannot hold gzip."
    )


if __name__ == "__main__":
    main()
