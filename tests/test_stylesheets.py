"""One stylesheet for every public page: no app links its own, and each class rule is written once.

When an app kept its CSS to its own pages, its cards lost their look wherever another app showed
them (a programme card on a country page, a story card on the home page). These tests keep the
styles in the one bundle that base.html links, and the bundle free of competing definitions.
"""

import re
from collections import Counter
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation

BUNDLE = "css/site.css"
ADMIN_BUNDLE = "admin-icld/admin.css"
# The admin keeps its own styles: Django's, and ours for every admin page (staff's included).
ADMIN_STYLESHEETS = {"admin/css/login.css", ADMIN_BUNDLE}

STATIC_CSS = re.compile(r"""\{%\s*static\s+['"]([^'"]+\.css)['"]\s*%\}""")
PLAIN_CSS_HREF = re.compile(r"""href=["'](?!\{%)([^"']+\.css)["']""")
STYLESHEET_LINK = re.compile(r'<link rel="stylesheet" href="([^"]+)"')


def project_dirs(subdir: str) -> list[Path]:
    """<subdir> of the project and of each of its own apps (not of installed packages)."""
    base = Path(settings.BASE_DIR)
    dirs = [base / subdir]
    for config in apps.get_app_configs():
        path = Path(config.path)
        if path.is_relative_to(base) and ".venv" not in path.parts:
            dirs.append(path / subdir)
    return [path for path in dirs if path.is_dir()]


def templates() -> list[Path]:
    return sorted({path for folder in project_dirs("templates") for path in folder.rglob("*.html")})


def test_templates_link_only_the_bundle_or_admin_stylesheets():
    problems = []
    for path in templates():
        text = path.read_text()
        for css in STATIC_CSS.findall(text) + PLAIN_CSS_HREF.findall(text):
            is_admin_page = '{% extends "admin/' in text
            if css == BUNDLE or (css in ADMIN_STYLESHEETS and is_admin_page):
                continue
            problems.append(f"{path.relative_to(settings.BASE_DIR)} links {css}")
    assert not problems, "Put public styles in static/css/site.css:\n" + "\n".join(problems)


def test_no_app_ships_a_stylesheet_of_its_own():
    found = {
        str(path.relative_to(folder))
        for folder in project_dirs("static")
        for path in folder.rglob("*.css")
    }
    assert found == {BUNDLE, ADMIN_BUNDLE}


def css_rules(css: str) -> list[tuple[tuple[str, ...], str]]:
    """(enclosing at-rules, selector) for every selector of every style rule, in order."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    rules, open_blocks, text = [], [], ""
    for char in css:
        if char == "{":
            open_blocks.append(" ".join(text.split()))
            text = ""
        elif char == "}":
            prelude = open_blocks.pop()
            if not prelude.startswith("@"):
                # Commas inside brackets (:is(a, b)) do not separate selectors.
                for selector in re.split(r",(?![^(]*\))", prelude):
                    rules.append((tuple(open_blocks), " ".join(selector.split())))
            text = ""
        else:
            text += char
    return rules


def repeated_class_selectors(css: str) -> list[str]:
    """Class selectors with more than one rule in the same media query.

    Element selectors may keep a shared rule plus their own (h1, h2 … then h1), like
    browsers' defaults; a component's class is defined in one place only.
    """
    counts = Counter(rule for rule in css_rules(css) if "." in rule[1])
    return [" ".join([*context, selector]) for (context, selector), n in counts.items() if n > 1]


def test_the_duplicate_finder_sees_repeats_in_and_outside_media_queries():
    css = """
    /* .comment { } */
    .a, .b > p { color: red; }
    h1, h2 { margin: 0; } h1 { font-size: 2rem; }
    @media (min-width: 40rem) { .a { color: blue; } .c { x: 1; } }
    .b > p { margin: 0; }
    @media (min-width: 40rem) { .c { y: 2; } }
    :is(.d, .e) { z: 3; }
    """
    assert repeated_class_selectors(css) == [".b > p", "@media (min-width: 40rem) .c"]


def read_static(name: str) -> str:
    return (Path(settings.BASE_DIR) / "static" / name).read_text()


def test_each_class_selector_is_defined_once_in_the_bundle():
    css = read_static(BUNDLE)
    selectors = {selector for _, selector in css_rules(css)}
    # The parser read the whole file: the components of every app are there.
    assert {".card", ".search-row", ".programme-card.is-open", ".story-card img"} <= selectors
    assert {".pagination ul", ".follow-list", ".filters h2", ".map-link path"} <= selectors
    assert repeated_class_selectors(css) == []


def test_each_class_selector_is_defined_once_in_the_admin_stylesheet():
    css = read_static(ADMIN_BUNDLE)
    assert {".form-multiline textarea", ".staff-waiting table"} <= {s for _, s in css_rules(css)}
    assert repeated_class_selectors(css) == []


def public_pages() -> dict[str, str]:
    """One page of each app, and the pages where one app shows another's cards."""
    with translation.override("sv"):
        return {
            "home": reverse("home"),
            "search": reverse("portal:search"),
            "country": reverse("portal:country", kwargs={"slug": "kenya"}),
            "organisation": reverse("portal:organisation", kwargs={"slug": "vara"}),
            "theme": reverse("portal:theme", kwargs={"slug": "education"}),
            "partnerships": reverse("partnerships:list"),
            "programmes": reverse("programmes:index"),
            "knowledge": reverse("knowledge:publications"),
            "alerts": reverse("alerts:manage_request"),
        }


@pytest.mark.django_db
def test_pages_of_every_app_carry_the_same_stylesheet(client):
    links = {}
    for name, path in public_pages().items():
        response = client.get(path)
        assert response.status_code == 200, name
        links[name] = STYLESHEET_LINK.findall(response.text)
    assert set(map(tuple, links.values())) == {(static(BUNDLE),)}, links


@pytest.mark.django_db
def test_the_staff_sign_in_page_carries_the_admin_stylesheet_not_the_public_one(client):
    response = client.get(reverse("admin:login"))
    assert response.status_code == 200
    links = STYLESHEET_LINK.findall(response.text)
    assert static(ADMIN_BUNDLE) in links and static(BUNDLE) not in links
