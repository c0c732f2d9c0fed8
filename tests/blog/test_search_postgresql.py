import pytest
from django.contrib.postgres.search import SearchQuery
from django.db import connection

from blog import search as search_module
from blog.models import SEARCH_CONFIG, Post
from blog.search import reindex_posts
from tests.blog.searching import assert_only_marks, days_ago, found, postgresql_only, search
from tests.factories import PostFactory

pytestmark = pytest.mark.django_db


@postgresql_only
class TestFullText:
    def test_a_title_match_ranks_above_a_body_match(self, client, author):
        PostFactory(
            title="Notes from the floor", author=author, published_at=days_ago(1),
            body="<p>Why the escalation matrix fails.</p>",
        )  # fmt: skip
        PostFactory(title="The escalation matrix", author=author, published_at=days_ago(30))

        assert found(search(client, "escalation")) == [
            "The escalation matrix",
            "Notes from the floor",
        ]

    def test_stemming_finds_other_forms_of_a_word(self, client, author):
        PostFactory(title="Problem management", author=author, body="<p>Root causes.</p>")

        assert found(search(client, "managing problems")) == ["Problem management"]

    def test_tag_names_and_author_names_match(self, client, author, other_author):
        PostFactory(title="First", author=author, tags=["kanban"], published_at=days_ago(2))
        PostFactory(title="Second", author=other_author, published_at=days_ago(1))
        reindex_posts()

        assert found(search(client, "kanban")) == ["First"]
        assert found(search(client, "olu")) == ["Second"]

    def test_phrases_and_excluded_words_follow_web_search_syntax(self, client, author):
        PostFactory(title="Cloud service desks", author=author, published_at=days_ago(2))
        PostFactory(title="Service desk staffing", author=author, published_at=days_ago(1))

        assert found(search(client, "desk -cloud")) == ["Service desk staffing"]
        assert found(search(client, '"desk staffing"')) == ["Service desk staffing"]
        assert found(search(client, "cloud or staffing")) == [
            "Service desk staffing",
            "Cloud service desks",
        ]

    def test_the_snippet_marks_matches_in_plain_text(self, client, author):
        PostFactory(
            title="On escalation", author=author,
            body="<p>Intro.</p><p>Never run <script>alert(1)</script> nor trust <b>bold</b> "
            "claims: escalation needs &lt;script&gt; tags escaped.</p>",
        )  # fmt: skip

        response = search(client, "escalation")

        post = response.context["page_obj"].object_list[0]
        assert post.search_title == "On <mark>escalation</mark>"
        assert "<mark>escalation</mark>" in post.search_snippet
        assert_only_marks(post.search_snippet)
        assert "trust bold claims" in post.search_snippet
        assert "<mark>escalation</mark>" in response.text
        assert "alert(1)" not in response.text

    def test_saving_a_post_stores_its_weighted_vector(self, author):
        post = PostFactory(title="Escalation", excerpt="Matrix", author=author)
        post.refresh_from_db()
        assert "'escal':1A" in post.search_vector
        assert "'matrix':2B" in post.search_vector

        post.title = "Queues"
        post.save(update_fields=["title"])

        post.refresh_from_db()
        assert "'queue':1A" in post.search_vector and "escal" not in post.search_vector

    def test_the_search_goes_through_the_gin_index(self, author):
        PostFactory(title="Indexed", author=author)
        query = SearchQuery("indexed", search_type="websearch", config=SEARCH_CONFIG)
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")

        plan = Post.objects.filter(search_vector=query).explain()

        assert "post_search" in plan

    def test_within_the_limit_the_best_matches_come_first(self, client, monkeypatch, author):
        monkeypatch.setattr(search_module, "MAX_RESULTS", 2)
        PostFactory(title="Escalation, the old guide", author=author, published_at=days_ago(9))
        PostFactory(
            title="Floor notes", author=author, published_at=days_ago(1),
            body="<p>Why escalation fails.</p>",
        )  # fmt: skip
        PostFactory(title="The escalation matrix", author=author, published_at=days_ago(2))

        response = search(client, "escalation")

        # The two newest matches, the title match first; the older title match is left out.
        assert found(response) == ["The escalation matrix", "Floor notes"]
        assert "More than 2 columns found, so here are the newest 2, best matches first" in (
            response.text
        )

    def test_common_and_rare_words_alike_find_the_newest_matches(self, client, monkeypatch, author):
        monkeypatch.setattr(search_module, "MAX_RESULTS", 2)
        monkeypatch.setattr(search_module, "SAMPLE_SIZE", 4)
        for n in range(8):
            kanban = "<p>kanban</p>" if n >= 5 else ""  # only in the three oldest
            PostFactory(
                title=f"Queue note {n}", author=author, published_at=days_ago(n + 1),
                body=f"<p>The queue again.</p>{kanban}",
            )  # fmt: skip

        # In every post: read from the newest back. In none of the newest: found by the index.
        assert found(search(client, "queue")) == ["Queue note 0", "Queue note 1"]
        assert found(search(client, "kanban")) == ["Queue note 5", "Queue note 6"]

    def test_the_snippet_shows_a_match_deep_in_a_long_body_in_whole_words(
        self, client, monkeypatch, author
    ):
        # A stretch so short that the headline reaches both its ends, which fall inside words:
        # 20 characters before the match start in "qu|antities", the 60th in "quantit|ies".
        monkeypatch.setattr(search_module, "PASSAGE_LEAD", 20)
        monkeypatch.setattr(search_module, "PASSAGE_LENGTH", 60)
        filler = "quantities " * 300
        PostFactory(title="Long read", author=author, body=f"<p>{filler}escalation {filler}</p>")

        post = search(client, "escalation").context["page_obj"].object_list[0]

        assert post.search_snippet == "… quantities <mark>escalation</mark> quantities quantities"

    def test_the_snippet_of_a_match_in_the_first_words_starts_with_the_body(self, client, author):
        PostFactory(title="Short", author=author, body="<p>Escalations follow the money.</p>")

        post = search(client, "escalation").context["page_obj"].object_list[0]

        assert post.search_snippet.startswith("<mark>Escalations</mark> follow the money")
