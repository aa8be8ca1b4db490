import re

import pytest
from django.contrib import admin
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from events.models import Delegation, DelegationMember, Person, Statement, Summit, Topic
from newsroom.editorial import StatementStatus, Status
from newsroom.models import Revision
from tests.factories import make_member, make_person, make_source, make_statement, make_summit

pytestmark = pytest.mark.django_db

EDITORIAL_APPS = {"events", "sources"}
# Admin pages run a fixed set of queries (session, user, permissions, counts, the page's rows);
# the bound is what they take with the demo content, and must not grow with the data.
MAX_QUERIES = 25


@pytest.fixture
def newsroom(demo):
    """The demo content plus an imported article with statements, topics and speakers."""
    hanoi = Summit.objects.get(slug="hanoi-2019")
    source = make_source(title="Gipfel ohne Ergebnis")
    source.summits.add(hanoi)
    people = list(Person.objects.all())
    topics = list(Topic.objects.all())
    for n in range(30):
        statement = make_statement(
            summit=hanoi,
            speaker=people[n % len(people)],
            source=source,
            source_start=0,
            source_end=10,
            status=StatementStatus.SUGGESTED,
            said_on=hanoi.starts_on,
        )
        statement.topics.set(topics[: n % 3])
    return hanoi


def editorial_admins():
    return [
        model_admin
        for model, model_admin in admin.site._registry.items()
        if model._meta.app_label in EDITORIAL_APPS
    ]


