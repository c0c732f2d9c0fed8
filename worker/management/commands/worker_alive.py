import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from worker.models import Heartbeat


class Command(BaseCommand):
    help = "Exit with an error unless a worker beat within WORKER_LEASE_SECONDS (a health check)."

    def handle(self, **options):
        latest = Heartbeat.objects.latest_beat()
        limit = datetime.timedelta(seconds=settings.WORKER_LEASE_SECONDS)
        if latest is None or timezone.now() - latest > limit:
            raise CommandError(f"No worker has beaten since {latest or 'ever'}.")
        self.stdout.write(f"A worker beat {(timezone.now() - latest).total_seconds():.0f} s ago.")
