"""International training programmes (ITP), their intakes, and the Swedish hosts of study visits.

* A ``Programme`` is what a visitor reads about: aim, target group, eligible countries, format.
* An ``Intake`` is one cohort of a programme (about 25 participants) with its own application
  period and its ``Phase`` rows (inception workshop, Sweden phase, final workshop ...).
* A ``HostingOffer`` is a Swedish municipality's or region's offer, sent through the public form,
  to host a group study visit or a two-day placement during one or more ``HostingPeriod`` rows.
* A ``ScheduledVisit`` books a host for an intake on given dates. PostgreSQL itself refuses two
  visits for one host on overlapping dates (an exclusion constraint), whatever saves them.
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.contrib.postgres.constraints import ExclusionConstraint
from django.contrib.postgres.fields import ArrayField, DateRangeField, RangeOperators
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.template.defaultfilters import yesno
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.i18n import TranslatedField
from reference.models import Country, Organisation, Theme

# Path segments under the programme list that a programme slug must not take.
RESERVED_SLUGS = frozenset(
    {
        "host-a-study-visit",
        "sta-vard-for-studiebesok",
        "our-hosts",
        "vara-vardar",
        "offer",
        "erbjudande",
        "thanks",
        "tack",
    }
)


def today() -> date:
    """Today's date in Sweden (settings.TIME_ZONE), the calendar every deadline is written in."""
    return timezone.localdate()


class DateRange(models.Func):
    """``daterange(start, end, '[]')``: both days included."""

    function = "DATERANGE"
    output_field = DateRangeField()

    def __init__(self, start, end, bounds="[]"):
        super().__init__(start, end, models.Value(bounds))


class HostingKind(models.TextChoices):
    GROUP_VISIT = "group_visit", _("Group study visit")
    PLACEMENT = "placement", _("Two-day placement")


class WorkingLanguage(models.TextChoices):
    SWEDISH = "sv", _("Swedish")
    ENGLISH = "en", _("English")
    FRENCH = "fr", _("French")
    SPANISH = "es", _("Spanish")
    PORTUGUESE = "pt", _("Portuguese")
    RUSSIAN = "ru", _("Russian")
    ARABIC = "ar", _("Arabic")


# ---------------------------------------------------------------------------------------------
# Programmes, intakes and phases
# ---------------------------------------------------------------------------------------------


class ProgrammeQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def with_open_intake(self, on: date | None = None):
        """Annotate ``is_open``: an intake of the programme takes applications on ``on``."""
        on = on or today()
        open_intakes = Intake.objects.filter(programme=OuterRef("pk")).open_on(on)
        return self.annotate(is_open=Exists(open_intakes))

    def open_for_applications(self, on: date | None = None):
        return self.with_open_intake(on).filter(is_open=True)


