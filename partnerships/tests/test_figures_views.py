"""The figures page: numbers that agree with the lists, SVG charts with a table and data
files behind each, in both languages; and the open data with its licence and columns."""

import csv
import io
import re

import openpyxl
import pytest
from django.utils import translation
from django.utils.html import escape

from partnerships import opendata, selectors
from partnerships.tests import factories
from partnerships.tests.helpers import url
from reference.models import Organisation


@pytest.fixture
def spread():
    """Partnerships in three countries, one completed, over several years."""
    return [
        factories.partnership(
            country="KE", start_year=2015, themes=("education", "gender-equality")
        ),
        factories.partnership(country="KE", start_year=2020, end_year=2022, status="completed"),
        factories.partnership(country="XK", start_year=2020, themes=("education",)),
        factories.partnership(country="CN", start_year=2012, end_year=2014, status="completed"),
        factories.partnership(country="ZM", start_year=2024, publish=False),  # a draft
    ]


def _figures(html: str) -> dict[str, int]:
    pairs = re.findall(r"<dt>(.*?)</dt><dd>(\d+)</dd>", html)
    return {label: int(value) for label, value in pairs}


@pytest.mark.parametrize(
    ("language", "active_label", "all_label", "heading"),
    [
        (
            "sv",
            "Länder med pågående partnerskap",
            "Länder med partnerskap, tidigare och nu",
            "<h2>Länder med partnerskap, tidigare och nu</h2>",
        ),
        (
            "en",
            "Countries with active partnerships",
            "Countries with partnerships, past and present",
            "<h2>Countries with partnerships, past and present</h2>",
        ),
    ],
)
def test_the_country_figures_agree_with_the_country_list(
    client, spread, language, active_label, all_label, heading
):
    html = client.get(url("index", language)).text
    figures = _figures(html)
    listed = html.split(heading, 1)[1].split("</ul>", 1)[0]
    assert listed.count('class="tag"') == figures[all_label] == 3  # Kenya, Kosovo, China
    assert figures[active_label] == 2  # Kenya and Kosovo
    assert figures[all_label] == len(selectors.country_list_with_counts())
    figures_page = _figures(client.get(url("figures", language)).text)
    assert figures_page[active_label] == 2 and figures_page[all_label] == 3


def test_chart_data_counts_what_each_chart_says(spread, settings):
    by_year = {row.year: row for row in selectors.partnerships_by_year()}
    assert min(by_year) == 2012
    assert (by_year[2014].started, by_year[2014].active) == (0, 1)  # China, 2012–2014
    assert (by_year[2020].started, by_year[2020].active) == (2, 3)
    assert by_year[2023].active == 2  # the completed Kenyan one ended in 2022
    countries = selectors.partnerships_by_country()
    assert [(row.key, row.active, row.completed) for row in countries] == [
        ("KE", 1, 1),
        ("CN", 0, 1),
        ("XK", 1, 0),
    ]
    themes = {row.key: row.total for row in selectors.partnerships_by_theme()}
    assert themes["education"] == 2  # a partnership with two themes counts under each


@pytest.mark.parametrize(
    ("language", "title", "table"),
    [
        ("sv", "Pågående partnerskap varje år", "Diagrammet som tabell"),
        ("en", "Partnerships active each year", "The chart as a table"),
    ],
)
def test_each_chart_is_an_svg_image_with_title_description_table_and_data(
    client, spread, language, title, table
):
    html = client.get(url("figures", language)).text
    svgs = re.findall(r"<svg [^>]*>.*?</svg>", html, flags=re.S)
    assert len(svgs) == 3
    for svg in svgs:
        assert 'role="img"' in svg
        labelled = re.search(r'aria-labelledby="([^"]+)"', svg).group(1).split()
        for element_id in labelled:
            assert re.search(rf'<(title|desc) id="{element_id}">[^<]+</\1>', svg), element_id
    assert f">{title}</title>" in html
    assert html.count(f"<summary>{table}</summary>") == 3
    assert html.count("<table>") == 3
    # One bar per country, and the table's numbers are the chart's.
    countries = html.split('id="countries-heading"', 1)[1].split("</section>", 1)[0]
    assert countries.count('class="chart-row"') == 3
    with translation.override(language):
        kenya = "Kenya"
    assert re.search(rf"<th scope=\"row\">{kenya}</th><td>1</td><td>1</td><td>2</td>", countries)
    for chart in ("years", "countries", "themes"):
        for fmt in ("csv", "xlsx", "json"):
            link = url("chart_data", language, chart=chart, fmt=fmt)
            assert f'href="{link}"' in html


def test_a_charts_csv_holds_the_same_numbers_as_its_table(client, spread):
    response = client.get(url("chart_data", "en", chart="countries", fmt="csv"))
    assert response["Content-Type"].startswith("text/csv")
    assert 'rel="license"' in response["Link"]
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == opendata.BY_COUNTRY.names
    assert [(r["country_code"], r["active"], r["completed"], r["total"]) for r in rows] == [
        ("KE", "1", "1", "2"),
        ("CN", "0", "1", "1"),
        ("XK", "1", "0", "1"),
    ]
    years = client.get(url("chart_data", "sv", chart="years", fmt="json")).json()
    assert years["licence"]["name"] == "CC BY 4.0"
    assert {"year": 2020, "started": 2, "active": 3} in years["rows"]


