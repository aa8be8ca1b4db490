"""Demo content written by the newsroom team: the two Trump-Kim summits, their delegations,
the people and the ways German texts name them. Loading it twice changes nothing."""

from datetime import date

from django.db import transaction

from events.models import Delegation, DelegationMember, Person, Summit, Topic
from newsroom.editorial import Status

PEOPLE = [
    {
        "slug": "donald-trump",
        "name": "Donald Trump",
        "country": "US",
        "aliases": [
            "Trump",
            "Donald J. Trump",
            "US-Präsident",
            "US-Präsident Donald Trump",
            "Präsident Trump",
            "Präsident Donald Trump",
        ],
        "description": "45. Präsident der Vereinigten Staaten (2017–2021).",
    },
    {
        "slug": "mike-pompeo",
        "name": "Mike Pompeo",
        "country": "US",
        "aliases": ["Pompeo", "US-Außenminister", "US-Außenminister Mike Pompeo"],
        "description": "Außenminister der Vereinigten Staaten von 2018 bis 2021.",
    },
    {
        "slug": "mick-mulvaney",
        "name": "Mick Mulvaney",
        "country": "US",
        "aliases": ["Mulvaney", "Stabschef Mulvaney"],
        "description": "Amtierender Stabschef des Weißen Hauses von 2019 bis 2020.",
    },
    {
        "slug": "kim-jong-un",
        "name": "Kim Jong-un",
        "country": "KP",
        "aliases": [
            "Kim",
            "Kim Jong Un",
            "Kim Jong-Un",
            "Machthaber",
            "Machthaber Kim Jong-un",
            "Nordkoreas Machthaber",
            "Staatschef Kim",
            "Nordkoreas Staatschef",
        ],
        "description": "Oberster Führer Nordkoreas seit 2011.",
    },
    {
        "slug": "kim-yo-jong",
        "name": "Kim Yo-jong",
        "country": "KP",
        "aliases": ["Kim Yo Jong", "Kims Schwester"],
        "description": "Schwester Kim Jong-uns und hohe Funktionärin der Partei der Arbeit.",
    },
    {
        "slug": "kim-yong-chol",
        "name": "Kim Yong-chol",
        "country": "KP",
        "aliases": ["Kim Yong Chol"],
        "description": "Früherer Geheimdienstchef, Chefunterhändler Nordkoreas 2018/2019.",
    },
    {
        "slug": "ri-yong-ho",
        "name": "Ri Yong-ho",
        "country": "KP",
        "aliases": ["Ri Yong Ho", "Außenminister Ri"],
        "description": "Außenminister Nordkoreas von 2016 bis 2020.",
    },
]

TOPICS = [
    ("denuklearisierung", "Denuklearisierung"),
    ("sanktionen", "Sanktionen"),
    ("verbindungsbuero", "Verbindungsbüro"),
    ("friedensvertrag", "Friedensvertrag"),
    ("wirtschaft", "Wirtschaft"),
]

SUMMITS = [
    {
        "slug": "singapur-2018",
        "title": "Gipfeltreffen in Singapur 2018",
        "starts_on": date(2018, 6, 12),
        "ends_on": date(2018, 6, 12),
        "city": "Singapur",
        "country": "SG",
        "venue": "Capella Hotel, Sentosa",
        "summary": (
            "Das erste Treffen eines amtierenden US-Präsidenten mit dem Machthaber Nordkoreas. "
            "Nach Monaten gegenseitiger Drohungen sprachen Donald Trump und Kim Jong-un einen Tag "
            "lang über Sicherheit und Abrüstung auf der koreanischen Halbinsel."
        ),
        "outcome": (
            "Gemeinsame Erklärung: neue Beziehungen zwischen beiden Staaten, Arbeit an einem "
            "dauerhaften Frieden, Bekenntnis Nordkoreas zur vollständigen Denuklearisierung der "
            "Halbinsel, ohne Zeitplan oder Prüfverfahren."
        ),
        "previous": None,
        "delegations": {
            "US": [
                ("donald-trump", "Präsident"),
                ("mike-pompeo", "Außenminister"),
            ],
            "KP": [
                ("kim-jong-un", "Vorsitzender der Staatskommission"),
                ("kim-yo-jong", "Abteilungsleiterin im Zentralkomitee"),
                ("kim-yong-chol", "Chefunterhändler"),
                ("ri-yong-ho", "Außenminister"),
            ],
        },
    },
    {
        "slug": "hanoi-2019",
        "title": "Gipfeltreffen in Hanoi 2019",
        "starts_on": date(2019, 2, 27),
        "ends_on": date(2019, 2, 28),
        "city": "Hanoi",
        "country": "VN",
        "venue": "Sofitel Legend Metropole",
        "summary": (
            "Das zweite Treffen von Donald Trump und Kim Jong-un, acht Monate nach Singapur. Auf "
            "ein Abendessen am 27. Februar folgten am 28. Februar Verhandlungen über Abrüstung "
            "und Sanktionen."
        ),
        "outcome": (
            "Vorzeitig beendet, ohne gemeinsame Erklärung: Die USA lehnten die von Nordkorea "
            "verlangte Aufhebung der Sanktionen ab. Beide Seiten zeigten sich offen für ein "
            "Verbindungsbüro."
        ),
        "previous": "singapur-2018",
        "delegations": {
            "US": [
                ("donald-trump", "Präsident"),
                ("mike-pompeo", "Außenminister"),
                ("mick-mulvaney", "Amtierender Stabschef"),
            ],
            "KP": [
                ("kim-jong-un", "Vorsitzender der Staatskommission"),
                ("kim-yo-jong", "Stabschefin"),
                ("kim-yong-chol", "Chefunterhändler"),
                ("ri-yong-ho", "Außenminister"),
            ],
        },
    },
]


@transaction.atomic
def load_demo() -> dict[str, int]:
    """Create or update the demo rows; returns how many rows of each kind the demo holds."""
    people = {}
    for entry in PEOPLE:
        people[entry["slug"]], _ = Person.objects.update_or_create(
            slug=entry["slug"],
            defaults={
                "name": entry["name"],
                "country": entry["country"],
                "aliases": "\n".join(entry["aliases"]),
                "description": entry["description"],
                "status": Status.PUBLISHED,
            },
        )
    for slug, name in TOPICS:
        Topic.objects.update_or_create(slug=slug, defaults={"name": name})

    summits = {}
    members = 0
    for entry in SUMMITS:
        summit, _ = Summit.objects.update_or_create(
            slug=entry["slug"],
            defaults={
                **{
                    field: entry[field]
                    for field in [
                        "title",
                        "starts_on",
                        "ends_on",
                        "city",
                        "country",
                        "venue",
                        "summary",
                        "outcome",
                    ]
                },
                "previous": summits.get(entry["previous"]),
                "status": Status.PUBLISHED,
            },
        )
        summits[summit.slug] = summit
        for country, roster in entry["delegations"].items():
            leader = people[roster[0][0]]
            delegation, _ = Delegation.objects.update_or_create(
                summit=summit,
                country=country,
                defaults={"leader": leader, "status": Status.PUBLISHED},
            )
            for position, (person_slug, role) in enumerate(roster):
                DelegationMember.objects.update_or_create(
                    delegation=delegation,
                    person=people[person_slug],
                    defaults={"role": role, "position": position},
                )
                members += 1
    return {
        "people": len(people),
        "topics": len(TOPICS),
        "summits": len(summits),
        "members": members,
    }
