"""Four eyes: a Redaktion change to published content waits for the Chefredaktion."""

import pytest
from django.urls import reverse

from events.models import Person, Statement
from newsroom.editorial import StatementStatus, Status
from newsroom.models import Revision
from newsroom.revisions import PENDING
from tests.factories import (
    make_delegation,
    make_member,
    make_person,
    make_source,
    make_statement,
    make_summit,
)

pytestmark = pytest.mark.django_db


def change_form_data(response) -> dict:
    """What the browser would send back for an admin change form, unchanged."""
    data = {}
    forms = [response.context["adminform"].form]
    for inline in response.context.get("inline_admin_formsets", []):
        formset = inline.formset
        forms.extend(formset.forms)
        for field in formset.management_form:
            data[field.html_name] = field.value()
    for form in forms:
        for field in form:
            value = field.value()
            if value is None:
                continue
            if isinstance(value, list | tuple):
                value = [v for v in value if v is not None]
            data[field.html_name] = value
    return data


def published_statement(**overrides) -> Statement:
    summit = make_summit(status=Status.PUBLISHED)
    fields = {
        "summit": summit,
        "speaker": make_person(name="Donald Trump", status=Status.PUBLISHED),
        "source": make_source(status=Status.PUBLISHED),
        "text": "Wir reden weiter.",
        "status": StatementStatus.PUBLISHED,
    }
    return make_statement(**{**fields, **overrides})


def edit(client, obj, **changes):
    url = reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])
    data = {**change_form_data(client.get(url)), **changes}
    return client.post(url, data, follow=True)


def versions(obj):
    return list(obj.history.order_by("history_date", "history_id"))


def review_url(revision):
    return reverse("admin:newsroom_revision_change", args=[revision.pk])


def test_redaktion_edit_of_a_published_statement_waits_until_published(
    client, redaktion_user, chefredaktion_user
):
    statement = published_statement()
    page = statement.get_absolute_url()
    client.force_login(redaktion_user)
    response = edit(client, statement, text="Wir reden sehr bald weiter.")
    assert str(PENDING) in response.content.decode()

    statement.refresh_from_db()
    assert statement.text == "Wir reden weiter."
    assert len(versions(statement)) == 1
    (revision,) = Revision.objects.all()
    assert revision.state == Revision.State.PENDING
    assert revision.author == redaktion_user
    assert revision.values == {"text": "Wir reden sehr bald weiter."}
    client.logout()
    assert "Wir reden sehr bald weiter." not in client.get(page).content.decode()

    client.force_login(chefredaktion_user)
    review = client.get(review_url(revision)).content.decode()
    assert '<ins class="diff-added">sehr bald</ins>' in review
    client.post(review_url(revision), {"_publish": "1"})

    revision.refresh_from_db()
    assert (revision.state, revision.decided_by) == (
        Revision.State.PUBLISHED,
        chefredaktion_user,
    )
    latest = versions(statement)[-1]
    assert latest.text == "Wir reden sehr bald weiter."
    assert latest.history_user == chefredaktion_user
    assert "redakteurin" in latest.history_change_reason
    client.logout()
    public = client.get(page).content.decode()
    assert "Wir reden sehr bald weiter." in public
    assert "Korrigiert am" in public and "Text geändert" in public


def test_discarding_leaves_the_live_version(client, redaktion_user, chefredaktion_user):
    statement = published_statement()
    client.force_login(redaktion_user)
    edit(client, statement, text="Ganz anders.")
    revision = Revision.objects.get()
    client.force_login(chefredaktion_user)
    client.post(review_url(revision), {"_discard": "1"})
    revision.refresh_from_db()
    assert revision.state == Revision.State.DISCARDED
    statement.refresh_from_db()
    assert statement.text == "Wir reden weiter." and statement.corrected_at is None
    client.logout()
    assert "Ganz anders." not in client.get(statement.get_absolute_url()).content.decode()
    assert len(versions(statement)) == 1


def test_redaktion_cannot_decide(client, redaktion_user):
    statement = published_statement()
    client.force_login(redaktion_user)
    edit(client, statement, text="Ganz anders.")
    revision = Revision.objects.get()
    page = client.get(review_url(revision))
    assert page.status_code == 200 and 'name="_publish"' not in page.content.decode()
    assert client.post(review_url(revision), {"_publish": "1"}).status_code == 403
    revision.refresh_from_db()
    statement.refresh_from_db()
    assert revision.state == Revision.State.PENDING and statement.text == "Wir reden weiter."


