"""Failed admin logins are throttled per account and per address (django-axes)."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import authenticate
from django.utils import timezone

from newsroom.login_throttle import LOCKED_OUT, LOCKED_OUT_TITLE
from tests.factories import make_user

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
HOME = "1.2.3.4"
ELSEWHERE = "5.6.7.8"


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # Every attempt hashes a password; the default hasher would make these tests take minutes.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def editors(db):
    return make_user(username="redakteurin"), make_user(username="chefin")


def log_in(client, username, password, *, address=HOME, **headers):
    return client.post(
        LOGIN,
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=address,
        **headers,
    )


def fail(client, username, *, times=None, address=HOME, **headers):
    for _ in range(times or settings.AXES_FAILURE_LIMIT):
        log_in(client, username, "falsch", address=address, **headers)


def assert_logged_in(response):
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def assert_locked_out(response):
    assert response.status_code == 429
    content = response.content.decode()
    assert str(LOCKED_OUT_TITLE) in content
    assert str(LOCKED_OUT) in content
    assert "15 Minuten" in content
    assert "_auth_user_id" not in response.wsgi_request.session


def test_after_five_wrong_passwords_the_right_one_is_refused_in_german(client, editors):
    assert settings.AXES_FAILURE_LIMIT == 5
    fail(client, "redakteurin")
    assert_locked_out(log_in(client, "redakteurin", "pw"))


def test_the_locked_account_is_locked_from_every_address(client, editors):
    fail(client, "redakteurin")
    assert_locked_out(log_in(client, "redakteurin", "pw", address=ELSEWHERE))


def test_other_accounts_from_another_address_still_log_in(client, editors):
    fail(client, "redakteurin")
    assert_locked_out(log_in(client, "redakteurin", "pw"))
    assert_logged_in(log_in(client, "chefin", "pw", address=ELSEWHERE))


def test_an_address_is_locked_out_across_usernames(client, editors):
    for number in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, f"erraten-{number}", "falsch")
    assert_locked_out(log_in(client, "chefin", "pw"))
    assert_logged_in(log_in(client, "chefin", "pw", address=ELSEWHERE))


def test_a_successful_login_before_the_limit_starts_the_count_again(client, editors):
    for _ in range(2):
        fail(client, "redakteurin", times=settings.AXES_FAILURE_LIMIT - 1)
        assert_logged_in(log_in(client, "redakteurin", "pw"))
        client.logout()
    fail(client, "redakteurin")
    assert_locked_out(log_in(client, "redakteurin", "pw"))


def test_the_lockout_ends_after_the_cool_off_period(client, editors):
    fail(client, "redakteurin")
    assert_locked_out(log_in(client, "redakteurin", "pw"))
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    assert_logged_in(log_in(client, "redakteurin", "pw"))


def test_forwarded_for_is_ignored_without_trusted_proxies(client, editors):
    for number in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, f"erraten-{number}", "falsch", HTTP_X_FORWARDED_FOR=f"9.9.9.{number}")
    assert_locked_out(log_in(client, "chefin", "pw", HTTP_X_FORWARDED_FOR="9.9.9.99"))


def test_behind_a_trusted_proxy_the_forwarded_client_is_counted(client, editors, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = "10.0.0.1"
    for number in range(settings.AXES_FAILURE_LIMIT):
        # What the client claims sits left of what the proxy appended, and is not believed.
        forwarded = f"7.7.7.{number}, 1.2.3.4"
        log_in(
            client, f"erraten-{number}", "falsch", address=proxy, HTTP_X_FORWARDED_FOR=forwarded
        )
    assert_locked_out(
        log_in(client, "chefin", "pw", address=proxy, HTTP_X_FORWARDED_FOR="1.2.3.4")
    )
    assert_logged_in(log_in(client, "chefin", "pw", address=proxy, HTTP_X_FORWARDED_FOR="5.6.7.8"))


def test_authenticate_without_a_request_checks_only_the_password(editors):
    # A shell or a management command has no client to throttle.
    assert authenticate(username="redakteurin", password="pw") == editors[0]
    assert authenticate(username="redakteurin", password="falsch") is None
