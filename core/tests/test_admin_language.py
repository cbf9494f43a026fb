"""The admin in the reader's language: field names, history rows and the editor's own words."""

import json
import re

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import translation

from partnerships.models import Story
from partnerships.tests import factories

pytestmark = pytest.mark.django_db


def test_field_names_say_the_language_in_the_readers_words():
    field = Story._meta.get_field("title_sv")
    with translation.override("sv"):
        assert str(field.verbose_name) == "titel (svenska)"
    with translation.override("en"):
        assert str(field.verbose_name) == "title (Swedish)"


def test_history_rows_name_the_fields_in_the_readers_language(staff_client, django_user_model):
    story = factories.story(partnerships=[factories.partnership()])
    # What Django's admin stores: the labels in English, whoever made the change.
    LogEntry.objects.create(
        user=django_user_model.objects.get(username="staff"),
        content_type=ContentType.objects.get_for_model(Story),
        object_id=str(story.pk),
        object_repr=str(story),
        action_flag=CHANGE,
        change_message=json.dumps([{"changed": {"fields": ["Title (Swedish)", "Date"]}}]),
    )
    url = reverse("admin:partnerships_story_history", args=[story.pk])
    swedish = staff_client.get(url, HTTP_ACCEPT_LANGUAGE="sv").text
    assert "Ändrade Titel (svenska) och Datum." in swedish
    english = staff_client.get(url, HTTP_ACCEPT_LANGUAGE="en").text
    assert "Changed Title (Swedish) and Date." in english
    log = staff_client.get(reverse("admin:admin_logentry_changelist"), HTTP_ACCEPT_LANGUAGE="sv")
    assert "Ändrade Titel (svenska) och Datum." in log.text


def test_the_editor_speaks_the_admins_language(staff_client):
    story = factories.story(partnerships=[factories.partnership()])
    url = reverse("admin:partnerships_story_change", args=[story.pk])
    html = staff_client.get(url, HTTP_ACCEPT_LANGUAGE="sv").text
    labels = re.search(r'data-rich-text-labels="([^"]+)"', html).group(1)
    labels = json.loads(labels.replace("&quot;", '"'))
    assert labels["bold"] == "fetstil"
    assert labels["Insert Figure"] == "Infoga bild"
    english = staff_client.get(url, HTTP_ACCEPT_LANGUAGE="en").text
    assert "data-rich-text-labels" not in english
