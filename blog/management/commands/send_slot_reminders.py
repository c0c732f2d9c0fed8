from django.core.management.base import BaseCommand

from blog.reminders import NOTICE, send_slot_reminders


class Command(BaseCommand):
    help = (
        f"Mail each columnist whose rhythm expects a column in {NOTICE.days} days and who has "
        "nothing scheduled for it; each slot is mentioned once, the worker runs it hourly."
    )

    def handle(self, *args, **options):
        count = send_slot_reminders()
        self.stdout.write(f"Sent {count} slot reminder(s).")
