"""What partnerships add to the portal's shared features."""

from __future__ import annotations

from partnerships.tests import factories


def test_staff_start_page_entry_counts_new_registrations():
    from core import registries

    entry = registries.start_page["partnerships.new_interest_registrations"]
    factories.registration()
    assert entry.queryset().count() == 1
    assert entry.model == "partnerships.InterestRegistration"
