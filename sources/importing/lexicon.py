"""German words the quote extractor relies on: reporting verbs, Konjunktiv forms, titles of works.

Plain data, built once at import. Verbs are listed by stem and their finite forms generated, so a
new verb is one word here, not a new rule.
"""

from __future__ import annotations

from typing import NamedTuple


class Cue(NamedTuple):
    """How a reporting verb form behaves: the separable particles one of which must close its
    clause (empty: none needed), and whether it reports writing rather than speech."""

    particles: frozenset[str] = frozenset()
    written: bool = False


# Weak verbs by stem; forms are generated below ("sag" -> sagt, sagte, sagten, gesagt...).
_WEAK_SPEECH = (
    "sag erklär beton mein bericht forder kritisier warn behaupt erläuter ergänz bekräftig "
    "versicher bestätig mahn klag beklag frag antwort entgegn schilder erzähl zitier äußer "
    "kommentier bilanzier resümier spott scherz jubel bedauer monier beteuer verkünd verlang "
    "prophezei argumentier konter präzisier formulier begründ urteil bezeichn meld befürcht "
    "appellier plädier beschuldig würdig konstatier bezweifel erwider insistier wiederhol "
    "signalisier folger droh schimpf polter seufz lob klarstell räson ermahn "
    "zweifel wunder vermut hoff glaub fürcht beurteil bewert"
).split()
_WEAK_WRITTEN = "twitter post notier".split()

# Strong and irregular verbs: every finite form, spelled out.
_STRONG_SPEECH = (
    "sprach spricht sprachen sprechen gesprochen nannte nannten nennt nennen genannt rief "
    "riefen ruft rufen gerufen unterstrich unterstrichen unterstreicht verglich verglichen "
    "vergleicht empfahl empfahlen empfiehlt empfohlen versprach versprachen verspricht "
    "versprochen bat baten bittet beschrieb beschrieben beschreibt gestand gestanden gesteht "
    "verwies verwiesen verweist befand befanden befindet riet rieten rät skandierte "
    "skandierten skandiert lautete lautet beschwor beschworen beschwören beschwört warb warben "
    "wirbt geworben sieht sah sahen"
).split()
_STRONG_WRITTEN = "schrieb schrieben schreibt schreiben geschrieben".split()

# Separable verbs: the finite form needs its particle later in the clause ("teilte ... mit");
# in verb-final clauses and participles the particle is fused ("mitteilte", "mitgeteilt").
_SEPARABLE = {
    "mit": "teil",
    "hinzu": "füg",
    "an": "kündig deut merk pranger",
    "fest": "stell",
    "klar": "stell",
    "aus": "führ",
    "ein": "räum",
    "zu": "sicher",
    "vor": "schlag",
    "hervor": "heb",
}
# (particles, finite forms that need one of them, forms with the particle fused on)
_SEPARABLE_STRONG = (
    (
        "an zu bekannt",
        "gab gaben gibt geben",
        "angab angegeben zugab zugegeben bekanntgab bekanntgegeben bekanntgibt bekanntgeben",
    ),
    ("hin zurück", "wies wiesen weist", "hinwies hingewiesen zurückwies zurückgewiesen"),
    ("vor", "warf warfen wirft werfen", "vorwarf vorgeworfen vorwirft vorwerfen"),
    ("hervor", "hob hoben hebt", "hervorhob hervorgehoben"),
    ("fest entgegen für", "hielt hielten hält", "festhielt festgehalten entgegenhielt"),
    ("vor", "schlug schlugen schlägt", "vorschlug vorgeschlagen"),
    ("ein", "wandte wandten", "einwandte eingewandt"),
    ("deutlich klar", "machte machten macht", ""),
    ("bilanz fazit", "zog zogen zieht", ""),
    ("aus", "ging gingen geht gehen", "ausging ausgeht ausgegangen"),
)


def _weak_forms(stem: str) -> set[str]:
    e = "e" if stem.endswith(("t", "d", "chn", "gn", "ffn", "dn")) else ""
    forms = {stem + e + "t", stem + e + "te", stem + e + "ten", stem + "en", stem + "e"}
    if stem.endswith(("el", "er")):
        forms.add(stem + "n")
    if stem.endswith("ier") or stem.startswith(("er", "be", "ver", "ent", "zer", "emp", "miss")):
        forms.add(stem + e + "t")
    else:
        forms.add("ge" + stem + e + "t")
    return forms


