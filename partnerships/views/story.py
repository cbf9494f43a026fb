"""Public pages of stories: the list and one story (drafts previewed by staff)."""

from django.http import Http404
from django.views.generic import TemplateView

from core.access import DraftPreviewMixin, may_preview_drafts
from core.pagination import paginate
from partnerships import selectors


class StoryListView(TemplateView):
    template_name = "partnerships/story_list.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            page_obj=paginate(self.request, selectors.story_list_public(), 12), **kwargs
        )


class StoryDetailView(DraftPreviewMixin, TemplateView):
    template_name = "partnerships/story_detail.html"
    preview_object = "story"

    def get_context_data(self, **kwargs):
        story = selectors.story_get_public(
            kwargs["slug"], include_drafts=may_preview_drafts(self.request)
        )
        if story is None:
            raise Http404
        return super().get_context_data(story=story, **kwargs)
