"""Read one plain-text news article: metadata, a clean body, and every part that was cut.

`parse_article` works on the decoded text. It normalizes it, looks at it line by line, and
cuts only what is not article text: headline and kicker (they become `title`/`kicker`), bylines,
date stamps, photo credits, repeated caption blocks, footnote markers, broadcast notes and reader
comments. Each cut is a `Removal` with its span in the decoded text and a reason code, so body
plus removals account for every word of the input.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from sources.importing.decode import decode
from sources.importing.lexicon import ABBREVIATIONS, MONTH_NUMBERS, NAME_PARTICLES
from sources.importing.normalize import normalize, normalize_mapped, text_checksum
from sources.importing.types import ParsedArticle, Removal


class RemovalReason(StrEnum):
    HEADLINE = "headline"
    KICKER = "kicker"
    BYLINE = "byline"
    DATE_LINE = "date-line"
    UPDATED_FOOTER = "updated-footer"
    PROGRAMME_LINE = "programme-line"
    PHOTO_CREDIT = "photo-credit"
    SOURCE_CREDIT = "source-credit"
    DUPLICATE_CAPTION = "duplicate-caption"
    DUPLICATE_PARAGRAPH = "duplicate-paragraph"
    FOOTNOTE_MARKER = "footnote-marker"
    COMMENTS = "comments"


REMOVAL_LABELS: dict[str, str] = {
    RemovalReason.HEADLINE: "Überschrift (als Titel übernommen)",
    RemovalReason.KICKER: "Dachzeile (separat übernommen)",
    RemovalReason.BYLINE: "Autorenzeile",
    RemovalReason.DATE_LINE: "Datumsangabe",
    RemovalReason.UPDATED_FOOTER: "Aktualisierungshinweis",
    RemovalReason.PROGRAMME_LINE: "Sendehinweis",
    RemovalReason.PHOTO_CREDIT: "Bildnachweis",
    RemovalReason.SOURCE_CREDIT: "Quellen- oder Copyright-Angabe",
    RemovalReason.DUPLICATE_CAPTION: "Doppelte Bildunterschrift",
    RemovalReason.DUPLICATE_PARAGRAPH: "Doppelter Absatz",
    RemovalReason.FOOTNOTE_MARKER: "Fußnotenzeichen",
    RemovalReason.COMMENTS: "Leserkommentare",
}

UNTITLED = "Ohne Titel"
TITLE_MAX_CHARS = 90

# Earliest match in a byline or credit names the publisher; the rest stays as written.
KNOWN_PUBLISHERS = (
    (r"tagesschau(?:\.de)?", "tagesschau.de"),
    (r"Das Erste|ARD", "ARD"),
    (r"MDR", "MDR"),
    (r"NDR", "NDR"),
    (r"WDR", "WDR"),
    (r"SWR", "SWR"),
    (r"BR24|BR", "BR"),
    (r"hr-?info|hessenschau|HR", "hr"),
    (r"rbb24|rbb|RBB", "rbb"),
    (r"Radio Bremen", "Radio Bremen"),
    (r"Deutschlandfunk|Deutschlandradio|DLF", "Deutschlandfunk"),
    (r"ZDF|heute\.de", "ZDF"),
    (r"Deutsche Welle|DW", "DW"),
    (r"ORF", "ORF"),
    (r"SRF", "SRF"),
    (r"dpa", "dpa"),
    (r"AFP", "AFP"),
    (r"Reuters", "Reuters"),
    (r"Associated Press|AP", "AP"),
    (r"KNA", "KNA"),
    (r"epd", "epd"),
    (r"SPIEGEL|Spiegel", "Der Spiegel"),
    (r"ZEIT ONLINE|Zeit Online|DIE ZEIT|Die Zeit", "Die Zeit"),
    (r"Frankfurter Allgemeine|FAZ", "FAZ"),
    (r"Süddeutsche Zeitung|SZ", "Süddeutsche Zeitung"),
    (r"WELT|Die Welt|welt\.de", "Die Welt"),
    (r"taz", "taz"),
    (r"Handelsblatt", "Handelsblatt"),
    (r"Tagesspiegel", "Tagesspiegel"),
    (r"n-tv|ntv", "n-tv"),
    (r"RND|RedaktionsNetzwerk Deutschland", "RND"),
    (r"t-online", "t-online"),
    (r"NZZ|Neue Zürcher Zeitung", "NZZ"),
    (r"Wikinews", "Wikinews"),
    (r"Wikipedia", "Wikipedia"),
)
_PUBLISHER_PATTERNS = tuple(
    (re.compile(rf"(?<![\w-])(?:{pattern})(?![\w])"), name) for pattern, name in KNOWN_PUBLISHERS
)

_MONTH_NAMES = "|".join(sorted(MONTH_NUMBERS, key=len, reverse=True))
_DATE = re.compile(
    rf"(?<!\d)(?P<day>\d{{1,2}})\.\s?(?:(?P<month>\d{{1,2}})\.\s?|(?P<month_name>{_MONTH_NAMES})"
    rf"\.?\s+)(?P<year>\d{{4}}|\d{{2}})(?!\d)"
    rf"|(?<!\d)(?P<iso_year>\d{{4}})-(?P<iso_month>\d{{2}})-(?P<iso_day>\d{{2}})(?!\d)",
    re.IGNORECASE,
)
_TIME = re.compile(r"(?<!\d)\d{1,2}[:.]\d{2}(?::\d{2})?(?!\d)")
_WEEKDAY = re.compile(
    r"\b(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag|Mo|Di|Mi|Do|Fr|Sa|So)\b",
    re.IGNORECASE,
)
_STAMP_FILLER = re.compile(
    r"\b(?:um|am|vom|Uhr|MEZ|MESZ|CET|CEST|zuletzt|aktualisiert|geändert|veröffentlicht|Stand)\b"
    r"|[\s,.;:|/()–—-]+",
    re.IGNORECASE,
)

_UPDATED = re.compile(
    r"(?:Zuletzt (?:aktualisiert|geändert)|Aktualisiert|Letzte Aktualisierung|Stand(?=\s*:))"
    r"\b(?P<rest>.*)",
    re.IGNORECASE,
)
_PUBLISHED = re.compile(
    r"(?:Veröffentlicht|Erschienen|Erstellt|Publiziert|Datum)\b(?P<rest>.*)", re.IGNORECASE
)
_PROGRAMME = re.compile(
    r"(?:(?:Dieses|Das) Thema (?:im|in der) (?:Programm|Sendung)|Diese Sendung im Programm"
    r"|Im Programm|Sendung|Sendetermin|Sendedatum)\s*:\s*(?P<rest>.+)"
)
_CREDIT_WORDS = r"Bildrechte|Bildquelle|Bildnachweis|Fotos?|Bild|Fotograf(?:in)?|Foto-?Credit"
_PHOTO_CREDIT_LINE = re.compile(rf"(?:{_CREDIT_WORDS})\s*:\s*(?P<source>\S.{{0,79}})")
_SOURCE_CREDIT_LINE = re.compile(
    r"(?:Quellen?\s*:|Copyright\b\s*(?:©)?|©|\([cC]\))\s*(?P<source>\S.{0,79})"
)
_COPYRIGHT_LINE = re.compile(r"(?:Copyright\b|©|\([cC]\))")
_CREDIT_SUFFIX = re.compile(
    rf"(?:(?<=[.!?…\"“”»)])|(?<=\S)(?= \|)) (?P<cut>(?:\|\s*)?(?:(?:{_CREDIT_WORDS})\s*:|©)\s*"
    r"\S.{0,79})$"
)
_CREDIT_SUFFIX_MAX_CHARS = 100
_CREDIT_IN_PARENTHESES = re.compile(
    rf"\((?:{_CREDIT_WORDS}|Archivfoto|Archivbild)\s*:\s*[^()\n]{{1,80}}\)"
)
_FOOTNOTE = re.compile(r"(?:\[(?:\d{1,3}|Anm\.\s?\d{1,3})\])+")
_COMMENTS_OPENER = re.compile(
    r"(?:Die )?(?:Kommentierungsdauer ist abgelaufen|Kommentarfunktion (?:ist|wurde)"
    r"|Kommentare sind geschlossen)\b"
    r"|(?:Kommentare? (?:anzeigen|schreiben|lesen|einblenden)|Zu den Kommentaren"
    r"|Diskutieren Sie mit)\b.{0,40}$"
)
_COMMENTS_HEADING = re.compile(
    r"(?:(?P<before>\d{1,5})\s+)?(?:Leser)?[Kk]ommentar(?P<plural>e)?"
    r"(?:\s*(?::\s*|\(\s*)(?P<after>\d{1,5})\s*\)?)?"
)
_BYLINE = re.compile(
    r"(?:Von|Ein (?:Bericht|Kommentar|Beitrag|Gastbeitrag|Interview|Text) von|Verfasst von"
    r"|Autor(?:in|en)?\s*:|Text\s*:)\s+(?P<who>\S.*)"
)
_BYLINE_REST = re.compile(r"\s*(?:,|\||\(|\s[-–—/]\s)")
_NAME_TOKEN = re.compile(r"[A-ZÄÖÜ][\w'’.-]*")
# The month names live in the lexicon; sources/ingest.py reads them from here.
MONTHS = MONTH_NUMBERS

# Words between the names of a byline: "Anna von der Heide und Jan Ruiz y Costa".
_BYLINE_INNER = NAME_PARTICLES | {"und", "&", "vom", "della", "y"}
_DATELINE = re.compile(
    r"(?P<place>[A-ZÄÖÜ][\w'’-]*(?:[ /][A-ZÄÖÜ][\w'’-]*){0,3})"
    r"(?:\s*\((?P<agency>[^()\n]{1,40})\)\s*[-–—:]?|\.|\s[-–—])\s+(?=[„\"»A-ZÄÖÜ0-9])"
)
_SENTENCE_END = re.compile(r"(?<=[^\s.!?])[.!?…]+[\"“”»«’')\]]*(?=\s|$)")
_SENTENCE_INSIDE = re.compile(r"\w{3}[.!?][\"“”»«’']?\s+[„\"»A-ZÄÖÜ]")
_LINE = re.compile(r"[^\n]+")
_WORD_CHAR = re.compile(r"\w")
_OPENERS = "„\"»«‚'(["
_SPACES = re.compile(r" {2,}")

# A headline is a short line; a kicker shorter still.
HEADLINE_MAX_CHARS = 150
HEADLINE_MAX_WORDS = 20
KICKER_MAX_CHARS = 40
KICKER_MAX_WORDS = 5
# Lines this long are article text, never a caption or a headline.
CAPTION_MAX_CHARS = 200
PROSE_MIN_CHARS = 120
HEAD_MAX_LINES = 6
DUPLICATE_MIN_CHARS = 20
# A line whose text is inside a cut recorded elsewhere (a repeated run, a kicker/headline).
_COVERED = "covered"

# Where a date comes from decides which one is the publication date.
_FROM_BYLINE, _FROM_DATE_LINE, _FROM_UPDATED, _FROM_PROGRAMME = range(4)
_PUBLISHER_FROM_PROGRAMME, _PUBLISHER_FROM_CREDIT, _PUBLISHER_FROM_BYLINE = range(3)
_PUBLISHER_FROM_DATELINE = 3  # an agency in "Hanoi (dpa) - ..."


@dataclass(slots=True)
class _Line:
    start: int
    end: int
    text: str
    block: int
    clean: str = ""
    cut: str | None = None
    partial: list[tuple[int, int, str]] = field(default_factory=list)
    caption: bool = False


@dataclass(slots=True)
class _Findings:
    dates: list[tuple[int, date]] = field(default_factory=list)
    publishers: list[tuple[int, str]] = field(default_factory=list)
    author: str = ""


def read_article(data: bytes, *, filename: str) -> ParsedArticle:
    """Decode `data` and parse it; raises UnreadableFile for files that are not text."""
    return parse_article(decode(data, filename=filename))


def parse_article(text: str) -> ParsedArticle:
    """Parse the decoded text of one article."""
    normalized = normalize(text)
    clean = normalized.text
    lines = _split_lines(clean)
    cuts: list[tuple[int, int, str]] = []
    findings = _Findings()

    comments_at, comment_count = _comment_section(lines)
    if comments_at is not None:
        cuts.append((lines[comments_at].start, len(clean), RemovalReason.COMMENTS))
        lines = lines[:comments_at]

    for line in lines:
        _cut_inside_line(line)
    last_prose = max((i for i, line in enumerate(lines) if _is_prose(line.clean)), default=-1)
    for index, line in enumerate(lines):
        _classify_line(line, is_footer=index > last_prose, findings=findings)
    _mark_captions(lines)
    _cut_repeated_blocks(lines)

    head, body_start = _read_head(lines, findings)
    kicker, title = _headline(head, lines, body_start, cuts)
    dateline = ""
    if body_start is not None:
        dateline, agency = _dateline(body_start.clean)
        if agency:
            findings.publishers.append((_PUBLISHER_FROM_DATELINE, _publisher_name(agency)))
    if not title:
        title = _first_sentence_title(lines, body_start, dateline) or _fallback_title(clean)

    for line in lines:
        if line.cut is None:
            cuts.extend(line.partial)
        elif line.cut != _COVERED:
            cuts.append((line.start, line.end, line.cut))
    cuts = _without_overlaps(cuts)
    body, body_origin = _assemble_body(clean, normalized.starts, normalized.ends, cuts)
    removed = tuple(
        Removal(
            start=normalized.starts[start],
            end=normalized.ends[end - 1],
            reason=str(reason),
            text=text[normalized.starts[start] : normalized.ends[end - 1]],
        )
        for start, end, reason in cuts
    )
    return ParsedArticle(
        text=text,
        title=title,
        body=body,
        body_origin=body_origin,
        kicker=kicker,
        publisher=min(findings.publishers)[1] if findings.publishers else "",
        author=findings.author,
        published_on=min(findings.dates)[1] if findings.dates else None,
        dateline=dateline,
        removed=removed,
        comment_count=comment_count,
        checksum=text_checksum(clean),
    )


def parse_date(text: str) -> date | None:
    """The first complete German date in `text` ("28. Februar 2019", "28.02.2019", "28.2.19",
    "2019-02-28"), or None."""
    for found in _DATE.finditer(text):
        parsed = _to_date(found)
        if parsed is not None:
            return parsed
    return None


def _to_date(found: re.Match[str]) -> date | None:
    if found["iso_year"]:
        year, month, day = int(found["iso_year"]), int(found["iso_month"]), int(found["iso_day"])
    else:
        day = int(found["day"])
        month = (
            int(found["month"]) if found["month"] else MONTH_NUMBERS[found["month_name"].lower()]
        )
        year = int(found["year"])
        if year < 100:
            year += 2000 if year < 70 else 1900
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _stamp_date(text: str) -> date | None:
    """The date of a line that holds nothing but a date stamp ("Do, 28.02.2019 | 19:56 Uhr")."""
    found = parse_date(text)
    if found is None:
        return None
    residue = _STAMP_FILLER.sub("", _WEEKDAY.sub("", _TIME.sub("", _DATE.sub("", text))))
    return found if not residue else None


def _split_lines(text: str) -> list[_Line]:
    lines = []
    block = 0
    previous_end = 0
    for found in _LINE.finditer(text):
        if found.start() - previous_end > 1:
            block += 1
        lines.append(_Line(found.start(), found.end(), found.group(), block))
        previous_end = found.end()
    return lines


def _comment_section(lines: list[_Line]) -> tuple[int | None, int | None]:
    """Where reader comments begin (a line index after some article text), and their count."""
    for index, line in enumerate(lines[1:], start=1):
        if _COMMENTS_OPENER.match(line.text) or _is_comment_heading(line.text):
            counts = (_stated_count(below.text) for below in lines[index : index + 5])
            return index, next((count for count in counts if count is not None), None)
    return None, None


def _is_comment_heading(text: str) -> bool:
    # "Kommentar" alone heads an opinion piece; a comment section says how many, or plural.
    found = _COMMENTS_HEADING.fullmatch(text)
    return found is not None and bool(found["plural"] or found["before"] or found["after"])


def _stated_count(text: str) -> int | None:
    found = _COMMENTS_HEADING.fullmatch(text)
    count = found and (found["before"] or found["after"])
    return int(count) if count else None


def _cut_inside_line(line: _Line) -> None:
    """Cut footnote markers and photo credits inside a line; `clean` is what is left."""
    text = line.text
    spans = []
    if "[" in text:
        spans += [
            (found.start(), found.end(), RemovalReason.FOOTNOTE_MARKER)
            for found in _FOOTNOTE.finditer(text)
        ]
    if "(" in text:
        spans += [
            (found.start(), found.end(), RemovalReason.PHOTO_CREDIT)
            for found in _CREDIT_IN_PARENTHESES.finditer(text)
        ]
    if ":" in text or "©" in text:
        suffix = _CREDIT_SUFFIX.search(text, max(0, len(text) - _CREDIT_SUFFIX_MAX_CHARS))
        if suffix is not None and _is_credit(suffix["cut"]) and suffix.start("cut") > 0:
            spans.append((suffix.start("cut"), suffix.end("cut"), RemovalReason.PHOTO_CREDIT))
    if not spans:
        line.clean = text
        return
    spans.sort()
    line.partial = [(line.start + start, line.start + end, reason) for start, end, reason in spans]
    line.caption = any(reason is RemovalReason.PHOTO_CREDIT for _, _, reason in spans)
    pieces = []
    position = 0
    for start, end, _ in spans:
        if start < position:
            continue
        pieces.append(text[position:start])
        if _needs_space(text[start - 1 : start], text[end : end + 1]):
            pieces.append(" ")
        position = end
    pieces.append(text[position:])
    line.clean = _SPACES.sub(" ", "".join(pieces)).strip()


def _is_credit(text: str) -> bool:
    return len(text.split()) <= 10 and _SENTENCE_INSIDE.search(text) is None


def _needs_space(before: str, after: str) -> bool:
    """Whether cutting something between `before` and `after` would glue words or sentences."""
    if not before or not after or before.isspace() or after.isspace():
        return False
    if not (_is_word_character(after) or after in _OPENERS):
        return False
    return _is_word_character(before) or before in ".!?…:;,"


def _is_word_character(char: str) -> bool:
    # A combining mark belongs to the letter before it.
    return _WORD_CHAR.match(char) is not None or unicodedata.category(char)[0] == "M"


def _is_prose(text: str) -> bool:
    return len(text) >= PROSE_MIN_CHARS or (_ends_sentence(text) and len(text.split()) >= 8)


def _classify_line(line: _Line, *, is_footer: bool, findings: _Findings) -> None:
    """Cut a line that is all boilerplate: broadcast note, date stamp, credit, author line."""
    text = line.clean
    if len(text) > CAPTION_MAX_CHARS or not text:
        return
    if found := _PROGRAMME.fullmatch(text):
        line.cut = RemovalReason.PROGRAMME_LINE
        rest = found["rest"]
        station = rest.split("|")[0] if "|" in rest else _DATE.split(rest)[0]
        if station.strip(" ,-–"):
            findings.publishers.append((_PUBLISHER_FROM_PROGRAMME, _publisher_name(station)))
        if (aired := parse_date(rest)) is not None:
            findings.dates.append((_FROM_PROGRAMME, aired))
    elif (found := _UPDATED.fullmatch(text)) and (stamp := _stamp_date(found["rest"])):
        line.cut = RemovalReason.UPDATED_FOOTER
        findings.dates.append((_FROM_UPDATED, stamp))
    elif (found := _PUBLISHED.fullmatch(text)) and (stamp := _stamp_date(found["rest"])):
        line.cut = RemovalReason.DATE_LINE
        findings.dates.append((_FROM_DATE_LINE, stamp))
    elif (found := _PHOTO_CREDIT_LINE.fullmatch(text)) and _is_credit(found["source"]):
        line.cut = RemovalReason.PHOTO_CREDIT
    elif (found := _SOURCE_CREDIT_LINE.fullmatch(text)) and _is_credit(found["source"]):
        if _COPYRIGHT_LINE.match(text) and not is_footer:
            # A copyright line amid the article belongs to a picture, not to the article.
            line.cut = RemovalReason.PHOTO_CREDIT
        else:
            line.cut = RemovalReason.SOURCE_CREDIT
            findings.publishers.append((_PUBLISHER_FROM_CREDIT, _publisher_name(found["source"])))
    elif text.startswith(("Autor", "Text")):
        _take_byline(line, findings)


def _take_byline(line: _Line, findings: _Findings) -> bool:
    found = _BYLINE.fullmatch(line.clean)
    if found is None:
        return False
    who = found["who"]
    rest_at = _BYLINE_REST.search(who)
    names, rest = (who[: rest_at.start()], who[rest_at.start() :]) if rest_at else (who, "")
    if not _looks_like_names(names.split()):
        return False
    line.cut = RemovalReason.BYLINE
    findings.author = findings.author or names.strip()
    if (written := parse_date(rest)) is not None:
        findings.dates.append((_FROM_BYLINE, written))
    publisher = _known_publisher(rest)
    if publisher:
        findings.publishers.append((_PUBLISHER_FROM_BYLINE, publisher))
    return True


def _looks_like_names(tokens: list[str]) -> bool:
    if not 2 <= len(tokens) <= 8 or tokens[-1] in _BYLINE_INNER:
        return False
    capitalised = 0
    for token in tokens:
        if _NAME_TOKEN.fullmatch(token) and not any(char.isdigit() for char in token):
            capitalised += 1
        elif token not in _BYLINE_INNER:
            return False
    return capitalised >= 2


def _mark_captions(lines: list[_Line]) -> None:
    """A credited picture caption: the credit line and the short sentences right above it."""
    for index, line in enumerate(lines):
        credited = line.caption or line.cut == RemovalReason.PHOTO_CREDIT
        if not credited:
            continue
        line.caption = True
        for above in reversed(lines[max(0, index - 2) : index]):
            if above.block != line.block or above.cut is not None:
                break
            if len(above.clean) > CAPTION_MAX_CHARS or not _ends_sentence(above.clean):
                break
            above.caption = True


def _ends_sentence(text: str) -> bool:
    return text.rstrip("\"“”»«’')").endswith((".", "!", "?", "…"))


def _cut_repeated_blocks(lines: list[_Line]) -> None:
    """Cut a run of lines that repeats an earlier run (web pages repeat picture captions)."""
    kept = [line for line in lines if line.cut is None]
    seen: dict[str, list[int]] = {}
    index = 0
    while index < len(kept):
        line = kept[index]
        best, best_earlier = 0, 0
        for earlier in seen.get(line.clean, ()):
            length = 0
            while (
                index + length < len(kept)
                and earlier + length < index
                and kept[earlier + length].clean == kept[index + length].clean
            ):
                length += 1
            if length > best:
                best, best_earlier = length, earlier
        run = kept[index : index + best]
        if best and sum(len(repeat.clean) for repeat in run) >= DUPLICATE_MIN_CHARS:
            caption_like = all(len(repeat.clean) <= CAPTION_MAX_CHARS for repeat in run)
            reason = (
                RemovalReason.DUPLICATE_CAPTION
                if caption_like
                else RemovalReason.DUPLICATE_PARAGRAPH
            )
            first = run[0]
            for repeat in run:
                repeat.cut = _COVERED
            first.cut = reason
            first.end = run[-1].end
            if caption_like:
                for original in kept[best_earlier : best_earlier + best]:
                    original.caption = True
            index += best
            continue
        if line.clean:
            seen.setdefault(line.clean, []).append(index)
        index += 1


def _read_head(lines: list[_Line], findings: _Findings) -> tuple[list[_Line], _Line | None]:
    """The lines above the article text (headline candidates), and the first line of it.

    Author lines and bare date stamps up there are cut on the way.
    """
    head: list[_Line] = []
    looked_at = 0
    for line in lines:
        if line.cut is not None:
            continue
        if looked_at == HEAD_MAX_LINES:
            return head, line
        looked_at += 1
        if line.clean.startswith(("Von ", "Ein ", "Verfasst")) and _take_byline(line, findings):
            continue
        if len(line.clean) <= CAPTION_MAX_CHARS and (stamp := _stamp_date(line.clean)):
            line.cut = RemovalReason.DATE_LINE
            findings.dates.append((_FROM_DATE_LINE, stamp))
            continue
        if line.caption:
            continue
        if not _headline_like(line.clean):
            return head, line
        head.append(line)
    return head, None


def _headline_like(text: str) -> bool:
    if not 3 <= len(text) <= HEADLINE_MAX_CHARS or len(text.split()) > HEADLINE_MAX_WORDS:
        return False
    if text[-1] in ".,;:" or _SENTENCE_INSIDE.search(text):
        return False
    first = text.lstrip(_OPENERS)[:1]
    return first.isupper() or first.isdigit()


def _headline(
    head: list[_Line],
    lines: list[_Line],
    body_start: _Line | None,
    cuts: list[tuple[int, int, str]],
) -> tuple[str, str]:
    """Kicker and title from the head lines; their lines are cut from the body."""
    if not head or body_start is None:
        return "", ""
    first = head[0]
    following = _next_kept(lines, first)
    if (
        len(head) > 1
        and following is head[1]
        and len(first.clean) <= KICKER_MAX_CHARS
        and len(first.clean.split()) <= KICKER_MAX_WORDS
    ):
        first.cut = RemovalReason.KICKER
        head[1].cut = RemovalReason.HEADLINE
        return first.clean, head[1].clean
    context = "\n".join(line.clean for line in lines if line.cut is None and line is not first)
    kicker_words = _glued_kicker(first.clean.split(" "), context)
    if kicker_words and first.text.startswith(kicker := " ".join(kicker_words) + " "):
        cuts.append((first.start, first.start + len(kicker) - 1, RemovalReason.KICKER))
        cuts.append((first.start + len(kicker), first.end, RemovalReason.HEADLINE))
        first.cut = _COVERED
        return kicker[:-1], first.clean[len(kicker) :]
    first.cut = RemovalReason.HEADLINE
    return "", first.clean


def _next_kept(lines: list[_Line], line: _Line) -> _Line | None:
    position = lines.index(line)
    return next((later for later in lines[position + 1 :] if later.cut is None), None)


def _glued_kicker(words: list[str], context: str) -> list[str]:
    """The words of a kicker printed on the same line as the headline, if there is one.

    A kicker is a short phrase ending in a noun; the headline after it starts with a capitalised
    word the article itself uses (its subject). The two words at the seam never stand together
    in the article, not even with a first name between them: that tells a kicker from a name
    ("Kim Jong Un") or a title ("Außenminister Heiko Maas").
    """
    for size in range(1, min(KICKER_MAX_WORDS, len(words) - 3) + 1):
        kicker, rest = words[:size], words[size:]
        last, following = kicker[-1], rest[0].lstrip(_OPENERS)
        if len(" ".join(kicker)) > KICKER_MAX_CHARS or not last[:1].isupper():
            continue
        if not last[-1:].isalnum() or not (following[:1].isupper() or following[:1].isdigit()):
            continue
        if size == 1 and not _used_as_noun(last, context):
            continue  # the first word of any headline is capitalised; the article must agree
        subject = following.rstrip(",:;")
        if _stand_together(last, subject, context) or not _mentions(context, subject):
            continue
        return kicker
    return []


def _used_as_noun(word: str, context: str) -> bool:
    return re.search(rf"[\w,;)] {re.escape(word)}(?!\w)", context) is not None


def _stand_together(word: str, following: str, context: str) -> bool:
    between = r"(?: [A-ZÄÖÜ][\w.'’-]*){0,2}"
    pattern = rf"(?<!\w){re.escape(word)}{between} {re.escape(following)}(?!\w)"
    return re.search(pattern, context) is not None


def _mentions(context: str, word: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", context) is not None


def _dateline(text: str) -> tuple[str, str]:
    """The place (and agency) an article opens with: "Hanoi. ..." or "Hanoi (dpa) - ..."."""
    found = _DATELINE.match(text)
    if found is None or found["place"].lower() in ABBREVIATIONS or len(found["place"]) < 3:
        return "", ""
    place = found["place"]
    if place.isupper() and len(place) > 3:
        place = place.title()
    return place, (found["agency"] or "").strip()


def _first_sentence_title(lines: list[_Line], body_start: _Line | None, dateline: str) -> str:
    line = body_start or next((line for line in lines if line.cut is None), None)
    if line is None:
        return ""
    text = line.clean
    if dateline:
        found = _DATELINE.match(text)
        text = text[found.end() :] if found else text
    return _shorten(_first_sentence(text))


def _fallback_title(text: str) -> str:
    first_line = text.split("\n", 1)[0]
    return _shorten(_first_sentence(first_line)) or UNTITLED


def _first_sentence(text: str) -> str:
    for found in _SENTENCE_END.finditer(text):
        before = text[: found.start()].rsplit(" ", 1)[-1].lstrip(_OPENERS)
        is_abbreviation = (
            before.lower() in ABBREVIATIONS
            or len(before) == 1
            or before.isdigit()
            or "." in before
        )
        if found.group().startswith(".") and is_abbreviation and found.end() < len(text):
            continue
        return text[: found.end()]
    return text


def _shorten(sentence: str) -> str:
    sentence = sentence.strip()
    if len(sentence) > TITLE_MAX_CHARS:
        cut = sentence.rfind(" ", 0, TITLE_MAX_CHARS)
        return sentence[: cut if cut > 0 else TITLE_MAX_CHARS - 1].rstrip(",;:-– ") + "…"
    if sentence.endswith(".") and not sentence.endswith(".."):
        return sentence[:-1]
    return sentence


def _publisher_name(source: str) -> str:
    known = _known_publisher(source)
    if known:
        return known
    return source.strip(" ,.;:|-–©").strip()


def _known_publisher(text: str) -> str:
    best: tuple[int, str] | None = None
    for pattern, name in _PUBLISHER_PATTERNS:
        found = pattern.search(text)
        if found and (best is None or found.start() < best[0]):
            best = (found.start(), name)
    return best[1] if best else ""


def _without_overlaps(cuts: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    result: list[tuple[int, int, str]] = []
    for start, end, reason in sorted(cuts, key=lambda cut: (cut[0], -cut[1])):
        if result and start < result[-1][1]:
            if end <= result[-1][1]:
                continue
            start = result[-1][1]
        result.append((start, end, reason))
    return result


def _assemble_body(
    text: str, starts: tuple[int, ...], ends: tuple[int, ...], cuts: list[tuple[int, int, str]]
) -> tuple[str, tuple[int, ...]]:
    """The text without the cuts, normalized again, with the decoded-text offset of each
    character (plus one for the end)."""
    parts: list[str] = []
    kept_starts: list[int] = []
    kept_ends: list[int] = []
    position = 0
    line_has_text = False
    for start, end, _ in cuts:
        if start > position:
            piece = text[position:start]
            parts.append(piece)
            kept_starts.extend(starts[position:start])
            kept_ends.extend(ends[position:start])
            if "\n" in piece:
                line_has_text = bool(piece.rsplit("\n", 1)[1].strip())
            else:
                line_has_text = line_has_text or bool(piece.strip())
        if _needs_space(parts[-1][-1:] if parts else "", text[end : end + 1]):
            # Cutting "[5]" from "sollte.[5]Südkoreas" must not glue the sentences together.
            parts.append(" ")
            kept_starts.append(starts[start])
            kept_ends.append(starts[start])
        position = max(position, end)
        if not line_has_text and text[position : position + 1] == "\n":
            position += 1  # a line that was cut whole takes its line break with it
    parts.append(text[position:])
    kept_starts.extend(starts[position:])
    kept_ends.extend(ends[position:])
    body, body_starts, body_ends = normalize_mapped("".join(parts), kept_starts, kept_ends)
    return body, (*body_starts, body_ends[-1] if body_ends else 0)