def _build_verbs() -> dict[str, Cue]:
    verbs: dict[str, Cue] = {}
    for stem in _WEAK_SPEECH:
        verbs.update(dict.fromkeys(_weak_forms(stem), Cue()))
    for stem in _WEAK_WRITTEN:
        verbs.update(dict.fromkeys(_weak_forms(stem), Cue(written=True)))
    verbs.update(dict.fromkeys(_STRONG_SPEECH, Cue()))
    verbs.update(dict.fromkeys(_STRONG_WRITTEN, Cue(written=True)))
    for particle, stems in _SEPARABLE.items():
        for stem in stems.split():
            for form in _weak_forms(stem):
                if form.startswith("ge"):
                    verbs[particle + form] = Cue()  # "mitgeteilt"
                    continue
                existing = verbs.get(form)
                needs = frozenset({particle}) | (existing.particles if existing else frozenset())
                verbs[form] = Cue(needs)
                verbs[particle + form] = Cue()  # "mitteilte"
    for particles, finite, fused in _SEPARABLE_STRONG:
        verbs.update(dict.fromkeys(finite.split(), Cue(frozenset(particles.split()))))
        verbs.update(dict.fromkeys(fused.split(), Cue()))
    # Forms that are mostly other words ("meine" the possessive, "drohen" a threat).
    for word in "meine meinen melde lobe frage klage urteile droht drohen".split():
        verbs.pop(word, None)
    return verbs


REPORTING_VERBS: dict[str, Cue] = _build_verbs()

# Verbs that introduce the quoted words as a description, typical of quoted fragments.
NAMING_VERBS = frozenset(
    "nannte nannten nennt bezeichnete bezeichneten bezeichnet lobte lobten lobt sprach spricht "
    "sprachen gesprochen beschrieb beschrieben beschreibt beurteilte beurteilten beurteilt "
    "bewertete bewerteten bewertet sieht sah sahen".split()
)

# Verbs of seeing something as something: they report a view, and rank below speech verbs.
VIEW_VERBS = frozenset("sieht sah sahen".split())

# Konjunktiv I and II forms outside a quote mark a sentence as reported speech.
KONJUNKTIV = frozenset(
    "sei seien seiest habe hätte hätten werde würde würden könne könnte könnten müsse müsste "
    "müssten solle wolle dürfe dürfte dürften möge gebe gäbe gäben stehe stünde liege "
    "läge gehe ginge komme käme kämen bleibe brauche fehle lasse wisse sehe halte plane "
    "arbeite wäre wären trage bestehe handle handele besitze verfüge diene erwarte denke "
    "glaube hoffe wolle beabsichtige fordere lehne".split()
)

# The forms that are unambiguously Konjunktiv I (Konjunktiv II also marks hypotheticals).
KONJUNKTIV_I = frozenset(
    "sei seien habe werde könne müsse solle wolle dürfe möge gebe stehe liege gehe komme "
    "bleibe brauche fehle wisse handle handele bestehe".split()
)

DEMONSTRATIVES = frozenset({"dieser", "diese", "jener", "jene", "letzterer", "letztere"})
PRONOUNS_MALE = frozenset({"er", "dieser", "jener"})
PRONOUNS_FEMALE = frozenset({"sie", "diese", "jene"})
PRONOUNS = PRONOUNS_MALE | PRONOUNS_FEMALE | frozenset({"ich", "wir", "letzterer", "letztere"})

DETERMINERS = frozenset(
    "der die das des dem den ein eine einer eines einem einen kein keine dessen deren sein "
    "seine seines seinem seinen seiner ihr ihre ihres ihrem ihren ihrer mehrere zahlreiche "
    "viele einige beide beiden alle zwei drei vier".split()
)
INDEFINITE_ARTICLES = frozenset("ein eine einen einem einer eines".split())
# Determiners that can open a subject (nominative) noun phrase.
SUBJECT_DETERMINERS = frozenset(
    "der die das ein eine kein keine mehrere zahlreiche viele einige beide alle zwei drei "
    "vier sein seine ihr ihre dessen deren unser unsere".split()
)
NAME_PARTICLES = frozenset("von van de da di del der den du le la bin ibn al el zu ter".split())

