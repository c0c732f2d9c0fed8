"""What an import did, kind by kind: imported, already here, skipped and why, missing media."""

from collections import Counter
from dataclasses import dataclass, field

from moving.models import ImportedItem

Kind = ImportedItem.Kind
PLURALS = {
    Kind.AUTHOR: "Columnists",
    Kind.CATEGORY: "Categories",
    Kind.TAG: "Tags",
    Kind.POST: "Posts",
    Kind.PAGE: "Static pages",
    Kind.COMMENT: "Comments",
    Kind.ATTACHMENT: "Attachments",
}


@dataclass
class Report:
    """What an import did, kind by kind."""

    imported: Counter = field(default_factory=Counter)
    already: Counter = field(default_factory=Counter)
    skipped: Counter = field(default_factory=Counter)  # (kind, reason)
    missing_media: list = field(default_factory=list)
    redirects: int = 0

    @property
    def changed(self) -> bool:
        return bool(sum(self.imported.values()) or self.redirects)

    def lines(self) -> list[str]:
        lines = []
        for kind in Kind:
            if self.imported[kind] or self.already[kind]:
                lines.append(
                    f"{PLURALS[kind]}: {self.imported[kind]} imported, "
                    f"{self.already[kind]} already here"
                )
        for (kind, reason), count in sorted(self.skipped.items()):
            lines.append(f"Skipped {count} {kind}: {reason}")
        for path in self.missing_media[:20]:
            lines.append(f"Missing media (the post keeps its link): {path}")
        if len(self.missing_media) > 20:
            lines.append(f"… and {len(self.missing_media) - 20} more missing media files")
        lines.append(f"Old addresses redirected: {self.redirects}")
        if not self.changed:
            lines.append("Nothing new: everything in this file was imported before.")
        return lines
