"""One Swedish catalogue: each English string has one Swedish translation, and the Swedish
admin shows no English.

gettext merges every catalogue into one namespace, so when two catalogues translate the same
English words differently, one wins silently and a page shows another page's wording. Our
catalogues (``LOCALE_PATHS``) also win over Django's own, so a string we share with Django
changes the admin too: such overrides are listed, with the reason, in ``DELIBERATE_OVERRIDES``.
"""

from __future__ import annotations

import gettext as gnu_gettext
import re
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser
from io import StringIO
from pathlib import Path

import django
import pytest
from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.core.management import call_command
from django.urls import reverse

from staff.roles import GROUP_NAMES

BASE_DIR = Path(settings.BASE_DIR)
DJANGO_DIR = Path(django.__file__).parent
PROJECT_CATALOGUE = BASE_DIR / "locale" / "sv" / "LC_MESSAGES" / "django.po"
# Swedish for Django's own strings that Django's Swedish catalogue lacks.
DJANGO_SUPPLEMENT = BASE_DIR / "locale_django"

# English strings of Django (or of a third-party app) that our catalogue translates in its
# own words, on purpose: the admin then uses the portal's word as well.
DELIBERATE_OVERRIDES = {
    "Change password": "“Byt lösenord”, as on the staff start page",
    "Django administration": "our admin header names no framework",
    "Django site admin": "our admin title names no framework",
    "Email": "a short label next to an address; Django says “E-postadress”",
    "Home": "“Startsida”, as in the portal's own navigation",
    "Page not found": "the portal's 404 page wording",
    "Recent actions": "Django capitalises “Händelser” in the middle of a heading",
    "Skip to main content": "the same skip link wording on every page",
    # Read through by a Swedish proofreader (2026-12): Swedish quotation marks ” … ”, history
    # rows in the neuter (what was added), no "var god", words that are whole phrases.
    "Added {name} “{object}”.": "Swedish quotation marks",
    "Changed {fields} for {name} “{object}”.": "Swedish quotation marks",
    "Deleted {name} “{object}”.": "Swedish quotation marks",
    "Added:": "“Tillagt:” heads a list of what was added",
    "Changed:": "“Ändrat:” heads a list of what was changed",
    "Deleted:": "“Borttaget:” heads a list of what was removed",
    "Date/time": "Django's “Datum tid” is not Swedish; “Datum och tid”",
    "Pagination %(name)s entries": "Django's “%(name)s-poster” is not natural Swedish",
    "Please correct the error below.": "plain Swedish has no “var god”",
    "This object doesn’t have a change history. It probably wasn’t added via this admin site.": (
        "“ändringshistorik” and “administrationen”, the words the rest of admin uses"
    ),
}


# --- Reading catalogues ------------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    context: str
    msgid: str
    plural: str
    msgstrs: tuple[str, ...]
    fuzzy: bool

    @property
    def key(self) -> str:
        # The same key gettext uses in a compiled catalogue.
        return f"{self.context}\x04{self.msgid}" if self.context else self.msgid


def _unquote(text: str) -> str:
    return re.sub(
        r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), text[1:-1]
    )


def po_entries(path: Path) -> list[Entry]:
    """The live entries of a .po file (the header and obsolete ``#~`` entries left out)."""
    entries = []
    for block in re.split(r"\n[ \t]*\n", path.read_text(encoding="utf-8")):
        fields: dict[str, str] = {}
        flags = ""
        current = None
        for line in block.splitlines():
            if line.startswith("#,"):
                flags += line
            elif line.startswith("#"):
                continue
            elif match := re.match(
                r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?) (".*")$', line
            ):
                current = match.group(1)
                fields[current] = _unquote(match.group(2))
            elif line.startswith('"') and current:
                fields[current] += _unquote(line)
        if fields.get("msgid"):
            entries.append(
                Entry(
                    context=fields.get("msgctxt", ""),
                    msgid=fields["msgid"],
                    plural=fields.get("msgid_plural", ""),
                    msgstrs=tuple(v for k, v in sorted(fields.items()) if k.startswith("msgstr")),
                    fuzzy="fuzzy" in flags,
                )
            )
    return entries


