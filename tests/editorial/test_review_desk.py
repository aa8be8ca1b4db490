"""The review desk: an article's suggestions decided where they occur, each decision in the
history of the statements it touched."""

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from events.models import DelegationMember, Person, Statement, Summit
from newsroom.editorial import StatementStatus, Status
from newsroom.revisions import pending_revision
from sources.review import DESK_CORRECTED, DESK_SPAN_MOVED
from tests.factories import (
    make_delegation,
    make_person,
    make_source,
    make_statement,
    make_summit,
    make_topic,
    make_user,
)

pytestmark = pytest.mark.django_db

BODY = (
    "Trump sagte: „Wir reden weiter.“ Kim entgegnete: „Das ist gut.“\n"
    "Der Überläufer und Diplomat Ri Il-gyu sagte, Kim habe gelogen. "
    "Laut dem Überläufer sei das Treffen gescheitert."
)


def desk_url(article) -> str:
    return reverse("admin:sources_sourcearticle_review", args=[article.pk])


def suggest(source, text, **fields):
    start = source.body.index(text)
    return make_statement(
        summit=fields.pop("summit"),
        text=text,
        source=source,
        source_start=start,
        source_end=start + len(text),
        status=StatementStatus.SUGGESTED,
        **fields,
    )


@pytest.fixture
def article():
    summit = make_summit(title="Hanoi 2019")
    source = make_source(body=BODY)
    trump = make_person(name="Donald Trump", slug="donald-trump")
    kim = make_person(name="Kim Jong-un", slug="kim-jong-un", country="KP")
    source.suggestions = [
        suggest(source, "Wir reden weiter.", summit=summit, speaker=trump, speaker_label="Trump"),
        suggest(source, "Das ist gut.", summit=summit, speaker=trump, speaker_label="Trump"),
        suggest(
            source,
            "Kim habe gelogen",
            summit=summit,
            speaker_label="Überläufer",
            kind=Statement.Kind.INDIRECT,
        ),
        suggest(
            source,
            "sei das Treffen gescheitert",
            summit=summit,
            speaker_label="Überläufer",
            kind=Statement.Kind.INDIRECT,
        ),
    ]
    source.kim = kim
    return source


@pytest.fixture
def editor(client, redaktion_user):
    client.force_login(redaktion_user)
    return client


def decide(client, article, decision, statement=None, **data):
    if statement is not None:
        data["statement"] = statement.pk
    return client.post(desk_url(article), {"decision": decision, **data})


def latest_version(statement):
    return statement.history.order_by("-history_date", "-history_id").first()


def test_the_desk_shows_the_text_with_every_suggestion_marked_and_numbered(editor, article):
    page = editor.get(desk_url(article)).content.decode()
    assert '<mark class="review-desk__mark" data-suggestions="1">Wir reden weiter.</mark>' in page
    assert 'href="#vorschlag-4"' in page
    assert "4 Aussagen" in page and "4 offen" in page
    assert "Indirekte Rede" in page and "Wörtliches Zitat" in page
    assert "<em>Überläufer</em>" in page


def test_accept_correct_and_reject_end_in_the_right_state_and_history(
    editor, article, redaktion_user
):
    accepted, corrected, rejected, _other = article.suggestions
    topic = make_topic(name="Denuklearisierung")

    response = decide(editor, article, "accept", accepted)
    assert response.status_code == 302
    assert response.url == f"{desk_url(article)}#aussage-{corrected.pk}"

    decide(
        editor,
        article,
        "correct",
        corrected,
        speaker=article.kim.pk,
        kind=Statement.Kind.DIRECT,
        said_on="2019-02-27",
        topics=[topic.pk],
    )
    decide(editor, article, "reject", rejected)

    for statement in article.suggestions:
        statement.refresh_from_db()
    assert accepted.status == StatementStatus.DRAFT
    assert (corrected.status, corrected.speaker, str(corrected.said_on)) == (
        StatementStatus.DRAFT,
        article.kim,
        "2019-02-27",
    )
    assert list(corrected.topics.all()) == [topic]
    assert rejected.status == StatementStatus.REJECTED
    assert latest_version(accepted).history_user == redaktion_user
    assert latest_version(accepted).history_change_reason == "Aktion: Vorschlag annehmen"
    version = latest_version(corrected)
    assert (version.history_user, version.history_change_reason, version.speaker_id) == (
        redaktion_user,
        DESK_CORRECTED,
        article.kim.pk,
    )
    assert latest_version(rejected).status == StatementStatus.REJECTED


