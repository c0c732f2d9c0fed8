from django.core.management import call_command
from django.core.management.base import BaseCommand

from authors.models import Author
from blog.models import Post, PostImage
from uploads.storage import public_storage


class Command(BaseCommand):
    help = (
        "Move the originals of uploaded pictures (featured images, pictures in posts' bodies, "
        "columnists' portraits) out of public media into private storage, where no address "
        "reaches them, then make the renditions of any picture that lacks them. Run it once "
        "after upgrading; running it again moves nothing."
    )

    def handle(self, *args, **options):
        public = public_storage()
        pictures = [
            (Post.objects.exclude(featured_image=""), "featured_image"),
            (PostImage.objects.all(), "image"),
            (Author.objects.exclude(portrait=""), "portrait"),
        ]
        moved = 0
        for queryset, field in pictures:
            for obj in queryset.iterator():
                original = getattr(obj, field)
                if not public.exists(original.name):
                    continue
                private = original.storage
                if not private.exists(original.name):
                    with public.open(original.name, "rb") as content:
                        name = private.save(original.name, content)
                    if name != original.name:
                        type(obj).objects.filter(pk=obj.pk).update(**{field: name})
                public.delete(original.name)
                moved += 1
        self.stdout.write(self.style.SUCCESS(f"Moved {moved} original(s) to private storage."))
        # Renamed originals, and GIFs that were shown as they were, need renditions now.
        call_command("make_renditions", stdout=self.stdout)
