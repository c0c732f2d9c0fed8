"""Say how large an uploaded file is, and refuse one above its limit before reading it."""

from django.core.exceptions import ValidationError

UNITS = ["KB", "MB", "GB"]


def human_size(size: int) -> str:
    """Return a byte count as people read it: “840 bytes”, “12 KB”, “1.2 MB”."""
    if size < 1024:
        return f"{size} byte{'s' if size != 1 else ''}"
    value = float(size)
    for unit in UNITS:
        value /= 1024
        if value < 1024 or unit == UNITS[-1]:
            break
    # One decimal while it says something (“1.2 MB”), none once the number is large.
    text = f"{value:.1f}" if value < 100 else f"{value:.0f}"
    return f"{text.removesuffix('.0')} {unit}"


def refuse_if_too_large(file, *, limit: int, noun: str = "file") -> None:
    """Raise ValidationError when file is larger than limit bytes, saying both sizes."""
    if file.size > limit:
        raise ValidationError(
            "This %(noun)s is %(size)s; the limit is %(limit)s. Make it smaller and upload it "
            "again.",
            code="too_large",
            params={"noun": noun, "size": human_size(file.size), "limit": human_size(limit)},
        )
