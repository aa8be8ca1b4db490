from django import template

from events.models import Statement

register = template.Library()


@register.filter
def kind_label(code: str) -> str:
    """A statement kind by its label ("Indirekte Rede"), for a kind that is not yet on a
    statement, such as the importer's suggestions."""
    try:
        return Statement.Kind(code).label
    except ValueError:
        return code
