"""Whole public pages cached for anonymous readers, kept under the number of the site's
current state (`PublicVersion`): a change to content moves the number on, and every page is
rendered afresh the next time it is asked for. A reader (or a CDN) that has the current
state gets `304 Not Modified` without anything being rendered. Staff never get, nor fill,
the cache: they may see drafts.
"""

from functools import cache

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError, transaction
from django.db.models import F, Min, Q
from django.http import HttpResponseNotModified
from django.urls import get_resolver
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.http import http_date
from django.utils.translation import get_language
from django_filters import FilterSet

from newsroom.models import PublicVersion

# Not reader pages: the admin, the language switch, files served by WhiteNoise.
NOT_CACHED = ("/admin/", "/i18n/", "/static/")
SECONDS = 60 * 60


def current() -> PublicVersion:
    version = PublicVersion.objects.filter(pk=1).first()
    return version if version is not None else PublicVersion(pk=1)


def bump() -> None:
    """Something readers may see has changed (or may have): the number moves on once the
    caller's transaction commits (at once outside one), once per transaction. After the
    commit, not inside it: the one row would otherwise be locked by every writing
    transaction until its end, and two of them could wait for each other."""
    connection = transaction.get_connection()
    here = set(connection.savepoint_ids)
    pending = (
        callback is _move_on and sids == here
        for sids, callback, _robust in connection.run_on_commit
    )
    if not any(pending):
        transaction.on_commit(_move_on)


def _move_on() -> None:
    now = timezone.now()
    values = {"changed_at": now, "next_boundary": next_boundary(now)}
    with transaction.atomic():
        if not PublicVersion.objects.filter(pk=1).update(number=F("number") + 1, **values):
            PublicVersion.objects.get_or_create(pk=1, defaults={"number": 1, **values})


def next_boundary(now):
    """The next time a published row goes online or offline by its schedule (one query per
    publishable model)."""
    from newsroom.editorial import Editorial, Status

    times = []
    for model in apps.get_models():
        if issubclass(model, Editorial):
            found = model._default_manager.filter(status=Status.PUBLISHED).aggregate(
                online=Min("publish_at", filter=Q(publish_at__gt=now)),
                offline=Min("unpublish_at", filter=Q(unpublish_at__gt=now)),
            )
            times += [time for time in found.values() if time is not None]
    return min(times, default=None)


CONTENT_APPS = {"events", "sources"}


def bump_on_change(sender, action=None, **kwargs) -> None:
    """Signal receiver for saves, deletions and links of the content models (not of their
    history, which changes nothing readers see)."""
    if action is not None and not action.startswith("post_"):
        return
    if sender._meta.app_label in CONTENT_APPS and not hasattr(sender, "instance_type"):
        bump()


# The parameters the public pages read besides their filters: the page of a list, the search.
PAGE_PARAMETERS = {"seite", "q"}


@cache
def query_parameters() -> frozenset[str]:
    """The query parameters of the public pages: their filter sets' filters (and the
    `_min`/`_max` or similar parts of range filters), and `PAGE_PARAMETERS`."""
    # Loading the URLs loads the views, and with them their filter sets.
    get_resolver().check()
    names = set(PAGE_PARAMETERS)
    pending = list(FilterSet.__subclasses__())
    while pending:
        filterset = pending.pop()
        pending.extend(filterset.__subclasses__())
        for name, declared in filterset.base_filters.items():
            names.add(name)
            widget = getattr(declared.field_class, "widget", None)
            suffixes = getattr(widget, "suffixes", ()) if widget is not None else ()
            names.update(f"{name}_{suffix}" for suffix in suffixes if suffix)
    return frozenset(names)


class PublicPageCacheMiddleware:
    """After the authentication and locale middleware: it needs to know who asks and in
    which language."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self.cacheable_request(request):
            response = self.get_response(request)
            if request.user.is_authenticated and not request.path.startswith(NOT_CACHED):
                # A page as staff see it (drafts perhaps) is theirs alone.
                patch_cache_control(response, private=True, no_store=True)
            return response
        try:
            version = current()
        except DatabaseError:
            # The database is away: no version, no cache; the view says what it can.
            return self.get_response(request)
        if version.next_boundary is not None and version.next_boundary <= timezone.now():
            # A row has just gone online or offline by its schedule; until the scheduling
            # job moves the number on (within a minute), every reader gets a fresh page.
            return self.get_response(request)
        etag = f'"{version.number}-{get_language()}"'
        if self.not_modified(request, etag, version.changed_at):
            response = HttpResponseNotModified()
            self.mark(response, etag, version.changed_at)
            return response
        cache = caches[settings.PAGE_CACHE]
        # Pages name their own address (canonical and alternate links): host and scheme too.
        key = ":".join(
            [
                "page",
                str(version.number),
                get_language(),
                request.scheme,
                request.get_host(),
                request.get_full_path(),
            ]
        )
        response = cache.get(key)
        if response is None:
            response = self.get_response(request)
            if not self.cacheable_response(request, response):
                return response
            self.mark(response, etag, version.changed_at)
            cache.set(key, response, SECONDS)
        return response

    @staticmethod
    def cacheable_request(request) -> bool:
        """A reader's GET whose query only names what the pages read: any other parameter
        (`?x=<random>`) would fill the cache with copies of one page."""
        return (
            request.method in ("GET", "HEAD")
            and not request.path.startswith(NOT_CACHED)
            and set(request.GET) <= query_parameters()
            and not request.user.is_authenticated
        )

    @staticmethod
    def cacheable_response(request, response) -> bool:
        """A plain page for everyone: no cookie, no CSRF token of this reader's in it."""
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and "Cache-Control" not in response
        )

    @staticmethod
    def not_modified(request, etag: str, changed_at) -> bool:
        """By the ETag only: `Last-Modified` counts whole seconds, and a second change within
        the same second would be answered as not modified."""
        tags = request.headers.get("If-None-Match")
        if tags is None:
            return False
        return etag in [tag.strip() for tag in tags.split(",")] or tags.strip() == "*"

    @staticmethod
    def mark(response, etag: str, changed_at) -> None:
        response["ETag"] = etag
        response["Last-Modified"] = http_date(changed_at.timestamp())
        patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
