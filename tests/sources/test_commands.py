import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from sources.management.commands.extract_quotes import NO_DATABASE
from sources.models import SourceArticle

pytestmark = pytest.mark.django_db

ARTICLE = (
    "Gipfel in Hanoi\r\n\r\n"
    "Hanoi. Der US-Präsident lächelte. „Es ist eine Ehre“, sagte Trump.\r\n"
    "Kim entgegnete: „Wir haben sehr interessante Gespräche geführt.“\r\n"
)


def extract_json(*paths) -> list[dict]:
    out = StringIO()
    call_command("extract_quotes", "--json", *map(str, paths), stdout=out)
    return json.loads(out.getvalue())


def test_json_offsets_index_the_decoded_file_text(demo, tmp_path):
    path = tmp_path / "hanoi.txt"
    path.write_bytes(ARTICLE.encode("cp1252"))
    [result] = extract_json(path)
    assert result["file"] == str(path)
    decoded = path.read_bytes().decode("cp1252")
    quotes = {quote["text"]: quote for quote in result["quotes"]}
    assert set(quotes) == {"Es ist eine Ehre", "Wir haben sehr interessante Gespräche geführt."}
    for quote in quotes.values():
        assert decoded[quote["start"] : quote["end"]] == quote["text"]
        assert set(quote) == {
            "text",
            "start",
            "end",
            "kind",
            "speaker",
            "speaker_start",
            "speaker_end",
            "cue",
            "confidence",
        }
    kim = quotes["Wir haben sehr interessante Gespräche geführt."]
    assert kim["speaker"] == "Kim Jong-un" and kim["kind"] == "direct"
    assert decoded[kim["speaker_start"] : kim["speaker_end"]] == "Kim"
    assert kim["cue"] == "entgegnete"
    assert 0 < kim["confidence"] <= 1


def test_json_is_one_list_for_many_files(demo, tmp_path):
    paths = []
    for n in range(3):
        paths.append(tmp_path / f"{n}.txt")
        paths[-1].write_text(f"„Satz {n} ist wahr“, sagte Trump.", encoding="utf-8")
    results = extract_json(*paths)
    assert [r["file"] for r in results] == [str(p) for p in paths]
    assert all(r["quotes"][0]["speaker"] == "Donald Trump" for r in results)


def test_unreadable_files_are_named_and_fail_the_command(demo, tmp_path):
    empty = tmp_path / "leer.txt"
    empty.write_bytes(b"")
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("extract_quotes", str(empty), stdout=StringIO(), stderr=err)
    assert f"{empty}: Die Datei ist leer." in err.getvalue()


def run_manage(*args: str, environment: dict[str, str]):
    root = Path(__file__).resolve().parents[2]
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=root,
        env={"PATH": os.environ["PATH"], **environment},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_extract_quotes_on_a_database_never_migrated_says_what_to_run(tmp_path):
    article = tmp_path / "hanoi.txt"
    article.write_text("„Es ist eine Ehre“, sagte Trump.", encoding="utf-8")
    result = run_manage(
        "extract_quotes",
        str(article),
        environment={
            "SECRET_KEY": "test-only",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'never-migrated.sqlite3'}",
        },
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == NO_DATABASE
    assert "Es ist eine Ehre" in result.stdout
    assert "Traceback" not in result.stderr


def import_files(*paths) -> str:
    out = StringIO()
    call_command("import_articles", *map(str, paths), "--summit", "hanoi-2019", stdout=out)
    return out.getvalue()


def test_a_single_file_is_stored_by_its_base_name(demo, tmp_path):
    article = tmp_path / "texte" / "hanoi.txt"
    article.parent.mkdir()
    article.write_text(ARTICLE, encoding="utf-8")
    import_files(article)
    assert list(SourceArticle.objects.values_list("filename", flat=True)) == ["hanoi.txt"]


def test_files_of_a_folder_are_stored_relative_to_it(demo, tmp_path):
    folder = tmp_path / "texte"
    (folder / "februar").mkdir(parents=True)
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "februar" / "b.txt").write_text(
        ARTICLE.replace("lächelte", "schwieg"), encoding="utf-8"
    )
    import_files(folder)
    assert sorted(SourceArticle.objects.values_list("filename", flat=True)) == [
        "a.txt",
        "februar/b.txt",
    ]
    assert str(tmp_path) not in "".join(SourceArticle.objects.values_list("filename", flat=True))
