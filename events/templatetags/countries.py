from django import template

from events.countries import country_name as name_of

register = template.Library()


@register.filter
def country_name(code: str) -> str:
    return name_of(code)
