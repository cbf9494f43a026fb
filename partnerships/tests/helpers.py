"""Helpers the partnership and portal page tests share."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from hypothesis import strategies as st

# The country, organisation and theme pages are the portal's, shared by the three apps.
PORTAL_PAGES = {
    "country",
    "organisation",
    "theme",
    "country_index",
    "organisation_index",
    "theme_index",
}

# Any text a visitor could send, up to 300 characters (for generated form and query input).
ANY_TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=300)


def url(name: str, language: str = "sv", **kwargs) -> str:
    """The address of a partnership page (or a portal page) in ``language``."""
    namespace = "portal" if name in PORTAL_PAGES else "partnerships"
    with translation.override(language):
        return reverse(f"{namespace}:{name}", kwargs=kwargs or None)


def count_queries(client, path: str) -> int:
    """How many SQL queries a GET of ``path`` runs (it must answer 200), once what a running
    server keeps is warm (a search's words' lexemes, core.search)."""
    client.get(path)
    with CaptureQueriesContext(connection) as context:
        assert client.get(path).status_code == 200
    return len(context)
