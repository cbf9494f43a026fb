"""Stories in admin: their pages open, and staff publish them with the admin action."""

from django.urls import reverse

from partnerships.models import Story
from partnerships.tests import factories


def test_admin_pages_load(staff_client):
    story = factories.story(partnerships=[factories.partnership()])
    for path in (
        reverse("admin:partnerships_story_changelist"),
        reverse("admin:partnerships_story_change", args=[story.pk]),
    ):
        response = staff_client.get(path)
        assert response.status_code == 200, path


def test_the_publish_action_publishes_the_selected_stories(staff_client):
    partnership = factories.partnership(publish=False)
    story = factories.story(partnerships=[partnership], publish=False)
    changelist = reverse("admin:partnerships_story_changelist")
    staff_client.post(changelist, {"action": "publish", "_selected_action": [story.pk]})
    assert Story.objects.get(pk=story.pk).is_published
