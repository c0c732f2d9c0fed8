from django.core.management.base import BaseCommand, CommandError

from moving.exporter import write_json, write_wxr

WRITERS = {"wxr": write_wxr, "json": write_json}


class Command(BaseCommand):
    help = (
        "Write the whole publication (posts, pages, columnists, comments, categories, tags and "
        "references to its media) as a WordPress export (WXR), which WordPress's importer "
        "reads, or as JSON."
    )

    def add_arguments(self, parser):
        parser.add_argument("output", help="The file to write; - for standard output.")
        parser.add_argument("--format", choices=sorted(WRITERS), default="wxr")

    def handle(self, *args, output, format, **options):
        writer = WRITERS[format]
        if output == "-":
            writer(self.stdout)
            return
        try:
            with open(output, "w", encoding="utf-8") as out:
                writer(out)
        except OSError as exc:
            raise CommandError(f"{output}: {exc.strerror}.") from exc
        if options["verbosity"] >= 1:
            self.stdout.write(f"Wrote the publication as {format.upper()} to {output}.")
