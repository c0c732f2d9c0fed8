"""The newsroom's log-in: allauth's log-in for staff, on a page of the newsroom's own."""

from allauth.account.views import LoginView
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse, reverse_lazy
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme


def is_newsroom_user(user):
    return user.is_active and user.is_staff


class NewsroomLoginView(LoginView):
    """allauth's LoginView and LoginForm, so the readers' lock-out rules apply as they are.

    The form (ACCOUNT_FORMS), the adapter's lock-out per account and the client IP, the
    "login" and "login_failed" rate limits and allauth's signals stay the readers' own; only
    the page, where it leads and who may pass differ.
    """

    template_name = "newsroom/login.html"
    success_url = reverse_lazy("admin:index")

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            if is_newsroom_user(request.user):
                return redirect(self.safe_next_url() or reverse("admin:index"))
            # Django's admin sends a logged-in reader here: say why, rather than loop.
            return TemplateResponse(request, self.template_name, {"reader": request.user})
        return super().dispatch(request, *args, **kwargs)

    def safe_next_url(self):
        url = self.request.GET.get(REDIRECT_FIELD_NAME, "")
        allowed = url_has_allowed_host_and_scheme(
            url, allowed_hosts={self.request.get_host()}, require_https=self.request.is_secure()
        )
        return url if allowed else None

    def form_valid(self, form):
        if not is_newsroom_user(form.user):
            form.add_error(
                None,
                format_html(
                    "This log-in is for the newsroom's staff, and this account is a reader's. "
                    'Readers log in on the <a href="{}">readers\' log-in page</a>.',
                    reverse("account_login"),
                ),
            )
            return self.form_invalid(form)
        return super().form_valid(form)


login = NewsroomLoginView.as_view()
