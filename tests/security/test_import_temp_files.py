"""Finding 1: the spreadsheet import's confirm step read and deleted any file named in the
form (`import_file_name`) in the system temp folder."""

import io
import tempfile
import uuid
from pathlib import Path

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse

from events.models import Topic
from newsroom.importexport import UPLOAD_GONE, UPLOAD_NOT_YOURS, StagedUpload
from tests.factories import make_user

pytestmark = pytest.mark.django_db

TOPICS = b"slug;name\r\nsanktionen;Sanktionen\r\n"
IMPORT = reverse("admin:events_topic_import")
CONFIRM = reverse("admin:events_topic_process_import")


def preview(client: Client):
    file = io.BytesIO(TOPICS)
    file.name = "themen.csv"
    page = client.post(IMPORT, {"resource": "0", "format": "0", "import_file": file})
    assert page.status_code == 200
    return page.context["confirm_form"].initial


def confirm(client: Client, **fields):
    data = {"original_file_name": "themen.csv", "format": "0", "resource": "0", **fields}
    return client.post(CONFIRM, data)


def messages_of(response) -> list[str]:
    """The messages the response leaves for the next page (and takes them, as a page does)."""
    return [str(message) for message in get_messages(response.wsgi_request)]


@pytest.fixture
def editor(redaktion_user) -> Client:
    client = Client()
    client.force_login(redaktion_user)
    return client


@pytest.fixture
def secret_file():
    path = Path(tempfile.gettempdir()) / f"root-secret-{uuid.uuid4().hex}"
    path.write_text("slug;name\nroot-secret-token=abc;x\n")
    yield path
    path.unlink(missing_ok=True)


def test_a_file_named_in_the_form_is_neither_read_nor_deleted(editor, secret_file):
    for name in (secret_file.name, str(secret_file), f"../../{secret_file.name}"):
        response = confirm(editor, import_file_name=name)
        assert response.status_code == 302
        assert messages_of(response) == [str(UPLOAD_NOT_YOURS)]
        assert "root-secret-token" not in editor.get(response.url).content.decode()
    assert secret_file.read_text().startswith("slug;name")
    assert not Topic.objects.exists()


def test_another_users_staged_upload_cannot_be_confirmed(editor, redaktion_user):
    initial = preview(editor)
    staged = list(StagedUpload.folder().iterdir())
    assert len(staged) == 1
    intruder = Client()
    intruder.force_login(make_user(username="kollege", groups=("Redaktion",)))
    response = confirm(intruder, import_file_name=initial["import_file_name"])
    assert messages_of(response) == [str(UPLOAD_NOT_YOURS)]
    # The raw server-side name is refused too: only the signed token names a file.
    response = confirm(intruder, import_file_name=staged[0].name)
    assert messages_of(response)[-1] == str(UPLOAD_NOT_YOURS)
    assert staged[0].is_file() and not Topic.objects.exists()
    assert confirm(editor, import_file_name=initial["import_file_name"]).status_code == 302
    assert Topic.objects.get().slug == "sanktionen"


def test_the_token_is_bound_to_the_session_that_uploaded(redaktion_user):
    first = Client()
    first.force_login(redaktion_user)
    initial = preview(first)
    second = Client()
    second.force_login(redaktion_user)
    response = confirm(second, import_file_name=initial["import_file_name"])
    assert messages_of(response) == [str(UPLOAD_NOT_YOURS)]
    assert not Topic.objects.exists()


def test_an_upload_is_imported_once_and_a_second_confirmation_finds_nothing(editor):
    initial = preview(editor)
    assert confirm(editor, import_file_name=initial["import_file_name"]).status_code == 302
    again = confirm(editor, import_file_name=initial["import_file_name"])
    assert messages_of(again)[-1] == str(UPLOAD_GONE.format(name="themen.csv"))
    assert Topic.objects.count() == 1
    assert not list(StagedUpload.folder().iterdir())


def test_staged_names_are_chosen_by_the_server_in_the_staging_folder(editor):
    preview(editor)
    (staged,) = StagedUpload.folder().iterdir()
    assert StagedUpload.NAME.fullmatch(staged.name)
    assert staged.read_bytes() == TOPICS


def test_a_refused_upload_is_not_kept(editor):
    file = io.BytesIO(b"slug;name\r\nsanktionen;\x00\r\n")
    file.name = "kaputt.csv"
    page = editor.post(IMPORT, {"resource": "0", "format": "0", "import_file": file})
    assert "confirm_form" not in page.context or not page.context["confirm_form"]
    assert not list(StagedUpload.folder().iterdir())


def test_the_posted_format_and_another_tables_token_are_not_trusted(editor):
    initial = preview(editor)
    response = confirm(editor, import_file_name=initial["import_file_name"], format="abc")
    assert response.status_code == 302
    assert Topic.objects.get().slug == "sanktionen"
    other = preview(editor)
    response = editor.post(
        reverse("admin:events_person_process_import"),
        {**other, "import_file_name": other["import_file_name"]},
    )
    assert messages_of(response)[-1] == str(UPLOAD_NOT_YOURS)
