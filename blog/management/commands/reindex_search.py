from django.core.management.base import BaseCommand

from blog.models import Post
from blog.search import reindex_posts
from ops.progress import progress


class Command(BaseCommand):
    help = (
        "Rebuild the text search reads for every post: the body as plain text, the "
        "columnist's name and the tags. Run it after renaming a columnist or a tag."
    )

    def handle(self, *args, **options):
        with progress(
            total=Post.objects.count(),
            desc="Reindexing",
            unit="post",
            verbosity=options["verbosity"],
        ) as bar:
            count = reindex_posts(on_batch=bar.update)
        self.stdout.write(self.style.SUCCESS(f"Reindexed {count} post(s) for search."))
