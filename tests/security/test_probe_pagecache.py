"""Probes of the public page cache: a page must not outlive a change readers can see."""

import pytest
from django.conf import settings
from django.core.cache import caches

from events.models import Summit
from jobs.models import Job
from sources import tasks, uploads
from sources.models import SourceArticle
from tests.seeds import seed_path

pytestmark = pytest.mark.django_db


@pytest.mark.commit_bump
def test_articles_published_by_an_import_job_that_is_cancelled_reach_cached_pages(
    client, demo, chefredaktion_user, monkeypatch, django_capture_on_commit_callbacks
):
    """The editor cancels the upload's job after its first batch: the first article is saved
    and published (publish_sources), yet no version number moved on."""
    summits = list(Summit.objects.public())
    before = {s.pk: client.get(s.get_absolute_url()).content.decode() for s in summits}

    monkeypatch.setattr(tasks, "BATCH_SIZE", 1)
    real_save = tasks.save_articles

    def save_then_cancel(*args, **kwargs):
        outcomes = real_save(*args, **kwargs)
        Job.objects.update(cancel_requested=True)  # the editor presses "Auftrag abbrechen"
        return outcomes

    monkeypatch.setattr(tasks, "save_articles", save_then_cancel)
    files = [(p.name, p.read_bytes()) for p in (seed_path("003"), seed_path("001"))]
    token = uploads.stage(files, user_id=chefredaktion_user.pk)
    name = uploads.claim(token, user_id=chefredaktion_user.pk)
    with django_capture_on_commit_callbacks(execute=True):  # as the worker's commits
        job = tasks.start_article_import(
            name=name,
            files=2,
            label="x",
            user=chefredaktion_user,
            summit=None,
            publish_sources=True,
        )
    job.refresh_from_db()
    assert job.state == Job.State.CANCELLED
    created = SourceArticle.objects.public().order_by("-pk").first()
    assert created is not None and created.title not in "".join(before.values())
    summit = created.summits.get()
    after = client.get(summit.get_absolute_url()).content.decode()
    caches[settings.PAGE_CACHE].clear()
    assert created.title in client.get(summit.get_absolute_url()).content.decode()
    assert created.title in after, "readers keep the cached page without the published article"


def test_a_change_in_the_same_second_is_not_answered_with_304_to_if_modified_since(
    client, monkeypatch
):
    """Last-Modified has whole seconds: a change later in the same second as the page a
    client (or a CDN revalidating with If-Modified-Since only) holds is answered 304."""
    from datetime import timedelta

    from django.utils import timezone

    from newsroom import pagecache
    from newsroom.editorial import Status
    from tests.factories import make_summit

    summit = make_summit(status=Status.PUBLISHED, title="Alter Titel")
    changed = pagecache.current().changed_at
    url = summit.get_absolute_url()
    held = client.get(url)
    assert "Alter Titel" in held.content.decode()

    later = changed.replace(microsecond=999_000)
    if later <= changed:
        later = changed + timedelta(microseconds=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    summit.title = "Neuer Titel"
    summit.save()
    monkeypatch.undo()

    again = client.get(url, headers={"if_modified_since": held["Last-Modified"]})
    assert again.status_code == 200, "the old page is confirmed as current"
