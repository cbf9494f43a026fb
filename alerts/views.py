"""Pages of the alerts app: follow a list, confirm, unsubscribe, manage an address's alerts."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import TemplateView, View

from alerts import kinds, selectors, services, tokens
from alerts.forms import ManageLinkForm, SubscribeForm
from core.views_forms import PublicFormView


def kind_from_url(request, slug: str) -> tuple[kinds.ListKind, HttpResponse | None]:
    """The kind an alert URL names, and a permanent redirect when the URL names it by its
    key or in the other language (``/sv/bevakningar/partnerships/bevaka/`` was the address
    until the segments were translated): feed readers and bookmarks keep working, the query
    string kept."""
    kind = kinds.by_url_slug(slug)
    if kind is None:
        raise Http404
    if slug == kind.url_slug():
        return kind, None
    match = request.resolver_match
    url = reverse(match.view_name, kwargs={**match.kwargs, "kind": kind.key})
    query = request.META.get("QUERY_STRING", "")
    return kind, HttpResponsePermanentRedirect(f"{url}?{query}" if query else url)


class SubscribeView(PublicFormView):
    """Follow a list by email: the filter comes from the query string, as the list had it."""

    template_name = "alerts/subscribe.html"
    form_class = SubscribeForm
    rate_limit_scope = "alerts-subscribe"

    def dispatch(self, request, *args, **kwargs):
        self.kind, moved = kind_from_url(request, kwargs["kind"])
        if moved is not None:
            return moved
        self.filters = self.kind.from_query(request.GET)
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        return {**super().get_initial(), "language": translation.get_language()}

    def filter_controls(self) -> list[dict]:
        """The kind's own controls (events, calls), each with the values the query has."""
        chosen = self.filters.params
        controls = []
        for control in self.kind.filter_fields():
            values = chosen.get(control.name, [])
            controls.append(
                {
                    "name": control.name,
                    "label": control.label,
                    "is_search": control.is_search,
                    "value": values[0] if values else "",
                    "options": [
                        {"value": value, "label": label, "checked": value in values}
                        for value, label in control.options
                    ],
                }
            )
        return [c for c in controls if c["is_search"] or c["options"]]

    def get_context_data(self, **kwargs):
        query = self.filters.query
        return super().get_context_data(
            kind=self.kind,
            filter_controls=self.filter_controls(),
            filters=self.kind.describe(self.filters),
            list_url=self.kind.list_url(query),
            feeds=selectors.feed_urls(self.kind.key, query),
            **kwargs,
        )

    def submit(self, form):
        data = form.cleaned_data
        return services.alert_subscribe(
            email=data["email"],
            language=data["language"],
            frequency=data["frequency"],
            kind=self.kind.key,
            query=self.filters.query,
            submission_token=data["submission_token"],
        )

    def get_success_url_for(self, result) -> str:
        return reverse("alerts:subscribe_sent")

    def honeypot_success_url(self) -> str:
        return reverse("alerts:subscribe_sent")


class SubscribeSentView(TemplateView):
    template_name = "alerts/subscribe_sent.html"


@method_decorator(never_cache, name="dispatch")
class ConfirmView(TemplateView):
    """GET shows a button (link checkers that open links must not confirm); POST confirms."""

    template_name = "alerts/confirm.html"

    def get(self, request, *args, **kwargs):
        subscription = selectors.subscription_from_confirm_token(kwargs["token"])
        if subscription is None:
            return render(request, "alerts/link_invalid.html", status=404)
        return self.render_to_response(
            self.get_context_data(subscription=subscription, about=selectors.describe(subscription))
        )

    def post(self, request, *args, **kwargs):
        subscription = selectors.subscription_from_confirm_token(kwargs["token"])
        if subscription is None:
            return render(request, "alerts/link_invalid.html", status=404)
        subscription = services.alert_confirm(subscription=subscription)
        messages.success(request, _("Your alert is on. Here are all the alerts of your address."))
        return redirect("alerts:manage", token=tokens.manage_token(subscription.email))


