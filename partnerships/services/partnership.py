"""Writes for partnerships: every rule-bearing change goes through here.

Admin, the demo loader and tests all call these functions, so a partnership can
never be saved with parties from the wrong country or be published without
its search names.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from partnerships.models import Network, Partnership
from reference.models import Country, Organisation, Theme

FOREIGN_KINDS = (
    Organisation.Kind.LOCAL_GOVERNMENT,
    Organisation.Kind.REGIONAL_GOVERNMENT,
    Organisation.Kind.OTHER,
)


def partnership_validate_parties(
    *,
    country: Country,
    swedish_organisations: Iterable[Organisation],
    partner_organisations: Iterable[Organisation],
) -> None:
    """Raise ValidationError unless the parties make a valid partnership.

    One or more Swedish municipalities, regions or federations, and one or more
    organisations, all in the one partner country.
    """
    swedish = list(swedish_organisations)
    partners = list(partner_organisations)
    errors: dict[str, list[str]] = {}
    if country.code == Country.SWEDEN:
        errors.setdefault("country", []).append(_("The partner country cannot be Sweden."))
    if not swedish:
        errors.setdefault("swedish_organisations", []).append(
            _("Choose at least one Swedish organisation.")
        )
    not_swedish = [org for org in swedish if not org.is_swedish]
    if not_swedish:
        errors.setdefault("swedish_organisations", []).append(
            _("These are not Swedish municipalities, regions or federations: %(names)s.")
            % {"names": ", ".join(org.short_name for org in not_swedish)}
        )
    if not partners:
        errors.setdefault("partner_organisations", []).append(
            _("Choose at least one partner organisation.")
        )
    wrong_country = [org for org in partners if org.country_id != country.code or org.is_swedish]
    if wrong_country:
        errors.setdefault("partner_organisations", []).append(
            _("These organisations are not in %(country)s: %(names)s.")
            % {"country": country.name, "names": ", ".join(o.short_name for o in wrong_country)}
        )
    if errors:
        raise ValidationError(errors)


def partnership_search_names(partnership: Partnership) -> str:
    """The names a visitor may search for, in both languages, unstemmed."""
    names: list[str] = []
    country = partnership.country
    names += [country.name_sv, country.name_en]
    for organisation in [
        *partnership.swedish_organisations.all(),
        *partnership.partner_organisations.all(),
    ]:
        names += [organisation.short_name, organisation.name_sv, organisation.name_en]
        if organisation.county_id:
            names += [organisation.county.name_sv, organisation.county.name_en]
    for theme in partnership.themes.all():
        names += [theme.name_sv, theme.name_en]
    if partnership.network_id:
        names += [partnership.network.name_sv, partnership.network.name_en]
    unique = dict.fromkeys(name for name in names if name)
    return " ".join(unique)


def partnership_refresh_search_names(*, partnership: Partnership) -> Partnership:
    """Store the parties', country's and themes' names that full-text search looks at."""
    names = partnership_search_names(partnership)
    if names != partnership.search_names:
        Partnership.objects.filter(pk=partnership.pk).update(search_names=names)
        partnership.search_names = names
    return partnership


def partnerships_refresh_search_names(*, partnerships) -> int:
    """Store the search names of each of ``partnerships`` (a queryset) again, after a name
    they copy changed (a country, organisation, county, theme or network renamed); returns
    how many changed."""
    rows = partnerships.select_related("country", "network").prefetch_related(
        "swedish_organisations__county", "partner_organisations__county", "themes"
    )
    changed = []
    for partnership in rows.only("pk", "search_names", "country", "network"):
        names = partnership_search_names(partnership)
        if names != partnership.search_names:
            partnership.search_names = names
            changed.append(partnership)
    # One UPDATE for all of them (a country renamed can name hundreds).
    Partnership.objects.bulk_update(changed, ["search_names"], batch_size=500)
    return len(changed)


@transaction.atomic
def partnership_upsert(
    *,
    slug: str,
    country: Country,
    swedish_organisations: Iterable[Organisation],
    partner_organisations: Iterable[Organisation],
    themes: Iterable[Theme] = (),
    network: Network | None = None,
    publish: bool = False,
    **fields: Any,
) -> Partnership:
    """Create the partnership with this slug, or bring it up to date; saves only what changed."""
    swedish = list(swedish_organisations)
    partners = list(partner_organisations)
    partnership_validate_parties(
        country=country, swedish_organisations=swedish, partner_organisations=partners
    )
    partnership = Partnership.objects.filter(slug=slug).first()
    values = {"country": country, "network": network, **fields}
    if partnership is None:
        partnership = Partnership(slug=slug, **values)
        partnership.full_clean(exclude=["search_vector"])
        partnership.save()
    else:
        changed = [name for name, value in values.items() if getattr(partnership, name) != value]
        if changed:
            for name in changed:
                setattr(partnership, name, values[name])
            partnership.full_clean(exclude=["search_vector"])
            partnership.save()
    partnership.swedish_organisations.set(swedish)
    partnership.partner_organisations.set(partners)
    partnership.themes.set(list(themes))
    partnership_refresh_search_names(partnership=partnership)
    if publish and not partnership.is_published:
        partnership_publish(partnership=partnership)
    return partnership


def partnership_publish(*, partnership: Partnership) -> Partnership:
    """Make the partnership public (and record when it first was)."""
    partnership_refresh_search_names(partnership=partnership)
    partnership.is_published = True
    partnership.save(update_fields=["is_published", "published_at", "updated_at"])
    return partnership


def partnership_unpublish(*, partnership: Partnership) -> Partnership:
    partnership.is_published = False
    partnership.save(update_fields=["is_published", "updated_at"])
    return partnership
