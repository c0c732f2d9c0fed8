"""Measure Masthead's public pages on a large publication, against a bare WSGI app as ceiling.

Run from anywhere: `.venv/bin/python bench/run.py` (see bench/README.md). It creates and
migrates the PostgreSQL database, loads a generated publication unless it is there already,
then for each page runs wrk against the production server (scripts/start: gunicorn with
config/gunicorn.py) with the page cache off ("cold") and on ("warm"), and prints a Markdown
table with the targets checked. `--queries` counts each page's SQL queries instead.
"""

import argparse
import datetime
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV_PYTHON = ROOT / ".venv" / "bin" / "python"
PYTHON = str(VENV_PYTHON if VENV_PYTHON.exists() else Path(sys.executable))
POSTGRES = "postgres://postgres@127.0.0.1:5432"
REDIS_URL = "redis://127.0.0.1:6379/9"
HOST = "127.0.0.1"
PAGES = ["home", "post", "author", "tag", "search", "feed"]
# Shares of the bare WSGI app's requests per second each page must reach.
WARM_TARGET = 0.60
COLD_POST_TARGET = 0.05
COLD_TARGET = 0.03
SINGLE_P50_TARGET_MS = 15
MAX_QUERIES = 10
STARTUP_SECONDS = 120
# A response slower than this counts as an error rather than a latency.
WRK_TIMEOUT = "10s"


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
    try:
        env = {**os.environ, **app_environment(args, workdir)}
        os.environ.update(env)
        # In-process only: page counts must come from the views, never from a cached page.
        os.environ.update(PAGE_CACHE="false", CACHE_URL="locmemcache://bench")
        ensure_database(args.database)
        setup_django()
        prepare_database(args)
        publication = describe_publication()
        urls = page_urls()
        from django.db import connections

        # Leave the database to the servers being measured.
        connections.close_all()
        if args.queries:
            print_query_counts(args, urls, publication)
        else:
            results = measure(args, env, urls, workdir)
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
        "popular tags) and the next scheduled change, which every page then shares for "
        "minutes."
    )


# Load ----------------------------------------------------------------------------------------


@dataclass
class Result:
    page: str
    cache: str
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    errors: int
    requests: int
    bytes_per_response: int
    hit: bool | None = None
    app_cpu_ms: float = 0.0
    db_cpu_ms: float = 0.0


def measure(args, env, urls, workdir):
    port = args.port or free_port()
    base = f"http://{HOST}:{port}"
    results = []
    print(f"Measuring with wrk -t{args.threads} -c{args.connections} -d{args.duration}s ...")

    bare = [PYTHON, "-m", "gunicorn", "--config", "config/gunicorn.py", "bench.bare_wsgi"]
    with Server(bare, env, port, workdir / "bare.log", ready_path="/") as server:
        meter = CpuMeter(server.process.pid, args.database)
        results.append(run_wrk(args, meter, base + "/", "bare WSGI (ceiling)", "–"))

    for cache_state, page_cache in [("cold", "false"), ("warm", "true")]:
        flush_redis()
        server_env = {**env, "PAGE_CACHE": page_cache}
        log = workdir / f"{cache_state}.log"
        with Server([str(ROOT / "scripts" / "start")], server_env, port, log) as server:
            meter = CpuMeter(server.process.pid, args.database)
            for page in args.pages:
                hit = check_page(base + urls[page])
                result = run_wrk(args, meter, base + urls[page], page, cache_state)
                result.hit = hit
                results.append(result)
            if cache_state == "cold" and "post" in args.pages:
                single = run_wrk(
                    args, meter, base + urls["post"], "post, 1 connection", cache_state, 1
                )
                results.append(single)
    return results


def free_port():
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def flush_redis():
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()


class Server:
    """Run a server in its own process group for the length of a with block."""

    def __init__(self, command, env, port, log, ready_path="/healthz"):
        self.command = command
        self.env = {**env, "HOST": HOST, "PORT": str(port)}
        self.url = f"http://{HOST}:{port}{ready_path}"
        self.log = log

    def __enter__(self):
        self.output = open(self.log, "wb")
        self.process = subprocess.Popen(  # noqa: S603 - our own fixed commands
            self.command,
            cwd=ROOT,
            env=self.env,
            stdout=self.output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self.fail("exited during start-up")
            try:
                with urllib.request.urlopen(self.url, timeout=2) as response:  # noqa: S310
                    if response.status == 200:
                        return self
            except (OSError, urllib.error.URLError):
                pass
            time.sleep(0.5)
        self.fail(f"did not answer {self.url} within {STARTUP_SECONDS} s")

    def fail(self, reason):
        self.stop()
        tail = self.log.read_text(errors="replace")[-3000:]
        sys.exit(f"The server {reason}:\n{tail}")

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.output.close()

    def __exit__(self, *exc_info):
        self.stop()


def check_page(url):
    """Fetch url twice, insisting on 200; say whether the second came from the page cache."""
    for _ in range(2):
        try:
            with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310
                hit = response.headers.get("X-Page-Cache") == "hit"
        except urllib.error.HTTPError as exc:
            sys.exit(f"{url} answered {exc.code}: the benchmark needs every page to answer 200.")
    return hit


WRK_LATENCY = re.compile(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s|m)\s*$", re.MULTILINE)
WRK_RATE = re.compile(r"^Requests/sec:\s+([\d.]+)", re.MULTILINE)
WRK_TOTAL = re.compile(r"(\d+) requests in [\d.]+\w+, ([\d.]+)(B|KB|MB|GB) read")
WRK_NON_2XX = re.compile(r"Non-2xx or 3xx responses: (\d+)")
WRK_SOCKET_ERRORS = re.compile(
    r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)"
)
TO_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}
TO_BYTES = {"B": 1, "KB": 1024, "MB": 1024**2, "GB": 1024**3}


