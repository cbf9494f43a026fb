from django.urls import path
from django.utils.translation import gettext_lazy as _

from knowledge import downloads, feeds, views

app_name = "knowledge"

urlpatterns = [
    path("", views.KnowledgeIndexView.as_view(), name="index"),
    # Research library
    path(_("publications/"), views.PublicationListView.as_view(), name="publications"),
    path(_("publications/feed/"), feeds.PublicationFeed(), name="publication_feed"),
    path(
        _("publications/export.csv"), downloads.library_export, {"fmt": "csv"}, name="library_csv"
    ),
    path(
        _("publications/export.json"),
        downloads.library_export,
        {"fmt": "json"},
        name="library_json",
    ),
    path(_("publications/<slug:slug>/"), views.PublicationDetailView.as_view(), name="publication"),
    path(
        _("publications/<slug:slug>/document.pdf"),
        downloads.publication_pdf,
        name="publication_pdf",
    ),
    path(
        _("publications/<slug:slug>/citation.bib"),
        downloads.publication_citation,
        {"fmt": "bib"},
        name="publication_bibtex",
    ),
    path(
        _("publications/<slug:slug>/citation.ris"),
        downloads.publication_citation,
        {"fmt": "ris"},
        name="publication_ris",
    ),
    # Research calls
    path(_("research-calls/"), views.ResearchCallListView.as_view(), name="calls"),
    path(_("research-calls/feed/"), feeds.ResearchCallFeed(), name="call_feed"),
    path(_("research-calls/<slug:slug>/"), views.ResearchCallDetailView.as_view(), name="call"),
    path(
        _("research-calls/<slug:slug>/documents/<int:pk>/"),
        downloads.call_document,
        name="call_document",
    ),
    # Seminars and workshops
    path(_("events/"), views.EventListView.as_view(), name="events"),
    path(_("events/calendar.ics"), downloads.calendar_feed, name="calendar_feed"),
    path(
        _("events/cancel/<str:token>/"),
        views.RegistrationCancelView.as_view(),
        name="registration_cancel",
    ),
    path(_("events/<slug:slug>/"), views.EventDetailView.as_view(), name="event"),
    path(_("events/<slug:slug>/event.ics"), downloads.event_ics, name="event_ics"),
    path(
        _("events/<slug:slug>/register/"), views.RegistrationView.as_view(), name="event_register"
    ),
    path(
        _("events/<slug:slug>/registered/"),
        views.RegistrationThanksView.as_view(),
        name="event_registered",
    ),
]
