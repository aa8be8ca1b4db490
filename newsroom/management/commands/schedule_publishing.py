from django.core.management.base import BaseCommand

from newsroom.editorial import apply_schedule
from newsroom.tasks import already_queued, publish_on_schedule


class Command(BaseCommand):
    help = (
        "Startet die zeitgesteuerte Veröffentlichung: ein Auftrag, den der Worker "
        "(manage.py db_worker) jede Minute ausführt. Mit --once: jetzt einmal ausführen "
        "(für cron)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--once", action="store_true", help="Den Zeitplan jetzt einmal ausführen."
        )

    def handle(self, *args, once: bool, **options):
        if once:
            online, withdrawn = apply_schedule()
            self.stdout.write(f"{online} online gegangen, {withdrawn} zurückgezogen.")
            return
        if already_queued():
            self.stdout.write("Die zeitgesteuerte Veröffentlichung läuft schon.")
            return
        publish_on_schedule.enqueue()
        self.stdout.write(
            self.style.SUCCESS("Zeitgesteuerte Veröffentlichung gestartet (jede Minute).")
        )