@method_decorator([csrf_exempt, never_cache], name="dispatch")
class UnsubscribeView(TemplateView):
    """The link in every email. GET asks to confirm; POST unsubscribes, without signing in.

    Exempt from CSRF: mail clients post ``List-Unsubscribe=One-Click`` to this address
    (RFC 8058) with no cookie or form token; the signed link itself is the authorisation.
    """

    template_name = "alerts/unsubscribe.html"

    def get(self, request, *args, **kwargs):
        found = selectors.subscriptions_from_unsubscribe_token(kwargs["token"])
        if found is None:
            return render(request, "alerts/link_invalid.html", status=404)
        email, subscriptions = found
        with kinds.shared_lookups():
            alerts = [(s, selectors.describe(s)) for s in subscriptions]
        return self.render_to_response(
            self.get_context_data(
                email=email,
                alerts=alerts,
                manage_token=tokens.manage_token(email) if email else "",
            )
        )

    def post(self, request, *args, **kwargs):
        found = selectors.subscriptions_from_unsubscribe_token(kwargs["token"])
        if found is None:
            return render(request, "alerts/link_invalid.html", status=404)
        email, subscriptions = found
        removed = 0
        if subscriptions:
            removed = services.alert_unsubscribe(email=email, ids=[s.pk for s in subscriptions])
        return render(
            request,
            "alerts/unsubscribed.html",
            {
                "removed": removed,
                "email": email,
                "remaining": bool(email) and selectors.subscriptions_for_email(email).exists(),
                "manage_token": tokens.manage_token(email) if email else "",
            },
        )


class ManageRequestView(PublicFormView):
    """Ask for the signed link to an address's alerts; the start page of the alerts."""

    template_name = "alerts/manage_request.html"
    form_class = ManageLinkForm
    rate_limit_scope = "alerts-manage-link"

    def get_context_data(self, **kwargs):
        return super().get_context_data(kinds=kinds.all_kinds(), **kwargs)

    def submit(self, form):
        data = form.cleaned_data
        return services.manage_link_request(
            email=data["email"],
            language=translation.get_language(),
            submission_token=data["submission_token"],
        )

    def get_success_url_for(self, result) -> str:
        return reverse("alerts:manage_sent")

    def honeypot_success_url(self) -> str:
        return reverse("alerts:manage_sent")


class ManageSentView(TemplateView):
    template_name = "alerts/manage_sent.html"


@method_decorator(never_cache, name="dispatch")
class ManageView(View):
    """Every alert of an address, each with a button to remove it; after the list, a button to
    remove them all that asks for confirmation on a page of its own."""

    template_name = "alerts/manage.html"

    def get(self, request, token):
        email = tokens.read_manage_token(token)
        if email is None:
            return render(request, "alerts/link_invalid.html", status=404)
        with kinds.shared_lookups():
            alerts = [
                {
                    "subscription": subscription,
                    "about": selectors.describe(subscription),
                    "feeds": selectors.feed_urls(subscription.kind, subscription.query),
                }
                for subscription in selectors.subscriptions_for_email(email)
            ]
        response = render(
            request, self.template_name, {"email": email, "alerts": alerts, "token": token}
        )
        response["X-Robots-Tag"] = "noindex"
        return response

    def post(self, request, token):
        email = tokens.read_manage_token(token)
        if email is None:
            return render(request, "alerts/link_invalid.html", status=404)
        if "remove_all_confirmed" in request.POST:
            removed = services.alert_unsubscribe(email=email)
        elif "remove_all" in request.POST:
            # A page that asks first (no JavaScript needed): nothing is removed yet.
            with kinds.shared_lookups():
                alerts = [selectors.describe(s) for s in selectors.subscriptions_for_email(email)]
            if not alerts:
                return redirect("alerts:manage", token=token)
            response = render(
                request, "alerts/manage_remove_all.html", {"email": email, "alerts": alerts}
            )
            response["X-Robots-Tag"] = "noindex"
            return response
        else:
            try:
                pk = int(request.POST.get("remove", ""))
            except ValueError:
                pk = None
            removed = services.alert_unsubscribe(email=email, ids=[pk]) if pk else 0
        if removed:
            messages.success(
                request,
                _("The alert has been removed.")
                if removed == 1
                else _("Your alerts have been removed."),
            )
        return redirect("alerts:manage", token=token)
