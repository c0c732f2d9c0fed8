"""Load an invented demo publication: columnists, sections, posts, pictures, reader comments
and staff accounts.
"""

import random

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from blog.models import Post
from blog.search import reindex_posts
from demo.publication import DemoLoader, delete_unreferenced_files, existing_content, remove_demo
from edge.state import content_changed
from edge.tags import SITE
from ops.progress import progress

SEED = 20_091_909


class Command(BaseCommand):
    help = (
        "Load an invented demo publication (12 columnists, 52 posts, pictures, reader "
        "comments and staff accounts with guessable passwords) for local use."
    )

    def add_arguments(self, parser):
        when = parser.add_mutually_exclusive_group()
        when.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing, successfully, when the database already holds content.",
        )
        when.add_argument(
            "--reset",
            action="store_true",
            help="Delete the demo publication loaded earlier, then load it afresh.",
        )

    def handle(self, *args, if_empty=False, reset=False, **options):
        if not settings.DEBUG:
            self.stderr.write(
                self.style.WARNING(
                    "DEBUG is off. The demo accounts have passwords anyone can guess: "
                    "never load the demo on a site others can reach."
                )
            )
        present = existing_content()
        if present and if_empty:
            self.stdout.write(f"Demo content already present ({present}): nothing loaded.")
            return
        if present and not reset:
            raise CommandError(
                f"The database already holds {present}. Run `manage.py load_demo --reset` to "
                "delete the demo publication and load it afresh, or `--if-empty` to skip "
                "loading when content exists."
            )

        verbosity = options["verbosity"]
        loader = DemoLoader(
            now=timezone.now(),
            rng=random.Random(SEED),
            progress=lambda items, **bar: progress(items, verbosity=verbosity, **bar),
        )
        removed = ""
        try:
            with transaction.atomic():
                if reset:
                    removed = remove_demo()
                loaded = loader.load()
                total = Post.objects.count()
                with progress(desc="Search", total=total, unit="post", verbosity=verbosity) as bar:
                    reindex_posts(on_batch=bar.update)
        except BaseException as exc:
            # The rows are rolled back; the files written meanwhile must go too.
            delete_unreferenced_files(loader.saved_files)
            if isinstance(exc, IntegrityError):
                raise CommandError(
                    f"Could not load the demo next to the existing content: {exc}. "
                    "Nothing was changed."
                ) from exc
            raise
        content_changed(SITE)

        if removed:
            self.stdout.write(f"Removed the earlier demo: {removed}.")
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo publication loaded: {loaded['columnists']} columnists, "
                f"{loaded['posts']} posts ({loaded['published']} published, "
                f"{loaded['scheduled']} scheduled, {loaded['drafts']} drafts), "
                f"{loaded['categories']} categories, {loaded['images']} pictures, "
                f"{loaded['comments']} reader comments ({loaded['pending']} awaiting "
                f"moderation, {loaded['spam']} spam)."
            )
        )
        login_url = settings.SITE_URL.rstrip("/") + reverse("admin:index")
        self.stdout.write(
            f"Log in at {login_url} as author/author (a columnist), editor/editor, "
            "moderator/moderator or admin/admin. For local use only."
        )
