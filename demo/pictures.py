"""Draw the demo's pictures: columnists' portraits and abstract covers in each section's palette."""

import hashlib
import io

from PIL import Image, ImageDraw, ImageFont

COVER_SIZE = (1600, 900)
PORTRAIT_SIZE = 400

# Per category: background (name, top, bottom), two shape colours (name, rgb), and a motif.
PALETTES = {
    "service-desk": (
        ("deep navy", (16, 32, 62), (34, 74, 114)),
        ("teal", (38, 166, 154)),
        ("amber", (255, 183, 77)),
        "rings",
    ),
    "change-and-release": (
        ("slate blue", (40, 50, 86), (86, 100, 152)),
        ("coral", (255, 127, 102)),
        ("sand", (236, 214, 170)),
        "bands",
    ),
    "standards-and-frameworks": (
        ("charcoal", (34, 36, 40), (72, 76, 84)),
        ("forest green", (52, 140, 88)),
        ("ochre", (214, 154, 48)),
        "grid",
    ),
    "suppliers-and-sourcing": (
        ("plum", (62, 26, 64), (124, 62, 114)),
        ("gold", (236, 194, 84)),
        ("grey-blue", (150, 174, 200)),
        "links",
    ),
    "careers-and-people": (
        ("terracotta", (128, 56, 38), (204, 112, 80)),
        ("sage", (176, 196, 154)),
        ("ivory", (250, 244, 228)),
        "steps",
    ),
    "general-news": (
        ("indigo", (34, 26, 84), (72, 62, 146)),
        ("sky blue", (124, 194, 242)),
        ("white", (250, 250, 250)),
        "stripes",
    ),
}
# Deep enough that white initials keep a contrast above 7:1.
PORTRAIT_COLOURS = [
    (20, 92, 96), (28, 48, 98), (96, 36, 92), (140, 30, 52), (30, 90, 52), (62, 72, 92),
    (150, 60, 20), (60, 40, 130), (130, 50, 30), (18, 96, 80), (80, 30, 70), (36, 80, 128),
]  # fmt: skip
MOTIF_DESCRIPTIONS = {
    "rings": "concentric rings spreading outwards like ripples",
    "bands": "broad diagonal bands crossing the frame",
    "grid": "a grid of squares, some of them filled in",
    "links": "a chain of interlocking rings",
    "steps": "bars rising in steps from left to right",
    "stripes": "horizontal stripes of varying width",
}


def portrait_png(author):
    """Draw a square portrait: the columnist's initials on a colour derived from the name."""
    digest = hashlib.sha256(author.display_name.encode()).digest()
    background = PORTRAIT_COLOURS[digest[0] % len(PORTRAIT_COLOURS)]
    disc = tuple(round(c * 0.78) for c in background)
    size = PORTRAIT_SIZE
    image = Image.new("RGB", (size, size), background)
    draw = ImageDraw.Draw(image)
    cx = size * (0.2 if digest[1] % 2 else 0.8)
    cy = size * (0.2 if digest[2] % 2 else 0.8)
    radius = size * (0.55 + digest[3] / 255 * 0.2)
    draw.ellipse([cx - radius, cy - radius, cx + radius, cy + radius], fill=disc)
    font = ImageFont.load_default(size=160)
    draw.text((size / 2, size / 2), author.initials, font=font, fill="white", anchor="mm")
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def cover_jpeg(category_slug, rng):
    """Draw an abstract 1600×900 cover in the category's palette; return it and its alt text."""
    (background, top, bottom), (a_name, a), (b_name, b), motif = PALETTES[category_slug]
    mask = Image.linear_gradient("L")
    if rng.random() < 0.5:
        mask = mask.transpose(Image.Transpose.ROTATE_90)
    mask = mask.resize(COVER_SIZE)
    image = Image.composite(
        Image.new("RGB", COVER_SIZE, bottom), Image.new("RGB", COVER_SIZE, top), mask
    ).convert("RGBA")
    overlay = Image.new("RGBA", COVER_SIZE, (0, 0, 0, 0))
    MOTIFS[motif](ImageDraw.Draw(overlay), rng, a, b)
    image = Image.alpha_composite(image, overlay).convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=82)
    alt = (
        f"Abstract illustration: {MOTIF_DESCRIPTIONS[motif]}, in {a_name} and {b_name} "
        f"on a {background} background."
    )
    return buffer.getvalue(), alt


