"""What the public sees of comments: approved ones only, inert, in threads, cheaply."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from comments.models import Comment
from tests.comments.conftest import comment_data
from tests.factories import CommentFactory, PostFactory
from tests.queries import public_list_urls, steady_queries

pytestmark = pytest.mark.django_db

HOSTILE = [
    '<script>alert("x")</script>',
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">click</a>',
    "&lt;script&gt;alert(2)&lt;/script&gt; &amp;amp;",
    "<iframe src='https://evil.example'></iframe>",
    "A" * 3000,
    "\u202eevil\u202c and javascript:alert(3)",
]


@pytest.mark.parametrize("status", ["pending", "rejected", "spam"])
def test_undecided_and_refused_comments_are_on_no_public_page(client, post, status):
    CommentFactory(post=post, status=status, body=f"A {status} comment")

    page = client.get(post.get_absolute_url())
    home = client.get(reverse("blog:index"))

    assert f"A {status} comment" not in page.text
    assert "No comments yet." in page.text
    assert "1 comment" not in home.text


def test_approved_comments_show_oldest_first_with_name_place_and_date(client, post):
    CommentFactory(post=post, name="First Reader", location="Leeds", body="Early words")
    CommentFactory(post=post, name="Second Reader", location="", body="Later words")

    response = client.get(post.get_absolute_url())

    content = response.text
    assert "2 comments" in content
    assert content.index("Early words") < content.index("Later words")
    assert 'First Reader</span> <span class="comment__location">(Leeds)</span>' in content
    assert "(Leeds)" in content
    assert '<time class="comment__date"' in content


def test_replies_sit_one_level_under_the_comment_they_answer(client, post):
    parent = CommentFactory(post=post, body="The question")
    CommentFactory(post=post, parent=parent, body="The answer")

    content = client.get(post.get_absolute_url()).text

    replies_start = content.index("comment-list--replies")
    assert content.index("The question") < replies_start < content.index("The answer")


@pytest.mark.parametrize("refusal", ["rejected", "spam", "pending"])
def test_a_reply_whose_comment_is_withdrawn_later_stands_as_a_thread_of_its_own(
    client, post, settings, refusal
):
    settings.COMMENTS_PER_PAGE = 2
    CommentFactory(post=post, body="The first thread.")
    parent = CommentFactory(post=post, body="A question later refused.")
    CommentFactory(post=post, parent=parent, body="An answer worth keeping.")
    parent.status = refusal
    parent.save()

    content = client.get(post.get_absolute_url()).text

    assert "A question later refused." not in content
    assert "2 comments" in content and "Comments page" not in content
    assert content.index("The first thread.") < content.index("An answer worth keeping.")
    assert "comment-list--replies" not in content


def test_a_reply_to_a_reply_that_stands_alone_answers_it(client, post):
    parent = CommentFactory(post=post, body="A question later refused.")
    alone = CommentFactory(post=post, parent=parent, body="An answer worth keeping.")
    parent.status = "rejected"
    parent.save()

    client.post(
        reverse("comments:post", kwargs={"pk": post.pk}),
        comment_data(email="later@example.com", parent=alone.pk, body="Answering the answer."),
    )

    assert Comment.objects.get(email="later@example.com").parent == alone


def thread_with_replies(post, count):
    start = timezone.now() - datetime.timedelta(days=1)
    thread = CommentFactory(post=post, name="Opening Reader", body="What did it cost?",
                            created_at=start)  # fmt: skip
    Comment.objects.bulk_create(
        [Comment(post=post, parent=thread, name=f"Replier {n}", email=f"p{n}@example.com",
                 body=f"Reply {n}.", status="approved",
                 created_at=start + datetime.timedelta(minutes=n + 1)) for n in range(count)]
    )  # fmt: skip
    return thread


def test_a_thread_shows_its_first_replies_and_links_to_the_rest(client, post, settings):
    settings.REPLIES_PER_THREAD = 3
    thread = thread_with_replies(post, 5)
    thread_url = reverse("comments:thread", kwargs={"pk": post.pk, "thread": thread.pk})

    page = client.get(post.get_absolute_url()).text

    assert "6 comments" in page
    assert "Reply 2." in page and "Reply 3." not in page
    # The link lands on the first reply the post's page left out, not on those it showed.
    first_unseen = thread.replies.get(name="Replier 3")
    link = f"{thread_url}#comment-{first_unseen.pk}"
    assert f'<a href="{link}">2 more replies<span class="visually-hidden"> to Opening' in page
    assert f'id="comment-{first_unseen.pk}"' in client.get(thread_url).text


@pytest.mark.parametrize(("shown", "per_page", "link_page"), [(0, 50, ""), (4, 2, "?page=3")])
def test_the_link_to_the_rest_of_a_thread_finds_the_first_reply_left_out(
    client, post, settings, shown, per_page, link_page
):
    settings.REPLIES_PER_THREAD = shown
    settings.COMMENTS_PER_PAGE = per_page
    thread = thread_with_replies(post, 6)
    first_unseen = thread.replies.get(name=f"Replier {shown}")
    thread_url = reverse("comments:thread", kwargs={"pk": post.pk, "thread": thread.pk})

    page = client.get(post.get_absolute_url()).text

    link = f"{thread_url}{link_page}#comment-{first_unseen.pk}"
    assert f'<a href="{link}">{6 - shown} more replies<span' in page
    assert f'id="comment-{first_unseen.pk}"' in client.get(link).text


def test_a_threads_own_page_lists_every_reply_a_page_at_a_time(client, post, settings):
    settings.COMMENTS_PER_PAGE = 2
    thread = thread_with_replies(post, 5)
    thread_url = reverse("comments:thread", kwargs={"pk": post.pk, "thread": thread.pk})

    first = client.get(thread_url)
    last = client.get(thread_url, {"page": 3}).text

    assert first.status_code == 200
    assert ">Replies to Opening Reader</h1>" in first.text
    assert first.text.index("What did it cost?") < first.text.index("Reply 0.")
    assert "Reply 1." in first.text and "Reply 2." not in first.text
    assert 'href="?page=2" rel="next">Later replies' in first.text
    back = post.get_absolute_url()  # the thread is on the discussion's first page
    assert f'href="{back}#comment-{thread.pk}"' in first.text
    assert f'href="{back}?reply={thread.pk}#comment-form">Reply to Opening Reader' in first.text
    assert "Reply 4." in last and 'rel="next"' not in last
    assert client.get(thread_url, {"page": 4}).status_code == 404


def test_a_thread_page_exists_only_for_a_public_comment_that_begins_a_thread(client, post):
    thread = thread_with_replies(post, 1)
    reply = thread.replies.get()
    waiting = CommentFactory(post=post, status="pending")
    elsewhere = PostFactory(author=post.author)

    def status(post_pk, comment_pk):
        url = reverse("comments:thread", kwargs={"pk": post_pk, "thread": comment_pk})
        return client.get(url).status_code

    assert status(post.pk, thread.pk) == 200
    assert status(post.pk, reply.pk) == 404
    assert status(post.pk, waiting.pk) == 404
    assert status(elsewhere.pk, thread.pk) == 404


def test_a_readers_own_reply_awaiting_moderation_shows_however_long_the_thread(
    client, post, settings
):
    settings.REPLIES_PER_THREAD = 2
    thread = thread_with_replies(post, 4)

    response = client.post(
        reverse("comments:post", kwargs={"pk": post.pk}),
        comment_data(parent=thread.pk, body="My late answer."),
    )

    page = client.get(response["Location"]).text
    assert "My late answer." in page and "Awaiting moderation" in page
    # The approved replies shown and counted as if the reader's own were not there.
    assert "Reply 1." in page and "Reply 2." not in page
    assert "2 more replies" in page


def test_urls_become_links_readers_trust_less(client, post):
    CommentFactory(post=post, body="Read https://example.org/guide first.")

    content = client.get(post.get_absolute_url()).text

    assert '<a href="https://example.org/guide" rel="nofollow ugc">' in content


@pytest.mark.parametrize("field", ["name", "location", "body"])
def test_hostile_text_renders_inert(client, post, field):
    for text in HOSTILE:
        CommentFactory(post=post, **{field: text[:80] if field != "body" else text})

    content = client.get(post.get_absolute_url()).text

    comments = content[content.index('id="comments"') :]
    assert "<script" not in comments
    assert "<img" not in comments
    assert "<iframe" not in comments
    assert 'href="javascript:' not in comments
    assert "onerror=" not in comments.replace("onerror=&quot;", "")
    assert "&amp;lt;script&amp;gt;" in comments or field != "body"


def test_a_ten_thousand_character_comment_renders_in_full_and_escaped(client, post):
    body = ("<b>" + "x" * 9990)[:10000]
    CommentFactory(post=post, body=body)

    content = client.get(post.get_absolute_url()).text

    assert "&lt;b&gt;" + "x" * 9990 in content


def test_every_list_of_cards_shows_each_posts_approved_comments(client, post):
    post.tags.add("itil")
    post.is_featured = True
    post.save()
    other = PostFactory(author=post.author, category=post.category, tags=["itil"])
    CommentFactory.create_batch(3, post=post)
    CommentFactory(post=post, status="pending")
    CommentFactory(post=post, status="spam")
    CommentFactory(post=other)
    lists = [*public_list_urls(post), f"{reverse('blog:search')}?q=Monday"]

    for url in lists:
        content = client.get(url).text
        assert f'{post.get_absolute_url()}#comments">3 comments</a>' in content, url
        assert f'{other.get_absolute_url()}#comments">1 comment</a>' in content, url


def count(client, url):
    return steady_queries(client, [url])[url]


def test_a_post_with_500_comments_costs_the_queries_of_one_with_5(
    client, post, django_assert_max_num_queries
):
    other = PostFactory(author=post.author)
    CommentFactory.create_batch(5, post=post)
    Comment.objects.bulk_create(
        [Comment(post=other, name=f"R{n}", email=f"r{n}@example.com", body="Hi",
                 status="approved") for n in range(500)]
    )  # fmt: skip

    small = count(client, post.get_absolute_url())
    large = count(client, other.get_absolute_url())

    assert large == small
    with django_assert_max_num_queries(10):
        page = client.get(other.get_absolute_url())
    assert "500 comments" in page.text
    assert page.text.count('class="comment"') == 50
    assert "Comments page 1 of 10" in page.text


def approved_threads(post, count):
    start = timezone.now() - datetime.timedelta(days=1)
    return Comment.objects.bulk_create(
        [Comment(post=post, name=f"Reader {n}", email=f"r{n}@example.com", body=f"Thread {n}.",
                 status="approved", created_at=start + datetime.timedelta(minutes=n))
         for n in range(count)]
    )  # fmt: skip


def test_a_long_discussion_comes_a_page_of_threads_at_a_time(client, post, settings):
    settings.COMMENTS_PER_PAGE = 50
    threads = approved_threads(post, 120)
    CommentFactory(post=post, parent=threads[60], body="A reply on page two.")
    url = post.get_absolute_url()

    first = client.get(url).text
    second = client.get(f"{url}?comments=2").text
    last = client.get(f"{url}?comments=3").text

    assert "121 comments" in first  # the heading counts the whole discussion
    assert "Thread 0." in first and "Thread 49." in first and "Thread 50." not in first
    assert "Comments page 1 of 3" in first
    assert 'href="?comments=2#comments" rel="next"' in first
    assert "Thread 50." in second and "Thread 99." in second
    assert second.index("Thread 60.") < second.index("A reply on page two.")
    assert f'href="{url}#comments" rel="prev"' in second  # page one is the post's own address
    assert "Thread 119." in last and "Thread 100." in last and 'rel="next"' not in last
    assert 'rel="canonical" href="http://testserver' + url + '"' in second


def test_a_page_of_comments_past_the_end_shows_the_last(client, post, settings):
    settings.COMMENTS_PER_PAGE = 10
    approved_threads(post, 15)

    content = client.get(f"{post.get_absolute_url()}?comments=9").text

    assert "Comments page 2 of 2" in content and "Thread 14." in content


def test_a_new_comment_is_shown_to_its_writer_on_the_last_page(client, post, settings):
    settings.COMMENTS_PER_PAGE = 10
    approved_threads(post, 25)

    response = client.post(
        reverse("comments:post", kwargs={"pk": post.pk}),
        comment_data(email="late@example.com", body="Joining the discussion late."),
    )

    comment = Comment.objects.get(email="late@example.com")
    assert response["Location"] == f"{post.get_absolute_url()}?comments=3#comment-{comment.pk}"
    page = client.get(response["Location"]).text
    assert "Joining the discussion late." in page and "Thread 24." in page
    assert "Joining the discussion late." not in client.get(post.get_absolute_url()).text


def test_list_page_queries_do_not_grow_with_comments(client, post):
    home = reverse("blog:index")
    CommentFactory(post=post)
    few = count(client, home)
    for _ in range(5):
        CommentFactory.create_batch(3, post=PostFactory(author=post.author))

    assert count(client, home) == few


@pytest.mark.parametrize(
    ("asked", "shown"), [("²", 1), ("x", 1), ("0", 1), ("99999999999999999999", 2)]
)
def test_an_odd_page_of_comments_shows_the_first_or_the_last(client, post, settings, asked, shown):
    settings.COMMENTS_PER_PAGE = 10
    approved_threads(post, 15)

    response = client.get(post.get_absolute_url(), {"comments": asked})

    assert response.status_code == 200
    assert f"Comments page {shown} of 2" in response.text