def admin_url(model, name, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{name}", args=args)


@pytest.mark.parametrize("model_admin", editorial_admins(), ids=lambda a: a.model.__name__)
def test_every_changelist_loads_with_a_bounded_number_of_queries(
    model_admin, newsroom, admin_client, django_assert_max_num_queries
):
    url = admin_url(model_admin.model, "changelist")
    with django_assert_max_num_queries(MAX_QUERIES):
        response = admin_client.get(url)
    assert response.status_code == 200
    assert response.context["cl"].result_count == model_admin.model.objects.count()


@pytest.mark.parametrize("model_admin", editorial_admins(), ids=lambda a: a.model.__name__)
def test_every_change_form_loads_with_a_bounded_number_of_queries(
    model_admin, newsroom, admin_client, django_assert_max_num_queries
):
    obj = model_admin.model.objects.order_by("pk").last()
    url = admin_url(model_admin.model, "change", obj.pk)
    with django_assert_max_num_queries(MAX_QUERIES):
        response = admin_client.get(url)
    assert response.status_code == 200
    assert response.context["original"] == obj


@pytest.mark.parametrize("model_admin", editorial_admins(), ids=lambda a: a.model.__name__)
def test_every_add_form_loads(model_admin, newsroom, admin_client):
    assert admin_client.get(admin_url(model_admin.model, "add")).status_code == 200


def test_the_admin_speaks_german(admin_client, demo):
    response = admin_client.get(admin_url(Summit, "changelist"))
    assert "Gipfel zur Änderung auswählen" in response.content.decode()


def post_action(client, model, action, objects):
    return client.post(
        admin_url(model, "changelist"),
        {"action": action, "_selected_action": [obj.pk for obj in objects]},
        follow=True,
    )


def test_redaktion_has_no_publish_action_and_cannot_post_it(client, redaktion_user):
    summit = make_summit()
    client.force_login(redaktion_user)
    changelist = client.get(admin_url(Summit, "changelist"))
    actions = dict(changelist.context["action_form"].fields["action"].choices)
    assert "publish_selected" not in actions
    assert "move_selected_to_draft" in actions

    post_action(client, Summit, "publish_selected", [summit])
    summit.refresh_from_db()
    assert summit.status == Status.DRAFT


def test_chefredaktion_publishes_with_the_admin_action(client, chefredaktion_user):
    summits = [make_summit(), make_summit()]
    client.force_login(chefredaktion_user)
    response = post_action(client, Summit, "publish_selected", summits)
    assert "2 Einträge veröffentlicht." in response.content.decode()
    assert Summit.objects.published().count() == 2


def test_statements_move_back_to_draft_with_the_admin_action(client, redaktion_user):
    statement = make_statement(status=StatementStatus.SUGGESTED)
    client.force_login(redaktion_user)
    post_action(client, Statement, "move_selected_to_draft", [statement])
    statement.refresh_from_db()
    assert statement.status == StatementStatus.DRAFT


def person_form(person, **changes):
    data = {
        "name": person.name,
        "slug": person.slug,
        "status": person.status,
        "aliases": person.aliases,
        "country": person.country,
        "description": person.description,
    }
    return {**data, **changes}


def test_redaktion_cannot_publish_through_the_change_form(client, redaktion_user):
    person = make_person()
    client.force_login(redaktion_user)
    url = admin_url(Person, "change", person.pk)
    form = client.get(url).context["adminform"].form
    assert Status.PUBLISHED not in dict(form.fields["status"].choices)

    response = client.post(url, person_form(person, status=Status.PUBLISHED))
    assert response.status_code == 200
    assert "status" in response.context["adminform"].form.errors
    person.refresh_from_db()
    assert person.status == Status.DRAFT


def test_redaktion_may_edit_a_published_person_but_not_its_status(client, redaktion_user):
    person = make_person(status=Status.PUBLISHED)
    client.force_login(redaktion_user)
    url = admin_url(Person, "change", person.pk)
    response = client.post(url, person_form(person, description="neu", status=Status.DRAFT))
    assert response.status_code == 302
    person.refresh_from_db()
    # Four eyes: the change waits for the Chefredaktion (tests/editorial/test_four_eyes.py).
    assert person.description == ""
    assert person.status == Status.PUBLISHED
    assert Revision.objects.get().values == {"description": "neu"}


def test_chefredaktion_publishes_through_the_change_form(client, chefredaktion_user):
    person = make_person()
    client.force_login(chefredaktion_user)
    url = admin_url(Person, "change", person.pk)
    response = client.post(url, person_form(person, status=Status.PUBLISHED))
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.status == Status.PUBLISHED and person.published_at is not None


def test_summit_change_form_lists_its_delegations_inline(admin_client, demo):
    summit = Summit.objects.get(slug="hanoi-2019")
    response = admin_client.get(admin_url(Summit, "change", summit.pk))
    formset = response.context["inline_admin_formsets"][0].formset
    assert {form.instance.country for form in formset.forms} == {"US", "KP"}
    assert Delegation.objects.filter(summit=summit).count() == 2


def change_form_queries(client, delegation) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(admin_url(Delegation, "change", delegation.pk))
    assert response.status_code == 200
    return len(queries)


def test_delegation_form_costs_no_query_per_member(admin_client, demo):
    delegation = Delegation.objects.get(summit__slug="hanoi-2019", country="US")
    change_form_queries(admin_client, delegation)  # warm the per-process caches
    few = change_form_queries(admin_client, delegation)
    for n in range(40):
        make_member(delegation=delegation, person=make_person(), role=f"Berater {n}")
    assert change_form_queries(admin_client, delegation) == few
    page = admin_client.get(admin_url(Delegation, "change", delegation.pk)).content.decode()
    mulvaney = Person.objects.get(slug="mick-mulvaney")
    assert f'<option value="{mulvaney.pk}" selected>Mick Mulvaney</option>' in page


def change_form_data(response) -> dict:
    """What the browser would send back for an admin change form, unchanged."""
    data = {}
    forms = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
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


def test_redaktion_saving_a_summit_leaves_its_published_delegations_published(
    client, redaktion_user, demo
):
    summit = Summit.objects.get(slug="hanoi-2019")
    Summit.objects.filter(pk=summit.pk).update(status=Status.DRAFT)
    client.force_login(redaktion_user)
    url = admin_url(Summit, "change", summit.pk)
    data = change_form_data(client.get(url))
    data["delegations-0-notes"] = "Neue Anmerkung"
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    statuses = set(summit.delegations.values_list("status", flat=True))
    assert statuses == {Status.PUBLISHED}
    # Four eyes: the published delegation's new notes wait for approval.
    assert not summit.delegations.filter(notes="Neue Anmerkung").exists()
    assert Revision.objects.get().values == {"notes": "Neue Anmerkung"}


# Lists an editor can read: labels and country names, not codes


def filter_choices(response, title: str) -> list[str]:
    spec = next(s for s in response.context["cl"].filter_specs if s.title == title)
    return [str(label) for _, label in spec.lookup_choices]


def test_delegations_are_titled_by_their_country_name(demo):
    delegation = Delegation.objects.get(summit__slug="hanoi-2019", country="KP")
    assert str(delegation) == "Nordkorea – Gipfeltreffen in Hanoi 2019"


@pytest.mark.parametrize("model", [Summit, Person, Delegation], ids=lambda m: m.__name__)
def test_lists_show_and_filter_countries_by_name(admin_client, demo, model):
    response = admin_client.get(admin_url(model, "changelist"))
    page = response.content.decode()
    expected = {Summit: ["Singapur", "Vietnam"]}.get(model, ["Nordkorea", "Vereinigte Staaten"])
    assert filter_choices(response, "Land") == expected
    shown = re.findall(r'class="field-country_column">(?:<a [^>]*>)?([^<]*)<', page)
    assert set(shown) == set(expected)
    code = model.objects.exclude(country="").values_list("country", flat=True).first()
    filtered = admin_client.get(admin_url(model, "changelist") + f"?country__exact={code}")
    assert {row.country for row in filtered.context["cl"].result_list} == {code}


def test_members_are_filtered_by_their_delegation_country_by_name(admin_client, demo):
    url = admin_url(DelegationMember, "changelist")
    response = admin_client.get(url)
    assert filter_choices(response, "Land der Delegation") == ["Nordkorea", "Vereinigte Staaten"]
    assert "Nordkorea – Gipfeltreffen in Hanoi 2019" in response.content.decode()
    north_korea = admin_client.get(url + "?delegation__country=KP").context["cl"]
    assert {m.delegation.country for m in north_korea.result_list} == {"KP"}


def test_delegations_are_found_by_country_name(admin_client, demo):
    found = admin_client.get(admin_url(Delegation, "changelist") + "?q=nordkorea").context["cl"]
    assert {d.country for d in found.result_list} == {"KP"}
    assert found.result_count == 2
    response = admin_client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "events",
            "model_name": "statement",
            "field_name": "delegation",
            "term": "Nordkorea Hanoi",
        },
    )
    texts = [result["text"] for result in response.json()["results"]]
    assert texts == ["Nordkorea – Gipfeltreffen in Hanoi 2019"]