# Adverbs that may stand between a reporting verb and its subject ("sagte Kim weiter").
ADVERBS = frozenset(
    "weiter dabei damals jedoch später zudem außerdem auch bereits noch nun heute gestern "
    "dann schließlich ebenfalls erneut zuletzt allerdings aber darüber hierzu dazu indes "
    "indessen abschließend zuvor gleichzeitig zugleich daraufhin ferner wörtlich sinngemäß "
    "jetzt anschließend demnach dagegen hingegen ausdrücklich mehrfach wiederholt zunächst "
    "am vergangenen letzten kürzlich vorher nochmals erst selbst".split()
)
WEEKDAYS = frozenset(
    "Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag Sonnabend Wochenende "
    "Abend Morgen Vormittag Nachmittag Rande".split()
)

CLAUSE_OPENERS = frozenset(
    "wie dass als nachdem weil da während obwohl wenn ob wo womit wonach worauf zumal "
    "weshalb weswegen sodass bevor seit seitdem sobald indem falls sofern obgleich wenngleich "
    "woraufhin".split()
)
RELATIVE_PRONOUNS = frozenset("der die das welcher welche welches".split())
CONJUNCTIONS = frozenset("und aber doch denn sondern oder".split())

# Nouns after which a quoted name is the name of a thing, not words someone said.
TITLE_NOUNS = (
    "film filme filmes films buch buches buchs roman romans album albums lied liedes song titel "
    "motto mottos zeitung zeitschrift magazin magazins blatt blattes sendung serie show schiff "
    "schiffes operation aktion kampagne projekt projekts projektes programm programms "
    "organisation partei gruppe band firma unternehmen unternehmens konzern konzerns modell "
    "version spiel spiels stück stücks oper ausstellung kategorie rubrik preis preises "
    "initiative verein vereins bündnis bündnisses netzwerk clan mission sonde modul stern "
    "hurrikan sturm tief festival agentur verlag website webseite portal plattform studie "
    "dokumentation reportage kolumne gedicht werk werkes gemälde skulptur musical single "
    "episode folge staffel ausgabe heft überschrift schlagzeile kongress konferenz tagung "
    "aktionstag aktionstages aktionstags wettbewerb turnier verband verbandes fraktion bewegung "
    "allianz koalition liste marke produkt system software browser virus code name namen "
    "namens spitzname spitznamen bezeichnung begriff begriffs wort unwort schlagwort stichwort "
    "kürzel abkürzung logo label sender senders radiosender fernsehsender kanal "
    "tageszeitung wochenzeitung fachzeitschrift fachblatt nachrichtenmagazin boulevardzeitung "
    "boulevardblatt onlineausgabe internetausgabe sonntagsausgabe nachrichtenagentur "
    "fernsehsendung talkshow nachrichtensendung theaterstück spielfilm dokumentarfilm kinofilm "
    "fernsehserie computerspiel videospiel ausstellung vorhaben plan plans gesetz gesetzes "
    "abkommen abkommens vertrag vertrages verordnung paket pakets mannschaft team teams "
    "klub club schule hotel restaurant bar kneipe haus hauses brücke platz straße viertel "
    "einheit regiment brigade division truppe kommando sondereinheit zug flugzeug rakete "
    "fahrzeug auto automodell baureihe typ typs typen gattung art spezies sorte rasse "
    "ortschaft stadt dorf gemeinde region insel berg fluss see gebäude zentrum institut "
    "stiftung museum theater kino galerie universität hochschule messe fraktion arbeitstitel "
    "thema themas yacht rakete provider dienst dienstes site seite simulation profil"
).split()
TITLE_NOUN_SET = frozenset(TITLE_NOUNS)
# Speakers that are only a name for something: "„…“, so lautet der Titel".
TITLE_WORDS = frozenset("titel untertitel arbeitstitel name motto überschrift".split())
NAME_MARKERS = frozenset(
    "sogenannt sogenannte sogenannten sogenannter sogenanntes genannt genannte genannten "
    "genannter genanntes namens alias betitelt betitelte betitelten titel motto heißt "
    "heißende heißenden".split()
)

# Words that introduce a translation or a meaning, not someone's words: "(übersetzt: „…“)".
TRANSLATION_WORDS = frozenset("übersetzt übersetzung bedeutet bedeuten bedeutete".split())

# Prepositions that name where "heißt es" is written: "In dem Antrag heißt es", "Aus Paris".
SOURCE_PREPOSITIONS = frozenset("aus in im auf von vom bei seitens".split())