def test_a_second_edit_starts_from_the_pending_one_and_replaces_it(client, redaktion_user):
    statement = published_statement(context="")
    client.force_login(redaktion_user)
    edit(client, statement, text="Erste Fassung.")
    form = client.get(reverse("admin:events_statement_change", args=[statement.pk]))
    assert form.context["adminform"].form.initial["text"] == "Erste Fassung."
    edit(client, statement, context="In Hanoi.")
    first, second = Revision.objects.order_by("pk")
    assert first.state == Revision.State.SUPERSEDED
    assert second.values == {"text": "Erste Fassung.", "context": "In Hanoi."}
    statement.refresh_from_db()
    assert (statement.text, statement.context) == ("Wir reden weiter.", "")


def test_chefredaktion_edits_go_live_at_once(client, chefredaktion_user):
    statement = published_statement()
    client.force_login(chefredaktion_user)
    edit(client, statement, text="Sofort.", correction_note="Zitat vervollständigt.")
    statement.refresh_from_db()
    assert statement.text == "Sofort." and not Revision.objects.exists()
    assert statement.correction_note == "Zitat vervollständigt."


def test_drafts_are_edited_directly_by_redaktion(client, redaktion_user):
    person = make_person(status=Status.DRAFT)
    client.force_login(redaktion_user)
    edit(client, person, description="Neu.")
    person.refresh_from_db()
    assert person.description == "Neu." and not Revision.objects.exists()


def test_a_revert_by_redaktion_of_a_published_row_becomes_pending(client, redaktion_user):
    person = make_person(name="Kim Jong Un", status=Status.PUBLISHED)
    Person.objects.get(pk=person.pk)
    person.name = "Kim Jong-un"
    person.save()
    first = versions(person)[0]
    client.force_login(redaktion_user)
    url = reverse("admin:events_person_simple_history", args=[person.pk, first.pk])
    form = client.get(url).context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None}
    response = client.post(url, data, follow=True)
    assert str(PENDING) in response.content.decode()
    person.refresh_from_db()
    assert person.name == "Kim Jong-un"
    revision = Revision.objects.get()
    assert revision.values == {"name": "Kim Jong Un"}
    assert len(versions(person)) == 2


def test_inline_changes_of_a_published_delegation_wait_too(
    client, redaktion_user, chefredaktion_user
):
    delegation = make_delegation(status=Status.PUBLISHED)
    member = make_member(delegation=delegation, role="Berater")
    client.force_login(redaktion_user)
    edit(client, delegation, **{"members-0-role": "Außenminister"})
    member.refresh_from_db()
    assert member.role == "Berater"
    revision = Revision.objects.get()
    client.force_login(chefredaktion_user)
    assert "Außenminister" in client.get(review_url(revision)).content.decode()
    client.post(review_url(revision), {"_publish": "1"})
    member.refresh_from_db()
    assert member.role == "Außenminister"


def test_the_queue_lists_pending_revisions_in_few_queries(
    client, redaktion_user, chefredaktion_user, django_assert_max_num_queries
):
    client.force_login(redaktion_user)
    for n in range(8):
        edit(client, published_statement(), text=f"Fassung {n}.")
        edit(client, make_person(status=Status.PUBLISHED), description=f"Neu {n}.")
    client.force_login(chefredaktion_user)
    url = reverse("admin:newsroom_revision_changelist")
    client.get(url)
    with django_assert_max_num_queries(12):
        page = client.get(url)
    assert page.status_code == 200
    assert page.context["cl"].result_count == 16
    assert "Fassung 3." not in page.content.decode()  # the list names objects, not values


def test_a_published_statement_edited_in_its_draft_article_waits_too(client, redaktion_user):
    source = make_source(status=Status.DRAFT)
    statement = published_statement(source=source)
    client.force_login(redaktion_user)
    response = edit(client, source, **{"statements-0-text": "Anders zitiert."})
    assert str(PENDING) in response.content.decode()
    statement.refresh_from_db()
    assert statement.text == "Wir reden weiter."
    (revision,) = Revision.objects.all()
    assert (revision.target, revision.values) == (statement, {"text": "Anders zitiert."})
