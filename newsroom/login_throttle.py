"""How django-axes sees a login: the client's address, the page a locked-out client gets, and
logins that come from no client at all.

Hooked in through axes' settings (AXES_CLIENT_IP_CALLABLE, AXES_LOCKOUT_CALLABLE) and
AUTHENTICATION_BACKENDS.
"""

import ipaddress

from axes.backends import AxesStandaloneBackend
from axes.helpers import get_cool_off
from django.conf import settings
from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

LOCKED_OUT_TITLE = _("Anmeldung vorübergehend gesperrt")
LOCKED_OUT = _(
    "Zu viele fehlgeschlagene Anmeldeversuche für dieses Konto oder von dieser Adresse aus."
)


class LoginThrottleBackend(AxesStandaloneBackend):
    """Axes' check before the password check, for logins that arrive with a request.

    `authenticate()` without a request comes from our own code (a shell, a command, a test),
    never from a client; axes would refuse it outright, where there is nobody to throttle.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def client_address(request: HttpRequest) -> str | None:
    """The address the login came from.

    Without trusted proxies that is the connection's peer. With TRUSTED_PROXY_COUNT proxies in
    front, each of them appended the address it was connected from to X-Forwarded-For, so the
    client is that many hops left of the peer; whatever stands further left was sent by the
    client itself and proves nothing.
    """
    peer = request.META.get("REMOTE_ADDR") or None
    proxies = settings.TRUSTED_PROXY_COUNT
    if not proxies or peer is None:
        return peer
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    hops = [hop.strip() for hop in forwarded if hop.strip()] + [peer]
    candidate = hops[max(len(hops) - 1 - proxies, 0)]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        # A proxy chain that does not match the configured count: count the proxy instead.
        return peer


def lockout_response(
    request: HttpRequest, original_response: HttpResponse | None, credentials: dict | None
) -> HttpResponse:
    """The admin login's look, saying why and for how long; 429 Too Many Requests."""
    minutes = int(get_cool_off(request).total_seconds() // 60)
    context = {
        **admin.site.each_context(request),
        "title": LOCKED_OUT_TITLE,
        "message": LOCKED_OUT,
        "wait": ngettext(
            "Die Anmeldung ist für %(minutes)d Minute gesperrt.",
            "Die Anmeldung ist für %(minutes)d Minuten gesperrt.",
            minutes,
        )
        % {"minutes": minutes},
    }
    return render(
        request,
        "admin/newsroom/lockout.html",
        context,
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )
