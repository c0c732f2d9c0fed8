from django.apps import AppConfig


class BlogConfig(AppConfig):
    name = "blog"
    verbose_name = "Blog"

    def ready(self):
        from edge.state import register_next_change

        from .models import Post

        # Cached pages and fragments must change by themselves when a scheduled post's time comes.
        register_next_change(Post.objects.next_publication_timestamp)
