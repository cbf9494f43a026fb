"""The demo content: realistic, idempotent, and every page it fills opens."""

from __future__ import annotations

import sys
from io import StringIO

from django.urls import reverse

from partnerships import demo
from partnerships.models import (
    ApplicationRound,
    InterestRegistration,
    Match,
    PartnerSeeker,
    Partnership,
    RegistrationEvent,
    Story,
)


def test_demo_content_is_realistic_and_idempotent():
    demo.seed(stdout=sys.stdout)
    counts = (Partnership.objects.count(), Story.objects.count())
    stamps = dict(Partnership.objects.values_list("slug", "updated_at"))
    demo.seed(stdout=sys.stdout)
    assert (Partnership.objects.count(), Story.objects.count()) == counts
    assert dict(Partnership.objects.values_list("slug", "updated_at")) == stamps
    published = Partnership.objects.published()
    assert published.count() >= 26
    assert published.filter(status="completed").count() >= 5
    assert published.values("country").distinct().count() >= 15
    vara = published.get(slug="vara-huangshan-left-behind-children")
    assert vara.status == "completed" and vara.country_id == "CN"
    assert not vara.country.is_current_partner
    assert vara.stories.get().title_en == "Helping left-behind children"


def test_demo_is_idempotent():
    from partnerships import demo_interest

    demo_interest.seed(StringIO())
    counts = (
        ApplicationRound.objects.count(),
        PartnerSeeker.objects.count(),
        InterestRegistration.objects.count(),
        Match.objects.count(),
        RegistrationEvent.objects.count(),
    )
    demo_interest.seed(StringIO())
    assert counts == (
        ApplicationRound.objects.count(),
        PartnerSeeker.objects.count(),
        InterestRegistration.objects.count(),
        Match.objects.count(),
        RegistrationEvent.objects.count(),
    )
    assert counts[0] == 4 and PartnerSeeker.objects.public().count() == 5


def test_every_issue_4_admin_page_opens(staff_client):
    from partnerships import demo_interest

    demo_interest.seed(StringIO())
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
