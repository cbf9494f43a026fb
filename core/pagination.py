"""One way to split a list into pages, for every list of the portal."""

from __future__ import annotations

from django.core.paginator import Page, Paginator


def paginate(request, items, per_page: int) -> Page:
    """The requested page (``?page=``) of ``items``; a page number that is not a number, or too
    big, gives a real page. ``page_range`` is elided ("1 2 … 9 10") for the pagination partial."""
    page = Paginator(items, per_page).get_page(request.GET.get("page"))
    page.page_range = list(page.paginator.get_elided_page_range(page.number))
    return page
