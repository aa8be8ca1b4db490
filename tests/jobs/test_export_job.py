"""A large admin export runs as a background job: the editor downloads the file from the
job's page; a small one is still the response itself."""

import pytest
from django.contrib import admin
from django.urls import reverse

from events.models import Topic
from jobs.models import Job
from newsroom import exports
from newsroom.importexport_forms import export_filename
from tests.factories import make_topic, make_user

pytestmark = pytest.mark.django_db

CSV = "0"


@pytest.fixture
def chief(client, chefredaktion_user):
    client.force_login(chefredaktion_user)
    return client


def export_topics(client, **filters):
    resource = admin.site._registry[Topic].resource_classes[0]
    columns = {f"{resource.__name__.lower()}_{name}": "on" for name in ("name", "slug")}
    url = reverse("admin:events_topic_export")
    if filters:
        url += "?" + "&".join(f"{key}={value}" for key, value in filters.items())
    return client.post(url, {"resource": "0", "format": CSV, **columns}, follow=True)


def test_a_large_export_is_a_job_whose_file_the_editor_downloads(chief, monkeypatch):
    monkeypatch.setattr(exports, "IN_REQUEST_ROWS", 2)
    for name in ("Abrüstung", "Sanktionen", "Verbindungsbüro"):
        make_topic(name=name, slug=name.lower())
    response = export_topics(chief)
    job = Job.objects.get()
    assert response.redirect_chain[-1][0] == job.get_absolute_url()
    assert (job.kind, job.state, job.done, job.total) == ("export", "done", 3, 3)
    page = response.content.decode()
    assert "3 Zeilen exportiert." in page
    download = reverse("admin:jobs_job_download", args=[job.pk])
    assert download in page
    file = chief.get(download)
    assert file["Content-Disposition"] == f'attachment; filename="{export_filename(Topic, "csv")}"'
    lines = b"".join(file.streaming_content).decode("utf-8-sig").splitlines()
    assert lines == [
        "slug;name",
        "abrüstung;Abrüstung",
        "sanktionen;Sanktionen",
        "verbindungsbüro;Verbindungsbüro",
    ]


def test_a_filtered_large_export_writes_only_the_rows_of_the_filter(chief, monkeypatch):
    monkeypatch.setattr(exports, "IN_REQUEST_ROWS", 1)
    for name in ("Abrüstung", "Sanktionen", "Sanktionsliste"):
        make_topic(name=name, slug=name.lower())
    export_topics(chief, q="Sanktion")
    job = Job.objects.get()
    assert job.total == 2


def test_a_small_export_is_still_the_response(chief):
    make_topic(name="Sanktionen", slug="sanktionen")
    response = export_topics(chief)
    assert response["Content-Disposition"].startswith('attachment; filename="themen-')
    assert not Job.objects.exists()


def test_only_whoever_exported_downloads_the_file(chief, client, monkeypatch):
    monkeypatch.setattr(exports, "IN_REQUEST_ROWS", 0)
    make_topic(name="Sanktionen", slug="sanktionen")
    export_topics(chief)
    job = Job.objects.get()
    client.force_login(make_user(username="kollege", groups=("Chefredaktion",)))
    assert client.get(reverse("admin:jobs_job_download", args=[job.pk])).status_code == 404
