"""What a speaker label says about a person the newsroom does not know yet.

The importer keeps a speaker it cannot resolve as the words the text uses ("Überläufer",
"Vizeadmiral Charles Style", "der nordkoreanische Außenminister Ri Yong-ho"). When an editor
turns such a label into a person, the form starts from its parts: the name, the role, the
country. Pure functions on strings; the review desk is their only caller.
"""

import re
from dataclasses import dataclass

# Endings of words that name an office or a role rather than a person ("Vizeadmiral",
# "Außenministerin", "Regierungssprecher"). Compounds end like their last part.
ROLE_ENDINGS = (
    "admiral",
    "analyst",
    "analystin",
    "beamter",
    "beamtin",
    "berater",
    "beraterin",
    "botschafter",
    "botschafterin",
    "chef",
    "chefin",
    "diplomat",
    "diplomatin",
    "experte",
    "expertin",
    "führer",
    "führerin",
    "general",
    "kanzler",
    "kanzlerin",
    "korrespondent",
    "korrespondentin",
    "machthaber",
    "minister",
    "ministerin",
    "offizier",
    "präsident",
    "präsidentin",
    "premier",
    "premierminister",
    "senator",
    "senatorin",
    "sekretär",
    "sekretärin",
    "sprecher",
    "sprecherin",
    "überläufer",
    "überläuferin",
    "vorsitzende",
    "vorsitzender",
)

# Word stems that give a country: adjectives ("nordkoreanische"), inhabitants
# ("Nordkoreaner"), genitives ("Nordkoreas"), prefixes ("US-Präsident").
COUNTRY_STEMS = {
    "nordkorea": "KP",
    "südkorea": "KR",
    "us": "US",
    "usa": "US",
    "amerika": "US",
    "china": "CN",
    "chines": "CN",
    "japan": "JP",
    "russ": "RU",
    "russland": "RU",
    "vietnam": "VN",
    "singapur": "SG",
}
_COUNTRY_WORD = re.compile(
    r"^(?P<stem>{})(?P<ending>[a-zäöü]*)$".format(
        "|".join(sorted(COUNTRY_STEMS, key=len, reverse=True))
    )
)
INHABITANT_ENDINGS = ("aner", "ner", "er", "en", "in", "es", "e")
_ARTICLES = frozenset("der die das des dem den ein eine einer eines einem einen".split())


@dataclass(frozen=True)
class LabelParts:
    name: str
    role: str
    country: str  # ISO 3166 alpha-2, or ""


def parts_of_label(label: str) -> LabelParts:
    """The person a label describes, as far as its words tell: the last role word and what
    precedes it are the role, the capitalised words after it the name; a country from an
    adjective, an inhabitant or a prefix ("US-")."""
    words = [word for word in label.split() if word.lower() not in _ARTICLES]
    country = next(filter(None, map(_country_of, words)), "")
    last_role = max((i for i, word in enumerate(words) if _is_role(word)), default=-1)
    if last_role == -1:
        return LabelParts(name=" ".join(words), role="", country=country)
    role_words = [_without_country(word) for word in words[: last_role + 1]]
    role = " ".join(word for word in role_words if word)
    name = " ".join(words[last_role + 1 :])
    return LabelParts(name=name, role=role[:1].upper() + role[1:], country=country)


def _is_role(word: str) -> bool:
    """An office ("Außenminister") or an inhabitant ("Nordkoreaner", "Chinesen")."""
    if not word[:1].isupper():
        return False
    match = _COUNTRY_WORD.match(word.lower())
    if match and match["ending"].startswith(INHABITANT_ENDINGS):
        return True
    return word.lower().endswith(ROLE_ENDINGS)


def _country_of(word: str) -> str:
    for part in word.lower().split("-"):
        match = _COUNTRY_WORD.match(part)
        if match:
            return COUNTRY_STEMS[match["stem"]]
    return ""


def _without_country(word: str) -> str:
    """ "US-Präsident" -> "Präsident", "nordkoreanische" -> ""; the country is a field of its
    own. An inhabitant ("Nordkoreaner") stays: it is the role."""
    if "-" in word:
        prefix, rest = word.split("-", 1)
        if _country_of(prefix) and rest:
            return rest
    match = _COUNTRY_WORD.match(word.lower())
    if match and (word[:1].islower() or match["ending"] == "s"):
        return ""
    return word


def mention_in_text(body: str, label: str, *, before: int) -> tuple[str, str]:
    """How the text names the speaker where it does so last before `before`: the label with
    the apposition after it ("Überläufer und Diplomat Ri Il-gyu"), and the words before it in
    its noun phrase ("der aus Nordkorea geflüchtete"); the label alone if the text lacks it."""
    position = body.rfind(label, 0, before) if label else -1
    if position == -1:
        return label, ""
    following = body[position + len(label) : position + len(label) + 120].split()
    mention = [label]
    for index, word in enumerate(following):
        bare = word.rstrip(',.;:!?)"“”»«')
        joins = bare == "und" and index + 1 < len(following) and following[index + 1][:1].isupper()
        if not (bare[:1].isupper() or joins) or bare.lower() in _ARTICLES:
            break
        mention.append(bare)
        if bare != word:
            break
    preceding = body[max(0, position - 80) : position].split()
    start = max((i for i, word in enumerate(preceding) if word.lower() in _ARTICLES), default=None)
    phrase = " ".join(preceding[start:]) if start is not None else ""
    return " ".join(mention), phrase


def parts_of_mention(body: str, label: str, *, before: int) -> LabelParts:
    """`parts_of_label` of the fuller mention in the text, the country also from the words
    before it ("der aus Nordkorea geflüchtete Überläufer")."""
    mention, phrase = mention_in_text(body, label, before=before)
    parts = parts_of_label(mention)
    if not parts.country and phrase:
        country = next(filter(None, map(_country_of, phrase.split())), "")
        parts = LabelParts(name=parts.name, role=parts.role, country=country)
    return parts
