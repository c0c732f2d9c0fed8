from django.core.management.base import BaseCommand

from authors.models import Author
from blog.models import Post, PostImage
from ops.progress import progress


class Command(BaseCommand):
    help = (
        "Make the renditions pages serve of every picture that has none yet: featured "
        "images, pictures in posts' bodies and columnists' portraits. Pictures saved since "
        "renditions exist have theirs; run this once for those stored before."
    )

    def handle(self, *args, **options):
        illustrated = Post.objects.exclude(featured_image="")
        pictures = [
            ("Featured images", illustrated, "featured_image", "featured_image_renditions"),
            ("Pictures in posts", PostImage.objects.all(), "image", "renditions"),
            ("Portraits", Author.objects.exclude(portrait=""), "portrait", "portrait_renditions"),
        ]
        made = 0
        for label, queryset, field, renditions in pictures:
            bar = progress(
                queryset.iterator(),
                total=queryset.count(),
                desc=label,
                unit="picture",
                verbosity=options["verbosity"],
            )
            for obj in bar:
                record = getattr(obj, renditions)
                if record.get("source") == getattr(obj, field).name and record.get("sources"):
                    continue
                # A record without renditions (a GIF once shown as it was) is made again.
                setattr(obj, renditions, {})
                # Saving the picture's column alone makes its renditions and nothing else.
                obj.save(update_fields=[field])
                made += bool(getattr(obj, renditions))
        self.stdout.write(self.style.SUCCESS(f"Made the renditions of {made} picture(s)."))
