from django.apps import AppConfig
from django.core import signals


class EdgeConfig(AppConfig):
    name = "edge"
    verbose_name = "Edge cache"

    def ready(self):
        from edge import state

        signals.request_started.connect(state.request_started, dispatch_uid="edge-state-start")
        signals.request_finished.connect(state.request_finished, dispatch_uid="edge-state-end")
