"""Country names for the ISO codes the models store; unknown codes are shown as they are."""

from django import template
from django.utils.translation import gettext_lazy as _

register = template.Library()

COUNTRY_NAMES = {
    "CN": _("China"),
    "DE": _("Deutschland"),
    "JP": _("Japan"),
    "KP": _("Nordkorea"),
    "KR": _("Südkorea"),
    "RU": _("Russland"),
    "SG": _("Singapur"),
    "US": _("Vereinigte Staaten"),
    "VN": _("Vietnam"),
}


@register.filter
def country_name(code: str) -> str:
    return str(COUNTRY_NAMES.get(code, code))
