from django.core.management.base import BaseCommand

from events.demo import load_demo, tag_demo_statements
from sources.demo import load_demo_articles

DEMO_KINDS = {
    "people": "Personen",
    "topics": "Themen",
    "summits": "Gipfel",
    "members": "Mitglieder",
}


class Command(BaseCommand):
    help = (
        "Lädt die Demo-Inhalte (Gipfel Singapur 2018 und Hanoi 2019, Delegationen, Personen, "
        "Themen) und importiert die Demo-Artikel. Mehrfach ausführbar."
    )

    def handle(self, *args, **options):
        counts = load_demo()
        summary = ", ".join(f"{count} {DEMO_KINDS[kind]}" for kind, count in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Demo-Inhalte geladen: {summary}."))
        articles = load_demo_articles()
        topics = tag_demo_statements()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo-Artikel: {articles['articles']} neu importiert, "
                f"{articles['statements']} Aussagen veröffentlicht, {topics.tagged} mit Themen."
            )
        )
        for message in topics.missing:
            self.stderr.write(self.style.WARNING(message))