class Programme(models.Model):
    class Format(models.TextChoices):
        STAND_ALONE = "stand_alone", _("Open call: apply as a person or as a team")
        NETWORK = "network", _("Tailor-made for the partnerships in a network")

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    title = TranslatedField(models.CharField, _("title"), max_length=200)
    summary = TranslatedField(
        models.TextField,
        _("summary"),
        max_length=400,
        help_text=_("One or two sentences for the programme list."),
    )
    aim = TranslatedField(models.TextField, _("aim"))
    target_group = TranslatedField(models.TextField, _("target group"))
    format = models.CharField(
        _("format"), max_length=20, choices=Format.choices, default=Format.STAND_ALONE
    )
    format_description = TranslatedField(
        models.TextField,
        _("format and phases"),
        blank=True,
        required=(),
        help_text=_("How the programme runs; the dates of each phase are given per intake."),
    )
    duration_months = models.PositiveSmallIntegerField(_("length in months"), default=12)
    working_language = models.CharField(
        _("working language"),
        max_length=5,
        choices=WorkingLanguage.choices,
        default=WorkingLanguage.ENGLISH,
    )
    cost = TranslatedField(
        models.TextField,
        _("cost"),
        blank=True,
        required=(),
        help_text=_(
            "Leave empty for the standard wording: free for participants, ICLD pays "
            "travel, board and lodging."
        ),
    )
    how_to_apply = TranslatedField(models.TextField, _("how to apply"))
    application_url = models.URLField(_("application form address"), blank=True)
    partners = TranslatedField(
        models.CharField,
        _("organised with"),
        max_length=300,
        blank=True,
        required=(),
    )
    contact_name = models.CharField(_("contact person"), max_length=120, blank=True)
    contact_email = models.EmailField(_("contact email"))
    eligible_countries = models.ManyToManyField(
        Country,
        verbose_name=_("eligible countries"),
        related_name="programmes",
        blank=True,
    )
    themes = models.ManyToManyField(
        Theme, verbose_name=_("themes"), related_name="programmes", blank=True
    )
    meta_description = TranslatedField(
        models.CharField,
        _("search engine description"),
        max_length=300,
        fallback=False,
        required=(),
    )
    is_published = models.BooleanField(_("published"), default=True)
    ordering = models.PositiveSmallIntegerField(_("order"), default=0)
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    objects = ProgrammeQuerySet.as_manager()

    class Meta:
        verbose_name = pgettext_lazy("training programme", "programme")
        verbose_name_plural = pgettext_lazy("training programme", "programmes")
        ordering = ["ordering", "title_sv"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("programmes:detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        if self.slug in RESERVED_SLUGS:
            raise ValidationError({"slug": _("This address is used by another page.")})

    def current_intake(self, on: date | None = None) -> Intake | None:
        """The intake a visitor cares about: open now, else opening next, else the latest.

        Works on prefetched ``intakes`` (no query when they are prefetched).
        """
        on = on or today()
        intakes = list(self.intakes.all())
        status = Intake.ApplicationStatus
        open_now = [i for i in intakes if i.application_status(on) == status.OPEN]
        if open_now:
            return min(open_now, key=lambda i: i.application_closes_on)
        upcoming = [i for i in intakes if i.application_status(on) == status.UPCOMING]
        if upcoming:
            return min(upcoming, key=lambda i: i.application_opens_on)
        return max(intakes, key=lambda i: i.starts_on, default=None)


class IntakeQuerySet(models.QuerySet):
    def open_on(self, on: date):
        return self.filter(application_opens_on__lte=on, application_closes_on__gte=on)


class Intake(models.Model):
    """One cohort of a programme, with its application period and its phases."""

    class ApplicationStatus(models.TextChoices):
        OPEN = "open", _("Open for applications")
        UPCOMING = "upcoming", _("Opens later")
        CLOSED = "closed", _("Closed")

    programme = models.ForeignKey(
        Programme,
        verbose_name=pgettext_lazy("training programme", "programme"),
        on_delete=models.CASCADE,
        related_name="intakes",
    )
    name = TranslatedField(
        models.CharField,
        _("name"),
        max_length=120,
        help_text=_("For example “Cohort 12, 2027”."),
    )
    starts_on = models.DateField(_("starts"))
    ends_on = models.DateField(_("ends"))
    participants = models.PositiveSmallIntegerField(
        _("number of participants"),
        default=25,
    )
    application_opens_on = models.DateField(_("applications open"))
    application_closes_on = models.DateField(
        _("application deadline"),
        help_text=_("The last day applications are accepted."),
    )

    objects = IntakeQuerySet.as_manager()

    class Meta:
        verbose_name = _("intake")
        verbose_name_plural = _("intakes")
        ordering = ["programme", "starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="intake_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(application_closes_on__gte=models.F("application_opens_on")),
                name="intake_application_closes_after_opening",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.programme} – {self.name}"

    def clean(self):
        super().clean()
        errors = {}
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _("The intake cannot end before it starts.")
        if (
            self.application_opens_on
            and self.application_closes_on
            and self.application_closes_on < self.application_opens_on
        ):
            errors["application_closes_on"] = _("The deadline cannot be before applications open.")
        if errors:
            raise ValidationError(errors)

    def application_status(self, on: date | None = None) -> str:
        on = on or today()
        if on < self.application_opens_on:
            return self.ApplicationStatus.UPCOMING
        if on > self.application_closes_on:
            return self.ApplicationStatus.CLOSED
        return self.ApplicationStatus.OPEN

    @property
    def sweden_phase(self) -> Phase | None:
        """The phase in Sweden, when groups visit hosts (uses prefetched ``phases``)."""
        return next((p for p in self.phases.all() if p.kind == Phase.Kind.SWEDEN), None)


class Phase(models.Model):
    class Kind(models.TextChoices):
        PREPARATION = "preparation", _("Preparation at home")
        INCEPTION = "inception", _("Inception workshop")
        HOME_BASED = "home_based", _("Work on the change project at home")
        SWEDEN = "sweden", _("Phase in Sweden")
        REGIONAL = "regional", _("Regional phase")
        FINAL = "final", _("Final workshop")

    intake = models.ForeignKey(
        Intake, verbose_name=_("intake"), on_delete=models.CASCADE, related_name="phases"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = TranslatedField(
        models.CharField,
        _("title"),
        max_length=150,
        blank=True,
        required=(),
        help_text=_("Leave empty to use the kind as title."),
    )
    starts_on = models.DateField(_("starts"))
    ends_on = models.DateField(_("ends"))
    place = TranslatedField(
        models.CharField,
        _("place"),
        max_length=150,
        blank=True,
        required=(),
        help_text=_("For example “Visby and host municipalities”."),
    )
    description = TranslatedField(models.TextField, _("description"), blank=True, required=())

    class Meta:
        verbose_name = _("phase")
        verbose_name_plural = _("phases")
        ordering = ["intake", "starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="phase_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return self.display_title

    @property
    def display_title(self):
        return self.title or self.get_kind_display()

    def clean(self):
        super().clean()
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("A phase cannot end before it starts.")})


# ---------------------------------------------------------------------------------------------
# Offers to host study visits
# ---------------------------------------------------------------------------------------------


class HostingOffer(models.Model):
    """A Swedish municipality's or region's offer to host, as sent through the public form."""

    class Status(models.TextChoices):
        NEW = "new", _("New")
        IN_REVIEW = "in_review", _("Being reviewed")
        ACCEPTED = "accepted", _("Accepted: in the pool of hosts")
        SCHEDULED = "scheduled", _("Visit scheduled")
        DECLINED = "declined", _("Declined")
        WITHDRAWN = "withdrawn", _("Withdrawn by the host")

    ACTIVE_STATUSES = (Status.NEW, Status.IN_REVIEW, Status.ACCEPTED, Status.SCHEDULED)

    class Accessibility(models.TextChoices):
        STEP_FREE = "step_free", _("Step-free throughout, with an accessible toilet")
        PARTLY = "partly", _("Partly accessible (please describe below)")
        NOT_STEP_FREE = "not_step_free", _("Not step-free")
        UNKNOWN = "unknown", _("We do not know yet")

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("municipality or region"),
        on_delete=models.PROTECT,
        related_name="hosting_offers",
    )
    contact_name = models.CharField(_("contact person"), max_length=120)
    contact_role = models.CharField(_("role"), max_length=120, blank=True)
    email = models.EmailField(_("email"))
    phone = models.CharField(_("phone"), max_length=30)
    hosting_kinds = ArrayField(
        models.CharField(max_length=20, choices=HostingKind.choices),
        verbose_name=_("kinds of hosting"),
    )
    themes = models.ManyToManyField(
        Theme, verbose_name=_("areas of expertise"), blank=True, related_name="hosting_offers"
    )
    expertise = models.TextField(_("other expertise"), blank=True)
    programmes = models.ManyToManyField(
        Programme,
        verbose_name=_("programmes of interest"),
        blank=True,
        related_name="hosting_offers",
    )
    capacity = models.PositiveSmallIntegerField(
        _("visitors at one time"),
        help_text=_("The largest number of visitors the host can receive at the same time."),
    )
    languages = ArrayField(
        models.CharField(max_length=5, choices=WorkingLanguage.choices),
        verbose_name=_("working languages"),
    )
    accessibility = models.CharField(
        _("accessibility of the premises"), max_length=20, choices=Accessibility.choices
    )
    accessibility_notes = models.TextField(_("about accessibility"), blank=True)
    message = models.TextField(_("message"), blank=True)
    may_be_listed = models.BooleanField(
        _("may be listed as a host"),
        default=False,
        help_text=_("The host agreed to be named on the public “our hosts” page."),
    )
    consent_at = models.DateTimeField(_("consent given"))
    language = models.CharField(
        _("language of the offer"), max_length=5, choices=settings.LANGUAGES, default="sv"
    )
    submission_token = models.UUIDField(_("submission token"), unique=True, editable=False)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NEW
    )
    internal_notes = models.TextField(
        _("internal notes"), blank=True, help_text=_("Only ICLD staff see these.")
    )
    created_at = models.DateTimeField(_("received"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    class Meta:
        verbose_name = _("hosting offer")
        verbose_name_plural = _("hosting offers")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(condition=Q(capacity__gte=1), name="offer_capacity_positive"),
        ]

    def __str__(self) -> str:
        return (
            f"{self.organisation} ({self.created_at:%Y-%m-%d})"
            if self.created_at
            else str(self.organisation)
        )

    def get_hosting_kinds_display(self) -> list:
        labels = dict(HostingKind.choices)
        return [labels.get(kind, kind) for kind in self.hosting_kinds]

    def get_languages_display(self) -> list:
        labels = dict(WorkingLanguage.choices)
        return [labels.get(code, code) for code in self.languages]


class HostingPeriod(models.Model):
    offer = models.ForeignKey(
        HostingOffer,
        verbose_name=_("hosting offer"),
        on_delete=models.CASCADE,
        related_name="periods",
    )
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("to"))

    class Meta:
        verbose_name = _("period when hosting is possible")
        verbose_name_plural = _("periods when hosting is possible")
        ordering = ["offer", "starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")),
                name="hosting_period_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.starts_on} – {self.ends_on}"

    @property
    def days(self) -> int:
        return (self.ends_on - self.starts_on).days + 1


