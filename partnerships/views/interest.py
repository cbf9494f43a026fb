"""Registering a Swedish organisation's interest in a partnership, and the thanks page."""

from django.urls import reverse
from django.views.generic import TemplateView

from core.views_forms import PublicFormView
from partnerships import selectors, services
from partnerships.forms import InterestRegistrationForm


class RegistrationView(PublicFormView):
    """Register a Swedish organisation's interest in a partnership."""

    template_name = "partnerships/registration_form.html"
    form_class = InterestRegistrationForm
    rate_limit_scope = "partnership-interest"

    def get_initial(self):
        initial = super().get_initial()
        slug = self.request.GET.get("seeker", "")
        if isinstance(slug, str) and slug:
            initial.update(InterestRegistrationForm.initial_for_seeker(slug[:140]))
        return initial

    def get_context_data(self, **kwargs):
        return super().get_context_data(rounds=selectors.round_status(), **kwargs)

    def submit(self, form):
        return services.registration_submit(**form.service_kwargs())

    def get_success_url_for(self, result) -> str:
        return reverse("partnerships:register_thanks")

    def honeypot_success_url(self) -> str:
        return reverse("partnerships:register_thanks")


class RegistrationThanksView(TemplateView):
    template_name = "partnerships/registration_thanks.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(rounds=selectors.round_status(), **kwargs)
