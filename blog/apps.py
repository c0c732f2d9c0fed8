from django.apps import AppConfig


class BlogConfig(AppConfig):
    name = "blog"
    verbose_name = "Blog"

    def ready(self):
        from authors.models import Author
        from edge.state import register_next_change

        from .models import Post, author_address

        # A columnist's blog is blog's page: blog gives profiles their address, as Django's
        # ABSOLUTE_URL_OVERRIDES would.
        Author.get_absolute_url = author_address

        # Cached pages and fragments must change by themselves when a scheduled post's time comes.
        register_next_change(Post.objects.next_publication_timestamp)
