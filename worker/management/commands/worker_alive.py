from django.core.management.base import BaseCommand, CommandError

from worker.models import Heartbeat


class Command(BaseCommand):
    help = "Exit with an error unless a worker beat within WORKER_LEASE_SECONDS (a health check)."

    def handle(self, **options):
        age, beating = Heartbeat.objects.beat_age()
        if not beating:
            since = "ever" if age is None else f"{age:.0f} s"
            raise CommandError(f"No worker has beaten for {since}.")
        self.stdout.write(f"A worker beat {age:.0f} s ago.")
