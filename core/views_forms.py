"""The shape of every public form view: rate limit, honeypot, save once, redirect."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import FormView

from core import ratelimit
from core.submissions import SubmissionTokenReused


class PublicFormView(FormView):
    """Subclasses set ``rate_limit_scope`` and implement ``submit(form)`` (call one service)
    and ``get_success_url_for(result)``; a honeypot hit goes to ``honeypot_success_url()``.

    The rate limit counts submissions that would be saved, not attempts: a visitor correcting
    typos is never held back, and the allowance is set for a whole office sharing one address.
    """

    rate_limit_scope: str = ""
    rate_limit: int = 30
    rate_limit_period: int = 3600

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        if not form.is_valid():
            return self.form_invalid(form)
        if form.caught_in_honeypot:
            return redirect(self.honeypot_success_url())
        allowed, reset_in = ratelimit.hit(
            request,
            scope=self.rate_limit_scope or self.__class__.__name__,
            limit=settings.ICLD_FORM_RATE_LIMIT or self.rate_limit,
            period=self.rate_limit_period,
        )
        if not allowed:
            return self.render_rate_limited(form, reset_in)
        try:
            result = self.submit(form)
        except SubmissionTokenReused:
            return self.render_token_reused(form)
        return self.submitted(form, result)

    def submitted(self, form, result):
        """The response once the service has run: the thank-you page (``get_success_url_for``)."""
        return redirect(self.get_success_url_for(result))

    def render_token_reused(self, form):
        """The form again, as typed, when its token was saved with other content: sending it
        once more (with the fresh token) saves it as a new submission."""
        context = self.get_context_data(
            form=self.with_fresh_token(form),
            token_reused=True,
            token_reused_message=_(
                "This form has already been sent once, with different content. Nothing new "
                "has been saved. What you typed is kept below: send it again to save it as a "
                "new submission."
            ),
        )
        return self.render_to_response(context, status=409)

    def render_rate_limited(self, form, reset_in: int):
        minutes = max(1, round(reset_in / 60))
        context = self.get_context_data(
            form=form,
            rate_limited=True,
            rate_limit_message=_(
                "We have received many submissions from your network in a short time. Nothing "
                "has been saved yet. What you typed is kept below: please send it again in "
                "%(minutes)d minutes."
            )
            % {"minutes": minutes},
        )
        response = self.render_to_response(context, status=429)
        response["Retry-After"] = str(reset_in)
        return response

    @staticmethod
    def with_fresh_token(form):
        """The bound form, as typed, whose next post is a new submission."""
        data = form.data.copy()
        data[form.add_prefix("submission_token")] = str(uuid.uuid4())
        form.data = data
        return form

    def submit(self, form):  # pragma: no cover - abstract
        raise NotImplementedError

    def get_success_url_for(self, result) -> str:  # pragma: no cover - abstract
        raise NotImplementedError

    def honeypot_success_url(self) -> str:  # pragma: no cover - abstract
        raise NotImplementedError
