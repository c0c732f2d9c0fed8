from django.apps import AppConfig
from django.core import signals


class OpsConfig(AppConfig):
    name = "ops"
    verbose_name = "Operations"

    def ready(self):
        from ops import cache

        signals.request_started.connect(cache.request_started, dispatch_uid="ops-state-start")
        signals.request_finished.connect(cache.request_finished, dispatch_uid="ops-state-end")
