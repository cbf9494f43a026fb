import pytest
from django.utils import translation

from knowledge.models import ResearchCall

pytestmark = pytest.mark.django_db


def test_a_known_swedish_string_is_translated():
    with translation.override("sv"):
        assert translation.gettext("Research library") == "Forskningsbibliotek"
        assert translation.pgettext("publication type", "Other") == "Övrigt"


def test_words_shared_with_other_apps_keep_the_knowledge_centres_meaning():
    from knowledge.models import Publication, Registration

    with translation.override("sv"):
        assert str(Publication._meta.verbose_name) == "publikation"
        assert str(Registration.Status.CANCELLED.label) == "Avbokad"
        assert str(ResearchCall.Status.CLOSED.label) == "Stängd"