# Phrases that make a statement a written one.
WRITTEN_PHRASES = (
    "auf twitter",
    "bei twitter",
    "per twitter",
    "via twitter",
    "auf facebook",
    "auf instagram",
    "in einem brief",
    "in einem offenen brief",
    "in seinem brief",
    "in ihrem brief",
    "in einem schreiben",
    "in einer mitteilung",
    "in einer pressemitteilung",
    "in einer pressemeldung",
    "in einer schriftlichen",
    "in einem tweet",
    "in einem beitrag",
    "in einem gastbeitrag",
    "in seinem blog",
    "in ihrem blog",
    "in einem blog",
    "in einer e-mail",
    "per e-mail",
    "in einem kommentar",
    "in einem artikel",
    "in einer stellungnahme",
    "in einer erklärung",
    "im internet",
)

# Nouns after "nach" that make "nach Angaben X" a source attribution.
SOURCE_NOUNS = frozenset(
    "angaben ansicht meinung einschätzung auffassung worten aussage aussagen informationen "
    "berichten darstellung schätzungen erkenntnissen überzeugung einschätzungen "
    "vorstellung vorstellungen bewertung bewertungen schilderung schilderungen".split()
)

# Abbreviations whose full stop ends no sentence (lower case).
ABBREVIATIONS = frozenset(
    "z b dr prof nr st bzw ca usw etc vgl u a mio mrd jan feb mär apr jun jul aug sep sept okt "
    "nov dez abs art hr fr mr mrs ms str v chr jh inkl evtl ggf sog geb gest verh bspw d h o "
    "s m e k i ex max min tel lt ff co ltd inc gen jr sr hl dipl ing univ bd bsp rep sen".split()
)

# Words capitalised only because a sentence starts with them.
SENTENCE_WORDS = frozenset(
    "Der Die Das Den Dem Des Ein Eine Einer Eines Einem Einen Er Sie Es Ich Wir Man Auch "
    "Nach Laut So Wie Als Am Im In Zum Zur Vom Bei Mit Für Auf Aus Von Dies Dieser Diese "
    "Dieses Dass Doch Aber Und Oder Denn Dabei Damit Dazu Daher Deshalb Nun Jetzt Zudem "
    "Außerdem Zuvor Schon Bereits Noch Nur Dennoch Jedoch Allerdings Trotzdem Hier Dort Da "
    "Seit Bis Vor Nachdem Während Obwohl Wenn Ob Ihr Sein Seine Ihre Unser Unsere Kein Keine "
    "Es Alle Beide Viele Einige Mehrere Was Wer Welche Welcher Gestern Heute Morgen Zunächst "
    "Später Dann Danach Anschließend Demnach Zufolge Gegenüber Unter Über Gegen Ohne Um "
    "Hierzu Hierauf Angesichts Trotz Wegen Dank Anlässlich Infolge Seiner Ihrer Seinem Ihrem "
    "Sinngemäß Wörtlich Weiter Ebenfalls Beim Zudem Insbesondere Vielmehr Stattdessen Insofern "
    "Indes Immerhin Zumal Freilich Somit Folglich Demzufolge Ebenso Darüber Hierbei Derzeit "
    "Darin Daraus Darunter Hierin Hieraus Deshalb Dafür Dagegen Davon Darauf Dazu "
    "Bislang Bisher Zurzeit Inzwischen Mittlerweile Hier Damals Künftig Erneut Daraufhin "
    "Deswegen Darum Ansonsten Andernfalls Stattdessen Offenbar Offensichtlich Vermutlich "
    "Wahrscheinlich Tatsächlich Insgesamt Gerade Kurz Lange Zuletzt Erstmals".split()
)

LEADING_ADVERBS = frozenset(
    "Auch Selbst Zudem Dabei Nun Jetzt Außerdem Daraufhin Damals Später Zuvor Ebenfalls "
    "Zugleich Gleichzeitig Inzwischen Mittlerweile Bereits Schon Erst Noch Dennoch Trotzdem "
    "Allerdings Jedoch Hingegen Dagegen Ferner Zuletzt Heute Gestern Anschließend Danach".split()
)

PREPOSITIONS = frozenset(
    "in im an am auf aus bei beim mit nach von vom vor zu zum zur für über unter gegen ohne um "
    "durch seit während wegen trotz laut gegenüber hinter neben zwischen angesichts ins".split()
)

