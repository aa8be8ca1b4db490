"""The import path end to end on the acceptance corpus: files -> sources and suggested
statements in the database, through the `import_articles` command."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from events.models import Statement, Summit
from newsroom.editorial import StatementStatus
from sources.ingest import DUPLICATE, NO_SUMMIT, REPEATED
from sources.models import SourceArticle
from tests.seeds import seed_folder, seed_paths
from tests.seeds import seed_path as seed

pytestmark = pytest.mark.django_db


def import_articles(*args) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("import_articles", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def seeds_imported(demo):
    import_articles(*seed_paths())


def statements_of(number: str):
    source = SourceArticle.objects.get(filename=seed(number).name)
    return list(source.statements.select_related("speaker", "delegation", "source"))


def said(number: str) -> dict[str, str]:
    return {s.text: s.speaker.name if s.speaker else "" for s in statements_of(number)}


def test_the_five_seeds_become_five_sources_about_hanoi(seeds_imported):
    hanoi = Summit.objects.get(slug="hanoi-2019")
    assert SourceArticle.objects.count() == 5
    assert all(list(s.summits.all()) == [hanoi] for s in SourceArticle.objects.all())


def test_mdr_article_metadata_and_clean_body(seeds_imported):
    source = SourceArticle.objects.get(filename=seed("001").name)
    assert source.title == "USA-Nordkorea-Gipfel in Hanoi endet ohne Ergebnis"
    assert source.kicker == "Kein Durchbruch"
    assert source.publisher == "MDR"
    assert str(source.published_on) == "2019-02-28"
    assert source.body.count("Kim und Trump beim Treffen in Hanoi.") == 1
    assert "Bildrechte" not in source.body
    for commenter_words in ["Meckersack", "Vogelschiss", "Friedensnobelpreis", "Wessi"]:
        assert commenter_words not in source.body
    reasons = {part["reason"] for part in source.removed}
    assert {"comments", "photo-credit", "duplicate-caption"} <= reasons


def test_no_commenter_words_become_statements(seeds_imported):
    texts = " ".join(s.text for s in statements_of("001"))
    for words in ["Democracy first", "Dealmaker", "Strippen", "unter aller Sau", "versucht"]:
        assert words not in texts


def test_wikipedia_article_has_no_footnote_markers(seeds_imported):
    body = SourceArticle.objects.get(filename=seed("000").name).body
    assert "[1]" not in body and "[11]" not in body


def test_dateline_and_scare_quotes(seeds_imported):
    source = SourceArticle.objects.get(filename=seed("002").name)
    assert source.dateline == "Hanoi"
    texts = {s.text for s in statements_of("002")}
    assert not texts & {"Denuklearisierung", "Sicherheitsgarantien", "korrespondierenden"}


MDR_QUOTES = {
    "produktiven": "Donald Trump",
    "verschiedene Optionen": "Donald Trump",
    "wir konnten das nicht tun": "Donald Trump",
    "mussten wir davon Abstand nehmen": "Donald Trump",
    "begrüßenswert": "Kim Jong-un",
    "großartigen Sache": "Donald Trump",
    "Das ist es, worüber wir jetzt diskutieren.": "Kim Jong-un",
}

DPA_QUOTES = {
    "Ich denke, dass Ihr Land gewaltiges wirtschaftliches Potenzial hat. Unglaublich. "
    "Unbegrenzt.": "Donald Trump",
    "Ich hoffe, dass wir alles erreichen, was die Leute erwarten.": "Kim Jong-un",
    "sein Bestes": "Kim Jong-un",
    "von allen begrüßte": "Kim Jong-un",
    "großen Erfolg": "Donald Trump",
    "gleich oder größer": "Donald Trump",
    "Wir haben sehr interessante Gespräche geführt.": "Kim Jong-un",
    "Freund": "Donald Trump",
    "Unser Verhältnis ist sehr besonders.": "Donald Trump",
    "sehr hilfreich": "Donald Trump",
}


@pytest.mark.parametrize("number, expected", [("001", MDR_QUOTES), ("003", DPA_QUOTES)])
def test_every_quote_of_trump_and_kim_is_suggested_with_its_speaker(
    seeds_imported, number, expected
):
    found = said(number)
    for text, speaker in expected.items():
        assert found.get(text) == speaker, text


def test_long_quotes_of_the_dpa_article(seeds_imported):
    statements = statements_of("003")
    honour = [s for s in statements if s.text.startswith("Es ist eine Ehre, mit dem")]
    assert len(honour) == 1 and honour[0].speaker.name == "Donald Trump"
    written = [s for s in statements if s.text.startswith("Kim Jong Un und ich werden")]
    assert len(written) == 1
    assert written[0].speaker.name == "Donald Trump"
    assert written[0].kind == Statement.Kind.WRITTEN


def test_every_statement_points_at_its_exact_passage(seeds_imported):
    statements = Statement.objects.select_related("source")
    assert statements.count() > 20
    for statement in statements:
        assert statement.source.body[statement.source_start : statement.source_end] == (
            statement.text
        )
        assert statement.status == StatementStatus.SUGGESTED


def test_speakers_are_linked_to_their_delegation_at_the_summit(seeds_imported):
    trump = [s for s in statements_of("003") if s.speaker and s.speaker.name == "Donald Trump"]
    assert trump and all(s.delegation.country == "US" for s in trump)
    assert all(s.delegation.summit.slug == "hanoi-2019" for s in trump)


@pytest.mark.parametrize(
    "number, speaker, start",
    [
        ("000", "Kim Jong-un", "er würde die Eröffnung eines US-Verbindungsbüros"),
        ("004", "Donald Trump", "es gebe noch viel Arbeit zu tun"),
    ],
)
def test_indirect_speech_is_found(seeds_imported, number, speaker, start):
    matches = [s for s in statements_of(number) if start in s.text]
    assert len(matches) == 1
    assert matches[0].kind == Statement.Kind.INDIRECT
    assert matches[0].speaker.name == speaker


def test_importing_the_same_files_again_changes_nothing(seeds_imported):
    before = (SourceArticle.objects.count(), Statement.objects.count())
    out, _ = import_articles(*seed_paths())
    assert (SourceArticle.objects.count(), Statement.objects.count()) == before
    assert "0 angelegt, 5 schon vorhanden, 0 fehlgeschlagen." in out


def test_same_text_with_other_line_endings_and_encoding_is_a_duplicate(seeds_imported, tmp_path):
    text = seed("003").read_text(encoding="utf-8")
    copy = tmp_path / "kopie.txt"
    copy.write_bytes(text.replace("\n", "\r\n").encode("cp1252"))
    out, _ = import_articles(copy)
    assert "1 schon vorhanden" in out
    assert SourceArticle.objects.count() == 5


def test_a_bad_file_is_reported_by_name_and_does_not_stop_the_others(demo, tmp_path):
    binary = tmp_path / "foto.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    empty = tmp_path / "leer.txt"
    empty.write_bytes(b"")
    with pytest.raises(CommandError, match="1 angelegt, 0 schon vorhanden, 2 fehlgeschlagen"):
        call_command(
            "import_articles",
            str(binary),
            str(seed("003")),
            str(empty),
            stdout=StringIO(),
            stderr=(err := StringIO()),
        )
    assert f"{binary}: Die Datei ist keine Textdatei" in err.getvalue()
    assert f"{empty}: Die Datei ist leer" in err.getvalue()
    assert list(SourceArticle.objects.values_list("filename", flat=True)) == [seed("003").name]


def test_a_folder_is_imported_with_all_its_text_files(demo):
    out, _ = import_articles(seed_folder())
    assert "5 angelegt" in out


def test_dry_run_writes_nothing(demo):
    out, _ = import_articles(seed_folder(), "--dry-run")
    assert "5 würden angelegt" in out
    assert not SourceArticle.objects.exists() and not Statement.objects.exists()


def test_an_unknown_summit_is_refused(demo):
    with pytest.raises(CommandError, match="Kein Gipfel mit dem Kurznamen „hanoi-2020“"):
        import_articles(seed("003"), "--summit", "hanoi-2020")


def test_an_article_without_a_recognisable_summit_is_not_saved(demo, tmp_path):
    article = tmp_path / "berlin.txt"
    article.write_text("Treffen in Berlin\n\n„Wir reden weiter“, sagte Trump.\n", "utf-8")
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("import_articles", str(article), stdout=StringIO(), stderr=err)
    assert f"✗ {article}: {NO_SUMMIT}" in err.getvalue()
    assert not SourceArticle.objects.exists()
    import_articles(article, "--summit", "hanoi-2019")
    assert SourceArticle.objects.get().statements.get().speaker.name == "Donald Trump"


def test_publish_sources_publishes_the_articles_but_not_the_statements(demo):
    import_articles(seed("003"), "--publish-sources")
    assert SourceArticle.objects.published().count() == 1
    assert not Statement.objects.published().exists()


def test_a_file_name_longer_than_its_column_is_kept_by_its_end(demo, tmp_path):
    folder = tmp_path
    for n in range(12):
        folder = folder / f"ordner-mit-einem-sehr-langen-namen-{n:02d}"
    folder.mkdir(parents=True)
    article = folder / "hanoi-artikel.txt"
    article.write_bytes(seed("003").read_bytes())
    import_articles(tmp_path)  # kept relative to the folder given: a path of 12 long folders
    filename = SourceArticle.objects.get().filename
    assert len(filename) == 300 and filename.endswith("/hanoi-artikel.txt")


def test_statements_carry_no_copy_of_the_article_text(seeds_imported):
    # The passage is shown from the source itself, which may still be unpublished.
    assert not Statement.objects.exclude(context="").exists()


def test_a_text_already_stored_or_given_twice_is_named_by_the_duplicate_messages(demo, tmp_path):
    import_articles(seed("003"))
    title = SourceArticle.objects.get().title
    copy = tmp_path / "kopie.txt"
    copy.write_bytes(seed("003").read_bytes())
    out, _ = import_articles(copy)
    assert f"= {copy}: {DUPLICATE.format(title=title)}" in out
    assert "Dieser Text ist schon als Quellartikel „" in out  # the German words themselves
    again = tmp_path / "zweimal"
    again.mkdir()
    for name in ["a.txt", "b.txt"]:
        (again / name).write_bytes(seed("001").read_bytes())
    out, _ = import_articles(again)
    assert f"= {again / 'b.txt'}: {REPEATED.format(filename='a.txt')}" in out


def test_a_statement_takes_the_day_the_text_gives(db):
    from datetime import date

    from sources.ingest import analyse_files, save_articles
    from tests.factories import make_summit

    make_summit(
        slug="hanoi-2019", city="Hanoi", starts_on=date(2019, 2, 27), ends_on=date(2019, 2, 28)
    )
    text = (
        "Gipfel in Hanoi\n\n"
        "Am Mittwoch hatte Trump in Hanoi gesagt: „Wir haben viel zu besprechen.“\n\n"
        "Zuletzt aktualisiert: 28. Februar 2019, 19:56 Uhr\n"
    ).encode()
    (outcome,) = save_articles(list(analyse_files([("a.txt", text)])), publish_sources=False)
    (statement,) = outcome.source.statements.all()
    assert statement.said_on == date(2019, 2, 27)
