"""schema.org data (JSON-LD) for the home page: who publishes the portal, and its site search."""

from __future__ import annotations

from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse

from core.i18n import active_language


def site_schema() -> dict:
    """One Organization (ICLD) and one WebSite with a SearchAction to the site search, in the
    page's language, on the addresses every canonical link uses."""
    site = settings.ICLD_SITE_URL
    organisation_id = f"{site}/#organization"
    return {
        "@context": "https://schema.org",
        "@graph": [
            {
                "@type": "Organization",
                "@id": organisation_id,
                "name": "Swedish International Centre for Local Democracy (ICLD)",
                "alternateName": ["ICLD", "Internationellt centrum för lokal demokrati"],
                "url": f"{site}/",
                "logo": site + static("img/favicon.svg"),
                "email": settings.ICLD_CONTACT_EMAIL,
            },
            {
                "@type": "WebSite",
                "@id": f"{site}/#website",
                "name": "ICLD",
                "url": site + reverse("home"),
                "inLanguage": active_language(),
                "publisher": {"@id": organisation_id},
                "potentialAction": {
                    "@type": "SearchAction",
                    "target": {
                        "@type": "EntryPoint",
                        "urlTemplate": site + reverse("portal:search") + "?q={search_term_string}",
                    },
                    "query-input": "required name=search_term_string",
                },
            },
        ],
    }
