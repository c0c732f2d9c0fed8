"""Measure importing a large WordPress export: its time, and the importer's peak memory.

Run from anywhere: `.venv/bin/python bench/wordpress_import.py`. It writes a WXR 1.2 file of
20,000 posts and 200,000 comments (threaded, in every state, replies to replies among them)
as WordPress's Tools → Export writes one, creates the PostgreSQL database afresh, migrates
it, runs `manage.py import_wordpress` on the file (then once more, which must add nothing)
and prints a Markdown table: the file's size, each run's wall time and peak resident memory.
"""

import argparse
import os
import random
import resource
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from itertools import accumulate
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
POSTGRES = "postgres://postgres@127.0.0.1:5432"
SITE = "https://old.example.com"
WORDS = (
    "service desk change incident problem release capacity availability continuity supplier "
    "catalogue request knowledge people process practice value stream customer experience "
    "metric target review board risk owner budget contract escalation priority queue shift "
    "morning tooling automation survey feedback culture standard audit"
).split()
STATUSES = ["publish"] * 94 + ["draft"] * 3 + ["future", "pending", "private"]
COMMENT_STATES = ["1"] * 85 + ["0"] * 5 + ["spam"] * 6 + ["trash"] * 4


def cdata(value) -> str:
    return f"<![CDATA[{value}]]>"


def sentence(rng, words=14) -> str:
    text = " ".join(rng.choices(WORDS, k=words))
    return text[0].upper() + text[1:] + "."


def body(rng) -> str:
    """Return a body as WordPress stores it: blocks, a caption, bare paragraphs, an embed."""
    parts = []
    for _ in range(rng.randint(4, 8)):
        paragraph = " ".join(sentence(rng) for _ in range(rng.randint(3, 6)))
        parts.append(f"<!-- wp:paragraph -->\n<p>{paragraph}</p>\n<!-- /wp:paragraph -->")
    if rng.random() < 0.3:
        parts.append(
            '[caption id="attachment_1" width="800"]<img src="'
            f'{SITE}/wp-content/uploads/2019/03/desk.jpg" alt="A desk" /> The desk[/caption]'
        )
    if rng.random() < 0.05:
        parts.append("https://www.youtube.com/watch?v=dQw4w9WgXcQ")
    parts.append(sentence(rng) + "\n" + sentence(rng))
    return "\n\n".join(parts)


def comments(rng, post_id, count, first_id) -> str:
    out = []
    ids = []
    for number in range(count):
        comment_id = first_id + number
        parent = rng.choice(ids) if ids and rng.random() < 0.2 else 0
        ids.append(comment_id)
        out.append(
            f"<wp:comment><wp:comment_id>{comment_id}</wp:comment_id>"
            f"<wp:comment_author>{cdata(f'Reader {comment_id % 5000}')}</wp:comment_author>"
            f"<wp:comment_author_email>{cdata(f'reader{comment_id % 5000}@example.org')}"
            "</wp:comment_author_email><wp:comment_author_url></wp:comment_author_url>"
            f"<wp:comment_author_IP>{cdata('192.0.2.' + str(comment_id % 250))}"
            "</wp:comment_author_IP>"
            f"<wp:comment_date>{cdata('2024-03-06 09:00:00')}</wp:comment_date>"
            f"<wp:comment_date_gmt>{cdata('2024-03-06 09:00:00')}</wp:comment_date_gmt>"
            f"<wp:comment_content>{cdata(sentence(rng, rng.randint(8, 40)))}</wp:comment_content>"
            f"<wp:comment_approved>{cdata(rng.choice(COMMENT_STATES))}</wp:comment_approved>"
            f"<wp:comment_type>{cdata('comment')}</wp:comment_type>"
            f"<wp:comment_parent>{parent}</wp:comment_parent>"
            "<wp:comment_user_id>0</wp:comment_user_id></wp:comment>"
        )
    return "".join(out)


