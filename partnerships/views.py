"""Public pages of the partnership database. Views only ask selectors and render."""

from __future__ import annotations

import csv
from collections.abc import Iterator

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, JsonResponse, StreamingHttpResponse
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from core.views_forms import PublicFormView
from partnerships import maps, selectors, services
from partnerships.forms import PartnershipFilterForm
from partnerships.forms_interest import InterestRegistrationForm, SeekerFilterForm
from partnerships.models import Partnership

PER_PAGE = 20
PARTIAL_HEADER = "HTTP_X_PARTNERSHIPS_PARTIAL"


def paginate(request, queryset, per_page: int = PER_PAGE):
    """The requested page; a page number that is not a number, or too big, gives a real page."""
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


def can_preview(request) -> bool:
    return request.user.is_authenticated and request.user.is_staff


class IndexView(TemplateView):
    template_name = "partnerships/index.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            figures=selectors.figures(),
            stories=selectors.latest_stories(limit=3),
            countries=selectors.country_list_with_counts(),
            themes=[theme for theme in selectors.theme_list_with_counts() if theme.total],
            rounds=selectors.round_status(),
            **kwargs,
        )


class PartnershipListView(TemplateView):
    """Search, filter, sort and page through every published partnership."""

    template_name = "partnerships/partnership_list.html"
    partial_template_name = "partnerships/includes/_results.html"

    def get(self, request, *args, **kwargs):
        form = PartnershipFilterForm(request.GET)
        filters = form.to_filters()
        page = paginate(request, selectors.partnership_list_public(filters))
        facets = selectors.partnership_facets(filters)
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
                }
                for name, label, all_label in FACET_FIELDS
            ],
            active_filters=active_filter_links(request, filters),
            sort=selectors.effective_sort(filters),
            sorts=selectors.SORTS,
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


class PartnershipDetailView(TemplateView):
    template_name = "partnerships/partnership_detail.html"

    def get_context_data(self, **kwargs):
        partnership = selectors.partnership_get_public(
            kwargs["slug"], include_drafts=can_preview(self.request)
        )
        if partnership is None:
            raise Http404
        return super().get_context_data(
            partnership=partnership,
            related=selectors.partnership_related(partnership),
            contact_email=settings.ICLD_PARTNERSHIP_TEAM_EMAIL,
            **kwargs,
        )

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if not context["partnership"].is_published:
            response["X-Robots-Tag"] = "noindex"
            response["Cache-Control"] = "private, no-store"
        return response


# --- Countries, organisations, themes -------------------------------------------------------


class CountryIndexView(TemplateView):
    template_name = "partnerships/country_index.html"

    def get_context_data(self, **kwargs):
        countries = selectors.country_list_with_counts()
        return super().get_context_data(
            countries=countries,
            groups=selectors.active_partnerships_by_country(countries=countries),
            **kwargs,
        )


class CountryDetailView(TemplateView):
    template_name = "partnerships/country_detail.html"

    def get_context_data(self, **kwargs):
        country = selectors.country_get(kwargs["slug"])
        if country is None:
            raise Http404
        return super().get_context_data(
            country=country,
            summary=selectors.country_summary(country),
            page_obj=paginate(self.request, selectors.partnerships_for_country(country)),
            **kwargs,
        )


class OrganisationDetailView(TemplateView):
    template_name = "partnerships/organisation_detail.html"

    def get_context_data(self, **kwargs):
        organisation = selectors.organisation_get(kwargs["slug"])
        if organisation is None:
            raise Http404
        return super().get_context_data(
            organisation=organisation,
            summary=selectors.organisation_summary(organisation),
            page_obj=paginate(self.request, selectors.partnerships_for_organisation(organisation)),
            **kwargs,
        )


class ThemeIndexView(TemplateView):
    template_name = "partnerships/theme_index.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(themes=selectors.theme_list_with_counts(), **kwargs)


class ThemeDetailView(TemplateView):
    template_name = "partnerships/theme_detail.html"

    def get_context_data(self, **kwargs):
        theme = selectors.theme_get(kwargs["slug"])
        if theme is None:
            raise Http404
        return super().get_context_data(
            theme=theme,
            page_obj=paginate(self.request, selectors.partnerships_for_theme(theme)),
            **kwargs,
        )


# --- Stories --------------------------------------------------------------------------------


