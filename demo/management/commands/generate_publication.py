"""Generate a large synthetic publication quickly, to measure Masthead at the size of a real one.

By default: 50 columnists, 20,000 posts over six years in 8 categories with 1,000 tags, and
200,000 reader comments in every state, with bulk inserts (see ``demo.synthetic``); then the
planner's statistics are refreshed. Its accounts' usernames start with ``gen-``; ``--reset``
deletes what an earlier run generated.
"""

import random
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from demo.synthetic import (
    PublicationGenerator,
    generated_users,
    refresh_statistics,
    remove_generated,
    tag_vocabulary,
)
from edge.state import content_changed
from edge.tags import SITE
from ops.progress import progress


class Command(BaseCommand):
    help = (
        "Generate a large synthetic publication with bulk inserts, to measure the site at "
        "scale: columnists, posts, categories, tags and reader comments. Its accounts' "
        "usernames start with “gen-”; --reset deletes what an earlier run generated."
    )

    def add_arguments(self, parser):
        parser.add_argument("--authors", type=int, default=50, help="Columnists (50).")
        parser.add_argument("--posts", type=int, default=20_000, help="Posts (20,000).")
        parser.add_argument("--comments", type=int, default=200_000, help="Comments (200,000).")
        parser.add_argument("--tags", type=int, default=1_000, help="Tags (1,000).")
        parser.add_argument("--seed", type=int, default=20_260_101, help="Random seed.")
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Delete the publication generated earlier first; with --posts 0, only delete.",
        )

    def handle(self, *args, authors, posts, comments, tags, seed, reset, **options):
        if min(authors, posts, comments, tags) < 0:
            raise CommandError("Counts cannot be negative.")
        if posts and not (authors and tags):
            raise CommandError("Posts need at least one author and one tag.")
        if len(tag_vocabulary()) < tags:
            raise CommandError(f"At most {len(tag_vocabulary())} tags can be generated.")
        started = time.monotonic()
        present = generated_users().count()
        if present and not reset:
            raise CommandError(
                f"A generated publication is already here ({present} gen- accounts). Run "
                "with --reset to delete it and generate afresh."
            )
        with transaction.atomic():
            if reset:
                removed = remove_generated()
                self.stdout.write(f"Removed the generated publication: {removed}.")
            counts = {}
            if posts:
                generator = PublicationGenerator(
                    rng=random.Random(seed),
                    now=timezone.now(),
                    log=lambda text: self.stdout.write(f"  {text} ({elapsed(started)})"),
                    progress=lambda items, **bar: progress(
                        items, verbosity=options["verbosity"], **bar
                    ),
                )
                counts = generator.generate(
                    authors=authors, posts=posts, comments=comments, tags=tags
                )
        refresh_statistics()
        content_changed(SITE)
        if counts:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Generated {counts['authors']} columnists, {counts['posts']} posts "
                    f"({counts['published']} published, {counts['scheduled']} scheduled, "
                    f"{counts['drafts']} drafts), {counts['categories']} categories, "
                    f"{counts['tags']} tags on {counts['tagged']} tag links, "
                    f"{counts['comments']} comments ({describe(counts['by_status'])}; "
                    f"{counts['replies']} replies) in {elapsed(started)}."
                )
            )
        else:
            self.stdout.write(f"Nothing generated ({elapsed(started)}).")


def elapsed(started):
    return f"{time.monotonic() - started:.1f} s"


def describe(counter):
    return ", ".join(f"{count} {status}" for status, count in sorted(counter.items()))
