"""Every public form says what its asterisk means before anyone makes a mistake, in the
visitor's language."""

import pytest
from django.urls import reverse
from django.utils import translation

from knowledge.tests.factories import make_event

pytestmark = pytest.mark.django_db

NOTE = {
    "sv": 'Fält markerade med <span class="asteriskField">*</span> måste fyllas i.',
    "en": 'Fields marked <span class="asteriskField">*</span> must be filled in.',
}


@pytest.mark.parametrize("language", ["sv", "en"])
def test_every_public_form_explains_its_asterisk(client, language):
    event = make_event(capacity=50)
    with translation.override(language):
        forms = [
            reverse("partnerships:register"),
            reverse("programmes:hosting_offer"),
            reverse("core:accessibility_report"),
            reverse("alerts:subscribe", kwargs={"kind": "partnerships"}),
            reverse("knowledge:event_register", kwargs={"slug": event.slug}),
        ]
    for path in forms:
        response = client.get(path)
        assert response.status_code == 200, path
        html = response.content.decode()
        assert html.count(NOTE[language]) == 1, path
        assert "Fields marked with * are required" not in html  # said once, one way
        # Before the first field, not after it.
        assert html.index(NOTE[language]) < html.index("requiredField"), path
