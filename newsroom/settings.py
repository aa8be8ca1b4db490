"""Settings for newsroom, read from the environment.

DATABASE_URL, SECRET_KEY, DEBUG and ALLOWED_HOSTS are the knobs; with none of them set the site
runs in DEBUG-less mode and refuses to start without a SECRET_KEY. On a developer's machine
`make demo` writes them to a git-ignored `.env`, read here when present (see `read_env_file`).
The production knobs (HTTPS, proxies, login throttling) are listed in the README.
"""

import hashlib
import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_HASHES, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured
from django.core.management.utils import get_random_secret_key

BASE_DIR = Path(__file__).resolve().parent.parent
ENV_FILE = BASE_DIR / ".env"


def read_env_file(path: Path, environ=os.environ) -> bool:
    """Put the `NAME=value` lines of a local `.env` into `environ`, where they are not set yet:
    the real environment wins. Blank lines and `#` comments are skipped, quotes around a value
    dropped. An environment with a SECRET_KEY of its own is a configured one (production, the
    test run, `check --deploy`) and reads no file: a developer's DEBUG=1 must not reach it.
    Returns whether the file was read."""
    if "SECRET_KEY" in environ or not path.is_file():
        return False
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        name, value = (part.strip() for part in line.removeprefix("export ").split("=", 1))
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        environ.setdefault(name, value)
    return True


read_env_file(ENV_FILE)


def env_flag(name: str, *, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, "").split(",") if item.strip()]


def env_int(name: str, *, default: int) -> int:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from None


DEBUG = env_flag("DEBUG")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set the SECRET_KEY environment variable "
            "(or DEBUG=1 for a local development server)."
        )
    # Local development only: a fresh key per process, so nothing secret is ever committed.
    SECRET_KEY = get_random_secret_key()

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "axes",
    "csp",
    "django_filters",
    "import_export",
    "simple_history",
    "django_tasks",
    "django_tasks_db",
    "django_rq",
    "newsroom",
    "events",
    "sources",
    "jobs",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Whole public pages for anonymous readers, from the cache (newsroom.pagecache).
    "newsroom.pagecache.PublicPageCacheMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Every change saved in a request is recorded in its object's history with the user.
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a login refused for throttling into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "newsroom.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "events.context_processors.public_site",
            ],
        },
    },
]

WSGI_APPLICATION = "newsroom.wsgi.application"

