from django.core.management.base import BaseCommand

from blog.editor_uploads import sweep_unattached
from uploads.kept import sweep_kept


class Command(BaseCommand):
    help = (
        "Delete pictures and downloads dropped into an editor whose post was never saved, and "
        "chosen files kept across a form's error, once a day old. The worker runs it hourly."
    )

    def handle(self, *args, **options):
        unattached, kept = sweep_unattached(), sweep_kept()
        self.stdout.write(f"Removed {unattached} unattached upload(s) and {kept} kept file(s).")
