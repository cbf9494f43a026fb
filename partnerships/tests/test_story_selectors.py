"""Reads for stories."""

from datetime import date

from partnerships import selectors
from partnerships.tests import factories


def test_latest_stories_are_published_newest_first():
    partnership = factories.partnership()
    old = factories.story(partnerships=[partnership], date=date(2020, 1, 1))
    new = factories.story(partnerships=[partnership], date=date(2024, 1, 1))
    factories.story(partnerships=[partnership], date=date(2025, 1, 1), publish=False)
    assert list(selectors.latest_stories(limit=3)) == [new, old]
    assert list(selectors.latest_stories(limit=1)) == [new]