INNER_PREPOSITIONS = frozenset("im vom aus von in am beim zum zur für".split())

OBJECT_PRONOUNS = frozenset("sich ihn ihm es uns".split())

QUANTIFIERS = frozenset("beiden drei vier fünf zwei vielen meisten übrigen anderen".split())

OBJECT_DETERMINERS = frozenset(
    "den dem einem einen seinem seinen seiner seines ihrem ihren ihrer ihres deren dessen".split()
)
NUMBER_WORDS = frozenset(
    "zwei drei vier fünf sechs sieben acht neun zehn elf zwölf zwanzig dreißig hundert "
    "tausend".split()
)
# Nouns for what someone said: "Das Fazit von Sandra Boser ...:" names Boser as the speaker.
SPEECH_NOUNS = frozenset(
    "fazit forderung antwort kommentar kritik worte aussage erklärung botschaft reaktion "
    "urteil einschätzung appell warnung bilanz position standpunkt meinung ansicht "
    "stellungnahme vorwurf".split()
)

PARTITIVES = frozenset("einer eine eines jeder jede keiner keine viele einige mehrere".split())

AUXILIARIES = frozenset(
    "hat hatte hatten haben habe hätte ist war waren sei wurde wurden wird werden würde "
    "soll sollte will wollte kann konnte könne muss musste".split()
)

CLAUSE_WORDS = frozenset(
    "und oder aber denn doch sondern dass ob wie als weil da wenn die der das den dem was wer "
    "so sagte sagt".split()
)

SPEAK_FORMS = frozenset("sprach spricht sprachen sprechen gesprochen".split())

SOURCE_SUFFIXES = (
    "angaben",
    "berichten",
    "aussagen",
    "informationen",
    "schätzungen",
    "erkenntnissen",
    "einschätzung",
    "darstellung",
    "darstellungen",
    "bericht",
    "berichte",
    "planungen",
    "berechnungen",
    "ergebnis",
    "ergebnissen",
    "analyse",
    "veröffentlichung",
    "dokument",
    "nachricht",
    "nachrichten",
    "erkenntnisstand",
    "bekunden",
    "meinung",
    "studie",
    "umfrage",
    "umfragen",
    "schätzung",
    "auskunft",
    "auskünften",
    "mitteilung",
    "meldung",
    "meldungen",
    "untersuchung",
    "untersuchungen",
    "recherchen",
    "ermittlungen",
    "vermutungen",
    "prognose",
    "prognosen",
    "zählung",
    "statistik",
    "gutachten",
)

SLOGANS = frozenset(
    "parole parolen spruch sprüche sprüchen aufschrift aufschriften slogan slogans losung "
    "losungen rufe rufen sprechchöre sprechchören".split()
)

OPINION_NOUNS = frozenset("meinung ansicht auffassung überzeugung".split())
# "X teilt die Auffassung", "vertritt die Ansicht".
SHARE_VERBS = frozenset("teilt teilte teilten teilen vertritt vertrat vertraten vertreten".split())

FORMS_OF_SEIN = frozenset("ist sind war waren sei seien".split())

POSSESSIVES = frozenset(
    "sein seine seinen seinem seiner seines ihr ihre ihren ihrem ihrer ihres unser unsere "
    "dieser diese diesen diesem dieses".split()
)

# Possessives that point back to a person: "Seine Zuversicht", "Ihre Antwort".
OWNER_POSSESSIVES = frozenset(
    "sein seine seinen seinem seiner seines ihr ihre ihren ihrem ihrer ihres".split()
)

STATUS_WORDS = frozenset(
    "gilt gelten galt galten bekannt präsentiert präsentierte präsentieren ausgezeichnet "
    "eingestuft gewertet bezeichnet".split()
)

# Verbs that give someone or something a label rather than report words: "galt als „…“".
LABEL_VERBS = frozenset(
    "gilt gelten galt galten präsentiert präsentierte präsentieren präsentierten ausgezeichnet "
    "bekannt".split()
)
PASSIVE_AUXILIARIES = frozenset("wird werden wurde wurden worden".split())

SOURCE_VERBS = frozenset(
    "zufolge berichtet berichtete meldet meldete zitiert schreibt schrieb".split()
)

NAME_ARTICLES = frozenset("der die das dem den des im vom zum zur beim am ins".split())