DEFAULT_SQLITE_PATH = BASE_DIR / "var" / "db.sqlite3"
if "DATABASE_URL" not in os.environ:
    DEFAULT_SQLITE_PATH.parent.mkdir(exist_ok=True)
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{DEFAULT_SQLITE_PATH}",
        conn_max_age=env_int("CONN_MAX_AGE", default=60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers work during an import; NORMAL sync is safe with WAL and commits fast.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            # A second import waits this long for the first one's write lock (newsroom.tables).
            "timeout": 20,
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Login throttling (django-axes): failures are counted per account and, separately, per address;
# either reaching the limit locks that account or that address out for the cool-off period.
AUTHENTICATION_BACKENDS = [
    "newsroom.login_throttle.LoginThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "newsroom.login_throttle.lockout_response"
AXES_CLIENT_IP_CALLABLE = "newsroom.login_throttle.client_address"
# Failures are kept for the cool-off period only; a log of every successful login with its
# address would be personal data kept for no purpose of ours.
AXES_DISABLE_ACCESS_LOG = True
# How many reverse proxies in front of gunicorn append to X-Forwarded-For. With 0 the header is
# the client's own word and is ignored; the connection's address is the client's.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", default=0)

LANGUAGE_CODE = "de"
LANGUAGES = [("de", "Deutsch"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

if not DEBUG:
    SESSION_COOKIE_SECURE = env_flag("SECURE_COOKIES", default=True)
    CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
    SECURE_CONTENT_TYPE_NOSNIFF = True
    SECURE_SSL_REDIRECT = env_flag("SECURE_SSL_REDIRECT", default=True)
    # Sent only on HTTPS responses, so a plain-HTTP test host is not affected.
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_flag("SECURE_HSTS_INCLUDE_SUBDOMAINS")
    SECURE_HSTS_PRELOAD = env_flag("SECURE_HSTS_PRELOAD")

# Behind a proxy that ends TLS, the request reaches gunicorn as HTTP; the named header (set by
# the proxy, e.g. HTTP_X_FORWARDED_PROTO) tells Django it was HTTPS. Without it the SSL
# redirect would loop.
if proxy_ssl_header := os.environ.get("SECURE_PROXY_SSL_HEADER", "").strip():
    if not proxy_ssl_header.startswith("HTTP_"):
        raise ImproperlyConfigured(
            "SECURE_PROXY_SSL_HEADER names a request.META key such as HTTP_X_FORWARDED_PROTO, "
            f"not {proxy_ssl_header!r}."
        )
    SECURE_PROXY_SSL_HEADER = (proxy_ssl_header, "https")

# No inline scripts anywhere. Styles from files only, except style attributes: the public
# timeline draws its bars with data-driven widths and django-import-export's export page has a
# few; a style attribute can neither run code nor, with img-src 'self', send anything away.
# That export page's "select all" box also has an inline handler, `onSelectToggleChange(event)`:
# 'unsafe-hashes' with its hash allows exactly that text and no other handler.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [
            SELF,
            UNSAFE_HASHES,
            "'sha256-wid4zL8fR53ZYy1ljOepzR77Dn6vWUUxuNnnWWBP3I8='",
        ],
        "style-src": [SELF],
        "style-src-attr": [UNSAFE_INLINE],
        "img-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# Public pages are cached whole for anonymous readers (newsroom.pagecache). PAGE_CACHE=file
# (the default) shares them between the processes of one machine, redis (with REDIS_URL)
# between machines, memory keeps them per process, none keeps nothing.
PAGE_CACHE = "pages"
_page_cache = os.environ.get("PAGE_CACHE", "file")
# Pages are kept under the version number of their database: the key names the database,
# so two sites (a demo and a bench, staging and production) never share a page.
_database_key = hashlib.sha256(
    "{ENGINE}|{NAME}|{HOST}|{PORT}".format_map(
        {"HOST": "", "PORT": "", **DATABASES["default"]}
    ).encode()
).hexdigest()[:12]
PAGE_CACHE_BACKENDS = {
    "file": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(BASE_DIR / "var" / "cache" / "pages"),
        "KEY_PREFIX": _database_key,
        "OPTIONS": {"MAX_ENTRIES": 20000},
    },
    "memory": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
    # Every page rendered every time (bench/load.py compares).
    "none": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    "redis": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"),
        "KEY_PREFIX": f"newsroom-{_database_key}",
    },
}
if _page_cache not in PAGE_CACHE_BACKENDS:
    raise ImproperlyConfigured(
        f"PAGE_CACHE is one of {', '.join(PAGE_CACHE_BACKENDS)}, not {_page_cache!r}."
    )
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    PAGE_CACHE: PAGE_CACHE_BACKENDS[_page_cache],
}

# Background jobs (jobs, via django-tasks): the queue is a table of this database by default,
# worked by `manage.py db_worker`; TASKS_BACKEND=redis puts it in Redis (REDIS_URL) for many
# workers on many machines (`manage.py rqworker default --with-scheduler`);
# TASKS_BACKEND=immediate runs each job inside the request that starts it (no worker needed:
# tests, a laptop).
TASKS_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "redis": "django_tasks_rq.RQBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
RQ_QUEUES = {
    "default": {
        "URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"),
        # An import may take minutes; RQ's default would stop it after three.
        "DEFAULT_TIMEOUT": 60 * 60,
    }
}
_tasks_backend = os.environ.get("TASKS_BACKEND", "database")
if _tasks_backend not in TASKS_BACKENDS:
    raise ImproperlyConfigured(
        f"TASKS_BACKEND is one of {', '.join(TASKS_BACKENDS)}, not {_tasks_backend!r}."
    )
TASKS = {"default": {"BACKEND": TASKS_BACKENDS[_tasks_backend]}}
if _tasks_backend == "redis":
    TASKS["default"]["QUEUES"] = list(RQ_QUEUES)

# Uploaded articles and spreadsheets wait here between the preview and the confirmation.
IMPORT_STAGING_DIR = Path(
    os.environ.get("IMPORT_STAGING_DIR", BASE_DIR / "var" / "import-staging")
)
# Small requests are kept in memory; of a larger file at most newsroom.uploads'
# limit is stored, the rest only counted.
# As many files as an article upload takes (sources.uploads.MAX_FILES); beyond, Django answers
# with templates/400.html.
DATA_UPLOAD_MAX_NUMBER_FILES = 1000
FILE_UPLOAD_HANDLERS = [
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "newsroom.uploads.CappedUploadHandler",
]

# Importing and exporting spreadsheets are permissions of their own (`events.import_summit`...).
IMPORT_EXPORT_IMPORT_PERMISSION_CODE = "import"
IMPORT_EXPORT_EXPORT_PERMISSION_CODE = "export"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
