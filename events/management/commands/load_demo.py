from django.core.management.base import BaseCommand

from events.demo import load_demo
from sources.demo import load_demo_articles


class Command(BaseCommand):
    help = (
        "Lädt die Demo-Inhalte (Gipfel Singapur 2018 und Hanoi 2019, Delegationen, Personen, "
        "Themen) und importiert die Demo-Artikel. Mehrfach ausführbar."
    )

    def handle(self, *args, **options):
        counts = load_demo()
        summary = ", ".join(f"{count} {kind}" for kind, count in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Demo-Inhalte geladen: {summary}."))
        articles = load_demo_articles()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo-Artikel: {articles['articles']} neu importiert, "
                f"{articles['statements']} Aussagen veröffentlicht."
            )
        )
