"""One pagination for every paginated list (templates/includes/_pagination.html)."""

import pytest
from django.conf import settings
from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import translation

from tests.test_stylesheets import templates

PARTIAL = "includes/_pagination.html"


def render(number: int, query: str = "", *, count: int = 300, language: str = "sv") -> str:
    page = Paginator(range(count), 10).get_page(number)
    request = RequestFactory().get("/list/" + query)
    with translation.override(language):
        return render_to_string(PARTIAL, {"page_obj": page}, request=request)


def test_a_middle_page_is_marked_and_its_neighbours_and_ends_are_linked():
    html = render(15, "?q=vatten&sort=title&page=15")
    assert '<nav class="pagination" aria-label="Sidor">' in html
    assert '<span aria-current="page"><span class="visually-hidden">Sida </span>15</span>' in html
    assert html.count('aria-current="page"') == 1
    # The range is elided around the current page, not around page 1.
    for number in (1, 2, 12, 13, 14, 16, 17, 18, 29, 30):
        assert f'<span class="visually-hidden">Sida </span>{number}</a>' in html, number
    for number in (3, 11, 19, 28):
        assert f"</span>{number}</a>" not in html, number
    assert html.count('<span aria-hidden="true">…</span>') == 2


def test_links_keep_the_filters_and_change_only_the_page():
    html = render(15, "?q=vatten&sort=title&page=15&country=kenya&country=serbia")
    kept = "country=kenya&amp;country=serbia&amp;page={}&amp;q=vatten&amp;sort=title"
    assert f'href="?{kept.format(14)}" rel="prev">Föregående</a>' in html
    assert f'href="?{kept.format(16)}" rel="next">Nästa</a>' in html
    assert f'href="?{kept.format(30)}"><span class="visually-hidden">Sida </span>30</a>' in html


def test_the_first_and_last_pages_have_no_link_beyond_them():
    first, last = render(1), render(30)
    assert 'rel="prev"' not in first and 'rel="next"' in first
    assert 'rel="next"' not in last and 'rel="prev"' in last


def test_the_strings_follow_the_language():
    html = render(2, count=30, language="en")
    assert 'aria-label="Pages"' in html and ">Previous<" in html and ">Next<" in html
    assert '<span class="visually-hidden">Page </span>1</a>' in html


def test_a_single_page_shows_no_pagination():
    assert render(1, count=10).strip() == ""


def test_no_template_but_the_partial_builds_a_pagination():
    """Every paginated list includes the partial; the apps' view tests render it with data."""
    partial = settings.BASE_DIR / "templates" / PARTIAL
    builders, includers = [], set()
    for path in templates():
        text = path.read_text()
        if path != partial and ('class="pagination"' in text or 'rel="next"' in text):
            builders.append(path.name)
        if f'{{% include "{PARTIAL}" %}}' in text:
            includers.add(path.name)
    assert builders == []
    assert includers == {
        "_results.html",  # partnerships: the partnership list
        "seeker_list.html",
        "story_list.html",
        "_across_portal.html",  # portal: a country's, organisation's or theme's partnerships
        "programme_list.html",
        "publication_list.html",
        "event_list.html",
    }


@pytest.mark.django_db
@pytest.mark.parametrize(("page", "canonical"), [("¹", ""), ("٣", ""), ("2", "?page=2")])
def test_a_page_number_in_other_digits_is_no_server_error(client, page, canonical):
    """ "¹" and "٣" are digits to Python, not numbers int() reads: the page's own address in
    the head keeps a plain page number only."""
    response = client.get("/en/knowledge-centre/publications/", {"page": page})
    assert response.status_code == 200
    address = f"{settings.ICLD_SITE_URL}/en/knowledge-centre/publications/{canonical}"
    assert f'<link rel="canonical" href="{address}">' in response.content.decode()