def run_wrk(args, meter, url, page, cache_state, connections=None):
    connections = connections or args.connections
    threads = min(args.threads, connections)
    options = [f"-t{threads}", f"-c{connections}", f"--timeout={WRK_TIMEOUT}"]
    if args.accept_encoding:  # as browsers ask: pages then come gzipped
        options += ["-H", f"Accept-Encoding: {args.accept_encoding}"]
    # Every worker process imports, compiles templates and fills its caches before measuring.
    warm_up = ["wrk", *options, "-d2s", url]
    subprocess.run(warm_up, capture_output=True, check=True, timeout=60)  # noqa: S603
    command = ["wrk", *options, f"-d{args.duration}s", "--latency", url]
    before = meter.sample()
    output = subprocess.run(  # noqa: S603
        command, capture_output=True, text=True, check=True, timeout=args.duration + 60
    ).stdout
    app_seconds, db_seconds = meter.since(before)
    result = parse_wrk(output, page, cache_state)
    if result.requests:
        result.app_cpu_ms = app_seconds * 1000 / result.requests
        result.db_cpu_ms = db_seconds * 1000 / result.requests
    print(
        f"  {page:<20} {cache_state:<5} {result.requests_per_second:8.1f} req/s  "
        f"p50 {result.p50_ms:8.2f} ms  p99 {result.p99_ms:8.2f} ms  "
        f"{result.requests} responses of {result.bytes_per_response / 1000:.0f} kB, "
        f"CPU {result.app_cpu_ms:.2f} + {result.db_cpu_ms:.2f} ms each"
        + (f"  {result.errors} errors" if result.errors else ""),
        flush=True,
    )
    return result


CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid):
    """Return the CPU seconds a process used itself, and those of its children it reaped."""
    try:
        # The fields after the command name, which may itself hold spaces and parentheses.
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return 0.0, 0.0
    own = (int(fields[11]) + int(fields[12])) / CLOCK_TICKS
    reaped = (int(fields[13]) + int(fields[14])) / CLOCK_TICKS
    return own, reaped


def process_group(pgid):
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except (OSError, IndexError):
                continue
            if int(fields[2]) == pgid:
                pids.append(int(entry.name))
    return pids


class CpuMeter:
    """Count the CPU time a server spends, in its own processes and in PostgreSQL's backends.

    Unlike requests per second, CPU time per request hardly moves when other work shares
    the machine, so runs on a busy machine can still be compared.
    """

    def __init__(self, pgid, database):
        self.pgid = pgid
        self.database = database

    def sample(self):
        # Workers that gunicorn replaced (max_requests) count in the master's reaped time.
        app = sum(cpu_seconds(pid)[0] for pid in process_group(self.pgid))
        app += cpu_seconds(self.pgid)[1]
        return app, {pid: cpu_seconds(pid)[0] for pid in self.backends()}

    def since(self, before):
        app_before, db_before = before
        app_after, db_after = self.sample()
        db = sum(seconds - db_before.get(pid, 0.0) for pid, seconds in db_after.items())
        return app_after - app_before, db

    def backends(self):
        import psycopg

        with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as connection:
            rows = connection.execute(
                "SELECT pid FROM pg_stat_activity WHERE datname = %s", [self.database]
            ).fetchall()
        return [pid for (pid,) in rows]


def parse_wrk(output, page, cache_state):
    latencies = {int(q): float(v) * TO_MS[unit] for q, v, unit in WRK_LATENCY.findall(output)}
    rate, total = WRK_RATE.search(output), WRK_TOTAL.search(output)
    if rate is None or total is None or set(latencies) != {50, 99}:
        sys.exit(f"Could not read wrk's output:\n{output}")
    errors = sum(int(n) for n in WRK_NON_2XX.findall(output))
    for match in WRK_SOCKET_ERRORS.findall(output):
        errors += sum(int(n) for n in match)
    requests = int(total[1])
    size = float(total[2]) * TO_BYTES[total[3]] / max(requests, 1)
    return Result(
        page,
        cache_state,
        float(rate[1]),
        latencies[50],
        latencies[99],
        errors,
        requests,
        round(size),
    )


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


def target(result, ceiling):
    """Return the target a result is held to, met or not, as a table cell."""
    if result.cache == "–":
        return "ceiling"
    if result.page == "post, 1 connection":
        goal, met = f"p50 < {SINGLE_P50_TARGET_MS} ms", result.p50_ms < SINGLE_P50_TARGET_MS
    else:
        share = WARM_TARGET
        if result.cache == "cold":
            share = COLD_POST_TARGET if result.page == "post" else COLD_TARGET
        goal = f"≥ {share:.0%}"
        met = result.requests_per_second >= share * ceiling
    if not result.requests:
        return f"✗ {goal}: no response within {WRK_TIMEOUT}"
    if result.errors:
        return f"✗ {goal}, {result.errors} errors"
    if result.cache == "warm" and result.hit is False:
        return f"{'✓' if met else '✗'} {goal} (not served from the page cache!)"
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
    print("| page | cache | req/s | p50 | p99 | % of ceiling | target | CPU per response |")
    print("|---|---|---:|---:|---:|---:|---|---:|")
    met = total = 0
    for result in results:
        cell = target(result, ceiling)
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
        "CPU per response: the server's processes + PostgreSQL's backends, per response; "
        "it depends little on other load, unlike req/s and latency."
    )


if __name__ == "__main__":
    main()