def po_header(path: Path) -> tuple[str, str]:
    """The header's flag line and its text."""
    header = re.split(r"\n[ \t]*\n", path.read_text(encoding="utf-8"))[0]
    flags = " ".join(line for line in header.splitlines() if line.startswith("#,"))
    return flags, header


def mo_catalogue(path: Path) -> dict[str, str]:
    """A compiled catalogue as {key: Swedish}; a plural keeps its singular form."""
    with path.open("rb") as handle:
        raw = gnu_gettext.GNUTranslations(handle)._catalog
    catalogue = {}
    for key, value in raw.items():
        if isinstance(key, tuple):
            if key[1] != 0:
                continue
            key = key[0]
        if key:
            catalogue[key] = value
    return catalogue


def _is_ours(path: Path) -> bool:
    return path.is_relative_to(BASE_DIR) and ".venv" not in path.relative_to(BASE_DIR).parts


def our_catalogues() -> list[Path]:
    """Every Swedish .po of the project: in LOCALE_PATHS and in any of our apps."""
    roots = [Path(p) for p in settings.LOCALE_PATHS]
    roots += [Path(a.path) / "locale" for a in apps.get_app_configs() if _is_ours(Path(a.path))]
    return sorted({po for root in roots for po in root.glob("sv/LC_MESSAGES/*.po")})


def django_catalogues() -> list[Path]:
    """Django's own compiled Swedish catalogues and those of the third-party apps we install."""
    roots = [DJANGO_DIR / "conf" / "locale"]
    roots += [Path(a.path) / "locale" for a in apps.get_app_configs() if not _is_ours(Path(a.path))]
    return sorted({mo for root in roots for mo in root.glob("sv/LC_MESSAGES/*.mo")})


def _label(path: Path) -> str:
    return str(path.relative_to(BASE_DIR)) if _is_ours(path) else str(path)


@cache
def translations_by_key() -> dict[tuple[str, str], dict[str, str]]:
    """{(domain, key): {catalogue: Swedish}} over our catalogues and Django's."""
    found: dict[tuple[str, str], dict[str, str]] = {}
    for po in our_catalogues():
        for entry in po_entries(po):
            if entry.msgstrs and entry.msgstrs[0]:
                found.setdefault((po.stem, entry.key), {})[_label(po)] = entry.msgstrs[0]
    for mo in django_catalogues():
        for key, swedish in mo_catalogue(mo).items():
            found.setdefault((mo.stem, key), {})[_label(mo)] = swedish
    return found


# --- The catalogues ----------------------------------------------------------------------------


def test_the_project_has_one_catalogue_and_every_app_uses_it():
    assert PROJECT_CATALOGUE in our_catalogues()
    own = [
        po
        for po in our_catalogues()
        if not any(po.is_relative_to(p) for p in settings.LOCALE_PATHS)
    ]
    assert not own, f"apps keep catalogues of their own: {own}"


def test_each_english_string_has_one_swedish_translation_across_our_catalogues():
    ours = {str(p.relative_to(BASE_DIR)) for p in our_catalogues()}
    problems = []
    for (domain, key), swedish in sorted(translations_by_key().items()):
        mine = {catalogue: text for catalogue, text in swedish.items() if catalogue in ours}
        if len(set(mine.values())) > 1:
            problems.append(f"{key!r} ({domain}): {mine}")
    assert not problems, "translated differently:\n" + "\n".join(problems)


