"""Names copied for search stay the names shown: a partnership's search names and a seeker's
search copies are written at save, so a renamed (or deleted) country, organisation, county,
theme or network is copied again onto every row that names it. Reference data sits below
this app and knows nothing of it; the receivers are connected from ``PartnershipsConfig``."""

from django.db.models import Q
from django.db.models.signals import post_delete, post_save, pre_delete

from partnerships import services
from partnerships.models import Network, Partnership
from reference.models import Country, County, Organisation, Theme


def _naming(instance) -> Q:
    """The partnerships whose search names include ``instance``'s name."""
    if isinstance(instance, Country):
        return Q(country=instance)
    if isinstance(instance, Organisation):
        return Q(swedish_organisations=instance) | Q(partner_organisations=instance)
    if isinstance(instance, County):
        return Q(swedish_organisations__county=instance) | Q(partner_organisations__county=instance)
    if isinstance(instance, Theme):
        return Q(themes=instance)
    return Q(network=instance)


def _refresh(pks) -> None:
    services.partnerships_refresh_search_names(partnerships=Partnership.objects.filter(pk__in=pks))


def copy_names_again(sender, instance, raw=False, **kwargs) -> None:
    if raw:  # loaddata: the rows are written as they were dumped
        return
    _refresh(Partnership.objects.filter(_naming(instance)).values("pk"))
    if isinstance(instance, Country):
        services.seekers_refresh_search_copies(country=instance)
    elif isinstance(instance, Organisation):
        services.seekers_refresh_search_copies(organisation=instance)


def remember_who_named(sender, instance, **kwargs) -> None:
    # After the delete the links are gone: which partnerships named it is read before.
    instance._named_by = list(
        Partnership.objects.filter(_naming(instance)).values_list("pk", flat=True).distinct()
    )


def forget_deleted_name(sender, instance, **kwargs) -> None:
    _refresh(getattr(instance, "_named_by", ()))


def connect() -> None:
    for model in (Country, Organisation, County, Theme, Network):
        uid = f"partnership-search-names-{model._meta.label}"
        post_save.connect(copy_names_again, sender=model, dispatch_uid=f"{uid}-save")
    # Countries and counties in use are protected from deletion; the rest leave partnerships.
    for model in (Organisation, Theme, Network):
        uid = f"partnership-search-names-{model._meta.label}"
        pre_delete.connect(remember_who_named, sender=model, dispatch_uid=f"{uid}-pre")
        post_delete.connect(forget_deleted_name, sender=model, dispatch_uid=f"{uid}-del")
