from django.apps import AppConfig


class CommentsConfig(AppConfig):
    name = "comments"
    verbose_name = "Reader comments"

    def ready(self):
        from blog import slots

        slots.fill("post-end", "comments/slots/post_end.html")
        slots.fill("card-lists", "comments/slots/card_lists.html")
        slots.fill("card-byline", "comments/slots/card_byline.html")
