from django.core.management.base import BaseCommand

from readers.models import DigestSubscription
from readers.tasks import send_weekly_digest


class Command(BaseCommand):
    help = "Queue the weekly digest for every reader who wants it; run once a week (cron)."

    def handle(self, *args, **options):
        subscribers = (
            DigestSubscription.objects.filter(is_active=True, user__is_active=True)
            .filter(user__follows__isnull=False)
            .values_list("user_id", flat=True)
            .distinct()
        )
        count = 0
        for user_id in subscribers:
            send_weekly_digest.enqueue(user_id=user_id)
            count += 1
        self.stdout.write(f"Queued {count} weekly digest(s).")
