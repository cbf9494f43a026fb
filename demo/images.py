"""Pictures for the demo content, painted with Pillow (nothing is downloaded).

Each scene is drawn from a seed, so a rerun paints the same picture; ``demo_image`` adds it to
the image library once (found again by its credit) with alternative text in both languages.
ICLD's own site leads with people and places: the scenes are a town square with people, a
meeting room, a lakeside landscape and a market street, in daylight colours, softened and with
a little film grain so they read as photographs at card size.
"""

from __future__ import annotations

import io
import random

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageDraw, ImageFilter

from core.images import image_create
from core.models import Image as LibraryImage

SIZE = (1800, 1200)
CREDIT = "ICLD (demo)"


def _sky(draw, width, horizon, top, bottom):
    for y in range(horizon):
        t = y / max(1, horizon - 1)
        colour = tuple(round(top[i] + (bottom[i] - top[i]) * t) for i in range(3))
        draw.line([(0, y), (width, y)], fill=colour)


def _hills(draw, rng, width, base, colour, amplitude, step=60):
    points = [(0, base)]
    x, y = 0, base
    while x <= width + step:
        y = max(base - amplitude, min(base + amplitude // 3, y + rng.randint(-40, 40)))
        points.append((x, y))
        x += step
    points += [(width, SIZE[1]), (0, SIZE[1])]
    draw.polygon(points, fill=colour)


def _person(draw, x, ground, height, colour, skin):
    head = height * 0.13
    draw.ellipse([x - head / 2, ground - height, x + head / 2, ground - height + head], fill=skin)
    body_top = ground - height + head * 1.05
    draw.rounded_rectangle(
        [x - height * 0.13, body_top, x + height * 0.13, ground - height * 0.42],
        radius=int(height * 0.06),
        fill=colour,
    )
    leg = height * 0.05
    draw.rectangle([x - leg * 2, ground - height * 0.44, x - leg * 0.4, ground], fill=(45, 45, 60))
    draw.rectangle([x + leg * 0.4, ground - height * 0.44, x + leg * 2, ground], fill=(45, 45, 60))


PEOPLE_COLOURS = [(196, 62, 52), (40, 110, 160), (236, 178, 52), (70, 140, 90), (150, 80, 150)]
SKIN = [(120, 78, 52), (200, 150, 110), (90, 60, 40), (230, 190, 160), (160, 110, 75)]


def _crowd(draw, rng, count, ground, size_range):
    for _ in range(count):
        height = rng.randint(*size_range)
        x = rng.randint(40, SIZE[0] - 40)
        _person(
            draw,
            x,
            ground + rng.randint(-10, 30),
            height,
            rng.choice(PEOPLE_COLOURS),
            rng.choice(SKIN),
        )


def _town(draw, rng):
    width, height = SIZE
    _sky(draw, width, 700, (110, 165, 220), (205, 225, 240))
    draw.ellipse([1400, 120, 1540, 260], fill=(255, 236, 180))
    x = 0
    while x < width:
        w = rng.randint(160, 300)
        h = rng.randint(260, 520)
        wall = rng.choice([(214, 190, 160), (190, 120, 90), (235, 222, 200), (170, 180, 190)])
        draw.rectangle([x, 760 - h, x + w, 760], fill=wall)
        draw.polygon(
            [(x - 10, 760 - h), (x + w / 2, 760 - h - 90), (x + w + 10, 760 - h)],
            fill=(120, 60, 50),
        )
        for wy in range(760 - h + 50, 720, 90):
            for wx in range(x + 25, x + w - 40, 70):
                draw.rectangle([wx, wy, wx + 34, wy + 48], fill=(80, 100, 120))
        x += w + rng.randint(0, 30)
    draw.rectangle([0, 760, width, height], fill=(168, 160, 150))
    _crowd(draw, rng, 14, 1080, (260, 380))


def _meeting(draw, rng):
    width, height = SIZE
    draw.rectangle([0, 0, width, height], fill=(226, 220, 208))
    draw.rectangle([0, 0, width, 90], fill=(240, 236, 228))
    for wx in range(120, width, 520):
        draw.rectangle([wx, 160, wx + 360, 560], fill=(170, 205, 230))
        draw.line([(wx + 180, 160), (wx + 180, 560)], fill=(240, 240, 240), width=10)
    draw.rectangle([0, 820, width, height], fill=(150, 120, 95))
    for i, x in enumerate(range(180, width - 100, 260)):
        _person(draw, x, 900, 430 + (i % 3) * 20, rng.choice(PEOPLE_COLOURS), rng.choice(SKIN))
    draw.rounded_rectangle([100, 760, width - 100, 900], radius=30, fill=(120, 85, 60))
    for x in range(240, width - 200, 300):
        draw.rectangle([x, 730, x + 120, 760], fill=(245, 245, 245))


def _lake(draw, rng):
    width, height = SIZE
    _sky(draw, width, 640, (90, 150, 210), (230, 210, 190))
    draw.ellipse([300, 200, 440, 340], fill=(255, 240, 200))
    _hills(draw, rng, width, 600, (95, 120, 110), 120)
    _hills(draw, rng, width, 660, (60, 100, 70), 80)
    draw.rectangle([0, 700, width, 950], fill=(70, 120, 160))
    for y in range(710, 950, 24):
        draw.line(
            [(rng.randint(0, 600), y), (rng.randint(900, width), y)], fill=(120, 165, 200), width=3
        )
    draw.rectangle([0, 950, width, height], fill=(110, 150, 70))
    _crowd(draw, rng, 5, 1150, (300, 360))


def _market(draw, rng):
    width, height = SIZE
    _sky(draw, width, 500, (150, 190, 225), (240, 230, 210))
    draw.rectangle([0, 500, width, height], fill=(190, 160, 120))
    for x in range(0, width, 300):
        colour = rng.choice([(200, 60, 50), (240, 180, 40), (40, 120, 170), (60, 150, 90)])
        draw.polygon([(x, 560), (x + 300, 560), (x + 270, 440), (x + 30, 440)], fill=colour)
        draw.rectangle([x + 30, 560, x + 270, 760], fill=(150, 110, 70))
        for fx in range(x + 50, x + 250, 40):
            draw.ellipse(
                [fx, 600, fx + 32, 632],
                fill=rng.choice([(230, 90, 40), (250, 200, 60), (120, 170, 60)]),
            )
    _crowd(draw, rng, 16, 1120, (280, 400))


SCENES = {"town": _town, "meeting": _meeting, "lake": _lake, "market": _market}


def paint(scene: str, seed: int) -> bytes:
    """A JPEG of ``scene``, the same for the same seed."""
    rng = random.Random(seed)
    picture = Image.new("RGB", SIZE)
    SCENES[scene](ImageDraw.Draw(picture), rng)
    picture = picture.filter(ImageFilter.GaussianBlur(2.2))
    grain = Image.effect_noise(SIZE, 18).convert("RGB")
    picture = Image.blend(picture, grain, 0.06)
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=88)
    return buffer.getvalue()


def demo_image(name: str, scene: str, *, alt_sv: str, alt_en: str, caption_sv="", caption_en=""):
    """The demo's library image called ``name``: added the first time, found after."""
    existing = LibraryImage.objects.filter(credit=CREDIT, alt_en=alt_en).first()
    if existing is not None:
        return existing
    upload = SimpleUploadedFile(f"{name}.jpg", paint(scene, sum(map(ord, name))), "image/jpeg")
    return image_create(
        file=upload,
        alt_sv=alt_sv,
        alt_en=alt_en,
        caption_sv=caption_sv,
        caption_en=caption_en,
        credit=CREDIT,
    )
