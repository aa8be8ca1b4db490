"""The editor's path in the admin: upload articles, preview, confirm, review suggestions."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from events.models import Person, Statement, Summit
from newsroom.editorial import StatementStatus, Status
from sources.models import SourceArticle
from tests.factories import make_source, make_statement
from tests.seeds import seed_path, seed_paths

IMPORT_URL = "admin:sources_sourcearticle_import_articles"

pytestmark = pytest.mark.django_db


def upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="text/plain")


def seed_upload(number: str) -> SimpleUploadedFile:
    path = seed_path(number)
    return upload(path.name, path.read_bytes())


def preview(client, *files, **fields):
    return client.post(reverse(IMPORT_URL), {"files": list(files), **fields})


def confirm(client, response, **fields):
    form = response.context["confirm_form"]
    data = {"token": form["token"].value(), **fields}
    return client.post(reverse(IMPORT_URL), data, follow=True)


def test_changelist_offers_the_import(admin_client, demo):
    page = admin_client.get(reverse("admin:sources_sourcearticle_changelist")).content.decode()
    assert reverse(IMPORT_URL) in page and "Artikel importieren" in page


def test_preview_shows_what_was_found_and_saves_nothing(admin_client, demo):
    response = preview(admin_client, seed_upload("001"), seed_upload("003"))
    page = response.content.decode()
    assert "USA-Nordkorea-Gipfel in Hanoi endet ohne Ergebnis" in page
    assert "Kein Durchbruch" in page
    assert "Leserkommentare" in page and "Doppelte Bildunterschrift" in page
    assert "Ich hoffe, dass wir alles erreichen, was die Leute erwarten." in page
    assert "Gipfeltreffen in Hanoi 2019" in page
    assert response.context["saveable"] == 2
    assert not SourceArticle.objects.exists()


def test_confirm_saves_the_articles_and_their_suggestions(admin_client, demo):
    response = confirm(admin_client, preview(admin_client, seed_upload("001"), seed_upload("003")))
    assert "2 Artikel angelegt" in response.content.decode()
    assert SourceArticle.objects.count() == 2
    assert Statement.objects.filter(status=StatementStatus.SUGGESTED).count() >= 17
    assert not SourceArticle.objects.published().exists()


def test_duplicates_are_flagged_in_the_preview(admin_client, demo):
    confirm(admin_client, preview(admin_client, seed_upload("003")))
    response = preview(admin_client, seed_upload("003"), seed_upload("001"), seed_upload("001"))
    page = response.content.decode()
    assert "Schon vorhanden als" in page
    assert "Derselbe Text wie" in page
    assert response.context["saveable"] == 1
    confirm(admin_client, response)
    assert SourceArticle.objects.count() == 2


def test_a_zip_archive_of_articles_is_unpacked(admin_client, demo):
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zf:
        for path in seed_paths():
            zf.write(path, f"hanoi/{path.name}")
        zf.writestr("hanoi/bild.jpg", b"\xff\xd8\xff")
    response = preview(admin_client, upload("hanoi.zip", archive.getvalue()))
    assert response.context["saveable"] == 5
    assert "bild.jpg" in response.content.decode()
    confirm(admin_client, response)
    assert SourceArticle.objects.count() == 5


def test_unreadable_files_are_named_with_their_reason(admin_client, demo):
    response = preview(admin_client, upload("leer.txt", b""), upload("x.pdf", b"%PDF-1.4"))
    page = response.content.decode()
    assert "leer.txt" in page and "Die Datei ist leer." in page
    assert "x.pdf" in page and "Nur .txt-Dateien" in page
    assert response.context["saveable"] == 0


def test_confirming_twice_does_not_import_twice(admin_client, demo):
    response = preview(admin_client, seed_upload("003"))
    confirm(admin_client, response)
    again = confirm(admin_client, response)
    assert "nicht mehr vorhanden" in again.content.decode()
    assert SourceArticle.objects.count() == 1


def test_redaktion_can_import_but_not_publish_the_sources(client, redaktion_user, demo):
    client.force_login(redaktion_user)
    response = preview(client, seed_upload("003"))
    assert "publish_sources" not in response.content.decode()
    assert confirm(client, response, publish_sources="on").status_code == 403
    confirm(client, preview(client, seed_upload("003")))
    assert SourceArticle.objects.get().status == Status.DRAFT


def test_chefredaktion_may_publish_the_sources_on_import(client, chefredaktion_user, demo):
    client.force_login(chefredaktion_user)
    confirm(client, preview(client, seed_upload("003")), publish_sources="on")
    assert SourceArticle.objects.get().status == Status.PUBLISHED


def test_staff_without_add_permission_cannot_import(client, django_user_model, demo):
    user = django_user_model.objects.create_user("gast", password="pw", is_staff=True)
    client.force_login(user)
    assert client.get(reverse(IMPORT_URL)).status_code == 403


def review_action(client, action, statements):
    return client.post(
        reverse("admin:events_statement_changelist"),
        {"action": action, "_selected_action": [s.pk for s in statements]},
        follow=True,
    )


@pytest.fixture
def suggestions(demo):
    body = "Trump sagte: „Wir reden weiter.“ Kim sagte: „Gut.“"
    source = make_source(body=body)
    return [
        make_statement(
            text=text,
            source=source,
            source_start=body.index(text),
            source_end=body.index(text) + len(text),
            status=StatementStatus.SUGGESTED,
        )
        for text in ["Wir reden weiter.", "Gut."]
    ]


def test_review_list_shows_the_quote_highlighted_in_its_source(admin_client, suggestions):
    page = admin_client.get(
        reverse("admin:events_statement_changelist") + "?status__exact=suggested"
    ).content.decode()
    assert "Trump sagte: „<mark>Wir reden weiter.</mark>“ Kim sagte" in page


def test_accept_and_reject_suggestions(client, redaktion_user, suggestions):
    client.force_login(redaktion_user)
    accepted, rejected = suggestions
    review_action(client, "accept_selected", [accepted])
    review_action(client, "reject_selected", [rejected])
    accepted.refresh_from_db()
    rejected.refresh_from_db()
    assert accepted.status == StatementStatus.DRAFT
    assert rejected.status == StatementStatus.REJECTED


def test_chefredaktion_publishes_reviewed_statements(client, chefredaktion_user, suggestions):
    # Publishable with a speaker; their draft source goes live with them after confirming
    # (tests/editorial/test_publishing_rules.py).
    trump = Person.objects.get(slug="donald-trump")
    Statement.objects.filter(pk__in=[s.pk for s in suggestions]).update(speaker=trump)
    client.force_login(chefredaktion_user)
    client.post(
        reverse("admin:events_statement_changelist"),
        {
            "action": "publish_selected",
            "_selected_action": [s.pk for s in suggestions],
            "post": "yes",
        },
    )
    assert Statement.objects.published().count() == 2


def statement_form(statement, **changes):
    data = {
        "text": statement.text,
        "kind": statement.kind,
        "status": statement.status,
        "speaker_label": statement.speaker_label,
        "summit": statement.summit_id,
        "context": statement.context,
        "source": statement.source_id,
        "source_start": statement.source_start,
        "source_end": statement.source_end,
    }
    return {**data, **changes}


def test_editing_a_quote_to_another_passage_of_the_source_moves_its_span(
    admin_client, suggestions
):
    statement = suggestions[0]
    url = reverse("admin:events_statement_change", args=[statement.pk])
    admin_client.post(url, statement_form(statement, text="Gut."))
    statement.refresh_from_db()
    assert statement.source.body[statement.source_start : statement.source_end] == "Gut."
    assert statement.matches_source


def test_editing_a_quote_away_from_its_source_flags_it_as_edited(admin_client, suggestions):
    statement = suggestions[0]
    url = reverse("admin:events_statement_change", args=[statement.pk])
    response = admin_client.post(url, statement_form(statement, text="Wir reden."), follow=True)
    assert "weicht von der Quelle ab" in response.content.decode()
    statement.refresh_from_db()
    assert statement.matches_source is False
    edited = admin_client.get(reverse("admin:events_statement_changelist") + "?matches_source=no")
    assert list(edited.context["cl"].result_list) == [statement]


def test_preview_names_the_kinds_of_statement_in_german(admin_client, demo):
    article = (
        "Gipfel in Hanoi\n\n"
        "Hanoi. „Wir reden weiter“, sagte Trump. Kim sagte, man sei zu allem bereit.\n"
    ).encode()
    hanoi = Summit.objects.get(slug="hanoi-2019")
    response = preview(admin_client, upload("hanoi.txt", article), summit=hanoi.pk)
    kinds = {s.quote.kind for a in response.context["analyses"] for s in a.statements}
    assert {"direct", "indirect"} <= kinds
    page = response.content.decode()
    assert "<td>Wörtliches Zitat</td>" in page and "<td>Indirekte Rede</td>" in page
    assert "<td>direct</td>" not in page and "<td>indirect</td>" not in page


def test_source_list_shows_the_status_as_a_label(admin_client, demo):
    make_source(title="Ein Entwurf")
    make_source(title="Erschienen", status=Status.PUBLISHED)
    page = admin_client.get(reverse("admin:sources_sourcearticle_changelist")).content.decode()
    assert '<span class="status-label status-label--draft">Entwurf</span>' in page
    assert '<span class="status-label status-label--published">Veröffentlicht</span>' in page
