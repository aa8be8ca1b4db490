from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from events.countries import country_name, is_country_code
from events.models import Summit


@pytest.mark.parametrize(
    "code, german, english",
    [
        ("KP", "Nordkorea", "North Korea"),
        ("VN", "Vietnam", "Vietnam"),
        ("FI", "Finnland", "Finland"),
        ("RU", "Russland", "Russia"),
    ],
)
def test_countries_are_named_in_the_readers_language(code, german, english):
    assert country_name(code, language="de") == german
    assert country_name(code, language="en") == english
    with translation.override("en"):
        assert country_name(code) == english


def test_unknown_codes_are_shown_as_they_are():
    assert country_name("XX") == "XX"
    assert not is_country_code("XX") and is_country_code("SG")


@pytest.mark.django_db
def test_a_summit_in_a_country_that_does_not_exist_fails_validation():
    summit = Summit(
        title="Gipfel",
        slug="gipfel",
        starts_on=date(2019, 1, 1),
        ends_on=date(2019, 1, 1),
        city="Atlantis",
        country="XA",
    )
    with pytest.raises(ValidationError, match="kein Ländercode"):
        summit.full_clean()
