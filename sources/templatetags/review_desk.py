from django import template

from sources.review import articles_for_review

register = template.Library()

QUEUE_LENGTH = 10


@register.simple_tag
def review_queue(user) -> dict | None:
    """The articles with open suggestions, for the admin's start page: the first few and how
    many there are in all; None for a user who may not review."""
    if not (
        user.has_perm("events.change_statement") and user.has_perm("sources.view_sourcearticle")
    ):
        return None
    queue = articles_for_review()
    articles = list(queue[:QUEUE_LENGTH])
    total = len(articles) if len(articles) < QUEUE_LENGTH else queue.count()
    return {"articles": articles, "total": total}
