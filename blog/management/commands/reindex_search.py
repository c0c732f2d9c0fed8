from django.core.management.base import BaseCommand

from blog.search import reindex_posts


class Command(BaseCommand):
    help = (
        "Rebuild the text search reads for every post: the body as plain text, the "
        "columnist's name and the tags. Run it after renaming a columnist or a tag."
    )

    def handle(self, *args, **options):
        count = reindex_posts()
        self.stdout.write(self.style.SUCCESS(f"Reindexed {count} post(s) for search."))
