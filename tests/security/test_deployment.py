"""Production settings: the error page, the Content-Security-Policy header, `check --deploy`
with the environment the README documents, and database connections that survive a restart."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.signals import request_finished, request_started
from django.db import connection
from django.test import Client

from tests.factories import make_user

ROOT = Path(__file__).resolve().parents[2]


def documented_production_environment() -> dict[str, str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Production environment", 1)[1]
    block = section.split("```sh\n", 1)[1].split("```", 1)[0]
    variables = dict(re.findall(r"^([A-Z_]+)=(\S*)", block, flags=re.MULTILINE))
    assert {"SECRET_KEY", "ALLOWED_HOSTS", "SECURE_PROXY_SSL_HEADER"} <= variables.keys()
    assert "DEBUG" not in variables
    return variables


def manage(*args: str, environment: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={"PATH": os.environ["PATH"], **environment},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_with_the_documented_production_environment():
    environment = {**documented_production_environment(), "SECRET_KEY": secrets.token_urlsafe(50)}
    check = manage("check", "--deploy", "--fail-level", "WARNING", environment=environment)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "System check identified no issues (0 silenced)." in check.stdout

    settings = manage("diffsettings", environment=environment).stdout
    assert "SECURE_PROXY_SSL_HEADER = ('HTTP_X_FORWARDED_PROTO', 'https')" in settings
    assert "SECURE_SSL_REDIRECT = True" in settings
    assert "SECURE_HSTS_SECONDS = 31536000" in settings
    assert "SESSION_COOKIE_SECURE = True" in settings


@pytest.mark.django_db
@pytest.mark.urls("tests.security.broken_urls")
def test_a_failing_view_shows_our_error_page_without_touching_the_database(
    django_assert_num_queries, settings
):
    # Without the page cache, which reads the site's version before any view.
    settings.MIDDLEWARE = [
        m for m in settings.MIDDLEWARE if not m.startswith("newsroom.pagecache")
    ]
    client = Client(raise_request_exception=False)
    with django_assert_num_queries(0):
        response = client.get("/kaputt/")
    assert response.status_code == 500
    content = response.content.decode()
    assert "Ein Fehler auf unserer Seite" in content
    assert 'lang="en"' in content
    assert "/static/css/site.css" in content
    assert "Content-Security-Policy" in response.headers


def policy(response) -> dict[str, list[str]]:
    header = response.headers["Content-Security-Policy"]
    directives = (part.split() for part in header.split(";") if part.strip())
    return {name: sources for name, *sources in directives}


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/en/", "/gipfel/", "/gibt-es-nicht/", "/admin/login/"])
def test_public_and_login_pages_carry_a_strict_content_security_policy(client, path):
    directives = policy(client.get(path))
    assert directives["default-src"] == ["'self'"]
    assert "'unsafe-inline'" not in directives["script-src"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"]
    assert directives["form-action"] == ["'self'"]


@pytest.mark.django_db
def test_admin_pages_carry_the_content_security_policy(client):
    client.force_login(make_user(username="redakteurin", groups=("Redaktion",)))
    for path in ["/admin/", "/admin/events/summit/", "/admin/events/topic/import/"]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert policy(response)["default-src"] == ["'self'"], path


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs a database server that can drop a connection"
)
@pytest.mark.django_db(transaction=True)
def test_a_database_restart_costs_only_the_requests_in_flight():
    def backend_pid() -> int:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            return cursor.fetchone()[0]

    request_started.send(sender=__name__)
    pid = backend_pid()
    request_finished.send(sender=__name__)

    # What a restart does to the connection kept for the next request: the server ends it.
    import psycopg

    params = connection.get_connection_params()
    with psycopg.connect(
        dbname=params["dbname"],
        **{key: params[key] for key in ("host", "port", "user", "password") if key in params},
        autocommit=True,
    ) as other:
        other.execute("SELECT pg_terminate_backend(%s)", [pid])

    request_started.send(sender=__name__)
    assert backend_pid() != pid
    request_finished.send(sender=__name__)
