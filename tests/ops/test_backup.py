"""scripts/backup and scripts/restore, tried: back up, wipe, restore, and everything is back."""

import json
import shutil
import subprocess

import psycopg

from tests.ops.servers import POSTGRES_BIN, PRODUCTION_ENV, ROOT, environment, manage

PUBLICATION = """
from django.core.files.uploadedfile import SimpleUploadedFile
from blog.models import Attachment, PostImage
from tests.blog.uploads import pdf_bytes, picture
from tests.factories import CommentFactory, PostFactory
post = PostFactory(title="Kept safe", featured_image=picture("cover.jpg"))
PostImage.objects.create(post=post, image=picture("inside.png", kind="PNG"), alt="A chart")
Attachment.objects.create(
    post=post, title="Checklist", file=SimpleUploadedFile("checklist.pdf", pdf_bytes())
)
CommentFactory(post=post, body="A reader's thought")
"""

INVENTORY = """
import hashlib, json
from pathlib import Path
from django.conf import settings
from blog.models import Attachment, Post, PostImage
from comments.models import Comment

def files(root):
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(Path(root).rglob("*")) if path.is_file()
    }

post = Post.objects.get(title="Kept safe")
named = [post.featured_image.name, PostImage.objects.get(post=post).image.name]
print(json.dumps({
    "posts": Post.objects.count(),
    "comments": list(Comment.objects.values_list("body", flat=True)),
    "attachments": list(Attachment.objects.values_list("title", "file")),
    "media": files(settings.MEDIA_ROOT),
    "private": files(settings.PRIVATE_MEDIA_ROOT),
    "named": named,
}))
"""


def run(script, *args, env):
    path = {"PATH": f"{POSTGRES_BIN}:{environment()['PATH']}"}
    result = subprocess.run(
        [ROOT / "scripts" / script, *args],
        cwd=ROOT, env=environment(**env, **path), capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return result.stdout


def inventory(env):
    result = manage("shell", "--no-imports", "-c", INVENTORY, env=env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


def test_a_backup_restored_into_an_empty_database_brings_back_posts_comments_and_files(
    private_postgres, tmp_path
):
    env = {
        **PRODUCTION_ENV,
        "DATABASE_URL": private_postgres.url,
        "MEDIA_ROOT": str(tmp_path / "media"),
        "PRIVATE_MEDIA_ROOT": str(tmp_path / "private"),
    }
    assert manage("migrate", "--noinput", "-v0", env=env).returncode == 0
    seeded = manage("shell", "--no-imports", "-c", PUBLICATION, env=env)
    assert seeded.returncode == 0, seeded.stderr
    before = inventory(env)
    # The pictures' originals and the attachment in private media, the renditions public.
    attachments = {file for _, file in before["attachments"]}
    assert set(before["private"]) == set(before["named"]) | attachments
    assert len(before["media"]) > 10
    assert all(name.startswith("renditions/") for name in before["media"])

    run("backup", str(tmp_path / "backup"), env=env)
    # Everything gone: a new, empty database and no files.
    with psycopg.connect(private_postgres.url, autocommit=True) as connection:
        connection.execute("DROP SCHEMA public CASCADE")
        connection.execute("CREATE SCHEMA public")
    shutil.rmtree(tmp_path / "media")
    shutil.rmtree(tmp_path / "private")
    run("restore", str(tmp_path / "backup"), env=env)

    after = inventory(env)
    assert after == before
    assert after["comments"] == ["A reader's thought"]