def test_we_override_django_only_where_we_mean_to():
    ours = {str(p.relative_to(BASE_DIR)) for p in our_catalogues()}
    overridden = {}
    for (_domain, key), swedish in translations_by_key().items():
        mine = {text for catalogue, text in swedish.items() if catalogue in ours}
        theirs = {text for catalogue, text in swedish.items() if catalogue not in ours}
        if mine and theirs and mine != theirs:
            overridden[key] = f"ours {sorted(mine)}, Django's {sorted(theirs)}"
    unplanned = {key: why for key, why in overridden.items() if key not in DELIBERATE_OVERRIDES}
    assert not unplanned, "Django's Swedish replaced by ours without saying why:\n" + "\n".join(
        f"{key!r}: {why}" for key, why in sorted(unplanned.items())
    )
    stale = set(DELIBERATE_OVERRIDES) - set(overridden)
    assert not stale, f"listed as overrides but no longer are: {sorted(stale)}"


def test_django_supplement_only_fills_gaps_in_djangos_swedish():
    """Strings we translate for Django are ones its Swedish catalogue lacks, and no more."""
    assert DJANGO_SUPPLEMENT in [Path(p) for p in settings.LOCALE_PATHS]
    supplements = [po for po in our_catalogues() if po.is_relative_to(DJANGO_SUPPLEMENT)]
    django_english = set(django_msgids())
    django_swedish = {(mo.stem, key) for mo in django_catalogues() for key in mo_catalogue(mo)}
    project = {entry.key for entry in po_entries(PROJECT_CATALOGUE)}
    problems = []
    for po in supplements:
        for entry in po_entries(po):
            where = (po.stem, entry.key)
            if where not in django_english:
                problems.append(f"not a Django string: {entry.msgid!r}")
            elif where in django_swedish:
                problems.append(f"Django translates it now, drop ours: {entry.msgid!r}")
            elif entry.key in project:
                problems.append(f"also in the project catalogue: {entry.msgid!r}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("po", our_catalogues(), ids=lambda p: str(p.relative_to(BASE_DIR)))
def test_catalogue_has_no_empty_or_fuzzy_entry(po):
    flags, header = po_header(po)
    assert "fuzzy" not in flags, "the header is marked fuzzy"
    assert '"Language: sv\\n"' in header
    problems = [
        f"{'fuzzy' if entry.fuzzy else 'empty'}: {entry.msgid!r}"
        for entry in po_entries(po)
        if entry.fuzzy or not entry.msgstrs or not all(entry.msgstrs)
    ]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("po", our_catalogues(), ids=lambda p: str(p.relative_to(BASE_DIR)))
def test_catalogue_is_compiled_and_up_to_date(po):
    mo = po.with_suffix(".mo")
    assert mo.exists(), f"{mo.name} is missing: run `make messages`"
    expected = {e.key: e.msgstrs[0] for e in po_entries(po) if not e.fuzzy and e.msgstrs}
    assert mo_catalogue(mo) == expected, "the compiled catalogue is out of date: `make messages`"


# --- The Swedish admin -------------------------------------------------------------------------


def _english_po_files() -> list[Path]:
    """The English source strings of Django and of each third-party app we install."""
    files = list((DJANGO_DIR / "conf" / "locale" / "en" / "LC_MESSAGES").glob("*.po"))
    for app in apps.get_app_configs():
        root = Path(app.path) / "locale"
        if _is_ours(root) or not root.is_dir():
            continue
        english = list((root / "en" / "LC_MESSAGES").glob("*.po"))
        # An app without an English catalogue: any other language lists the same strings.
        files += english or sorted(root.glob("*/LC_MESSAGES/*.po"))[:2]
    return files


@cache
def django_msgids() -> dict[tuple[str, str], Entry]:
    return {(po.stem, e.key): e for po in _english_po_files() for e in po_entries(po)}


@cache
def swedish_texts() -> frozenset[str]:
    """Every Swedish translation we or Django have: such text is Swedish, even when it is
    also an English string somewhere (``Status``, ``Filter``)."""
    texts = set()
    for swedish in translations_by_key().values():
        texts.update(text.strip() for text in swedish.values())
    return frozenset(texts)


PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|%[sdif]|\{\w*\}")


def _pattern(english: str) -> str | None:
    """A regular expression for English text as a page shows it (placeholders filled in,
    first letter in either case), or None when too little of it is words to tell."""
    english = " ".join(english.split())
    literal = PLACEHOLDER.sub(" ", english)
    if len(re.findall(r"[A-Za-z]", literal)) < 3:
        return None
    parts = [re.escape(part) for part in PLACEHOLDER.split(english)]
    pattern = r"\S.*?".join(parts)
    first = english[0]
    if first.isalpha():
        pattern = f"[{first.upper()}{first.lower()}]" + pattern[1:]
    return pattern


@cache
def english_matchers() -> tuple[dict[str, str], re.Pattern]:
    """({one word: msgid}, a pattern for longer strings) for every English string that a
    Swedish page must not show: Django's, third-party apps' and ours."""
    strings = {e.msgid for e in django_msgids().values()}
    strings |= {e.plural for e in django_msgids().values() if e.plural}
    for entry in po_entries(PROJECT_CATALOGUE):
        strings |= {entry.msgid, entry.plural} - {""}
    single, phrases = {}, []
    for english in strings:
        english = " ".join(english.split())
        if english in swedish_texts() or PLACEHOLDER.sub("", english).strip() in swedish_texts():
            continue
        pattern = _pattern(english)
        if pattern is None:
            continue
        if " " not in english and not PLACEHOLDER.search(english):
            for first in {english[0].upper(), english[0].lower()}:
                single[first + english[1:]] = english
        else:
            phrases.append(pattern)
    phrases.sort(key=len, reverse=True)
    combined = re.compile(r"(?<![\w-])(?:" + "|".join(phrases) + r")(?![\w-])")
    return single, combined


class VisibleText(HTMLParser):
    """Text a person reads on the page: text nodes, button values, titles and labels for
    assistive technology. Left out: scripts, styles, text areas, and the cells of a list
    that show English content (a column ``title_en``)."""

    HIDDEN = {"script", "style", "textarea", "template"}
    ATTRIBUTES = {"title", "placeholder", "aria-label", "alt"}
    ENGLISH_CELL = re.compile(r"\bfield-\w+_en\b")

    def __init__(self):
        super().__init__()
        self.chunks: list[str] = []
        self._hidden = 0
        self._english_cell = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in self.HIDDEN:
            self._hidden += 1
        if tag in {"td", "th"} and self.ENGLISH_CELL.search(attrs.get("class") or ""):
            self._english_cell += 1
            self._hidden += 1
        for name in self.ATTRIBUTES:
            if attrs.get(name):
                self.chunks.append(attrs[name])
        if tag == "input" and attrs.get("type") in {"submit", "button", "reset"}:
            self.chunks.append(attrs.get("value") or "")

    def handle_endtag(self, tag):
        if tag in self.HIDDEN and self._hidden:
            self._hidden -= 1
        if tag in {"td", "th"} and self._english_cell:
            self._english_cell -= 1
            self._hidden -= 1

    def handle_data(self, data):
        if not self._hidden and data.strip():
            self.chunks.append(data)


def english_on_page(html: str) -> set[str]:
    parser = VisibleText()
    parser.feed(html)
    single, phrases = english_matchers()
    found = set()
    for chunk in parser.chunks:
        text = " ".join(chunk.split())
        for name in GROUP_NAMES:
            # The staff groups' names are the keys staff_groups_sync finds them by, the
            # same in every language.
            text = text.replace(name, "")
        bare = text.rstrip(":").strip()
        if bare in single:
            found.add(bare)
        found.update(match.group(0) for match in phrases.finditer(text))
    return found


def test_the_english_detector_finds_english_and_leaves_swedish_alone():
    assert english_on_page("<p>Filter by date</p><button>Save</button>") == {
        "Filter by date",
        "Save",
    }
    assert english_on_page('<input type="submit" value="Save and add another">') == {
        "Save and add another"
    }
    assert english_on_page('<option value="">- Select an option -</option>') == {
        "- Select an option -"
    }
    assert english_on_page("<h1>Välj status att ändra</h1><p>Status</p>") == set()
    assert english_on_page("<script>gettext('Save')</script><textarea>Save</textarea>") == set()


def _fill_every_admin_list(staff):
    """Demo content, plus a row through the services for each list the demo leaves empty."""
    import uuid
    from datetime import date

    from axes.models import AccessAttempt
    from django.contrib.admin.models import ADDITION, LogEntry
    from django.contrib.auth.models import Group

    from alerts.models import Delivery, Digest, ManageLinkRequest, Subscription
    from core.models import AccessibilityReport, OutboxMessage
    from core.services import accessibility_report_submit
    from partnerships.models import InterestRegistration
    from partnerships.services import registration_update
    from programmes.models import HostingOffer, ScheduledVisit
    from programmes.services import hosting_offer_set_status, visit_update
    from staff.services import recovery_codes_regenerate

    call_command("seed_demo", allow_production=True, stdout=StringIO())
    group = Group.objects.order_by("pk").first()
    LogEntry.objects.log_actions(
        user_id=staff.pk,
        queryset=[group],
        action_flag=ADDITION,
        change_message=[{"added": {}}],
        single_object=True,
    )
    OutboxMessage.objects.create(
        to=["anna@vara.se"], subject="Hej", body_text="Hej", language="sv", message_id="<1@icld>"
    )
    accessibility_report_submit(
        kind=AccessibilityReport.Kind.values[0],
        description="Knappen går inte att nå med tangentbordet.",
        email="anna@vara.se",
        language="sv",
        submission_token=uuid.uuid4(),
    )
    registration_update(
        registration=InterestRegistration.objects.order_by("pk").first(),
        user=staff,
        status=InterestRegistration.Status.CONTACTED,
    )
    hosting_offer_set_status(
        offer=HostingOffer.objects.order_by("pk").first(),
        status=HostingOffer.Status.DECLINED,
        by=staff,
    )
    visit_update(visit=ScheduledVisit.objects.order_by("pk").first(), changes={"participants": 3})
    subscription = Subscription.objects.order_by("pk").first()
    digest = Digest.objects.create(email=subscription.email, sent_on=date.today(), language="sv")
    Delivery.objects.create(subscription=subscription, item_key="demo:1", digest=digest)
    ManageLinkRequest.objects.create(
        email=subscription.email, language="sv", submission_token=uuid.uuid4()
    )
    recovery_codes_regenerate(user=staff)
    AccessAttempt.objects.create(
        username="anna", ip_address="192.0.2.1", user_agent="Firefox", failures_since_start=5
    )


def admin_pages() -> list[str]:
    """The start page, and each registered model's list, add page and first row."""
    pages = [reverse("admin:index")]
    for model in admin.site._registry:
        info = (model._meta.app_label, model._meta.model_name)
        pages.append(reverse("admin:{}_{}_changelist".format(*info)))
        pages.append(reverse("admin:{}_{}_add".format(*info)))
        row = model._default_manager.order_by("pk").first()
        assert row is not None, f"no {model._meta.label} to open: add one above"
        pages.append(reverse("admin:{}_{}_change".format(*info), args=[row.pk]))
    return pages


@pytest.mark.django_db
def test_the_swedish_admin_shows_no_english(staff_client, django_user_model):
    _fill_every_admin_list(django_user_model.objects.get(username="staff"))
    problems = []
    for url in admin_pages():
        response = staff_client.get(url, HTTP_ACCEPT_LANGUAGE="sv")
        if response.status_code == 403 and url.endswith("/add/"):
            continue  # a list whose rows only the services add
        assert response.status_code == 200, url
        assert 'lang="sv"' in response.text, url
        english = english_on_page(response.text)
        if english:
            problems.append(f"{url}: {sorted(english)}")
    assert not problems, "English in the Swedish admin:\n" + "\n".join(problems)
