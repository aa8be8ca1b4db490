from django.conf import settings
from django.urls import translate_url

from newsroom.editorial import can_preview


def public_site(request) -> dict:
    """Whether drafts are shown, the page's canonical address and its other language versions."""
    path = request.path
    return {
        "preview": can_preview(request.user),
        "canonical_url": request.build_absolute_uri(path),
        "language_versions": [
            {
                "code": code,
                "name": name,
                "url": request.build_absolute_uri(translate_url(path, code)),
            }
            for code, name in settings.LANGUAGES
        ],
    }
