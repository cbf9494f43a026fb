"""core.submissions.save_once: one row per submission token, whatever is posted."""

import threading
import uuid

import pytest
from django.db import IntegrityError, connection

from core.models import AccessibilityReport
from core.submissions import SubmissionTokenReused, fields_match, save_once


def make(token, **fields):
    return lambda: AccessibilityReport.objects.create(
        kind="barrier",
        description=fields.get("description", "x"),
        email="a@example.se",
        language="sv",
        submission_token=token,
    )


def same(description="x"):
    return lambda row: fields_match(row, description=description, email="a@example.se")


@pytest.mark.django_db
def test_a_second_post_gets_the_first_row_back():
    token = uuid.uuid4()
    first = save_once(
        AccessibilityReport, token, make(token, description="first"), same=same("first")
    )
    again = save_once(
        AccessibilityReport, token, make(token, description="first"), same=same("first")
    )
    assert again.pk == first.pk and again.description == "first"
    assert AccessibilityReport.objects.count() == 1


@pytest.mark.django_db
def test_the_same_token_with_other_content_is_refused():
    token = uuid.uuid4()
    save_once(AccessibilityReport, token, make(token, description="first"), same=same("first"))
    with pytest.raises(SubmissionTokenReused):
        save_once(
            AccessibilityReport, token, make(token, description="second"), same=same("second")
        )
    assert list(AccessibilityReport.objects.values_list("description", flat=True)) == ["first"]


@pytest.mark.django_db
def test_fields_match_compares_related_rows_and_lists_as_sets():
    from reference.models import Country

    kenya, china = Country.objects.get(code="KE"), Country.objects.get(code="CN")

    class Row:
        country = kenya
        country_id = "KE"
        kinds = ["a", "b"]

    assert fields_match(Row, country=kenya, country_id="KE", kinds=["b", "a", "a"])
    assert not fields_match(Row, country=china)
    assert not fields_match(Row, kinds=["a"])


@pytest.mark.django_db
def test_another_integrity_error_is_not_hidden():
    def broken():
        raise IntegrityError("some other constraint")

    with pytest.raises(IntegrityError):
        save_once(AccessibilityReport, uuid.uuid4(), broken, same=same())


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_racing_posts_with_one_token_save_one_row():
    token = uuid.uuid4()
    barrier = threading.Barrier(4)
    results, errors = [], []

    def post():
        try:
            barrier.wait()
            results.append(save_once(AccessibilityReport, token, make(token), same=same()).pk)
        except Exception as error:  # the test reports any failure below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=post) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(set(results)) == 1
    assert AccessibilityReport.objects.filter(submission_token=token).count() == 1
