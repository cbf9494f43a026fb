"""What the public pages of the partnership database share."""

PER_PAGE = 20


def can_preview(request) -> bool:
    return request.user.is_authenticated and request.user.is_staff
