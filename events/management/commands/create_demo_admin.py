import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Legt den Superuser „admin“ an (oder setzt sein Passwort neu) und zeigt das neue, "
        "zufällige Passwort einmal an."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")

    def handle(self, *args, username, **options):
        password = secrets.token_urlsafe(12)
        user, created = get_user_model().objects.get_or_create(
            username=username, defaults={"is_staff": True, "is_superuser": True}
        )
        user.is_staff = user.is_superuser = True
        user.set_password(password)
        user.save()
        self.stdout.write(
            self.style.SUCCESS(
                f"Anmeldung unter http://127.0.0.1:8000/admin/ als „{username}“ "
                f"mit dem Passwort: {password}"
            )
        )