def test_unknown_charts_and_formats_are_not_found(client):
    assert client.get(url("chart_data", "en", chart="planets", fmt="csv")).status_code == 404
    assert client.get(url("chart_data", "en", chart="years", fmt="exe")).status_code == 404


@pytest.mark.parametrize(
    ("language", "empty"), [("sv", "Inga publicerade"), ("en", "No published")]
)
def test_without_partnerships_the_page_says_so_instead_of_drawing(client, language, empty):
    factories.partnership(publish=False)
    html = client.get(url("figures", language)).text
    assert 'class="chart-svg"' not in html
    assert html.count(empty) == 3


# --- Open data -----------------------------------------------------------------------------


@pytest.fixture
def coded():
    """One partnership with a municipality whose code starts with 0, a region and a
    federation (which has no code), and a title that starts like a formula."""
    federation = Organisation.objects.create(
        kind=Organisation.Kind.FEDERATION,
        country_id="SE",
        short_name="Testförbundet",
        name_sv="Testförbundet",
        name_en="Test Federation",
        slug="testforbundet",
    )
    partnership = factories.partnership(
        swedish_slugs=("upplands-vasby", "region-skane", federation.slug),
        title_en='=HYPERLINK("http://evil.example")',
        start_year=2019,
    )
    return partnership


def _workbook(content: bytes):
    """The workbook as Excel and pandas read it (openpyxl)."""
    return openpyxl.load_workbook(io.BytesIO(content))


def test_codes_keep_their_zero_and_each_column_holds_one_kind_of_code(client, coded):
    response = client.get(url("export_csv", "en"))
    rows = list(
        csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")))
    )
    (row,) = rows
    assert list(row) == opendata.PARTNERSHIPS.names
    assert row["municipality_codes"] == "0114"  # not the region's 12, no empty item
    assert row["county_codes"] == "01;12"
    assert row["swedish_organisations_en"].count(";") == 2
    assert row["title_en"].startswith("'=")  # never run as a formula
    data = client.get(url("export_json", "en")).json()
    assert data["licence"]["url"] == opendata.LICENCE_URL
    assert data["column_types"]["municipality_codes"] == "codes"
    assert data["partnerships"][0]["municipality_codes"] == ["0114"]


def test_the_excel_workbook_keeps_codes_as_text_and_states_the_licence(client, coded):
    response = client.get(url("export_xlsx", "sv"))
    assert (
        response["Content-Type"]
        == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert response["Content-Disposition"].endswith('.xlsx"')
    book = _workbook(response.content)
    data, about = book.worksheets
    header, row = list(data.iter_rows(max_row=2))
    names = [cell.value for cell in header]
    assert names == opendata.PARTNERSHIPS.names
    cells = dict(zip(names, row, strict=True))
    code = cells["municipality_codes"]
    assert code.value == "0114" and code.data_type == "s" and code.number_format == "@"
    year = cells["start_year"]
    assert year.value == 2019 and year.data_type == "n"
    assert cells["title_en"].value.startswith("'=HYPERLINK")  # never run as a formula
    assert data.freeze_panes == "A2" and header[0].font.bold
    assert "CC BY 4.0" in book.properties.subject and "CC BY 4.0" in book.properties.description
    assert book.properties.language == "sv"
    about_text = " ".join(str(c.value) for r in about.iter_rows() for c in r if c.value)
    assert "Licens" in about_text and "Licence" in about_text
    assert "municipality_codes" in about_text


@pytest.mark.parametrize(("language", "licence"), [("sv", "Licens"), ("en", "Licence")])
def test_the_open_data_page_documents_every_column_and_the_licence(client, language, licence):
    html = client.get(url("open_data", language)).text
    assert f'<h2 id="licence">{licence}</h2>' in html
    assert f'href="{opendata.LICENCE_URL}" rel="license"' in html
    for dataset in opendata.DATASETS.values():
        for column in dataset.columns:
            assert f"<code>{column.name}</code>" in html, column.name
    with translation.override(language):
        assert escape(str(opendata.PARTNERSHIPS.columns[0].description)) in html
    listing = client.get(url("list", language)).text
    assert url("open_data", language) in listing and url("export_xlsx", language) in listing


def test_every_chart_file_neutralises_names_that_start_like_formulas(client):
    from reference.models import Theme

    theme = Theme.objects.get(slug="education")
    theme.name_sv, theme.name_en = "=SUM(1,2) tema", "@SUM(1,2) theme"
    theme.save()
    factories.partnership(themes=("education",))
    text = b"".join(
        client.get(url("chart_data", "en", chart="themes", fmt="csv")).streaming_content
    ).decode("utf-8-sig")
    (row,) = list(csv.DictReader(io.StringIO(text)))
    assert (row["theme_sv"], row["theme_en"]) == ("'=SUM(1,2) tema", "'@SUM(1,2) theme")
    workbook = client.get(url("chart_data", "en", chart="themes", fmt="xlsx")).content
    (_header, cells) = _workbook(workbook).worksheets[0].iter_rows(max_row=2)
    texts = {cell.value for cell in cells if cell.data_type == "s"}
    assert "'=SUM(1,2) tema" in texts and "'@SUM(1,2) theme" in texts
