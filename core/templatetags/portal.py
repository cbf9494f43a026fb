"""Template helpers shared by every page: language alternates and bilingual content."""

import re
from urllib.parse import urlencode

from django import forms, template
from django.conf import settings
from django.urls import Resolver404, resolve, reverse, translate_url
from django.utils import translation
from django.utils.html import format_html, linebreaks
from django.utils.safestring import mark_safe

from core.i18n import LANGUAGE_LABELS, LocalizedText, active_language, available_languages
from core.images import render_rich_text_images
from core.richtext import is_plain_text, sanitize
from core.tables import label_table_cells

register = template.Library()


@register.simple_tag(takes_context=True)
def url_in_language(context, language: str) -> str:
    """The current page in ``language``: same path (translated), same query string."""
    request = context["request"]
    try:
        resolve(request.path_info)
    except Resolver404:
        # A page that does not exist (the 404 page) has no translation: offer the home page.
        with translation.override(language):
            return reverse("home")
    url = translate_url(request.path, language)
    if request.GET:
        url = f"{url}?{request.GET.urlencode()}"
    return url


@register.simple_tag(takes_context=True)
def absolute_url_in_language(context, language: str) -> str:
    """The page's own address in ``language``: a list's page 2 is its own page (canonical to
    itself, not to page 1), other query parameters are left out."""
    request = context["request"]
    url = settings.ICLD_SITE_URL + translate_url(request.path, language)
    page = request.GET.get("page", "")
    if page.isascii() and page.isdigit() and 1 < int(page) < 100_000:
        url += f"?page={int(page)}"
    return url


@register.simple_tag
def pages_without_a_section():
    """Published pages staff added at the top level (no section, no fixed address): the
    footer links them, so every page is reachable from the site's own navigation."""
    from core.models import Page

    return list(
        Page.objects.published()
        .filter(parent__isnull=True, key__isnull=True)
        .only("slug", "title_sv", "title_en", "parent_id")
        .order_by("position", "pk")
    )


@register.simple_tag
def other_languages():
    current = active_language()
    return [(code, LANGUAGE_LABELS[code]) for code, _name in settings.LANGUAGES if code != current]


@register.filter
def mid_sentence(label) -> str:
    """A name inside a Swedish sentence starts in lower case ("Bevaka kommunala partnerskap",
    "på engelska"); English keeps it as it is ("Follow Municipal Partnerships", "In English").
    A word in capitals (an acronym) keeps them."""
    text = str(label)
    if active_language() != "sv" or len(text) < 2 or text[1].isupper():
        return text
    return text[0].lower() + text[1:]


@register.filter
def lang_attr(value) -> str:
    """` lang="en"` when a text is shown in a language other than the page's (a fallback)."""
    if isinstance(value, LocalizedText) and value.lang != active_language():
        return format_html(' lang="{}"', value.lang)
    return ""


@register.filter
def rich_text(value) -> str:
    """Sanitise staff-entered HTML (core.richtext's allow-list) before it is shown.

    Text typed before the editor existed (no block elements) gets its paragraphs from its
    blank lines, as ``linebreaks`` would.
    """
    cleaned = sanitize(value)
    if cleaned and is_plain_text(cleaned):
        cleaned = linebreaks(cleaned, autoescape=False)
    return mark_safe(render_rich_text_images(label_table_cells(cleaned)))


@register.filter
def language_name(code: str):
    return LANGUAGE_LABELS.get(code, code)


@register.simple_tag(takes_context=True)
def query_with(context, **changes) -> str:
    """The current query string with some parameters changed (None removes one); for pagination."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        if value is None or value == "":
            params.pop(key, None)
        else:
            params[key] = value
    encoded = urlencode(sorted(params.lists()), doseq=True)
    return f"?{encoded}" if encoded else "?"


@register.filter
def page_numbers(page) -> list:
    """The page numbers to link around the current page, with Paginator.ELLIPSIS for the gaps.

    Paginator.get_elided_page_range() centres on page 1 unless it is given the current number,
    which a template cannot pass, hence this filter for templates/includes/_pagination.html.
    """
    return list(page.paginator.get_elided_page_range(page.number))


@register.filter
def has_required_fields(form) -> bool:
    """Whether a form shows the asterisk of a required field (visible fields only)."""
    if form is None or not hasattr(form, "visible_fields"):
        return False
    return any(field.field.required for field in form.visible_fields())


@register.filter
def label_for_summary(label) -> str:
    """A field label as the start of "Label: error" (without its own ? or :)."""
    return str(label or "").rstrip(" ?:")


@register.filter
def summary_anchor(bound_field) -> str:
    """The id an error summary links to: a group of checkboxes or radios has no element with
    the field's own id, so link to its first input (where the browser puts focus)."""
    widget = bound_field.field.widget
    if isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
        options = bound_field.subwidgets
        if options:
            return options[0].id_for_label
    return bound_field.auto_id


@register.simple_tag(takes_context=True)
def languages_available(context, obj, *fields, compact=False):
    """Which languages an item exists in (every one of ``fields`` filled in).

    Detail pages show the full line ("Available in: Swedish, English"); with
    ``compact=True`` (cards in lists) a note appears only when the page's language is missing,
    and a card in the page's language renders nothing at all (no template for twenty cards).
    """
    codes = available_languages(obj, fields or ("title",))
    missing_current = active_language() not in codes
    if not codes or (compact and not missing_current):
        return ""
    names = [mid_sentence(LANGUAGE_LABELS[code]) for code in codes]
    snippet = context.template.engine.get_template("includes/_languages_available.html")
    return snippet.render(
        context.new(
            {"languages": ", ".join(names), "missing_current": missing_current, "compact": compact}
        )
    )


class CaptureNode(template.Node):
    def __init__(self, nodelist, name: str):
        self.nodelist = nodelist
        self.name = name

    def render(self, context):
        context[self.name] = mark_safe(self.nodelist.render(context).strip())
        return ""


@register.tag
def capture(parser, token):
    """``{% capture as name %}…{% endcapture %}``: render a part (blocks included) once into a
    variable, so base.html can show a page's description and reuse it for OpenGraph."""
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] != "as":
        raise template.TemplateSyntaxError("Usage: {% capture as name %}…{% endcapture %}")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[2])


_DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)"')


@register.filter
def description_content(tags) -> str:
    """The content of the ``<meta name="description">`` among rendered tags (already
    escaped), or "": a page's block may hold other tags (robots) or none."""
    found = _DESCRIPTION.search(str(tags or ""))
    return mark_safe(found.group(1)) if found else ""
