"""The demo's own sample articles, imported through the same path as an editor's files."""

from pathlib import Path

from django.db import transaction

from events.models import Statement
from newsroom.editorial import StatementStatus, mark_published
from sources.ingest import analyse_files, save_articles

DEMO_ARTICLES = Path(__file__).resolve().parent / "demo_articles"


def demo_article_files():
    for path in sorted(DEMO_ARTICLES.glob("*.txt")):
        yield f"demo_articles/{path.name}", path.read_bytes()


@transaction.atomic
def load_demo_articles() -> dict[str, int]:
    """Import the sample articles (again: a no-op once they are in) and publish them.

    The demo plays the Chefredaktion here: the suggestions whose speaker the importer
    recognised are published, so the public pages have statements with their sources.
    """
    outcomes = save_articles(list(analyse_files(demo_article_files())), publish_sources=True)
    failed = [f"{o.filename}: {o.message}" for o in outcomes if o.status == "failed"]
    if failed:
        raise ValueError("; ".join(failed))
    created = [o.source for o in outcomes if o.status == "created"]
    published = mark_published(
        Statement.objects.filter(
            source__in=created, status=StatementStatus.SUGGESTED, speaker__isnull=False
        )
    )
    return {"articles": len(created), "statements": published}
