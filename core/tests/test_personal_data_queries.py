"""An export costs a fixed number of queries per kind, however many rows a person has."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from core.personal_data import export_for_email, held_about
from partnerships.tests import factories

pytestmark = pytest.mark.django_db


def queries_for_export(email: str) -> int:
    with CaptureQueriesContext(connection) as context:
        export_for_email(email)
    return len(context.captured_queries)


def test_more_rows_about_a_person_cost_no_more_queries():
    factories.registration(email="eva@vara.example")
    one = queries_for_export("eva@vara.example")
    for _ in range(4):
        factories.registration(email="eva@vara.example")
    assert queries_for_export("eva@vara.example") == one


def test_held_about_counts_each_kind():
    factories.registration(email="eva@vara.example")
    factories.registration(email="eva@vara.example")
    with translation.override("en"):
        counts = dict(held_about("EVA@vara.example"))
    assert counts["Interest registrations for a municipal partnership"] == 2
