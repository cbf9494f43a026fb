"""One submission token names one submission, on every public form.

Resending a form as it was (a double click, a reload) shows the same thank-you page and saves
nothing more. Sending the token again with other content is not thanked for: the form comes
back with what was typed, a message in the page's language and a fresh token, and sending that
saves the new content as a submission of its own.
"""

from __future__ import annotations

import re
import uuid

import pytest
from django.urls import reverse
from django.utils import translation

from alerts.models import ManageLinkRequest, Subscription
from alerts.tests.factories import make_subscription
from core.models import AccessibilityReport
from knowledge.models import Registration
from knowledge.tests.factories import make_event
from partnerships.models import InterestRegistration
from partnerships.tests import factories as partnership_factories
from programmes.models import HostingOffer
from programmes.tests.test_forms_hosting import valid_data as hosting_data

pytestmark = pytest.mark.django_db

MESSAGE = {
    "sv": "Det här formuläret har redan skickats en gång, med ett annat innehåll.",
    "en": "This form has already been sent once, with different content.",
}


def path(name: str, language: str, **kwargs) -> str:
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


def accessibility(language):
    data = {
        "kind": "barrier",
        "page_url": "/sv/",
        "description": "Knappen går inte att nå med tangentbordet.",
        "name": "Anna",
        "email": "anna@example.se",
        "consent": "on",
    }
    return path("core:accessibility_report", language), data, "description", AccessibilityReport


def interest(language):
    data = {
        "organisation": str(partnership_factories.swedish("vara").pk),
        "contact_name": "Anna Ek",
        "role": "Internationell samordnare",
        "email": "anna.ek@vara.example",
        "phone": "0512-310 00",
        "countries": ["KE"],
        "themes": ["environment-and-climate"],
        "message": "Vi vill arbeta med klimat.",
        "language": language,
        "consent": "on",
    }
    return path("partnerships:register", language), data, "message", InterestRegistration


def event_sign_up(language):
    event = make_event(capacity=None)
    data = {
        "name": "Ada Lovelace",
        "email": "ada@example.org",
        "organisation": "Vara kommun",
        "needs": "",
        "consent": "on",
    }
    return (
        path("knowledge:event_register", language, slug=event.slug),
        data,
        "email",
        Registration,
    )


def hosting_offer(language):
    data = hosting_data(message="Vi tar gärna emot en grupp.")
    return path("programmes:hosting_offer", language), data, "message", HostingOffer


def alert(language):
    data = {"email": "reader@example.org", "language": language, "frequency": "weekly"}
    return path("alerts:subscribe", language, kind="events"), data, "email", Subscription


def manage_link(language):
    make_subscription(email="reader@example.org")
    make_subscription(email="other.reader@example.org")
    data = {"email": "reader@example.org"}
    return path("alerts:manage_request", language), data, "email", ManageLinkRequest


FORMS = [accessibility, interest, event_sign_up, hosting_offer, alert, manage_link]


def changed(field: str, value: str) -> str:
    if field == "email":
        return "other." + value
    return value + " Och en sak till."


def token_in(html: str) -> str:
    return re.search(r'name="submission_token" value="([^"]+)"', html).group(1)


@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.parametrize("build", FORMS, ids=lambda build: build.__name__)
def test_a_token_sent_again_with_other_content_shows_the_form_again(client, build, language):
    url, data, field, model = build(language)
    token = str(uuid.uuid4())
    first = {**data, "submission_token": token, "website": ""}
    thanks = client.post(url, first)
    assert thanks.status_code == 302, thanks.content.decode()[:2000]
    again = client.post(url, first)  # a double click or a reload: the same page, nothing new
    assert again.status_code == 302 and again["Location"] == thanks["Location"]
    assert model.objects.count() == 1

    other = changed(field, data[field])
    response = client.post(url, {**first, field: other})
    assert response.status_code == 409
    html = response.content.decode()
    assert f'lang="{language}"' in html
    assert MESSAGE[language] in html
    assert other in html  # what was typed is kept
    fresh = token_in(html)
    assert fresh != token
    assert model.objects.count() == 1

    saved = client.post(url, {**first, field: other, "submission_token": fresh})
    assert saved.status_code == 302
    assert model.objects.count() == 2