def write_export(path: Path, *, posts: int, comment_count: int, seed: int = 20) -> None:
    """Write a WXR 1.2 export of posts posts sharing comment_count comments."""
    rng = random.Random(seed)  # noqa: S311 (a reproducible file, no secret)
    authors = [f"columnist{n}" for n in range(50)]
    categories = [f"section-{n}" for n in range(8)]
    tags = [f"topic-{n}" for n in range(500)]
    with path.open("w", encoding="utf-8") as out:
        out.write(
            '<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0" '
            'xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
            'xmlns:wfw="http://wellformedweb.org/CommentAPI/" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n'
            f"<title>Old Review</title><link>{SITE}</link>\n"
            "<wp:wxr_version>1.2</wp:wxr_version>\n"
            f"<wp:base_site_url>{SITE}</wp:base_site_url>"
            f"<wp:base_blog_url>{SITE}</wp:base_blog_url>\n"
        )
        for number, login in enumerate(authors, start=1):
            out.write(
                f"<wp:author><wp:author_id>{number}</wp:author_id>"
                f"<wp:author_login>{cdata(login)}</wp:author_login>"
                f"<wp:author_email>{cdata(login + '@example.com')}</wp:author_email>"
                f"<wp:author_display_name>{cdata(f'Columnist {number}')}"
                "</wp:author_display_name></wp:author>\n"
            )
        for number, slug in enumerate(categories, start=1):
            out.write(
                f"<wp:category><wp:term_id>{number}</wp:term_id><wp:category_nicename>{slug}"
                f"</wp:category_nicename><wp:cat_name>{cdata(slug.title())}</wp:cat_name>"
                "</wp:category>\n"
            )
        next_comment = 1
        per_post = [0] * posts
        # A few popular posts draw many comments; most draw some.
        weights = list(accumulate(min(rng.paretovariate(1.2), 40) for _ in range(posts)))
        for index in rng.choices(range(posts), cum_weights=weights, k=comment_count):
            per_post[index] += 1
        for index in range(posts):
            post_id = index + 1
            status = rng.choice(STATUSES)
            year = 2026 if status == "future" else 2019 + index * 7 // posts
            month = 12 if status == "future" else rng.randint(1, 12)
            date = f"{year}-{month:02d}-{rng.randint(1, 28):02d} {rng.randint(7, 18):02d}:00:00"
            slug = f"column-{post_id}"
            terms = f'<category domain="category" nicename="{rng.choice(categories)}">x</category>'
            terms += "".join(
                f'<category domain="post_tag" nicename="{tag}">{cdata(tag)}</category>'
                for tag in rng.sample(tags, 3)
            )
            out.write(
                f"<item><title>Column {post_id}</title>"
                f"<link>{SITE}/{date[:4]}/{date[5:7]}/{slug}/</link>"
                f"<dc:creator>{cdata(rng.choice(authors))}</dc:creator>"
                f'<guid isPermaLink="false">{SITE}/?p={post_id}</guid>'
                f"<content:encoded>{cdata(body(rng))}</content:encoded>"
                f"<excerpt:encoded>{cdata('')}</excerpt:encoded>"
                f"<wp:post_id>{post_id}</wp:post_id><wp:post_date>{cdata(date)}</wp:post_date>"
                f"<wp:post_date_gmt>{cdata(date)}</wp:post_date_gmt>"
                f"<wp:comment_status>open</wp:comment_status><wp:post_name>{slug}</wp:post_name>"
                f"<wp:status>{status}</wp:status><wp:post_parent>0</wp:post_parent>"
                f"<wp:post_type>post</wp:post_type><wp:is_sticky>{int(rng.random() < 0.001)}"
                f"</wp:is_sticky>{terms}"
                f"{comments(rng, post_id, per_post[index], next_comment)}</item>\n"
            )
            next_comment += per_post[index]
        out.write("</channel>\n</rss>\n")


def run_measured(command, env) -> tuple[float, float]:
    """Run command; return its wall time in seconds and its peak resident memory in MB."""
    started = time.monotonic()
    process = subprocess.Popen(command, env=env, cwd=ROOT)  # noqa: S603
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        sys.exit(f"{' '.join(command)} failed ({process.returncode}).")
    return time.monotonic() - started, usage.ru_maxrss / 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=20_000)
    parser.add_argument("--comments", type=int, default=200_000)
    parser.add_argument("--database", default="masthead_h6_bench")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="masthead-wxr-"))
    export = workdir / "export.xml"
    write_export(export, posts=args.posts, comment_count=args.comments)
    size_mb = export.stat().st_size / 1_000_000
    env = {
        **os.environ,
        "DATABASE_URL": f"{POSTGRES}/{args.database}",
        "CACHE_URL": "redis://127.0.0.1:6379/10",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "EMAIL_URL": "consolemail://",
    }
    for statement in (
        f"DROP DATABASE IF EXISTS {args.database}",
        f"CREATE DATABASE {args.database}",
    ):
        subprocess.run(  # noqa: S603
            ["psql", f"{POSTGRES}/postgres", "-qc", statement],  # noqa: S607
            env=env, check=True,
        )  # fmt: skip
    subprocess.run([PYTHON, "manage.py", "migrate", "-v0"], env=env, cwd=ROOT, check=True)  # noqa: S603
    command = [PYTHON, "manage.py", "import_wordpress", str(export), "-v1"]
    first = run_measured(command, env)
    second = run_measured(command, env)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\nExport: {args.posts:,} posts, {args.comments:,} comments, {size_mb:.0f} MB")
    print("\n| run | time | peak memory |\n| --- | --- | --- |")
    print(f"| first import | {first[0]:.0f} s | {first[1]:.0f} MB |")
    print(f"| second run (adds nothing) | {second[0]:.0f} s | {second[1]:.0f} MB |")
    print(f"\n(the generator itself peaked at {peak:.0f} MB)")
    shutil.rmtree(workdir)


if __name__ == "__main__":
    main()
