"""The figures page (headline figures and three charts, each with its table and data files)
and the open-data page that documents every downloadable column."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, JsonResponse
from django.urls import reverse
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView

from partnerships import charts, opendata, selectors

# The data behind each chart: (dataset, rows as dicts).
CHART_DATA = {
    "years": lambda: [
        {"year": row.year, "started": row.started, "active": row.active}
        for row in selectors.partnerships_by_year()
    ],
    "countries": lambda: [
        {
            "country_code": row.key,
            "country_sv": row.name_sv,
            "country_en": row.name_en,
            "active": row.active,
            "completed": row.completed,
            "total": row.total,
        }
        for row in selectors.partnerships_by_country()
    ],
    "themes": lambda: [
        {
            "theme_slug": row.key,
            "theme_sv": row.name_sv,
            "theme_en": row.name_en,
            "active": row.active,
            "completed": row.completed,
            "total": row.total,
        }
        for row in selectors.partnerships_by_theme()
    ],
}


class FiguresView(TemplateView):
    template_name = "partnerships/figures.html"

    def get_context_data(self, **kwargs):
        countries = selectors.partnerships_by_country()
        return super().get_context_data(
            figures=selectors.figures(with_history=True),
            years=charts.year_chart(selectors.partnerships_by_year()),
            countries=charts.bar_chart(countries),
            themes=charts.bar_chart(selectors.partnerships_by_theme()),
            **kwargs,
        )


class OpenDataView(TemplateView):
    template_name = "partnerships/open_data.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            datasets=[
                (opendata.PARTNERSHIPS, "partnerships"),
                (opendata.BY_YEAR, "years"),
                (opendata.BY_COUNTRY, "countries"),
                (opendata.BY_THEME, "themes"),
            ],
            licence_name=opendata.LICENCE_NAME,
            licence_url=opendata.LICENCE_URL,
            attribution=opendata.ATTRIBUTION,
            **kwargs,
        )


@require_safe
def chart_data(request, chart: str, fmt: str):
    """One chart's data as CSV, an Excel workbook or JSON."""
    if chart not in CHART_DATA or fmt not in ("csv", "xlsx", "json"):
        raise Http404
    dataset = opendata.DATASETS[chart]
    rows = CHART_DATA[chart]()
    filename = f"icld-partnerships-{chart}"
    urls = {
        "source_url": settings.ICLD_SITE_URL + reverse("partnerships:figures"),
        "documentation_url": settings.ICLD_SITE_URL + reverse("partnerships:open_data"),
    }
    if fmt == "csv":
        return opendata.csv_response(dataset, rows, filename=filename)
    if fmt == "xlsx":
        return opendata.xlsx_response(dataset, rows, filename=filename, **urls)
    response = JsonResponse(
        {**opendata.json_metadata(dataset, **urls), "count": len(rows), "rows": rows},
        json_dumps_params={"ensure_ascii": False, "indent": 1},
    )
    response["Link"] = f'<{opendata.LICENCE_URL}>; rel="license"'
    return response
