"""Public pages: the programme list and detail, hosting study visits, the offer form, our hosts."""

from __future__ import annotations

from django.http import Http404
from django.urls import reverse
from django.views.generic import TemplateView

from core.access import DraftPreviewMixin, may_preview_drafts
from core.i18n import active_language
from core.pagination import paginate
from core.views_forms import PublicFormView
from programmes import selectors, services
from programmes.forms import HostingOfferForm, ProgrammeFilterForm
from programmes.models import HostingKind, HostingOffer, Intake, today

SESSION_LAST_OFFER = "programmes_last_offer"


class ProgrammeListView(TemplateView):
    page_cache_searches = True

    template_name = "programmes/programme_list.html"
    paginate_by = 12

    def get_context_data(self, **kwargs):
        options = selectors.programme_filter_options()
        filter_form = ProgrammeFilterForm(
            self.request.GET or None, countries=options["countries"], themes=options["themes"]
        )
        filters = filter_form.filters()
        queryset = selectors.programme_list_public(**filters)
        counts = selectors.programme_list_counts(queryset)
        page = paginate(self.request, queryset, self.paginate_by, count=counts["total"])
        return super().get_context_data(
            programmes=page.object_list,
            page_obj=page,
            total=counts["total"],
            filter_form=filter_form,
            filtered=bool(filters),
            open_count=counts["open"],
            **kwargs,
        )


class ProgrammeDetailView(DraftPreviewMixin, TemplateView):
    template_name = "programmes/programme_detail.html"
    preview_object = "programme"

    def get_context_data(self, **kwargs):
        programme = selectors.programme_get_for_detail(
            slug=self.kwargs["slug"], include_drafts=may_preview_drafts(self.request)
        )
        if programme is None:
            raise Http404
        on = today()
        current = programme.current_intake(on)
        intakes = list(programme.intakes.all())
        return super().get_context_data(
            programme=programme,
            intake=current,
            intakes=intakes,
            status=current.application_status(on) if current else None,
            statuses=Intake.ApplicationStatus,
            **kwargs,
        )


class HostingView(TemplateView):
    template_name = "programmes/hosting.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            sweden_phases=list(selectors.sweden_phases_upcoming()), **kwargs
        )


class HostingOfferView(PublicFormView):
    template_name = "programmes/hosting_offer_form.html"
    form_class = HostingOfferForm
    rate_limit_scope = "programmes-hosting-offer"

    def post(self, request, *args, **kwargs):
        add = "add_period" in request.POST
        remove = request.POST.get("remove_period")
        if add or remove is not None:
            try:
                remove_index = int(remove) if remove is not None else None
            except ValueError:
                remove_index = None
            form = HostingOfferForm.rebuilt_from(request.POST, add=add, remove=remove_index)
            focus = len(form.periods.forms) - 1 if add else None
            return self.render_to_response(self.get_context_data(form=form, focus_period=focus))
        return super().post(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = context.get("form")
        # Period errors go to the summary once each, linked to their inputs.
        context["formset_errors"] = form.period_errors() if form is not None else []
        return context

    def submit(self, form) -> HostingOffer:
        offer = services.hosting_offer_submit(**form.service_kwargs(), language=active_language())
        self.request.session[SESSION_LAST_OFFER] = offer.pk
        return offer

    def get_success_url_for(self, result) -> str:
        return reverse("programmes:hosting_offer_thanks")

    def honeypot_success_url(self) -> str:
        return reverse("programmes:hosting_offer_thanks")


class HostingOfferThanksView(TemplateView):
    template_name = "programmes/hosting_offer_thanks.html"

    def get_context_data(self, **kwargs):
        offer = None
        offer_id = self.request.session.get(SESSION_LAST_OFFER)
        if isinstance(offer_id, int):
            offer = (
                HostingOffer.objects.select_related("organisation")
                .prefetch_related("periods")
                .filter(pk=offer_id)
                .first()
            )
        return super().get_context_data(offer=offer, kinds=HostingKind, **kwargs)


class HostsView(TemplateView):
    template_name = "programmes/hosts.html"

    def get_context_data(self, **kwargs):
        hosts = list(selectors.hosts_public())
        counties: dict[str, list] = {}
        for host in hosts:
            counties.setdefault(host.county.name if host.county else "", []).append(host)
        return super().get_context_data(
            hosts=hosts,
            counties=list(counties.items()),
            visit_count=sum(len(host.listed_visits) for host in hosts),
            **kwargs,
        )
