"""Public pages of partnerships: the landing page, the list with its open data, detail pages
and the maps. Views only ask selectors and render."""

from __future__ import annotations

from collections.abc import Iterator

from django.conf import settings
from django.http import Http404, JsonResponse
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from core.access import DraftPreviewMixin, may_preview_drafts
from core.pagination import paginate
from partnerships import maps, opendata, selectors
from partnerships.forms import PartnershipFilterForm
from partnerships.models import Partnership
from partnerships.views.helpers import PER_PAGE
from reference.models import Organisation

PARTIAL_HEADER = "HTTP_X_PARTNERSHIPS_PARTIAL"


class IndexView(TemplateView):
    template_name = "partnerships/index.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            figures=selectors.figures(with_history=True),
            stories=selectors.latest_stories(limit=3),
            countries=selectors.country_list_with_counts(),
            themes=[theme for theme in selectors.theme_list_with_counts() if theme.total],
            rounds=selectors.round_status(),
            **kwargs,
        )


class PartnershipListView(TemplateView):
    """Search, filter, sort and page through every published partnership."""

    page_cache_searches = True

    template_name = "partnerships/partnership_list.html"
    partial_template_name = "partnerships/includes/_results.html"

    def get(self, request, *args, **kwargs):
        form = PartnershipFilterForm(request.GET)
        filters, facets, total = selectors.partnership_facets_resolving_search(
            form.to_filters(resolve_search=False)
        )
        page = paginate(request, selectors.partnership_list_public(filters), PER_PAGE, count=total)
        context = self.get_context_data(
            form=form,
            filters=filters,
            page_obj=page,
            facet_fields=[
                {
                    "name": name,
                    "label": label,
                    "all_label": all_label,
                    "options": facets[name].options,
                    "options_html": facets[name].options_html,
                }
                for name, label, all_label in FACET_FIELDS
            ],
            active_filters=active_filter_links(request, filters),
            suggestion=selectors.partnership_search_suggestion(
                filters, found_all=bool(page.paginator.count) and not filters.any_word
            ),
            sort=selectors.effective_sort(filters),
            sort_options=selectors.sort_options(filters),
            query_string=_export_query(request),
        )
        partial = request.META.get(PARTIAL_HEADER) == "results"
        template = self.partial_template_name if partial else self.template_name
        response = self.response_class(
            request=request, template=[template], context=context, using=self.template_engine
        )
        patch_vary_headers(response, ["X-Partnerships-Partial"])
        return response


FACET_FIELDS = [
    ("country", gettext_lazy("Partner country"), gettext_lazy("All countries")),
    (
        "organisation",
        gettext_lazy("Swedish organisation"),
        gettext_lazy("All Swedish organisations"),
    ),
    ("county", gettext_lazy("County"), gettext_lazy("All counties")),
    ("theme", gettext_lazy("Theme"), gettext_lazy("All themes")),
    ("phase", gettext_lazy("Phase"), gettext_lazy("All phases")),
    ("status", gettext_lazy("Status"), gettext_lazy("Active and completed")),
    ("year", gettext_lazy("Active in year"), gettext_lazy("Any year")),
]


def active_filter_links(request, filters: selectors.PartnershipFilters) -> list[dict]:
    """Each filter in use, with the URL of the same list without it."""
    links = []
    for name in ("q", *selectors.PartnershipFilters.FACETS):
        value = getattr(filters, name)
        if not value:
            continue
        if name == "q":
            text = _("Search: “%(q)s”") % {"q": value}
        elif name == "organisation":
            text = value.short_name
        elif name == "phase":
            text = str(Partnership.Phase(value).label)
        elif name == "status":
            text = str(Partnership.Status(value).label)
        elif name == "year":
            text = _("Active in %(year)s") % {"year": value}
        else:
            text = str(value)
        params = request.GET.copy()
        params.pop(name, None)
        params.pop("page", None)
        encoded = params.urlencode()
        links.append(
            {
                "name": name,  # the list's title names the search apart
                "text": text,
                "url": f"{reverse('partnerships:list')}{'?' + encoded if encoded else ''}",
            }
        )
    return links


def _export_query(request) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else ""


