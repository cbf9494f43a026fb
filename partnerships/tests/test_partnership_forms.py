from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.search import MAX_QUERY_LENGTH
from partnerships.forms import PartnershipFilterForm
from partnerships.selectors import PartnershipFilters, partnership_list_public

FIELDS = ["q", "country", "organisation", "county", "theme", "phase", "status", "year", "sort"]
values = st.text(max_size=300) | st.sampled_from(
    ["kenya", "vara", "14", "education", "project", "completed", "2019", "title", ""]
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.dictionaries(st.sampled_from(FIELDS), values))
def test_any_input_gives_usable_filters(db, data):
    filters = PartnershipFilterForm(data).to_filters()
    assert isinstance(filters, PartnershipFilters)
    assert len(filters.q) <= MAX_QUERY_LENGTH
    assert all(ch.isprintable() for ch in filters.q)
    list(partnership_list_public(filters)[:5])


def test_valid_values_become_filters(db):
    filters = PartnershipFilterForm(
        {
            "q": "  klimat \x00 ",
            "country": "kenya",
            "organisation": "vara",
            "county": "14",
            "theme": "education",
            "phase": "project",
            "status": "active",
            "year": "2020",
            "sort": "title",
        }
    ).to_filters()
    assert filters.q == "klimat"
    assert filters.country.code == "KE"
    assert filters.organisation.short_name == "Vara"
    assert filters.county.code == "14"
    assert filters.theme.slug == "education"
    assert (filters.phase, filters.status, filters.year, filters.sort) == (
        "project",
        "active",
        2020,
        "title",
    )


def test_invalid_values_are_left_out_and_named(db):
    form = PartnershipFilterForm({"country": "atlantis", "year": "soon", "theme": "education"})
    filters = form.to_filters()
    assert filters.country is None and filters.year is None
    assert filters.theme.slug == "education"
    assert sorted(form.ignored_fields) == ["Partnerland", "Pågående under år"]
