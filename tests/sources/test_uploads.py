import io
import zipfile

from sources import uploads


def zipped(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_text_files_pass_and_others_are_refused_by_name():
    files, rejected = uploads.unpack(
        [("a.txt", io.BytesIO(b"A")), ("b.TXT", io.BytesIO(b"B")), ("c.docx", io.BytesIO(b"C"))]
    )
    assert files == [("a.txt", b"A"), ("b.TXT", b"B")]
    assert rejected == [uploads.Rejected("c.docx", uploads.NOT_TEXT)]


def test_zip_members_are_named_after_the_archive_and_junk_is_skipped():
    archive = zipped(
        {
            "artikel/eins.txt": b"1",
            "artikel/bild.png": b"\x89PNG",
            "__MACOSX/artikel/._eins.txt": b"x",
            "artikel/.DS_Store": b"x",
        }
    )
    files, rejected = uploads.unpack([("paket.zip", io.BytesIO(archive))])
    assert files == [("paket.zip/artikel/eins.txt", b"1")]
    assert [r.filename for r in rejected] == ["paket.zip/artikel/bild.png"]


def test_a_broken_zip_is_refused():
    files, rejected = uploads.unpack([("kaputt.zip", io.BytesIO(b"PK\x03\x04 not really"))])
    assert files == [] and rejected == [uploads.Rejected("kaputt.zip", uploads.BROKEN_ZIP)]


def test_a_member_too_large_unpacked_is_refused_before_unpacking(monkeypatch):
    monkeypatch.setattr(uploads, "MAX_FILE_BYTES", 1000)
    archive = zipped({"gross.txt": b"a" * 5000, "klein.txt": b"b"})
    files, rejected = uploads.unpack([("bombe.zip", io.BytesIO(archive))])
    assert files == [("bombe.zip/klein.txt", b"b")]
    assert rejected[0].filename == "bombe.zip/gross.txt"
    assert "größer als" in rejected[0].reason


def test_too_many_files_stop_the_upload(monkeypatch):
    monkeypatch.setattr(uploads, "MAX_FILES", 2)
    files, rejected = uploads.unpack([(f"{n}.txt", io.BytesIO(b"x")) for n in range(4)])
    assert len(files) == 2
    assert rejected == [uploads.Rejected("2.txt", uploads.TOO_MANY.format(limit=2))]


def test_staged_files_come_back_in_order_once_and_for_their_owner_only():
    token = uploads.stage([("b.txt", b"B"), ("a.txt", b"A")], user_id=7)
    assert uploads.claim(token, user_id=8) is None
    assert uploads.claim("../7", user_id=7) is None
    name = uploads.claim(token, user_id=7)
    assert uploads.claim(token, user_id=7) is None
    assert uploads.take("../" + name) is None
    assert uploads.take(name) == [("b.txt", b"B"), ("a.txt", b"A")]
    assert uploads.take(name) is None


def test_a_new_upload_replaces_the_one_waiting():
    first = uploads.stage([("a.txt", b"A")], user_id=7)
    second = uploads.stage([("b.txt", b"B")], user_id=7)
    assert uploads.claim(first, user_id=7) is None
    assert uploads.take(uploads.claim(second, user_id=7)) == [("b.txt", b"B")]


def test_an_archive_stops_being_unpacked_at_the_total_limit(monkeypatch):
    monkeypatch.setattr(uploads, "MAX_TOTAL_BYTES", 2500)
    archive = zipped({f"{n}.txt": b"x" * 1000 for n in range(10)})
    opened = []
    original_open = zipfile.ZipFile.open

    def counting_open(self, member, *args, **kwargs):
        opened.append(member)
        return original_open(self, member, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "open", counting_open)
    files, rejected = uploads.unpack([("viele.zip", io.BytesIO(archive))])
    assert len(files) == 2 and len(opened) == 3
    assert rejected[-1] == uploads.Rejected(
        "viele.zip/2.txt", uploads.TOTAL_TOO_LARGE.format(limit=0)
    )