@pytest.fixture
def suggestion(demo):
    hanoi = Summit.objects.get(slug="hanoi-2019")
    body = "Hanoi. Kim sagte, man sei zu allem bereit. Weiter nichts."
    text = "man sei zu allem bereit"
    return make_statement(
        summit=hanoi,
        speaker=Person.objects.get(slug="kim-jong-un"),
        delegation=hanoi.delegations.get(country="KP"),
        text=text,
        kind=Statement.Kind.INDIRECT,
        status=StatementStatus.SUGGESTED,
        confidence=0.7,
        source=make_source(body=body),
        source_start=body.index(text),
        source_end=body.index(text) + len(text),
    )


def test_statement_list_shows_labels_and_country_names_not_codes(admin_client, suggestion):
    response = admin_client.get(admin_url(Statement, "changelist") + "?status__exact=suggested")
    page = response.content.decode()
    assert '<td class="field-kind">Indirekte Rede</td>' in page
    assert '<span class="status-label status-label--suggested">Vorgeschlagen</span>' in page
    assert "70\u00a0%" in page
    assert "Kim sagte, <mark>man sei zu allem bereit</mark>. Weiter nichts." in page
    assert filter_choices(response, "Land der Delegation") == ["Nordkorea"]
    for code in (">indirect<", ">suggested<", ">KP<"):
        assert code not in page


def test_statement_list_marks_a_text_edited_away_from_its_source(admin_client, suggestion):
    url = admin_url(Statement, "changelist")
    assert "status-label--edited" not in admin_client.get(url).content.decode()
    Statement.objects.filter(pk=suggestion.pk).update(text="man sei zu vielem bereit")
    assert "status-label--edited" in admin_client.get(url).content.decode()


def test_statement_list_is_filtered_by_delegation_country(admin_client, suggestion):
    make_statement(summit=suggestion.summit, status=StatementStatus.SUGGESTED)
    url = admin_url(Statement, "changelist") + "?delegation__country=KP"
    assert list(admin_client.get(url).context["cl"].result_list) == [suggestion]
