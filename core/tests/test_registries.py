"""core.registries: each shared feature's contributions, one key once."""

import pytest

from core import registries
from core.registries import AlreadyRegistered, Registry


def test_a_key_registered_twice_is_an_error_and_the_first_stays():
    registry = Registry("thing")
    registry.register("a", 1)
    with pytest.raises(AlreadyRegistered, match="thing 'a' is registered twice"):
        registry.register("a", 2)
    assert registry["a"] == 1


def test_entries_keep_the_order_they_were_registered_in():
    registry = Registry("thing")
    for key in ("b", "a", "c"):
        registry.register(key, key.upper())
    assert registry.keys() == ["b", "a", "c"]
    assert registry.values() == ["B", "A", "C"]


def test_registered_lasts_for_the_block_only():
    registry = Registry("thing")
    with registry.registered("temporary", 1):
        assert "temporary" in registry
    assert "temporary" not in registry


def test_every_app_declares_its_part_through_its_contributions_module():
    """Autodiscovery found each app's module: each feature app's contributions are there."""
    assert set(registries.alert_kinds) == {
        "partnerships",
        "seekers",
        "programmes",
        "publications",
        "calls",
        "events",
    }
    # Everything staff publish is found by the site search.
    assert set(registries.search_sources) == {
        "pages",
        "partnerships",
        "stories",
        "seekers",
        "programmes",
        "publications",
        "calls",
        "events",
        "organisations",
        "countries",
        "themes",
    }
    assert set(registries.related_work) == {"partnerships", "programmes"}
    assert "accessibility reports" in registries.outbox_collectors
    assert {"pages", "partnerships-partnerships", "programmes-programmes"} <= set(
        registries.sitemaps
    )
