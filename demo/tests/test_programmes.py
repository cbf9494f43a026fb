import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from demo import programmes as programmes_demo
from programmes import selectors
from programmes.models import Intake, Programme, ScheduledVisit

pytestmark = pytest.mark.django_db


def test_demo_content_is_complete_and_a_second_run_writes_nothing(demo_today):
    programmes_demo.seed(stdout=io.StringIO())
    assert Programme.objects.count() == 6
    statuses = {
        p.slug: p.current_intake().application_status()
        for p in Programme.objects.prefetch_related("intakes")
    }
    assert set(statuses.values()) == {
        Intake.ApplicationStatus.OPEN,
        Intake.ApplicationStatus.UPCOMING,
        Intake.ApplicationStatus.CLOSED,
    }
    for programme in Programme.objects.all():
        assert programme.title_sv and programme.title_en and programme.aim_en
        assert programme.eligible_countries.exists()
        assert programme.intakes.filter(phases__kind="sweden").exists()
    assert selectors.hosts_public().count() >= 4
    assert ScheduledVisit.objects.filter(host_may_be_listed=False).exists()

    with CaptureQueriesContext(connection) as queries:
        programmes_demo.seed(stdout=io.StringIO())
    writes = [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].startswith(("INSERT", "UPDATE", "DELETE"))
    ]
    assert writes == []


def test_each_programme_has_its_own_application_information(demo_today):
    programmes_demo.seed(stdout=io.StringIO())
    programmes = list(Programme.objects.all())
    for programme in programmes:
        assert programme.application_period_sv and programme.application_period_en
        assert programme.who_may_apply_sv and programme.who_may_apply_en
        assert programme.contact_name and programme.contact_name != "ICLD"
        assert "@" in programme.contact_email
        assert programme.application_url_sv or programme.application_url_en
    addresses = {p.application_url_sv or p.application_url_en for p in programmes}
    assert len(addresses) == len(programmes)  # no generic page shared by all
    assert len({p.contact_email for p in programmes}) == len(programmes)