class StoryListView(TemplateView):
    template_name = "partnerships/story_list.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            page_obj=paginate(self.request, selectors.story_list_public(), per_page=12), **kwargs
        )


class StoryDetailView(TemplateView):
    template_name = "partnerships/story_detail.html"

    def get_context_data(self, **kwargs):
        story = selectors.story_get_public(kwargs["slug"], include_drafts=can_preview(self.request))
        if story is None:
            raise Http404
        return super().get_context_data(story=story, **kwargs)

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if not context["story"].is_published:
            response["X-Robots-Tag"] = "noindex"
            response["Cache-Control"] = "private, no-store"
        return response


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

EXPORT_COLUMNS = [
    "slug",
    "url_sv",
    "url_en",
    "title_sv",
    "title_en",
    "summary_sv",
    "summary_en",
    "country_code",
    "country_sv",
    "country_en",
    "swedish_organisations_sv",
    "swedish_organisations_en",
    "swedish_organisation_codes",
    "partner_organisations_sv",
    "partner_organisations_en",
    "themes_sv",
    "themes_en",
    "theme_slugs",
    "phase",
    "status",
    "start_year",
    "end_year",
    "network_sv",
    "network_en",
    "reference_number",
]
LIST_COLUMNS = {
    "swedish_organisations_sv",
    "swedish_organisations_en",
    "swedish_organisation_codes",
    "partner_organisations_sv",
    "partner_organisations_en",
    "themes_sv",
    "themes_en",
    "theme_slugs",
}


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
        "swedish_organisation_codes": [org.code for org in swedish],
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


class _Echo:
    def write(self, value):
        return value


def export_csv(request):
    """The current (filtered) list as CSV, UTF-8 with a byte order mark for spreadsheets."""
    writer = csv.writer(_Echo())

    def lines():
        yield "\ufeff" + writer.writerow(EXPORT_COLUMNS)
        for row in _export_rows(request):
            yield writer.writerow(
                [
                    "; ".join(row[key])
                    if key in LIST_COLUMNS
                    else ("" if row[key] is None else row[key])
                    for key in EXPORT_COLUMNS
                ]
            )

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="icld-partnerships.csv"'
    return response


def export_json(request):
    """The current (filtered) list as JSON: ``{"columns": [...], "partnerships": [...]}``."""
    rows = list(_export_rows(request))
    response = JsonResponse(
        {
            "source": _("ICLD municipal partnerships"),
            "source_url": settings.ICLD_SITE_URL + reverse("partnerships:list"),
            "count": len(rows),
            "columns": EXPORT_COLUMNS,
            "partnerships": rows,
        },
        json_dumps_params={"ensure_ascii": False, "indent": 1},
    )
    response["Content-Disposition"] = 'inline; filename="icld-partnerships.json"'
    return response


# --- Issue 4: partner seekers, interest registration, application rounds ------------------


class SeekerListView(TemplateView):
    """Open partner seekers that agreed to be listed, filterable by country and theme."""

    template_name = "partnerships/seeker_list.html"

    def get_context_data(self, **kwargs):
        countries, themes = selectors.seeker_filter_options()
        form = SeekerFilterForm(self.request.GET or None, countries=countries, themes=themes)
        filters = form.filters()
        page = paginate(self.request, selectors.seeker_list_public(filters))
        return super().get_context_data(
            form=form, filters=filters, page_obj=page, rounds=selectors.round_status(), **kwargs
        )


class RegistrationView(PublicFormView):
    """Register a Swedish organisation's interest in a partnership."""

    template_name = "partnerships/registration_form.html"
    form_class = InterestRegistrationForm
    rate_limit_scope = "partnership-interest"

    def get_initial(self):
        initial = super().get_initial()
        slug = self.request.GET.get("seeker", "")
        if isinstance(slug, str) and slug:
            initial.update(InterestRegistrationForm.initial_for_seeker(slug[:140]))
        return initial

    def get_context_data(self, **kwargs):
        return super().get_context_data(rounds=selectors.round_status(), **kwargs)

    def submit(self, form):
        return services.registration_submit(**form.service_kwargs())

    def get_success_url_for(self, result) -> str:
        return reverse("partnerships:register_thanks")

    def honeypot_success_url(self) -> str:
        return reverse("partnerships:register_thanks")


class RegistrationThanksView(TemplateView):
    template_name = "partnerships/registration_thanks.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(rounds=selectors.round_status(), **kwargs)
