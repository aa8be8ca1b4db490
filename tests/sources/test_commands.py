import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

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
