"""Pages of the knowledge centre. Files, citations, exports and calendars are in downloads.py."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from core.access import DraftPreviewMixin, may_preview_drafts
from core.i18n import active_language
from core.pagination import paginate
from core.search import clean_search
from core.views_forms import PublicFormView
from knowledge import citations, schema, search, selectors, services
from knowledge.forms import RegistrationForm
from knowledge.models import Registration

PER_PAGE = 20  # as every list of the portal


def _file_size(field) -> int | None:
    if not field:
        return None
    try:
        return field.size
    except OSError:
        return None


class KnowledgeIndexView(TemplateView):
    template_name = "knowledge/index.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            open_calls=list(selectors.open_research_calls()),
            publications=list(selectors.latest_publications(limit=6)),
            events=list(selectors.upcoming_events(limit=3)),
            figures=selectors.figures(),
            **kwargs,
        )


class PublicationListView(TemplateView):
    page_cache_searches = True

    template_name = "knowledge/publication_list.html"

    def get_context_data(self, **kwargs):
        result = search.library_search(self.request.GET)
        return super().get_context_data(
            result=result,
            query=result.query,
            page_obj=result.page,
            facet_groups=[
                (key, title, result.facets[key])
                for key, title in (
                    ("type", _("Type")),
                    ("year", _("Year")),
                    ("theme", _("Theme")),
                    ("country", _("Country")),
                    ("language", _("Language of the document")),
                )
            ],
            **kwargs,
        )


class PublicationDetailView(DraftPreviewMixin, TemplateView):
    template_name = "knowledge/publication_detail.html"
    preview_object = "publication"

    def get_context_data(self, **kwargs):
        publication = selectors.publication_get_for_detail(
            self.kwargs["slug"], include_drafts=may_preview_drafts(self.request)
        )
        if publication is None:
            raise Http404
        authors = [a.person for a in publication.authorships.all()]
        return super().get_context_data(
            publication=publication,
            authors=authors,
            citation=citations.text_citation(publication, html=True),
            related=selectors.related_publications(publication),
            related_work=selectors.work_sharing_themes_and_countries(publication),
            absolute_url=settings.ICLD_SITE_URL + publication.get_absolute_url(),
            pdf_url=(
                settings.ICLD_SITE_URL
                + reverse("knowledge:publication_pdf", kwargs={"slug": publication.slug})
                if publication.file
                else ""
            ),
            pdf_size=_file_size(publication.file),
            schema_data=schema.publication(publication, authors),
            **kwargs,
        )


class ResearchCallListView(TemplateView):
    page_cache_searches = True

    template_name = "knowledge/call_list.html"

    def get_context_data(self, **kwargs):
        q = clean_search(self.request.GET.get("q", ""))
        if q:
            return super().get_context_data(
                q=q, results=selectors.research_calls_search(q), **kwargs
            )
        return super().get_context_data(calls=selectors.research_calls_for_list(), **kwargs)


class ResearchCallDetailView(DraftPreviewMixin, TemplateView):
    template_name = "knowledge/call_detail.html"
    preview_object = "call"

    def get_context_data(self, **kwargs):
        call = selectors.research_call_get_for_detail(
            self.kwargs["slug"], include_drafts=may_preview_drafts(self.request)
        )
        if call is None:
            raise Http404
        return super().get_context_data(call=call, **kwargs)


class EventListView(TemplateView):
    page_cache_searches = True

    template_name = "knowledge/event_list.html"

    def get_context_data(self, **kwargs):
        q = clean_search(self.request.GET.get("q", ""))
        if q:
            page = paginate(self.request, selectors.events_search(q), PER_PAGE)
            return super().get_context_data(q=q, results=page.object_list, page_obj=page, **kwargs)
        page = paginate(self.request, selectors.events_for_list(), PER_PAGE)
        events = list(page.object_list)
        return super().get_context_data(
            page_obj=page,
            upcoming=[event for event in events if not event.is_past],
            past=[event for event in events if event.is_past],
            **kwargs,
        )


class EventDetailView(DraftPreviewMixin, TemplateView):
    template_name = "knowledge/event_detail.html"
    preview_object = "event"

    def get_context_data(self, **kwargs):
        event = selectors.event_get_for_detail(
            self.kwargs["slug"], include_drafts=may_preview_drafts(self.request)
        )
        if event is None:
            raise Http404
        speakers = list(event.speakers.all())
        seats_left = selectors.seats_left(event)
        return super().get_context_data(
            event=event,
            speakers=speakers,
            seats_left=seats_left,
            registration_open=event.registration_is_open(),
            schema_data=schema.event(event, speakers, seats_left),
            **kwargs,
        )


class RegistrationView(PublicFormView):
    template_name = "knowledge/registration_form.html"
    form_class = RegistrationForm
    rate_limit_scope = "knowledge-registration"

    def dispatch(self, request, *args, **kwargs):
        self.event = selectors.event_get_for_detail(kwargs["slug"])
        if self.event is None:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            event=self.event,
            registration_open=self.event.registration_is_open(),
            seats_left=selectors.seats_left(self.event),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        if not self.event.registration_is_open():
            return self.render_to_response(self.get_context_data(form=self.get_form()))
        return super().post(request, *args, **kwargs)

    def submit(self, form):
        data = form.cleaned_data
        try:
            return services.registration_create(
                event=self.event,
                name=data["name"],
                email=data["email"],
                organisation=data["organisation"],
                needs=data["needs"],
                consent=data["consent"],
                language=active_language(),
                submission_token=data["submission_token"],
            )
        except services.RegistrationClosed:
            return None

    def submitted(self, form, result):
        if result is not None and result.submission_token != form.cleaned_data["submission_token"]:
            # The address already has its one place at this event: nothing new was saved.
            context = self.get_context_data(
                form=self.with_fresh_token(form), already_signed_up=True
            )
            return self.render_to_response(context)
        return super().submitted(form, result)

    def get_success_url_for(self, result) -> str:
        if result is None:
            return reverse("knowledge:event_register", kwargs={"slug": self.event.slug})
        url = reverse("knowledge:event_registered", kwargs={"slug": self.event.slug})
        return f"{url}?status={result.status}"

    def honeypot_success_url(self) -> str:
        return reverse("knowledge:event_registered", kwargs={"slug": self.event.slug})


class RegistrationThanksView(TemplateView):
    template_name = "knowledge/registration_thanks.html"

    def get_context_data(self, **kwargs):
        event = selectors.event_get(self.kwargs["slug"])
        if event is None:
            raise Http404
        status = self.request.GET.get("status", "")
        return super().get_context_data(
            event=event,
            status=status
            if status in (Registration.Status.CONFIRMED, Registration.Status.WAITING)
            else "",
            **kwargs,
        )


class RegistrationCancelView(TemplateView):
    """The signed link from the confirmation email: GET asks, POST cancels (no login)."""

    template_name = "knowledge/registration_cancel.html"

    def get_registration(self):
        return selectors.registration_from_cancel_token(self.kwargs["token"])

    def get(self, request, *args, **kwargs):
        registration = self.get_registration()
        context = self.get_context_data(registration=registration)
        return self.render_to_response(context, status=200 if registration else 404)

    def post(self, request, *args, **kwargs):
        registration = self.get_registration()
        if registration is None:
            return self.render_to_response(self.get_context_data(registration=None), status=404)
        if not registration.event.is_past():
            services.registration_cancel(registration=registration)
        return redirect(request.path)
