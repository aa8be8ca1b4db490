"""Countries by their ISO 3166 alpha-2 code, named in the reader's language."""

import gettext
import unicodedata
from functools import cache

import pycountry
from django.utils.translation import get_language

# Where newsrooms use a shorter name than the standard's.
PREFERRED_NAMES = {"RU": {"de": "Russland", "en": "Russia"}}


def is_country_code(code: str) -> bool:
    return len(code) == 2 and pycountry.countries.get(alpha_2=code) is not None


def country_name(code: str, *, language: str | None = None) -> str:
    """The country's common name ("Nordkorea", not "Korea, Demokratische Volksrepublik");
    a code the standard does not know is shown as it is."""
    country = pycountry.countries.get(alpha_2=code) if len(code or "") == 2 else None
    if country is None:
        return code
    language = (language or get_language() or "de")[:2]
    preferred = PREFERRED_NAMES.get(country.alpha_2, {}).get(language)
    if preferred:
        return preferred
    return _catalog(language).gettext(getattr(country, "common_name", None) or country.name)


@cache
def _catalog(language: str) -> gettext.NullTranslations:
    return gettext.translation(
        "iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True
    )


def all_countries(*, language: str | None = None) -> list[tuple[str, str]]:
    """Every country as (code, name), in alphabetical order of the names."""
    language = (language or get_language() or "de")[:2]
    return _all_countries(language)


@cache
def _all_countries(language: str) -> list[tuple[str, str]]:
    names = [(c.alpha_2, country_name(c.alpha_2, language=language)) for c in pycountry.countries]
    return sorted(names, key=lambda choice: sort_key(choice[1]))


def sort_key(name: str) -> str:
    """Alphabetical as readers expect: "Ägypten" among the A's, not after "Zypern"."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))
