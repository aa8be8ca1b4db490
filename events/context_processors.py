from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

from newsroom.editorial import can_preview


def public_site(request) -> dict:
    """Whether drafts are shown, the page's canonical address and its other language versions:
    the same page in each language, with the query kept for the language switch."""
    path = request.path
    full_path = request.get_full_path()
    current = get_language()
    return {
        "preview": can_preview(request.user),
        "canonical_url": request.build_absolute_uri(path),
        "default_language_url": request.build_absolute_uri(
            translate_url(path, settings.LANGUAGE_CODE)
        ),
        "language_versions": [
            {
                "code": code,
                "name": name,
                "current": code == current,
                "url": request.build_absolute_uri(translate_url(path, code)),
                "next": translate_url(full_path, code),
            }
            for code, name in settings.LANGUAGES
        ],
    }