def test_widening_a_span_takes_the_next_word_of_the_source(editor, article, redaktion_user):
    statement = article.suggestions[3]  # "sei das Treffen gescheitert"
    response = decide(editor, article, "start-left", statement)
    assert response.url.endswith(f"?korrigieren={statement.pk}#aussage-{statement.pk}")
    decide(editor, article, "end-left", statement)
    statement.refresh_from_db()
    assert statement.text == "Überläufer sei das Treffen"
    assert statement.matches_source
    assert latest_version(statement).history_change_reason == DESK_SPAN_MOVED


def test_accept_all_and_reject_all_decide_only_what_is_still_open(editor, article):
    first, *rest = article.suggestions
    decide(editor, article, "reject", first)
    decide(editor, article, "accept-all")
    statuses = set(
        Statement.objects.filter(pk__in=[s.pk for s in rest]).values_list("status", flat=True)
    )
    assert statuses == {StatementStatus.DRAFT}
    first.refresh_from_db()
    assert first.status == StatementStatus.REJECTED


def test_a_label_becomes_a_new_person_and_the_same_label_follows(editor, article):
    label_only = article.suggestions[2]
    delegation = make_delegation(summit=label_only.summit, country="KP")
    page = editor.get(f"{desk_url(article)}?korrigieren={label_only.pk}").content.decode()
    # Prefilled from the text: the apposition names him, and his role.
    assert 'value="Ri Il-gyu"' in page
    assert 'value="Überläufer und Diplomat"' in page

    decide(
        editor,
        article,
        "create-person",
        label_only,
        name="Ri Il-gyu",
        role="Überläufer und Diplomat",
        country="KP",
    )
    person = Person.objects.get(name="Ri Il-gyu")
    assert (person.status, person.country, person.alias_list) == (
        Status.DRAFT,
        "KP",
        ["Überläufer"],
    )
    assert DelegationMember.objects.get(person=person).delegation == delegation
    for statement in article.suggestions[2:]:
        statement.refresh_from_db()
        assert (statement.speaker, statement.delegation) == (person, delegation)
        assert statement.status == StatementStatus.SUGGESTED  # still to be decided
    assert person.history.get().history_change_reason == "Prüftisch: angelegt aus „Überläufer“"


def test_a_label_attached_to_a_known_person_becomes_an_alias(editor, article):
    label_only = article.suggestions[2]
    decide(editor, article, "attach-person", label_only, person=article.kim.pk)
    article.kim.refresh_from_db()
    assert article.kim.alias_list == ["Überläufer"]
    assert set(
        Statement.objects.filter(speaker_label="Überläufer").values_list("speaker", flat=True)
    ) == {article.kim.pk}


def test_the_desk_does_not_change_published_statements(editor, article):
    statement = article.suggestions[0]
    Statement.objects.filter(pk=statement.pk).update(status=StatementStatus.PUBLISHED)
    for decision in ("reject", "start-left"):
        decide(editor, article, decision, statement)
    decide(editor, article, "correct", statement, kind=Statement.Kind.WRITTEN)
    statement.refresh_from_db()
    assert (statement.status, statement.text, statement.kind) == (
        StatementStatus.PUBLISHED,
        "Wir reden weiter.",
        Statement.Kind.DIRECT,
    )


def test_a_statement_of_another_article_cannot_be_decided_here(editor, article):
    elsewhere = make_statement(status=StatementStatus.SUGGESTED)
    response = decide(editor, article, "reject", elsewhere)
    assert response.status_code == 302
    elsewhere.refresh_from_db()
    assert elsewhere.status == StatementStatus.SUGGESTED


def test_who_may_only_look_cannot_decide(client, article):
    viewer = make_user(username="leserin")
    viewer.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_sourcearticle", "view_statement"])
    )
    client.force_login(viewer)
    page = client.get(desk_url(article))
    assert page.status_code == 200
    assert "Annehmen" not in page.content.decode()
    assert decide(client, article, "accept", article.suggestions[0]).status_code == 403