def draw_rings(draw, rng, a, b):
    width, height = COVER_SIZE
    cx, cy = rng.randint(300, width - 300), rng.randint(200, height - 200)
    step = rng.choice([70, 90, 110])
    for index, radius in enumerate(range(60, 1500, step)):
        colour = a if index % 2 == 0 else b
        box = [cx - radius, cy - radius, cx + radius, cy + radius]
        draw.ellipse(box, outline=(*colour, 170), width=rng.randint(12, 26))
    draw.ellipse([cx - 34, cy - 34, cx + 34, cy + 34], fill=(*b, 230))


def draw_bands(draw, rng, a, b):
    width, height = COVER_SIZE
    for index in range(rng.randint(5, 8)):
        x = rng.randint(-200, width + 500)
        band = rng.randint(60, 220)
        colour = a if index % 2 == 0 else b
        draw.polygon(
            [(x, 0), (x + band, 0), (x + band - 700, height), (x - 700, height)],
            fill=(*colour, rng.randint(140, 210)),
        )


def draw_grid(draw, rng, a, b):
    width, height = COVER_SIZE
    cell, gap = 110, 30
    columns, rows = 10, 5
    left = (width - columns * cell - (columns - 1) * gap) // 2
    top = (height - rows * cell - (rows - 1) * gap) // 2
    for row in range(rows):
        for column in range(columns):
            x, y = left + column * (cell + gap), top + row * (cell + gap)
            box = [x, y, x + cell, y + cell]
            roll = rng.random()
            if roll < 0.25:
                draw.rectangle(box, fill=(*a, 220))
            elif roll < 0.38:
                draw.rectangle(box, fill=(*b, 220))
            else:
                draw.rectangle(box, outline=(*a, 120), width=5)


def draw_links(draw, rng, a, b):
    width, height = COVER_SIZE
    count = rng.randint(5, 7)
    spacing = width / (count + 1)
    radius = spacing * 0.72
    for index in range(count):
        cx = spacing * (index + 1)
        cy = height / 2 + (90 if index % 2 else -90) + rng.randint(-30, 30)
        colour = a if index % 2 == 0 else b
        box = [cx - radius, cy - radius, cx + radius, cy + radius]
        draw.ellipse(box, outline=(*colour, 200), width=rng.randint(18, 28))


def draw_steps(draw, rng, a, b):
    width, height = COVER_SIZE
    count = rng.randint(6, 9)
    slot = width / count
    for index in range(count):
        rise = 120 + (height - 220) * (index + 1) / count + rng.randint(-40, 40)
        x = index * slot + slot * 0.15
        colour = a if index % 2 == 0 else b
        draw.rectangle([x, height - rise, x + slot * 0.7, height], fill=(*colour, 200))


def draw_stripes(draw, rng, a, b):
    width, height = COVER_SIZE
    y = rng.randint(0, 60)
    while y < height:
        stripe = rng.randint(20, 140)
        if rng.random() < 0.6:
            colour = a if rng.random() < 0.6 else b
            draw.rectangle([0, y, width, y + stripe], fill=(*colour, rng.randint(90, 200)))
        y += stripe + rng.randint(10, 80)


MOTIFS = {
    "rings": draw_rings,
    "bands": draw_bands,
    "grid": draw_grid,
    "links": draw_links,
    "steps": draw_steps,
    "stripes": draw_stripes,
}
