"""One way to split a list into pages, for every list of the portal."""

from __future__ import annotations

from django.core.paginator import Page, Paginator


def paginate(request, items, per_page: int, *, count: int | None = None) -> Page:
    """The requested page (``?page=``) of ``items``; a page number that is not a number, or too
    big, gives a real page. ``count``: the number of items when already known (no query to
    count them). Show it with ``templates/includes/_pagination.html``."""
    paginator = Paginator(items, per_page)
    if count is not None:
        paginator.count = count
    return paginator.get_page(request.GET.get("page"))
