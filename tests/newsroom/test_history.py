"""Every change leaves a trace: who changed what and when, from every path that writes."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from events.models import Person, Statement, Topic
from newsroom.editorial import StatementStatus, Status
from newsroom.history import UNKNOWN_USER
from newsroom.models import ImportRun
from sources.models import SourceArticle
from tests.factories import make_person, make_source, make_statement, make_summit
from tests.seeds import seed_path

pytestmark = pytest.mark.django_db


def versions(instance):
    return list(instance.history.order_by("history_date", "history_id"))


def test_a_change_form_save_is_a_version_by_the_editor(client, redaktion_user):
    person = make_person(name="Kim Jong Un")
    client.force_login(redaktion_user)
    url = reverse("admin:events_person_change", args=[person.pk])
    page = client.get(url)
    data = {**page.context["adminform"].form.initial, "name": "Kim Jong-un", "country": "KP"}
    data = {key: value for key, value in data.items() if value is not None}
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    latest = versions(person)[-1]
    assert (latest.name, latest.history_user, latest.history_type) == (
        "Kim Jong-un",
        redaktion_user,
        "~",
    )


def test_an_admin_action_is_a_version_of_each_row_it_changed(client, chefredaktion_user):
    summit = make_summit(status=Status.PUBLISHED)
    # Publishable: with a speaker and a source (tests/editorial/test_publishing_rules.py).
    touched = make_statement(
        summit=summit,
        status=StatementStatus.SUGGESTED,
        speaker=make_person(status=Status.PUBLISHED),
        source=make_source(status=Status.PUBLISHED),
    )
    already = make_statement(summit=summit, status=StatementStatus.PUBLISHED)
    client.force_login(chefredaktion_user)
    client.post(
        reverse("admin:events_statement_changelist"),
        {
            "action": "publish_selected",
            "_selected_action": [touched.pk, already.pk],
            "post": "yes",
        },
    )
    latest = versions(touched)[-1]
    assert (latest.status, latest.history_user) == ("published", chefredaktion_user)
    assert latest.history_change_reason == "Aktion: Veröffentlichen"
    assert len(versions(already)) == 1  # only its creation: the action did not change it


def test_an_article_import_is_a_version_of_the_article_and_its_statements(demo, tmp_path):
    path = tmp_path / "artikel.txt"
    path.write_bytes(seed_path("000").read_bytes())
    call_command("import_articles", str(path), "--summit", "hanoi-2019", stdout=io.StringIO())
    source = SourceArticle.objects.get()
    (created,) = versions(source)
    assert (created.history_type, created.history_user) == ("+", None)
    assert created.history_change_reason == f"Artikel-Import {path.name}"
    statement = source.statements.first()
    assert versions(statement)[0].history_change_reason == f"Artikel-Import {path.name}"
    (run,) = ImportRun.objects.filter(file_name=str(path))
    assert (run.via, run.new, run.user) == ("command", 1, None)


def test_a_command_names_its_user_and_refuses_an_unknown_one(tmp_path, redaktion_user):
    path = tmp_path / "themen.csv"
    path.write_text("slug;name\nsanktionen;Sanktionen\n")
    with pytest.raises(CommandError, match=str(UNKNOWN_USER.format(username="niemand"))):
        call_command("import_csv", "topics", str(path), "--user", "niemand")
    assert not Topic.objects.exists()
    call_command("import_csv", "topics", str(path), "--user", "redakteurin", stdout=io.StringIO())
    (created,) = versions(Topic.objects.get())
    assert (created.history_user, created.history_change_reason) == (
        redaktion_user,
        "Tabellen-Import themen.csv",
    )


def test_a_spreadsheet_update_is_a_version_with_the_old_one_kept(tmp_path):
    make_person(slug="kim-jong-un", name="Kim Jong Un")
    path = tmp_path / "personen.csv"
    path.write_text("slug;name\nkim-jong-un;Kim Jong-un\n")
    call_command("import_csv", "people", str(path), stdout=io.StringIO())
    person = Person.objects.get()
    assert [(v.name, v.history_type) for v in versions(person)] == [
        ("Kim Jong Un", "+"),
        ("Kim Jong-un", "~"),
    ]
    assert Statement.objects.count() == 0


def test_two_versions_are_compared_and_an_earlier_one_restored(client, chefredaktion_user):
    statement = make_statement(text="Wir hatten gute Gespräche.")
    statement.text = "Wir hatten sehr gute Gespräche in Hanoi."
    statement.save()
    first, second = versions(statement)
    client.force_login(chefredaktion_user)
    history = client.get(reverse("admin:events_statement_history", args=[statement.pk]))
    assert "Zwei Fassungen vergleichen" in history.content.decode()
    compare = client.get(
        reverse("admin:events_statement_history_compare", args=[statement.pk]),
        {"von": first.pk, "bis": second.pk},
    )
    page = compare.content.decode()
    assert '<ins class="diff-added">sehr</ins>' in page
    assert "css/admin.css" in page  # where the marks get their colours
    assert '<del class="diff-removed">Gespräche.</del>' in page
    assert '<ins class="diff-added">Gespräche in Hanoi.</ins>' in page
    revert_url = reverse("admin:events_statement_simple_history", args=[statement.pk, first.pk])
    form = client.get(revert_url).context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value not in (None, [])}
    data["topics"] = []
    response = client.post(revert_url, {**data, "summit": statement.summit_id})
    assert response.status_code == 302, response.content.decode()[:3000]
    statement.refresh_from_db()
    assert statement.text == "Wir hatten gute Gespräche."
    assert len(versions(statement)) == 3
    assert versions(statement)[-1].history_user == chefredaktion_user


def test_the_comparison_needs_versions_of_that_object(client, chefredaktion_user):
    statement = make_statement()
    other = make_statement()
    client.force_login(chefredaktion_user)
    url = reverse("admin:events_statement_history_compare", args=[statement.pk])
    (own,) = versions(statement)
    (foreign,) = versions(other)
    assert client.get(url, {"von": own.pk, "bis": foreign.pk}).status_code == 404
    assert client.get(url, {"von": "x", "bis": own.pk}).status_code == 404


def test_editors_see_the_import_runs_and_cannot_change_them(client, redaktion_user, tmp_path):
    path = tmp_path / "themen.csv"
    path.write_text("slug;name\nsanktionen;Sanktionen\n")
    call_command("import_csv", "topics", str(path), stdout=io.StringIO())
    client.force_login(redaktion_user)
    page = client.get(reverse("admin:newsroom_importrun_changelist"))
    assert page.status_code == 200
    assert "themen.csv" in page.content.decode() and "System" in page.content.decode()
    (run,) = ImportRun.objects.all()
    change = client.post(reverse("admin:newsroom_importrun_change", args=[run.pk]), {})
    assert change.status_code == 403 and ImportRun.objects.get().file_name == "themen.csv"
    assert client.get(reverse("admin:newsroom_importrun_add")).status_code == 403


def test_every_row_a_spreadsheet_import_writes_has_one_version_with_its_topics(
    tmp_path, redaktion_user
):
    summit = make_summit(slug="hanoi")
    Topic.objects.create(slug="sanktionen", name="Sanktionen")
    Topic.objects.create(slug="wirtschaft", name="Wirtschaft")
    path = tmp_path / "aussagen.csv"
    rows = "".join(f"hanoi;Satz {n};{'sanktionen' if n % 2 else ''}\n" for n in range(60))
    path.write_text("summit;text;topics\n" + rows)
    call_command(
        "import_csv", "statements", str(path), "--user", "redakteurin", stdout=io.StringIO()
    )
    path.write_text("summit;text;topics\nhanoi;Satz 1;wirtschaft\nhanoi;Satz 2;\n")
    call_command(
        "import_csv", "statements", str(path), "--user", "redakteurin", stdout=io.StringIO()
    )
    statements = Statement.objects.filter(summit=summit)
    assert statements.count() == 60
    for statement in statements:
        kept = versions(statement)
        assert [v.history_type for v in kept] == (
            ["+", "~"] if statement.text == "Satz 1" else ["+"]
        )
        assert {(v.history_user, v.history_change_reason) for v in kept} == {
            (redaktion_user, "Tabellen-Import aussagen.csv")
        }
        number = int(statement.text.split()[1])
        assert [sorted(t.topic.slug for t in v.topics.all()) for v in kept] == (
            [["sanktionen"], ["wirtschaft"]]
            if number == 1
            else [["sanktionen"] if number % 2 else []]
        )
