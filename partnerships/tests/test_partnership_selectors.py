import pytest

from partnerships import selectors
from partnerships.selectors import PartnershipFilters
from partnerships.tests import factories
from reference.models import Country, County, Organisation, Theme


def slugs(queryset):
    return [partnership.slug for partnership in queryset]


def test_figures_count_published_active_partnerships_only():
    factories.partnership(swedish_slugs=("vara",), country="KE")
    factories.partnership(swedish_slugs=("vara", "ale"), country="TZ")
    factories.partnership(swedish_slugs=("pitea",), country="ZM", status="completed", end_year=2021)
    factories.partnership(swedish_slugs=("umea",), country="UG", publish=False)
    values = {str(figure["label"]): figure["value"] for figure in selectors.figures()}
    assert values == {
        "Svenska organisationer i pågående partnerskap": 2,
        "Pågående partnerskap": 2,
        "Länder med pågående partnerskap": 2,
    }
    with_history = {f["key"]: f["value"] for f in selectors.figures(with_history=True)}
    assert with_history["countries_ever"] == 3  # Zambia's partnership is completed


def test_figures_run_one_query_for_all(django_assert_num_queries):
    factories.partnership()
    with django_assert_num_queries(1):
        selectors.figures(with_history=True)


def test_partnerships_for_organisation_country_and_theme_show_published_only():
    kenyan = factories.foreign_organisation("KE")
    shown = factories.partnership(partners=[kenyan], themes=("gender-equality",))
    factories.partnership(partners=[kenyan], themes=("gender-equality",), publish=False)
    factories.partnership(swedish_slugs=("ale",), country="TZ", themes=("education",))
    assert slugs(
        selectors.partnerships_for_organisation(Organisation.objects.get(slug="vara"))
    ) == [shown.slug]
    assert slugs(selectors.partnerships_for_organisation(kenyan)) == [shown.slug]
    assert slugs(selectors.partnerships_for_country(Country.objects.get(code="KE"))) == [shown.slug]
    assert slugs(selectors.partnerships_for_theme(Theme.objects.get(slug="gender-equality"))) == [
        shown.slug
    ]
    assert len(selectors.partnerships_for_country(Country.objects.get(code="KE"), limit=0)) == 0


def test_selectors_for_other_apps_fetch_what_cards_show(django_assert_num_queries):
    for _ in range(3):
        factories.partnership(themes=("education", "gender-equality"))
    vara = Organisation.objects.get(slug="vara")
    with django_assert_num_queries(2):  # the rows, then every row's parties and themes
        shown = [
            (
                partnership.country.name,
                [organisation.name for organisation in partnership.card_swedish_organisations],
                [organisation.name for organisation in partnership.card_partner_organisations],
                [theme.name for theme in partnership.card_themes],
            )
            for partnership in selectors.partnerships_for_organisation(vara, limit=2)
        ]
    assert len(shown) == 2
    for partnership, (country, swedish, partners, themes) in zip(
        selectors.partnerships_for_organisation(vara, limit=2), shown, strict=True
    ):
        assert country == partnership.country.name
        assert swedish == [o.name for o in partnership.swedish_organisations.order_by("short_name")]
        assert partners == [
            o.name for o in partnership.partner_organisations.order_by("short_name")
        ]
        assert themes == [t.name for t in partnership.themes.order_by("ordering", "name_sv")]
        assert vara.name in swedish and len(themes) == 2


@pytest.mark.parametrize("query", ["Vara", "vara", "Huangshan", "Kina", "China"])
def test_search_finds_names_even_swedish_stop_words(query):
    huangshan = factories.foreign_organisation("CN", name="Huangshan")
    match = factories.partnership(country="CN", partners=[huangshan])
    factories.partnership(swedish_slugs=("ale",), country="KE")
    assert slugs(selectors.partnership_list_public(PartnershipFilters(q=query))) == [match.slug]


@pytest.mark.parametrize(
    "query", ["barnen", "övergivna barn", "children", "left-behind children", "helped"]
)
def test_search_stems_swedish_and_english(query):
    match = factories.partnership(
        title_sv="Stöd till övergivna barn", title_en="Helping left-behind children"
    )
    factories.partnership(title_sv="Klimat", title_en="Climate", themes=())
    assert slugs(selectors.partnership_list_public(PartnershipFilters(q=query))) == [match.slug]


def test_search_ranks_a_title_match_above_a_mention_in_the_results():
    mention = factories.partnership(title_en="Schools", results_en="<p>Water in schools.</p>")
    title = factories.partnership(title_en="Clean water for everyone")
    found = slugs(selectors.partnership_list_public(PartnershipFilters(q="water")))
    assert found == [title.slug, mention.slug]


def test_search_handles_operators_and_odd_input():
    factories.partnership(title_en="Climate adaptation")
    for text in [
        '"climate adaptation"',
        "climate -water",
        "climate OR water",
        "&|!():*",
        "'",
        "\\",
        "a" * 200,
    ]:
        list(selectors.partnership_list_public(PartnershipFilters(q=text)))