# ---------------------------------------------------------------------------------------------
# Scheduled visits
# ---------------------------------------------------------------------------------------------


VISIT_OVERLAP_CONSTRAINT = "visit_no_double_booking"


class ScheduledVisitQuerySet(models.QuerySet):
    def active(self):
        return self.exclude(status=ScheduledVisit.Status.CANCELLED)

    def hosted(self, on: date | None = None):
        """Visits that have taken place: confirmed or completed, and over."""
        on = on or today()
        return self.filter(
            status__in=[ScheduledVisit.Status.CONFIRMED, ScheduledVisit.Status.COMPLETED],
            ends_on__lt=on,
        )

    def listed(self):
        return self.filter(host_may_be_listed=True)

    def overlapping(self, *, host, starts_on: date, ends_on: date):
        return self.active().filter(host=host, starts_on__lte=ends_on, ends_on__gte=starts_on)


class ScheduledVisit(models.Model):
    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed to the host")
        # A visit is "bekräftat" and "genomfört"; other things are confirmed or completed
        # in other Swedish words.
        CONFIRMED = "confirmed", pgettext_lazy("visit status", "Confirmed")
        COMPLETED = "completed", pgettext_lazy("visit status", "Completed")
        CANCELLED = "cancelled", _("Cancelled")

    OVERLAP_CONSTRAINT = VISIT_OVERLAP_CONSTRAINT

    intake = models.ForeignKey(
        Intake, verbose_name=_("intake"), on_delete=models.PROTECT, related_name="visits"
    )
    host = models.ForeignKey(
        Organisation,
        verbose_name=_("host"),
        on_delete=models.PROTECT,
        related_name="hosted_visits",
    )
    offer = models.ForeignKey(
        HostingOffer,
        verbose_name=_("from offer"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="visits",
    )
    kind = models.CharField(_("kind of hosting"), max_length=20, choices=HostingKind.choices)
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    participants = models.PositiveSmallIntegerField(_("visitors"), default=25)
    topic = TranslatedField(models.CharField, _("topic"), max_length=200, blank=True, required=())
    contact_name = models.CharField(_("host contact person"), max_length=120, blank=True)
    contact_email = models.EmailField(_("host contact email"), blank=True)
    contact_language = models.CharField(
        _("host's language"), max_length=5, choices=settings.LANGUAGES, default="sv"
    )
    host_may_be_listed = models.BooleanField(
        _("host may be listed publicly"),
        default=False,
        help_text=_("Show the host on the public “our hosts” page once the visit is over."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PROPOSED
    )
    internal_notes = models.TextField(_("internal notes"), blank=True)
    confirmation_sent_at = models.DateTimeField(_("confirmation sent"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    objects = ScheduledVisitQuerySet.as_manager()

    class Meta:
        verbose_name = _("scheduled visit")
        verbose_name_plural = _("scheduled visits")
        ordering = ["starts_on", "host"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="visit_ends_after_start"
            ),
            # The database, not the application, guarantees that one host never has two
            # visits on the same day: this holds for concurrent saves from any source.
            ExclusionConstraint(
                name=VISIT_OVERLAP_CONSTRAINT,
                expressions=[
                    ("host", RangeOperators.EQUAL),
                    (DateRange("starts_on", "ends_on"), RangeOperators.OVERLAPS),
                ],
                condition=~Q(status="cancelled"),
                violation_error_message=_("This host already has a visit on some of these dates."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.host} · {self.starts_on:%Y-%m-%d}"

    def clean(self):
        super().clean()
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The last day cannot be before the first day.")})

    @property
    def days(self) -> int:
        return (self.ends_on - self.starts_on).days + 1


class HistoryEntry(models.Model):
    """What changed on an offer or a visit, when and by whom (old and new values).

    Stored without words of any language (an event key, field names and raw values), so
    the history reads in the language of whoever opens it.
    """

    class Event(models.TextChoices):
        OFFER_RECEIVED = "offer_received", _("Offer received through the website.")
        STATUS_CHANGED = "status_changed", _("Status changed.")
        CHANGED_IN_ADMIN = "changed_in_admin", _("Changed in admin.")
        VISIT_SCHEDULED = "visit_scheduled", _("Visit scheduled.")
        VISIT_CHANGED = "visit_changed", _("Visit changed.")
        CONFIRMATION_SENT = "confirmation_sent", _("Confirmation emailed to the host.")

    offer = models.ForeignKey(
        HostingOffer,
        verbose_name=_("hosting offer"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="history",
    )
    visit = models.ForeignKey(
        ScheduledVisit,
        verbose_name=_("scheduled visit"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="history",
    )
    at = models.DateTimeField(_("when"), default=timezone.now)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    event = models.CharField(_("what happened"), max_length=30, choices=Event.choices)
    changes = models.JSONField(
        _("changes"), default=dict, blank=True, help_text=_("Field: [old value, new value].")
    )

    class Meta:
        verbose_name = _("history entry")
        verbose_name_plural = _("history")
        ordering = ["-at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(offer__isnull=False) | Q(visit__isnull=False),
                name="history_entry_has_subject",
            ),
        ]

    def __str__(self) -> str:
        return str(self.get_event_display())

    def change_rows(self) -> list[tuple[str, str, str]]:
        """(field, old value, new value) for each change, in the active language."""
        model = ScheduledVisit if self.visit_id else HostingOffer
        rows = []
        for name, (old, new) in self.changes.items():
            try:
                field = model._meta.get_field(name)
            except FieldDoesNotExist:
                field = None
            label = str(field.verbose_name) if field is not None else name
            rows.append((label, _history_value(field, old), _history_value(field, new)))
        return rows


def _history_value(field, value) -> str:
    """A stored value as the reader says it: a choice's label, yes or no, or the text."""
    if value is None or value in ("", []):
        return "–"
    if isinstance(value, bool):
        return yesno(value)
    choices = field.flatchoices if field is not None else []
    if not choices and isinstance(getattr(field, "base_field", None), models.Field):
        choices = field.base_field.flatchoices  # a list of choices (ArrayField)
    labels = {str(key): label for key, label in choices}
    if isinstance(value, list):
        return ", ".join(str(labels.get(str(item), item)) for item in value)
    return str(labels.get(str(value), value))
