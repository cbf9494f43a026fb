"""What the public pages of the partnership database share."""

from core.pagination import paginate as core_paginate

PER_PAGE = 20


def paginate(request, queryset, per_page: int = PER_PAGE):
    return core_paginate(request, queryset, per_page)


def can_preview(request) -> bool:
    return request.user.is_authenticated and request.user.is_staff
