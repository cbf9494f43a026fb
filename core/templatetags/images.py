"""Images on public pages: a library image as resized renditions, in a figure with its caption
and credit (core.images)."""

from django import template
from django.utils.html import format_html

from core import images
from core.i18n import localize

register = template.Library()


@register.simple_tag
def picture(image, *, sizes: str, max_width: int, loading: str = "lazy", css: str = ""):
    """``<img srcset>`` of a library image; nothing for no image.

    ``max_width`` is the widest the image is shown (CSS pixels) and ``sizes`` how wide it is in
    the layout; ``loading="eager"`` for an image at the top of the page."""
    if image is None or not image.width:
        return ""
    return images.image_tag(image, sizes=sizes, max_width=max_width, loading=loading, css=css)


@register.inclusion_tag("includes/_figure.html")
def figure(image, *, sizes: str, max_width: int, loading: str = "lazy", css: str = ""):
    """A figure: the picture, its caption and its credit."""
    if image is None or not image.width:
        return {"image": None}
    return {
        "image": image,
        "picture": images.image_tag(image, sizes=sizes, max_width=max_width, loading=loading),
        "caption": localize(image, "caption"),
        "credit": image.credit,
        "css": css,
    }


# How wide a lead image is: the text column (.prose, 48rem) or the screen less its margins.
PROSE_SIZES = "(min-width: 50rem) 48rem, calc(100vw - 2rem)"
PROSE_MAX_WIDTH = 768
# A card's picture in the grid of cards (site.css .cards): about 17rem, or the screen less the
# margins and the card's padding on a phone.
CARD_SIZES = "(min-width: 34rem) 17rem, calc(100vw - 4.5rem)"
CARD_MAX_WIDTH = 320


@register.inclusion_tag("includes/_figure.html")
def lead_figure(obj):
    """The lead image of ``obj`` at the top of its page (loaded at once: it is in view)."""
    return figure(
        getattr(obj, "lead_image", None),
        sizes=PROSE_SIZES,
        max_width=PROSE_MAX_WIDTH,
        loading="",
        css="lead-image",
    )


@register.simple_tag
def card_picture(obj):
    """The lead image of ``obj`` on its card in a list (loaded as it scrolls into view)."""
    image = getattr(obj, "lead_image", None)
    if image is None or not image.width:
        return ""
    return images.image_tag(image, sizes=CARD_SIZES, max_width=CARD_MAX_WIDTH, css="card-image")


@register.simple_tag
def opengraph_image(image) -> str:
    """The address (from the site's root) of an image's 1200×630 card, or ""."""
    if image is None or not image.width:
        return ""
    return images.opengraph_url(image)


@register.filter
def alt_lang(image) -> str:
    alt = localize(image, "alt") if image else ""
    return format_html(' lang="{}"', alt.lang) if getattr(alt, "is_fallback", False) else ""