NAME_PREPOSITIONS = frozenset("für vor von mit bei über gegen aus nach zu in auf an unter".split())

# Small words that may stand inside a name in quotes ("Rundschau am Sonntag").
NAME_INNER = frozenset(
    "für am an der des von und zur zum in im auf gegen mit the of and de la le du a an & - – "
    "y da del di e et ohne to from for los las el".split()
)

# Month names and their abbreviations as dates write them, with the month's number.
MONTH_NUMBERS = {
    "januar": 1, "jänner": 1, "jan": 1, "februar": 2, "feber": 2, "febr": 2, "feb": 2,
    "märz": 3, "maerz": 3, "mär": 3, "mrz": 3, "april": 4, "apr": 4, "mai": 5, "juni": 6,
    "jun": 6, "juli": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "oktober": 10, "okt": 10, "november": 11, "nov": 11, "dezember": 12, "dez": 12,
}  # fmt: skip

# Nouns after an ordinal number ("am 3. März", "im 20. Jahrhundert"): the full stop of the
# number ends no sentence.
ORDINAL_NOUNS = frozenset(
    "Januar Februar März April Mai Juni Juli August September Oktober November Dezember "
    "Jahrhundert Jahrhunderts Mal Platz Lebensjahr".split()
)

COMPOUND_TITLE_HEADS = (
    "zeitung",
    "magazin",
    "blatt",
    "sendung",
    "film",
    "buch",
    "roman",
    "album",
    "kampagne",
    "aktion",
    "operation",
    "programm",
    "projekt",
    "initiative",
    "ausstellung",
    "serie",
    "titel",
    "motto",
    "schiff",
    "partei",
    "gruppe",
    "bündnis",
    "verein",
    "organisation",
    "agentur",
    "festival",
    "preis",
    "spiel",
    "modul",
    "mission",
    "sonde",
    "band",
    "zeitschrift",
    "rakete",
    "dienst",
    "dienstes",
    "site",
    "seite",
    "simulation",
    "sender",
    "kanal",
    "verlag",
)

# The small words of German syntax: a quoted run of words with these inside is a piece of a
# sentence, not a name or a term.
PHRASE_WORDS = frozenset(
    "der die das des dem den ein eine einer eines einem einen und oder aber sondern dass nicht "
    "für von vom mit bei über gegen aus nach zu zum zur im in ins auf an am unter hinter durch "
    "wird werden ist sind war hat haben kann".split()
)

# "kam zu dem Ergebnis, dass …", "ist zum Schluss gekommen": a conclusion someone states.
CONCLUSION_NOUNS = frozenset("ergebnis schluss schlussfolgerung fazit erkenntnis".split())
FORMS_OF_KOMMEN = frozenset("kam kamen kommt kommen komme käme kämen gekommen".split())

