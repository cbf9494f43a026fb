"""The public list of partner seekers."""

from django.views.generic import TemplateView

from core.pagination import paginate
from partnerships import selectors
from partnerships.forms import SeekerFilterForm
from partnerships.views.helpers import PER_PAGE


class SeekerListView(TemplateView):
    """Open partner seekers that agreed to be listed, filterable by country and theme."""

    page_cache_searches = True

    template_name = "partnerships/seeker_list.html"

    def get_context_data(self, **kwargs):
        countries, themes = selectors.seeker_filter_options()
        form = SeekerFilterForm(self.request.GET or None, countries=countries, themes=themes)
        filters = form.filters()
        page = paginate(self.request, selectors.seeker_list_public(filters), PER_PAGE)
        return super().get_context_data(
            form=form, filters=filters, page_obj=page, rounds=selectors.round_status(), **kwargs
        )