def test_after_the_last_decision_the_desk_leads_to_the_next_article(editor, article):
    later = make_source(title="Zweiter Artikel", body="Kim sagte: „Wir kommen wieder.“")
    suggest(later, "Wir kommen wieder.", summit=article.suggestions[0].summit)
    decide(editor, article, "reject-all")
    page = editor.get(desk_url(article)).content.decode()
    assert "In diesem Artikel ist alles entschieden." in page
    assert desk_url(later) in page
    assert "Nächster Artikel: „Zweiter Artikel“ (1 offener Vorschlag)" in page


def test_the_admin_index_shows_the_review_queue(editor, article):
    page = editor.get(reverse("admin:index")).content.decode()
    assert "Prüftisch: offene Vorschläge" in page
    assert f'<a href="{desk_url(article)}">{article.title}</a>' in page
    assert "(4 offen)" in page


def test_the_desk_reads_a_constant_number_of_queries(
    editor, article, django_assert_max_num_queries
):
    many = make_source(body=" ".join(f"Satz {n}: „Zitat {n}.“" for n in range(30)))
    summit = article.suggestions[0].summit
    topic = make_topic()
    for n in range(30):
        statement = suggest(
            many,
            f"Zitat {n}.",
            summit=summit,
            speaker=article.kim if n % 2 else None,
            speaker_label="Kim" if n % 2 else "Überläufer",
        )
        statement.topics.add(topic)

    def queries(source, **params):
        with CaptureQueriesContext(connection) as captured:
            assert editor.get(desk_url(source), params).status_code == 200
        return len(captured)

    assert queries(many) == queries(article)
    with django_assert_max_num_queries(7):
        editor.get(desk_url(many))
    label_only = Statement.objects.filter(source=many, speaker__isnull=True).first()
    with django_assert_max_num_queries(9):
        editor.get(desk_url(many), {"korrigieren": label_only.pk})


def test_a_statement_form_leads_to_the_desk_of_its_source(editor, article):
    statement = article.suggestions[1]
    page = editor.get(reverse("admin:events_statement_change", args=[statement.pk]))
    assert f"{desk_url(article)}#aussage-{statement.pk}" in page.content.decode()


def test_a_new_alias_of_a_published_person_waits_for_the_chefredaktion(editor, article):
    kim = article.kim
    Person.objects.filter(pk=kim.pk).update(status=Status.PUBLISHED)
    decide(editor, article, "attach-person", article.suggestions[2], person=kim.pk)
    kim.refresh_from_db()
    assert kim.alias_list == []  # the live person is unchanged
    assert pending_revision(kim).values == {"aliases": "Überläufer"}
    article.suggestions[2].refresh_from_db()
    assert article.suggestions[2].speaker == kim


@pytest.fixture
def chief(client, chefredaktion_user):
    client.force_login(chefredaktion_user)
    return client


def test_publishing_from_the_desk_asks_once_and_takes_the_source_along(chief, article):
    trump_quote, second, label_only, _other = article.suggestions
    Statement.objects.filter(pk__in=[trump_quote.pk, label_only.pk]).update(
        status=StatementStatus.DRAFT
    )
    Summit.objects.filter(pk=trump_quote.summit_id).update(status=Status.PUBLISHED)
    Person.objects.filter(pk=trump_quote.speaker_id).update(status=Status.PUBLISHED)

    page = decide(chief, article, "publish").content.decode()
    assert "Diese Aussage geht online" in page
    assert f"Quellartikel: {article.title}" in page  # the draft source goes live with it
    assert "Keine Sprecherin, kein Sprecher zugeordnet." in page  # the label-only one
    assert not Statement.objects.filter(status=StatementStatus.PUBLISHED).exists()

    # Accepted after the confirmation was shown: not part of what the editor confirmed.
    Statement.objects.filter(pk=second.pk).update(status=StatementStatus.DRAFT)
    decide(chief, article, "publish", post="yes", statements=[trump_quote.pk, label_only.pk])
    published = set(
        Statement.objects.filter(status=StatementStatus.PUBLISHED).values_list("pk", flat=True)
    )
    assert published == {trump_quote.pk}
    article.refresh_from_db()
    assert article.status == Status.PUBLISHED
    assert Statement.objects.public().get().source == article
    assert chief.get(trump_quote.get_absolute_url()).status_code == 200


def test_the_redaktion_cannot_publish_from_the_desk(editor, article):
    assert decide(editor, article, "publish").status_code == 403
    response = decide(
        editor, article, "publish", post="yes", statements=[article.suggestions[0].pk]
    )
    assert response.status_code == 403