def test_filters_combine_and_never_count_a_partnership_twice():
    two_in_one_county = factories.partnership(
        swedish_slugs=("vara", "ale"),
        country="KE",
        themes=("education",),
        start_year=2015,
        end_year=2018,
        status="completed",
    )
    factories.partnership(swedish_slugs=("pitea",), country="KE", themes=("education",))
    factories.partnership(swedish_slugs=("umea",), country="TZ", themes=("gender-equality",))
    county = County.objects.get(code="14")
    result = selectors.partnership_list_public(PartnershipFilters(county=county))
    assert slugs(result) == [two_in_one_county.slug]
    assert result.count() == 1
    kenya = Country.objects.get(code="KE")
    education = Theme.objects.get(slug="education")
    assert (
        selectors.partnership_list_public(
            PartnershipFilters(country=kenya, theme=education)
        ).count()
        == 2
    )
    assert slugs(selectors.partnership_list_public(PartnershipFilters(year=2016))) == [
        two_in_one_county.slug
    ]
    assert selectors.partnership_list_public(PartnershipFilters(year=2024)).count() == 2
    assert selectors.partnership_list_public(PartnershipFilters(status="completed")).count() == 1


def test_facets_count_each_value_with_every_other_filter_applied():
    factories.partnership(swedish_slugs=("vara",), country="KE", themes=("education",))
    factories.partnership(swedish_slugs=("vara",), country="TZ", themes=("education",))
    factories.partnership(swedish_slugs=("ale",), country="KE", themes=("gender-equality",))
    kenya = Country.objects.get(code="KE")
    facets = selectors.partnership_facets(PartnershipFilters(country=kenya))
    countries = {
        option.value: (option.count, option.selected) for option in facets["country"].options
    }
    # The country facet ignores the country filter, so other countries stay choosable.
    assert countries == {"kenya": (2, True), "tanzania": (1, False)}
    themes = {option.value: option.count for option in facets["theme"].options}
    assert themes == {"education": 1, "gender-equality": 1}
    organisations = {option.label: option.count for option in facets["organisation"].options}
    assert organisations == {"Ale": 1, "Vara": 1}
    assert {option.value: option.count for option in facets["status"].options} == {"active": 2}


def test_year_facet_counts_partnerships_active_each_year():
    factories.partnership(start_year=2018, end_year=2020, status="completed")
    factories.partnership(start_year=2020, end_year=2021, status="completed")
    years = {
        option.value: option.count
        for option in selectors.partnership_facets(PartnershipFilters())["year"].options
    }
    assert years == {"2018": 1, "2019": 1, "2020": 2, "2021": 1}


def test_a_chosen_value_with_no_match_stays_in_its_facet():
    factories.partnership(country="KE")
    facets = selectors.partnership_facets(
        PartnershipFilters(q="nothing-matches-this", country=Country.objects.get(code="KE"))
    )
    assert [(o.value, o.count, o.selected) for o in facets["country"].options] == [
        ("kenya", 0, True)
    ]


def test_sort_orders():
    old = factories.partnership(start_year=2010, title_sv="Ö", title_en="A")
    new = factories.partnership(start_year=2022, title_sv="A", title_en="Z")
    assert slugs(selectors.partnership_list_public(PartnershipFilters())) == [new.slug, old.slug]
    assert slugs(selectors.partnership_list_public(PartnershipFilters(sort="oldest"))) == [
        old.slug,
        new.slug,
    ]
    assert slugs(selectors.partnership_list_public(PartnershipFilters(sort="title"))) == [
        new.slug,
        old.slug,
    ]
    from django.utils import translation

    with translation.override("en"):
        assert slugs(selectors.partnership_list_public(PartnershipFilters(sort="title"))) == [
            old.slug,
            new.slug,
        ]
    assert selectors.effective_sort(PartnershipFilters(sort="relevance")) == "newest"


def test_related_partnerships_share_an_organisation():
    partner = factories.foreign_organisation("CN", name="Huangshan")
    one = factories.partnership(country="CN", partners=[partner])
    same_partner = factories.partnership(swedish_slugs=("ale",), country="CN", partners=[partner])
    same_swede = factories.partnership(country="KE")
    factories.partnership(swedish_slugs=("pitea",), country="ZM")
    assert set(slugs(selectors.partnership_related(one))) == {same_partner.slug, same_swede.slug}


def test_drafts_are_only_found_when_asked_for():
    draft = factories.partnership(publish=False)
    assert selectors.partnership_get_public(draft.slug) is None
    assert selectors.partnership_get_public(draft.slug, include_drafts=True) == draft


def test_active_partnerships_by_country_keeps_the_newest_few_of_each():
    for year in range(2015, 2022):
        factories.partnership(country="KE", start_year=year)
    factories.partnership(country="TZ")
    factories.partnership(country="UG", status="completed", end_year=2020)
    countries = selectors.country_list_with_counts()
    groups = selectors.active_partnerships_by_country(countries=countries, per_country=3)
    assert [(country.code, len(items)) for country, items in groups] == [("KE", 3), ("TZ", 1)]
    assert [p.start_year for p in groups[0][1]] == [2021, 2020, 2019]
    assert groups[0][0].active == 7


def test_a_partner_abroad_can_be_the_organisation_filter_with_its_count():
    huangshan = factories.foreign_organisation("CN", name="Huangshan")
    factories.partnership(country="CN", partners=[huangshan])
    factories.partnership(country="CN", partners=[huangshan], swedish_slugs=("ale",))
    filters = PartnershipFilters(organisation=huangshan)
    assert selectors.partnership_list_public(filters).count() == 2
    option = selectors.partnership_facets(filters)["organisation"].options[0]
    assert (option.value, option.count, option.selected) == (huangshan.slug, 2, True)
