"""A partnership's timeline reads in date order, in both languages."""

import re
from datetime import date

import pytest

from partnerships.tests import factories
from partnerships.tests.helpers import url


def _timeline(html: str) -> list[str]:
    block = html.split('<ol class="timeline">', 1)[1].split("</ol>", 1)[0]
    items = re.findall(r"<li>(.*?)</li>", block, flags=re.S)
    return [re.sub(r"<[^>]+>", "", item).split()[0] for item in items]


@pytest.mark.parametrize(("language", "now"), [("sv", "Nu"), ("en", "Now")])
def test_stories_sit_between_start_and_now_oldest_first(client, language, now):
    partnership = factories.partnership(start_year=2019)
    # Saved newest first, and one dated before the start year (the inception visit).
    for day in (date(2024, 5, 2), date(2021, 3, 1), date(2018, 11, 20), date(2024, 1, 9)):
        factories.story(partnerships=[partnership], date=day)
    html = client.get(url("detail", language, slug=partnership.slug)).text
    assert _timeline(html) == ["2018", "2019", "2021", "2024", "2024", now]
    dates = re.findall(r'<time datetime="(\d{4}-\d\d-\d\d)"', html.split('class="timeline"')[1])
    assert dates[:4] == ["2018-11-20", "2021-03-01", "2024-01-09", "2024-05-02"]


def test_a_completed_partnership_ends_after_the_stories_of_its_last_year(client):
    partnership = factories.partnership(start_year=2014, end_year=2016, status="completed")
    factories.story(partnerships=[partnership], date=date(2016, 6, 1))
    factories.story(partnerships=[partnership], date=date(2014, 2, 1))
    html = client.get(url("detail", "en", slug=partnership.slug)).text
    assert _timeline(html) == ["2014", "2014", "2016", "2016"]
    block = html.split('class="timeline"')[1].split("</ol>")[0]
    assert block.index("The partnership starts") < block.index("2014-02-01")
    assert block.index("2016-06-01") < block.index("The partnership ends.")