# Verbs of saying whose clause reports speech in the indicative too ("Er sagte, das Gesetz
# verletzt Absprachen"): finite forms only, participles are as often passive ("wurde bestätigt").
SAY_FORMS = frozenset(
    form
    for stem in (
        "sag erklär beton mein bericht behaupt erläuter ergänz bekräftig versicher bestätig "
        "antwort entgegn erzähl äußer beteuer verkünd erwider schätz glaub hoff befürcht "
        "vermut warn meld klag beklag"
    ).split()
    for form in (stem + "t", stem + "te", stem + "ten", stem + "et", stem + "ete", stem + "eten")
    if form in REPORTING_VERBS
) | frozenset(
    "schrieb schrieben schreibt unterstrich unterstreicht teilte teilten teilt gab gaben gibt "
    "räumte räumten räumt stellte stellten stellt fügte fügten fügt wies wiesen weist".split()
)
# Verbs whose zu-infinitive is what was said or demanded: "kündigte an, den Vertrag zu kündigen".
ZU_VERBS = frozenset(
    form
    for stem in (
        "kündig forder droh appellier beschuldig warn bitt versprech verlang bekräftig "
        "erklär beton bestätig versicher beteuer äußer ermahn mahn"
    ).split()
    for form in (stem + "t", stem + "te", stem + "ten", stem + "et", stem + "ete", stem + "eten")
) | frozenset(
    "gab gaben gibt versprach versprachen verspricht bat baten bittet empfahl empfahlen "
    "empfiehlt riet rieten rät warf warfen wirft werfen schlug schlugen schlägt lehnte lehnten "
    "lehnt rief riefen ruft "
    # Participles after "hat"/"hatte": "Die Regierung hat angekündigt, … zu gründen".
    "angekündigt vorgeworfen versprochen gefordert erklärt betont bekräftigt gedroht "
    "angegeben empfohlen appelliert gewarnt".split()
)
# Words that open a clause that is no report, whatever verb precedes it.
NOT_REPORT_OPENERS = frozenset("und oder aber sondern als wenn weil um sowie".split())
# Where an indicative report ends: the writer's own addition after the comma.
REPORT_BREAKS = frozenset("wobei was während sodass doch jedoch zumal".split())
# Verbs whose whole sentence reports what someone demanded, charged, warned of or called
# something ("Die EU fordert …", "Er sprach von einem Erfolg", "Sie nannte den Plan Unsinn").
SPEECH_ACT_VERBS = frozenset(
    "fordert fordern forderte forderten wirft werfen warf warfen empfahl empfiehlt warnte "
    "warnten warnt warnen sprach sprachen spricht sprechen bezeichnete bezeichnet "
    "bezeichneten nannte nennt nannten kündigte kündigten kündigt angegeben verwies "
    "verweist".split()
)
# Words that make "forderte"/"sprachen" something else than speech: "forderte 92 Menschenleben",
# "sprachen ihn frei".
NOT_SPEECH_OBJECTS = frozenset(
    "menschenleben todesopfer tote toten opfer leben verletzte frei".split()
)
# Adverbs that open a sentence reporting what the source last named says: "Demnach …".
REPORT_ADVERBS = frozenset({"demnach"})
# Verbs (and the particles closing them) whose "dass"/"ob" clause or zu-infinitive states a
# decision, a finding or an announcement: "wurde bekannt, dass …", "Der VfGH hat entschieden,
# dass …", "Beide Seiten hatten vereinbart, … zurückzuziehen".
DECISION_WORDS = frozenset(
    "bekannt entschieden entschied beschlossen beschloss vereinbart "
    "vereinbarten erhofft gehofft kritisiert kritisierte bemängelt bemängelte festgestellt "
    "ergeben ergab eingeräumt zugegeben klargestellt angekündigt mitgeteilt gesagt berichtet "
    "behauptet bestätigt dementiert bestritten gewarnt gefordert verlangt angeordnet verfügt "
    "geurteilt aufgefordert angewiesen geraten gebeten zugesagt versprochen vorgeworfen "
    "erklärt betont beteuert befürchtet vermutet geschätzt "
    "hofft hoffte hofften hoffen erwartet befürchten befürchtete bemängeln sicher "
    "zuversichtlich überzeugt erwiesen bereit".split()
)
# Words besides verbs of saying and deciding whose "dass" clause is what a source holds:
# "Die IADB schätzt, dass …", "Diese besagt, dass …", "fanden heraus, dass …".
THOUGHT_WORDS = frozenset(
    "schätzt schätzte schätzen schätzten besagt besagte besagen angenommen "
    "erwähnte erwähnt erwähnten heraus "
    "theorie hoffnung befürworteten befürwortet bewusst vorwurf vorwürfe hinweis hinweise "
    "behauptung behauptungen".split()
)
# Nouns whose zu-infinitive is what was proposed or announced: "der Vorschlag, die Flaggen zu
# wechseln", "die Ankündigung, … zu beenden".
PROPOSAL_NOUNS = frozenset(
    "vorschlag ankündigung aufforderung forderung empfehlung appell angebot versprechen "
    "drohung absicht".split()
)
# Descriptions by origin that stand for a person the article named before ("der Nordkoreaner",
# "die Vietnamesin"), unlike roles that name someone new ("der Sprecher").
DEMONYM_ENDINGS = ("aner", "anerin", "ener", "enerin", "ese", "esin")

# Words that make a sentence worth reading for a report: a cue may stand on any of them.
CUE_WORDS = (
    frozenset(REPORTING_VERBS)
    | OPINION_NOUNS
    | CONCLUSION_NOUNS
    | {"so", "laut", "gemäß", "zufolge", "nach", "heißt", "hieß", "geheißen", "zeigte", "wonach"}
    | REPORT_ADVERBS
    | DECISION_WORDS
    | THOUGHT_WORDS
    | PROPOSAL_NOUNS
    | {"soll", "sollen"}
)
