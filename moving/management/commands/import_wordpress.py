from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from moving.importer import WordPressImporter
from moving.wxr import WXRError


class Command(BaseCommand):
    help = (
        "Import a WordPress export (WXR): columnists, categories, tags, posts, pages, comments, "
        "pictures from --media-dir, and redirects from the old addresses. Running it again "
        "adds only what is new."
    )

    def add_arguments(self, parser):
        parser.add_argument("export", help="The .xml file from WordPress's Tools → Export.")
        parser.add_argument("--media-dir", help="A copy of the site's wp-content/uploads folder.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Say what would be imported; change nothing."
        )

    def handle(self, *args, export, media_dir, dry_run, verbosity, **options):
        if not Path(export).is_file():
            raise CommandError(f"{export}: no such file.")
        if media_dir and not Path(media_dir).is_dir():
            raise CommandError(f"{media_dir}: no such folder.")

        def log(message):
            if verbosity >= 1:
                self.stdout.write(message)

        importer = WordPressImporter(export, media_dir=media_dir, dry_run=dry_run, log=log)
        try:
            report = importer.run()
        except WXRError as exc:
            raise CommandError(f"{export} was refused: {exc} Nothing was imported.") from exc
        if dry_run:
            log("Dry run: nothing was saved. This is what the import would do:")
        for line in report.lines():
            log(line)
