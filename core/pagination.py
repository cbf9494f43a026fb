"""One way to split a list into pages, for every list of the portal."""

from __future__ import annotations

from django.core.paginator import Page, Paginator


def paginate(request, items, per_page: int) -> Page:
    """The requested page (``?page=``) of ``items``; a page number that is not a number, or too
    big, gives a real page. Show it with ``templates/includes/_pagination.html``."""
    return Paginator(items, per_page).get_page(request.GET.get("page"))
