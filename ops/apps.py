from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate


class OpsConfig(AppConfig):
    name = "ops"
    verbose_name = "Operations"

    def ready(self):
        from ops.sites import site_from_settings

        # After every migrate, scripts/start's included, so that a new address or name lands;
        # sent for the sites app (ops has no models of its own, so gets no signal).
        post_migrate.connect(site_from_settings, sender=apps.get_app_config("sites"))