class PartnershipDetailView(DraftPreviewMixin, TemplateView):
    template_name = "partnerships/partnership_detail.html"
    preview_object = "partnership"

    def get_context_data(self, **kwargs):
        partnership = selectors.partnership_get_public(
            kwargs["slug"], include_drafts=may_preview_drafts(self.request)
        )
        if partnership is None:
            raise Http404
        return super().get_context_data(
            partnership=partnership,
            related=selectors.partnership_related(partnership),
            timeline=selectors.partnership_timeline(partnership),
            contact_email=settings.ICLD_PARTNERSHIP_TEAM_EMAIL,
            **kwargs,
        )


# --- Maps -----------------------------------------------------------------------------------


class SwedenMapView(TemplateView):
    template_name = "partnerships/map_sweden.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(map=maps.sweden_map(), **kwargs)


class WorldMapView(TemplateView):
    template_name = "partnerships/map_world.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(map=maps.world_map(), **kwargs)


# --- Open data ------------------------------------------------------------------------------
# The columns, their types and the licence are in partnerships.opendata (and on the open-data
# page); every download writes them the same way.


def _absolute_url(partnership: Partnership, language: str) -> str:
    with translation.override(language):
        return settings.ICLD_SITE_URL + partnership.get_absolute_url()


def export_row(partnership: Partnership) -> dict:
    """One partnership in the open-data shape: stable keys, both languages, lists as lists."""
    swedish = list(partnership.swedish_organisations.all())
    partners = list(partnership.partner_organisations.all())
    themes = list(partnership.themes.all())
    network = partnership.network
    return {
        "slug": partnership.slug,
        "url_sv": _absolute_url(partnership, "sv"),
        "url_en": _absolute_url(partnership, "en"),
        "title_sv": partnership.title_sv,
        "title_en": partnership.title_en,
        "summary_sv": partnership.summary_sv,
        "summary_en": partnership.summary_en,
        "country_code": partnership.country_id,
        "country_sv": partnership.country.name_sv,
        "country_en": partnership.country.name_en,
        "swedish_organisations_sv": [org.name_sv for org in swedish],
        "swedish_organisations_en": [org.name_en or org.name_sv for org in swedish],
        # One kind of code per column, with no empty items: municipalities have an SCB
        # municipality code; every Swedish party lies in a county.
        "municipality_codes": [
            org.code for org in swedish if org.kind == Organisation.Kind.MUNICIPALITY and org.code
        ],
        "county_codes": sorted({org.county_id for org in swedish if org.county_id}),
        "partner_organisations_sv": [org.name_sv for org in partners],
        "partner_organisations_en": [org.name_en or org.name_sv for org in partners],
        "themes_sv": [theme.name_sv for theme in themes],
        "themes_en": [theme.name_en or theme.name_sv for theme in themes],
        "theme_slugs": [theme.slug for theme in themes],
        "phase": partnership.phase,
        "status": partnership.status,
        "start_year": partnership.start_year,
        "end_year": partnership.end_year,
        "network_sv": network.name_sv if network else "",
        "network_en": (network.name_en or network.name_sv) if network else "",
        "reference_number": partnership.reference_number,
    }


def _export_rows(request) -> Iterator[dict]:
    filters = PartnershipFilterForm(request.GET).to_filters()
    for partnership in selectors.partnership_export(filters).iterator(chunk_size=500):
        yield export_row(partnership)


def _source_urls() -> dict:
    return {
        "source_url": settings.ICLD_SITE_URL + reverse("partnerships:list"),
        "documentation_url": settings.ICLD_SITE_URL + reverse("partnerships:open_data"),
    }


def export_csv(request):
    """The current (filtered) list as CSV, UTF-8 with a byte order mark for spreadsheets."""
    return opendata.csv_response(
        opendata.PARTNERSHIPS, _export_rows(request), filename="icld-partnerships"
    )


def export_xlsx(request):
    """The current (filtered) list as an Excel workbook, which Swedish Excel opens as it is."""
    return opendata.xlsx_response(
        opendata.PARTNERSHIPS,
        _export_rows(request),
        filename="icld-partnerships",
        **_source_urls(),
    )


def export_json(request):
    """The current (filtered) list as JSON: the licence and columns, then the partnerships."""
    rows = list(_export_rows(request))
    response = JsonResponse(
        {
            **opendata.json_metadata(opendata.PARTNERSHIPS, **_source_urls()),
            "count": len(rows),
            "partnerships": rows,
        },
        json_dumps_params={"ensure_ascii": False, "indent": 1},
    )
    response["Content-Disposition"] = 'inline; filename="icld-partnerships.json"'
    response["Link"] = f'<{opendata.LICENCE_URL}>; rel="license"'
    return response
