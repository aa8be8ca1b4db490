"""Four eyes on the spreadsheet path: a Redaktion import does not change published rows, it
submits revisions; the Chefredaktion's import of a changed published statement carries a
correction note."""

import pytest

from events.resources import StatementTable
from newsroom.editorial import StatementStatus, Status
from newsroom.models import ImportRun, Revision
from newsroom.revisions import publish_revision
from newsroom.tables import Sheet, import_table
from tests.factories import make_person, make_statement, make_summit

pytestmark = pytest.mark.django_db

OLD = "Wir reden weiter."
NEW = "Wir reden weiter, aber nicht heute."


@pytest.fixture
def published():
    summit = make_summit(slug="hanoi-2019", status=Status.PUBLISHED)
    speaker = make_person(slug="donald-trump", status=Status.PUBLISHED)
    return make_statement(
        summit=summit, speaker=speaker, text=OLD, status=StatementStatus.PUBLISHED
    )


def import_text(statement, text, *, user):
    sheet = Sheet(
        header=("key", "summit", "speaker", "text", "status"),
        rows=[(2, (str(statement.key), "hanoi-2019", "donald-trump", text, "published"))],
    )
    return import_table(table=StatementTable(), sheet=sheet, user=user, file_name="neu.csv")


def test_a_redaktion_import_of_published_rows_waits_for_the_chefredaktion(
    published, redaktion_user, chefredaktion_user
):
    report = import_text(published, NEW, user=redaktion_user)
    assert (report.ok, report.updated, report.for_review) == (True, 0, 1)
    published.refresh_from_db()
    assert published.text == OLD  # readers still see the live version
    revision = Revision.objects.get()
    assert (revision.state, revision.author, revision.values) == (
        Revision.State.PENDING,
        redaktion_user,
        {"text": NEW},
    )
    assert revision.base == {"text": OLD}
    assert ImportRun.objects.get().file_name == "neu.csv"

    publish_revision(revision, user=chefredaktion_user)
    published.refresh_from_db()
    assert published.text == NEW
    assert published.correction_note == "Text geändert"


def test_a_second_import_replaces_the_pending_revision(published, redaktion_user):
    import_text(published, NEW, user=redaktion_user)
    import_text(published, "Nicht heute.", user=redaktion_user)
    pending = Revision.objects.get(state=Revision.State.PENDING)
    assert pending.values == {"text": "Nicht heute."}
    assert Revision.objects.filter(state=Revision.State.SUPERSEDED).count() == 1


def test_a_preview_counts_the_rows_for_review_and_submits_nothing(published, redaktion_user):
    sheet = Sheet(
        header=("key", "summit", "speaker", "text", "status"),
        rows=[(2, (str(published.key), "hanoi-2019", "donald-trump", NEW, "published"))],
    )
    report = import_table(table=StatementTable(), sheet=sheet, user=redaktion_user, dry_run=True)
    assert report.for_review == 1
    assert not Revision.objects.exists()


def test_the_chefredaktion_import_changes_the_text_with_a_correction_note(
    published, chefredaktion_user
):
    report = import_text(published, NEW, user=chefredaktion_user)
    assert (report.updated, report.for_review) == (1, 0)
    published.refresh_from_db()
    assert published.text == NEW
    assert published.corrected_at is not None
    assert published.correction_note == "Text geändert"


def test_drafts_are_changed_by_the_redaktion_directly(redaktion_user):
    summit = make_summit(slug="hanoi-2019")
    speaker = make_person(slug="donald-trump")
    draft = make_statement(summit=summit, speaker=speaker, text=OLD)
    sheet = Sheet(
        header=("key", "summit", "speaker", "text"),
        rows=[(2, (str(draft.key), "hanoi-2019", "donald-trump", NEW))],
    )
    report = import_table(table=StatementTable(), sheet=sheet, user=redaktion_user)
    assert (report.updated, report.for_review) == (1, 0)
    draft.refresh_from_db()
    assert draft.text == NEW and draft.correction_note == ""
