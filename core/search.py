"""The site-wide search: partnerships, stories, programmes, publications and events, in the
visitor's language, grouped by kind and ranked by PostgreSQL full-text search."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db.models import F, TextField, Value
from django.db.models.functions import Coalesce, NullIf
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from core.i18n import active_language
from knowledge.models import Event, Publication
from partnerships.models import Partnership, Story
from programmes.models import Programme

CONFIGS = {"sv": "swedish", "en": "english"}
MAX_QUERY_LENGTH = 200
PER_KIND = 5


@dataclass
class ResultGroup:
    key: str
    label: str
    items: list = field(default_factory=list)
    total: int = 0
    more_url: str = ""


def clean_query(value: str) -> str:
    """Printable characters only, single spaces, at most 200 characters: any input is safe."""
    text = "".join(ch if ch.isprintable() else " " for ch in value or "")
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def _text(field_name: str, language: str):
    """The field in the visitor's language, or the other language where it is missing
    (the same fallback rule the pages use)."""
    other = "en" if language == "sv" else "sv"
    return Coalesce(
        NullIf(F(f"{field_name}_{language}"), Value("")),
        F(f"{field_name}_{other}"),
        output_field=TextField(),
    )


def _vector(language: str, primary: str, *secondary: str) -> SearchVector:
    config = CONFIGS[language]
    vector = SearchVector(_text(primary, language), config=config, weight="A")
    for weight, name in zip("BCD", secondary, strict=False):
        vector += SearchVector(_text(name, language), config=config, weight=weight)
    return vector


SNIPPET_FIELDS = ("summary", "lead", "abstract")


def _ranked(queryset, vector, query, limit):
    matching = queryset.annotate(rank=SearchRank(vector, query)).filter(rank__gt=0)
    items = list(matching.order_by("-rank", "-pk")[:limit])
    for item in items:
        # Each kind calls its short text something else; the results page shows one.
        item.snippet = next(
            (
                getattr(item, name)
                for name in SNIPPET_FIELDS
                if hasattr(type(item), name) and getattr(item, name)
            ),
            "",
        )
    return items, matching.count()


def site_search(raw_query: str, *, per_kind: int = PER_KIND) -> list[ResultGroup]:
    query_text = clean_query(raw_query)
    if not query_text:
        return []
    language = active_language()
    query = SearchQuery(query_text, config=CONFIGS[language], search_type="websearch")
    q = urlencode({"q": query_text})
    groups = []

    # Partnerships and publications carry an indexed vector of both languages.
    items, total = _ranked(
        Partnership.objects.published().select_related("country"),
        F("search_vector"),
        query | SearchQuery(query_text, config="simple", search_type="websearch"),
        per_kind,
    )
    groups.append(
        ResultGroup(
            "partnerships",
            _("Municipal partnerships"),
            items,
            total,
            f"{reverse('partnerships:list')}?{q}",
        )
    )
    items, total = _ranked(
        Story.objects.published(), _vector(language, "title", "lead", "body"), query, per_kind
    )
    groups.append(
        ResultGroup("stories", _("Stories"), items, total, reverse("partnerships:story_list"))
    )
    items, total = _ranked(
        Programme.objects.published(),
        _vector(language, "title", "summary", "aim", "target_group"),
        query,
        per_kind,
    )
    groups.append(
        ResultGroup(
            "programmes", _("Training programmes"), items, total, reverse("programmes:index")
        )
    )
    items, total = _ranked(
        Publication.objects.published().defer("search_vector"),
        F("search_vector"),
        query | SearchQuery(query_text, config="simple", search_type="websearch"),
        per_kind,
    )
    groups.append(
        ResultGroup(
            "publications",
            _("Research and publications"),
            items,
            total,
            f"{reverse('knowledge:publications')}?{q}",
        )
    )
    items, total = _ranked(
        Event.objects.published(),
        _vector(language, "title", "summary", "description"),
        query,
        per_kind,
    )
    groups.append(
        ResultGroup("events", _("Seminars and events"), items, total, reverse("knowledge:events"))
    )
    # Most relevant kind first; kinds without hits last, so the page stays predictable.
    return sorted(groups, key=lambda group: (group.total == 0,))
