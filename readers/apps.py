from django.apps import AppConfig


class ReadersConfig(AppConfig):
    name = "readers"
    verbose_name = "Readers"

    def ready(self):
        from blog import slots

        slots.fill("post-actions", "readers/slots/post_actions.html")
        slots.fill("author-actions", "readers/slots/author_actions.html")
        slots.fill("card-actions", "readers/slots/card_actions.html")
