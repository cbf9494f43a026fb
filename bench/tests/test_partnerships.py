import io

from bench.datasets import partnerships as dataset
from partnerships import selectors
from partnerships.models import Partnership


def test_bench_data_tops_up_to_scale_and_is_searchable():
    dataset.generate(scale=0.005, stdout=io.StringIO())
    assert dataset.counts() == {
        "partnerships": 50,
        "stories": 5,
        "partner seekers": 2,
        "interest registrations": 100,
    }
    dataset.generate(scale=0.01, stdout=io.StringIO())
    assert dataset.counts()["partnerships"] == 100
    assert dataset.counts()["partner seekers"] == 5
    listed = selectors.seeker_list_public(selectors.SeekerFilters(q="water"))
    assert listed.exists()
    published = Partnership.objects.published()
    assert 90 <= published.count() < 100
    every = published.first()
    assert every.swedish_organisations.exists() and every.partner_organisations.exists()
    found = selectors.partnership_list_public(selectors.PartnershipFilters(q="klimatanpassning"))
    assert found.exists()
