from django_tasks_db.management.commands import db_worker

from worker.loop import Worker


class Command(db_worker.Command):
    help = (
        "Run the background worker: django-tasks-db's, waiting out outages, beating for "
        "/healthz and taking up tasks a dead worker left."
    )

    def handle(self, *, verbosity, queue_name, exclude_queues, **options):
        self.configure_logging(verbosity)
        worker = Worker(
            queue_names=queue_name.split(","),
            excluded_queue_names=exclude_queues.split(",") if exclude_queues else [],
            interval=options["interval"],
            batch=options["batch"],
            backend_name=options["backend_name"],
            startup_delay=options["startup_delay"],
            max_tasks=options["max_tasks"],
            worker_id=options["worker_id"],
        )
        worker.configure_signals()
        worker.run()
