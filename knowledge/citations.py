"""Citations of a publication: a ready text citation, BibTeX and RIS.

The title is the one the document bears (``Publication.citation_title``): in the active
language when the document is written in it, else in the document's own language (an
English-only report keeps its English title for a Swedish visitor). Authors in document order.
"""

from __future__ import annotations

import re
import unicodedata

from django.conf import settings
from django.utils.html import format_html
from django.utils.translation import gettext as _

from core.i18n import active_language
from knowledge.models import Publication

PUBLISHER = "Swedish International Centre for Local Democracy (ICLD)"
PLACE = "Visby"

BIBTEX_TYPES = {
    Publication.Type.RESEARCH_REPORT: ("techreport", "Research report"),
    Publication.Type.WORKING_PAPER: ("techreport", "Working paper"),
    Publication.Type.POLICY_BRIEF: ("techreport", "Policy brief"),
    Publication.Type.ANTHOLOGY: ("book", ""),
    Publication.Type.CONFERENCE_REPORT: ("proceedings", ""),
    Publication.Type.OTHER: ("misc", ""),
}
RIS_TYPES = {
    Publication.Type.RESEARCH_REPORT: "RPRT",
    Publication.Type.WORKING_PAPER: "RPRT",
    Publication.Type.POLICY_BRIEF: "RPRT",
    Publication.Type.ANTHOLOGY: "BOOK",
    Publication.Type.CONFERENCE_REPORT: "CONF",
    Publication.Type.OTHER: "GEN",
}


def _people(publication: Publication):
    return [authorship.person for authorship in publication.authorships.all()]


def _url(publication: Publication) -> str:
    if publication.doi:
        return f"https://doi.org/{publication.doi}"
    return settings.ICLD_SITE_URL + publication.get_absolute_url()


def text_citation(publication: Publication, *, html: bool = False) -> str:
    """APA-like: Family, I., Family, I., & Family, I. (Year). Title (Type). Publisher. URL

    With ``html``, escaped for a page, the title in ``<cite>`` carrying its language when it
    is not the page's (an English report cited on a Swedish page, WCAG 3.1.2)."""
    names = [f"{p.family_name}, {p.initials}".rstrip(", ") for p in _people(publication)]
    if len(names) > 1:
        authors = ", ".join(names[:-1]) + ", & " + names[-1]
    else:
        authors = names[0] if names else "ICLD"
    original = publication.citation_title
    title = str(original).rstrip(".")
    if html:
        lang = getattr(original, "lang", active_language())
        title = format_html(
            "<cite{}>{}</cite>",
            format_html(' lang="{}"', lang) if lang != active_language() else "",
            title,
        )
        return format_html(
            "{} ({}). {} ({}). {}. {}",
            authors,
            publication.year,
            title,
            publication.get_type_display(),
            _("Swedish International Centre for Local Democracy"),
            _url(publication),
        )
    return (
        f"{authors} ({publication.year}). {title} ({publication.get_type_display()}). "
        f"{_('Swedish International Centre for Local Democracy')}. {_url(publication)}"
    )


def _bibtex_escape(value: str) -> str:
    value = str(value).replace("\\", r"\textbackslash{}")
    value = re.sub(r"([{}&%$#_])", r"\\\1", value)
    return value.replace("~", r"\textasciitilde{}").replace("^", r"\textasciicircum{}")


def _base_key(publication: Publication) -> str:
    """First author's family name, year and first title word of more than three letters."""
    people = _people(publication)
    first = people[0].family_name if people else "ICLD"
    word = next(
        (
            w
            for w in re.findall(r"\w+", str(publication.title_en or publication.title_sv))
            if len(w) > 3
        ),
        "",
    )
    key = f"{first}{publication.year}{word}".lower()
    ascii_key = unicodedata.normalize("NFKD", key).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", ascii_key) or f"icld{publication.pk}"


def _suffix(index: int) -> str:
    """0: "", 1: "b", 2: "c", ..., 25: "z", 26: "aa": the oldest keeps the plain key."""
    if not index:
        return ""
    letters, number = "", index + 1
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters


def bibtex_key(publication: Publication) -> str:
    """A key of the publication's own: publications that share first author, year and title
    word (three country briefs of one author) are told apart by a letter in the order they
    were added, so the oldest keeps the plain key and a new one never renames the others."""
    base = _base_key(publication)
    same_year = (
        Publication.objects.filter(year=publication.year)
        .prefetch_related("authorships__person")
        .order_by("created_at", "pk")
    )
    sharing = [other.pk for other in same_year if _base_key(other) == base]
    index = sharing.index(publication.pk) if publication.pk in sharing else len(sharing)
    return base + _suffix(index)


def bibtex(publication: Publication) -> str:
    entry_type, report_type = BIBTEX_TYPES[publication.type]
    fields = [
        ("author", " and ".join(f"{p.family_name}, {p.given_names}" for p in _people(publication))),
        ("title", f"{{{_bibtex_escape(publication.citation_title)}}}"),
        ("year", str(publication.year)),
        (
            "publisher" if entry_type in ("book", "proceedings", "misc") else "institution",
            PUBLISHER,
        ),
        ("address", PLACE),
        ("type", report_type),
        ("doi", publication.doi),
        ("isbn", publication.isbn),
        ("url", _url(publication)),
        ("language", ", ".join(publication.document_languages)),
    ]
    body = ",\n".join(
        f"  {name} = {{{value if name == 'title' else _bibtex_escape(value)}}}"
        for name, value in fields
        if value
    )
    return f"@{entry_type}{{{bibtex_key(publication)},\n{body}\n}}\n"


def _ris_value(value: str) -> str:
    return " ".join(str(value).split())


def ris(publication: Publication) -> str:
    lines = [("TY", RIS_TYPES[publication.type])]
    lines += [("AU", f"{p.family_name}, {p.given_names}") for p in _people(publication)]
    lines += [
        ("TI", publication.citation_title),
        ("PY", str(publication.year)),
        ("PB", PUBLISHER),
        ("CY", PLACE),
    ]
    if publication.abstract:
        lines.append(("AB", publication.abstract))
    if publication.doi:
        lines.append(("DO", publication.doi))
    if publication.isbn:
        lines.append(("SN", publication.isbn))
    for code in publication.document_languages:
        lines.append(("LA", code))
    lines.append(("UR", _url(publication)))
    lines.append(("ER", ""))
    return "\r\n".join(f"{tag}  - {_ris_value(value)}" for tag, value in lines) + "\r\n"
