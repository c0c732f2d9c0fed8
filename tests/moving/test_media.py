"""Pictures and files come from a copy of wp-content/uploads; missing ones are only reported."""

import datetime
import io

import pytest
import time_machine
from PIL import Image

from blog.models import Attachment, Post, PostImage
from tests.moving import wxr
from tests.moving.test_import import run_import

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 12, 6, 12, 0, tzinfo=datetime.UTC)
UPLOADS = f"{wxr.SITE}/wp-content/uploads"


def jpeg(path, colour="teal"):
    buffer = io.BytesIO()
    Image.new("RGB", (640, 480), colour).save(buffer, "JPEG")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buffer.getvalue())


@pytest.fixture
def media_dir(tmp_path):
    folder = tmp_path / "uploads"
    jpeg(folder / "2019/03/desk.jpg")
    jpeg(folder / "2019/03/cover.jpg", "orange")
    (folder / "2019/03/checklist.pdf").write_bytes(
        b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    )
    # Beside the folder given, never to be read through it.
    jpeg(tmp_path / "secret.jpg", "red")
    return folder


def media_export():
    body = (
        f'<p>Intro.</p>\n[caption id="attachment_12" width="640"]<img src="{UPLOADS}/2019/03/'
        f'desk-300x225.jpg" alt="The desk" width="300" /> Our desk[/caption]\n\n'
        f'<img src="{UPLOADS}/2019/03/gone.jpg" alt="Gone" />\n\n'
        f'<img src="{UPLOADS}/../secret.jpg" alt="Secret" />\n\nEnd.'
    )
    return wxr.export(
        wxr.author("ada"),
        wxr.item(101, "Desk tour", content=body, meta={"_thumbnail_id": "13"}),
        wxr.item(13, "cover", post_type="attachment", status="inherit", parent=101,
                 attachment_url=f"{UPLOADS}/2019/03/cover.jpg",
                 meta={"_wp_attachment_image_alt": "An orange cover"}),
        wxr.item(14, "Major incident checklist", post_type="attachment", status="inherit",
                 parent=101, attachment_url=f"{UPLOADS}/2019/03/checklist.pdf"),
    )  # fmt: skip


@time_machine.travel(NOW, tick=False)
def test_pictures_found_become_the_posts_own_and_missing_ones_keep_their_link(tmp_path, media_dir):
    output = run_import(tmp_path, media_export(), "--media-dir", str(media_dir))
    post = Post.objects.get(slug="desk-tour")
    picture = PostImage.objects.get(post=post)
    assert (picture.alt, picture.caption) == ("The desk", "Our desk")
    assert picture.renditions
    assert f"<p>[image {picture.pk}]</p>" in post.body
    assert post.featured_image and post.featured_image_alt == "An orange cover"
    assert post.featured_image_renditions
    # The missing picture is reported and keeps its link; the one outside the folder too.
    assert "Missing media (the post keeps its link): 2019/03/gone.jpg" in output
    assert f'src="{UPLOADS}/2019/03/gone.jpg"' in post.body
    assert "Missing media (the post keeps its link): ../secret.jpg" in output
    assert PostImage.objects.count() == 1
    download = Attachment.objects.get(post=post)
    assert download.title == "Major incident checklist"
    assert download.file.read().startswith(b"%PDF")


@time_machine.travel(NOW, tick=False)
def test_without_a_media_folder_the_bodies_keep_their_links(tmp_path):
    run_import(tmp_path, media_export())
    post = Post.objects.get(slug="desk-tour")
    assert f'src="{UPLOADS}/2019/03/desk-300x225.jpg"' in post.body
    assert not PostImage.objects.exists()
    assert not Attachment.objects.exists()


@time_machine.travel(NOW, tick=False)
def test_a_second_run_with_media_adds_no_pictures_or_files(tmp_path, media_dir):
    run_import(tmp_path, media_export(), "--media-dir", str(media_dir))
    output = run_import(tmp_path, media_export(), "--media-dir", str(media_dir))
    assert "Nothing new" in output
    assert PostImage.objects.count() == 1
    assert Attachment.objects.count() == 1
