from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnershipsConfig(AppConfig):
    name = "partnerships"
    verbose_name = _("Municipal partnerships")

    def ready(self) -> None:
        from partnerships.models import InterestRegistration
        from staff.waiting import register_waiting

        # The admin start page: new interest registrations wait for the partnership team.
        register_waiting(
            key="partnerships.new_interest_registrations",
            label=_("New interest registrations"),
            model="partnerships.InterestRegistration",
            queryset=lambda: InterestRegistration.objects.filter(
                status=InterestRegistration.Status.NEW
            ),
            filters={"status__exact": InterestRegistration.Status.NEW},
            order=10,
        )
