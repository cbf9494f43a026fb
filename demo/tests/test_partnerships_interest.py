from io import StringIO

import pytest
from django.urls import reverse

from demo import partnerships_interest as interest_demo
from partnerships.models import (
    ApplicationRound,
    InterestRegistration,
    Match,
    PartnerSeeker,
    RegistrationEvent,
)

pytestmark = pytest.mark.django_db


def test_demo_is_idempotent():
    interest_demo.seed(StringIO())
    counts = (
        ApplicationRound.objects.count(),
        PartnerSeeker.objects.count(),
        InterestRegistration.objects.count(),
        Match.objects.count(),
        RegistrationEvent.objects.count(),
    )
    interest_demo.seed(StringIO())
    assert counts == (
        ApplicationRound.objects.count(),
        PartnerSeeker.objects.count(),
        InterestRegistration.objects.count(),
        Match.objects.count(),
        RegistrationEvent.objects.count(),
    )
    assert counts[0] == 5 and PartnerSeeker.objects.public().count() == 5
    # Every demo registration is in the round of the day it arrived (or the next one).
    rounds = dict(
        InterestRegistration.objects.values_list("contact_name", "application_round__name_en")
    )
    assert rounds == {
        "Lena Holm": "Spring 2027",
        "Johan Berg": "Autumn 2026",
        "Sara Nilsson": "Autumn 2026",
        "Ahmed Karimi": "Autumn 2023",
    }


def test_every_issue_4_admin_page_opens(staff_client):
    interest_demo.seed(StringIO())
    for model in (
        "applicationround",
        "partnerseeker",
        "interestregistration",
        "match",
        "registrationevent",
    ):
        changelist = reverse(f"admin:partnerships_{model}_changelist")
        assert staff_client.get(changelist).status_code == 200, model
        assert staff_client.get(changelist, {"q": "vara\x00"}).status_code == 200, model
    for model in ("applicationround", "partnerseeker"):
        assert staff_client.get(reverse(f"admin:partnerships_{model}_add")).status_code == 200
    page = staff_client.get(reverse("admin:partnerships_applicationround_changelist"))
    assert "Våren 2027" in page.content.decode()
    registration = InterestRegistration.objects.get(organisation__slug="orebro")
    page = staff_client.get(
        reverse("admin:partnerships_interestregistration_change", args=[registration.pk])
    )
    assert "Kisumu" in page.content.decode()  # the ranked suggestion for a Kenya/climate interest
