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
