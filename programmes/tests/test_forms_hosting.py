from datetime import date, timedelta

import pytest
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from programmes.forms import HostingOfferForm, HostingPeriodForm
from programmes.tests.conftest import municipality
from reference.models import Theme

pytestmark = pytest.mark.django_db


def valid_data(**changes) -> dict:
    data = {
        "organisation": str(municipality().pk),
        "contact_name": "Anna Andersson",
        "email": "anna@vara.example",
        "phone": "0512-310 00",
        "hosting_kinds": ["group_visit"],
        "themes": [str(Theme.objects.get(slug="human-rights").pk)],
        "capacity": "30",
        "languages": ["en"],
        "accessibility": "step_free",
        "consent": "on",
        "periods-TOTAL_FORMS": "1",
        "periods-INITIAL_FORMS": "0",
        "periods-MIN_NUM_FORMS": "1",
        "periods-MAX_NUM_FORMS": "10",
        "periods-0-starts_on": "2027-09-01",
        "periods-0-ends_on": "2027-09-30",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_valid_offer_gives_the_service_everything(frozen_now):
    form = HostingOfferForm(valid_data())
    assert form.is_valid(), form.errors
    kwargs = form.service_kwargs()
    assert kwargs["organisation"] == municipality()
    assert kwargs["periods"] == [(date(2027, 9, 1), date(2027, 9, 30))]


@pytest.mark.parametrize("forged", ["999999", "abc", "-1", "1; DROP TABLE", "", "0x10"])
def test_forged_organisation_is_a_form_error(frozen_now, forged):
    form = HostingOfferForm(valid_data(organisation=forged))
    assert not form.is_valid()
    assert "organisation" in form.errors


def test_only_swedish_municipalities_and_regions_can_be_chosen(frozen_now):
    from reference.models import Organisation

    foreign = Organisation.objects.exclude(kind__in=["municipality", "region"]).first()
    if foreign is not None:
        assert not HostingOfferForm(valid_data(organisation=str(foreign.pk))).is_valid()
    choices = HostingOfferForm().fields["organisation"].choices
    groups = [label for label, options in choices if isinstance(options, list)]
    assert "Västra Götalands län" in groups  # one optgroup per county
    # 290 municipalities (Region Gotland among them) and the 20 other regions.
    assert sum(len(options) for _label, options in choices if isinstance(options, list)) == 310


@pytest.mark.parametrize(
    ("start", "end", "field"),
    [
        ("2026-11-27", "2026-12-05", "starts_on"),  # today is not in the future
        ("2026-11-20", "2026-12-05", "starts_on"),
        ("2027-09-30", "2027-09-01", "ends_on"),  # ends before it starts
        ("2027-09-01", "2031-01-01", "ends_on"),  # too far ahead
        ("2027-02-30", "2027-03-01", "starts_on"),  # not a date
    ],
)
def test_period_dates_are_checked(frozen_now, start, end, field):
    form = HostingPeriodForm({"starts_on": start, "ends_on": end})
    assert not form.is_valid()
    assert field in form.errors


def test_future_is_judged_by_the_day_in_stockholm_not_utc(frozen_now):
    # 23:30 on 27 November in Stockholm is 22:30 UTC: tomorrow (the 28th) is in the future.
    frozen_now("2026-11-27 23:30")
    assert HostingPeriodForm({"starts_on": "2026-11-28", "ends_on": "2026-11-29"}).is_valid()
    # 00:30 on 28 November in Stockholm is still 27 November in UTC, but in Sweden the 28th
    # has begun: a period starting on the 28th no longer starts after today.
    frozen_now("2026-11-28 00:30")
    form = HostingPeriodForm({"starts_on": "2026-11-28", "ends_on": "2026-11-29"})
    assert not form.is_valid()
    assert "starts_on" in form.errors


def test_overlapping_periods_are_refused_and_reported_in_the_summary(frozen_now):
    with translation.override("en"):
        form = HostingOfferForm(
            valid_data(
                **{
                    "periods-TOTAL_FORMS": "2",
                    "periods-1-starts_on": "2027-09-15",
                    "periods-1-ends_on": "2027-10-15",
                }
            )
        )
        assert not form.is_valid()
        # Once, in the summary's list of period errors (not also in the form's own list).
        assert not form.non_field_errors()
        errors = form.period_errors()
        assert [e["anchor"] for e in errors] == ["id_periods-0-starts_on"]
        assert "overlap" in errors[0]["message"]


def test_extra_empty_periods_are_ignored_and_the_first_is_required(frozen_now):
    form = HostingOfferForm(valid_data(**{"periods-TOTAL_FORMS": "3"}))
    assert form.is_valid(), form.errors
    assert len(form.service_kwargs()["periods"]) == 1
    form = HostingOfferForm(valid_data(**{"periods-0-starts_on": "", "periods-0-ends_on": ""}))
    assert not form.is_valid()


def test_themes_or_free_text_expertise_is_needed(frozen_now):
    assert not HostingOfferForm(valid_data(themes=None)).is_valid()
    assert HostingOfferForm(valid_data(themes=None, expertise="Water and sanitation")).is_valid()


def test_errors_are_written_in_the_visitors_language(frozen_now):
    with translation.override("sv"):
        form = HostingOfferForm(valid_data(consent=None))
        assert form.errors["consent"] == [
            "Vi behöver ditt samtycke för att spara och använda uppgifterna."
        ]
    with translation.override("en"):
        form = HostingOfferForm(valid_data(consent=None))
        assert form.errors["consent"] == ["We need your consent to store and use the details."]


def test_rebuilt_form_keeps_everything_typed_and_adds_an_empty_period(frozen_now):
    data = valid_data(**{"submission_token": "6b0a3c5e-1f59-4a5a-9a2c-3d2d3f4e5a6b"})
    form = HostingOfferForm.rebuilt_from(data, add=True)
    assert not form.is_bound
    assert len(form.periods.forms) == 2
    html = form.periods.forms[0].as_div()
    assert 'value="2027-09-01"' in html
    assert form.initial["contact_name"] == "Anna Andersson"
    assert str(form.initial["submission_token"]) == "6b0a3c5e-1f59-4a5a-9a2c-3d2d3f4e5a6b"
    assert form.periods.management_form["INITIAL_FORMS"].value() == 0
    fewer = HostingOfferForm.rebuilt_from(
        {**data, "periods-TOTAL_FORMS": "2", "periods-1-starts_on": "2027-10-01"}, remove=0
    )
    assert [f.initial for f in fewer.periods.forms] == [{"starts_on": "2027-10-01", "ends_on": ""}]


# --- Property-based: whatever is posted, the form answers with errors, never an exception ---

FIXTURE_CHECK = [HealthCheck.function_scoped_fixture]  # frozen_now is the same for every example
text = st.text(max_size=400)
field_values = st.one_of(text, st.lists(text, max_size=3), st.integers().map(str))
FIELDS = [
    "organisation",
    "contact_name",
    "contact_role",
    "email",
    "phone",
    "hosting_kinds",
    "themes",
    "expertise",
    "programmes",
    "capacity",
    "languages",
    "accessibility",
    "accessibility_notes",
    "message",
    "may_be_listed",
    "consent",
    "submission_token",
    "periods-TOTAL_FORMS",
    "periods-0-starts_on",
    "periods-0-ends_on",
    "periods-1-ends_on",
]


def to_querydict(data: dict):
    from django.http import QueryDict

    query = QueryDict(mutable=True)
    for key, value in data.items():
        query.setlist(key, value if isinstance(value, list) else [value])
    return query


@settings(max_examples=60, deadline=None, suppress_health_check=FIXTURE_CHECK)
@given(st.dictionaries(st.sampled_from(FIELDS), field_values, max_size=len(FIELDS)))
def test_any_input_is_validated_without_crashing(frozen_now, data):
    form = HostingOfferForm(to_querydict(data))
    if form.is_valid():
        kwargs = form.service_kwargs()
        assert all(start > date(2026, 11, 27) and end >= start for start, end in kwargs["periods"])
    else:
        assert form.errors


@settings(max_examples=60, deadline=None, suppress_health_check=FIXTURE_CHECK)
@given(
    name=st.text(min_size=1, max_size=120).filter(lambda s: s.strip() and "\x00" not in s),
    offset=st.integers(min_value=1, max_value=700),
    length=st.integers(min_value=0, max_value=120),
    capacity=st.integers(min_value=1, max_value=200),
)
def test_valid_offers_are_accepted_and_cleaned(frozen_now, name, offset, length, capacity):
    start = date(2026, 11, 27) + timedelta(days=offset)
    end = start + timedelta(days=length)
    form = HostingOfferForm(
        valid_data(
            **{
                "contact_name": name,
                "capacity": str(capacity),
                "periods-0-starts_on": start.isoformat(),
                "periods-0-ends_on": end.isoformat(),
            }
        )
    )
    cleaned_name = "".join(ch for ch in name if ch in "\n\t" or (ord(ch) >= 32 and ord(ch) != 127))
    if not cleaned_name.strip():
        assert not form.is_valid()
        return
    assert form.is_valid(), form.errors
    assert form.service_kwargs()["periods"] == [(start, end)]
    assert form.cleaned_data["contact_name"] == cleaned_name.strip()


@pytest.mark.parametrize("name", ["\x1b", "\x07\x08", " \x1b "])
def test_a_name_of_control_characters_only_is_missing(frozen_now, name):
    # Found by the property test above: such a name was saved as an empty string.
    form = HostingOfferForm(valid_data(contact_name=name))
    assert not form.is_valid()
    assert "contact_name" in form.errors


def test_no_period_at_all_says_so_once_in_both_languages(frozen_now):
    empty = {"periods-0-starts_on": "", "periods-0-ends_on": ""}
    for language, wording in (
        ("en", "Give at least one period when you can host."),
        ("sv", "Ange minst en period då ni kan ta emot besök."),
    ):
        with translation.override(language):
            form = HostingOfferForm(valid_data(**empty))
            assert not form.is_valid()
            assert form.period_errors() == [
                {"message": wording, "anchor": "id_periods-0-starts_on"}
            ]
            assert "Please submit" not in str(form.period_errors())


def test_each_period_error_names_its_period_and_links_to_its_input(frozen_now):
    data = valid_data(
        **{
            "periods-TOTAL_FORMS": "2",
            "periods-1-starts_on": "2027-10-10",
            "periods-1-ends_on": "2027-10-01",
        }
    )
    with translation.override("sv"):
        errors = HostingOfferForm(data).period_errors()
    assert errors == [
        {
            "message": "Period 2, till: Slutdatumet kan inte vara före startdatumet.",
            "anchor": "id_periods-1-ends_on",
        }
    ]


def test_areas_say_what_is_required_before_any_error(frozen_now):
    for language, wording in (
        ("en", "Choose at least one area, or describe your expertise in the box below."),
        ("sv", "Välj minst ett område eller beskriv er kompetens i rutan nedan."),
    ):
        with translation.override(language):
            assert wording in str(HostingOfferForm().fields["themes"].help_text)
