"""Who may see what only staff see.

Staff are trusted only after both factors: a session that has given the password alone
(django-otp's ``is_verified()`` still false) is treated as a visitor everywhere outside the
second-factor pages, so a stolen password shows no draft.
"""

from __future__ import annotations


def is_verified_staff(user) -> bool:
    """An active staff member who has also given the second factor in this session."""
    if user is None or not user.is_authenticated or not (user.is_active and user.is_staff):
        return False
    is_verified = getattr(user, "is_verified", None)  # set by django_otp's middleware
    return bool(callable(is_verified) and is_verified())


def may_preview_drafts(request) -> bool:
    """Drafts are shown, marked as such, only to verified staff."""
    return is_verified_staff(getattr(request, "user", None))


class DraftPreviewMixin:
    """A detail view whose object may be a draft shown to verified staff: such a page is
    never indexed or stored by a cache. ``preview_object`` names the object in the context."""

    preview_object = "object"

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        shown = context.get(self.preview_object)
        if shown is not None and not shown.is_published:
            response["X-Robots-Tag"] = "noindex"
            response["Cache-Control"] = "private, no-store"
        return response
