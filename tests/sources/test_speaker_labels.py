import pytest

from sources.speaker_labels import LabelParts, parts_of_label, parts_of_mention


@pytest.mark.parametrize(
    ("label", "parts"),
    [
        ("Vizeadmiral Charles Style", LabelParts("Charles Style", "Vizeadmiral", "")),
        ("US-Präsident Donald Trump", LabelParts("Donald Trump", "Präsident", "US")),
        (
            "der nordkoreanische Außenminister Ri Yong-ho",
            LabelParts("Ri Yong-ho", "Außenminister", "KP"),
        ),
        ("Südkoreas Präsident Moon Jae-in", LabelParts("Moon Jae-in", "Präsident", "KR")),
        ("Überläufer", LabelParts("", "Überläufer", "")),
        ("Nordkoreaner", LabelParts("", "Nordkoreaner", "KP")),
        ("Weiße Haus", LabelParts("Weiße Haus", "", "")),
        ("Kim", LabelParts("Kim", "", "")),
    ],
)
def test_a_label_is_split_into_name_role_and_country(label, parts):
    assert parts_of_label(label) == parts


def test_the_text_around_a_label_completes_it():
    body = (
        "Insofern gab der aus Nordkorea geflüchtete Überläufer und Diplomat Ri Il-gyu nach "
        "seiner Flucht an, dass nach dem Gipfel der Außenminister abgesetzt worden sei."
    )
    parts = parts_of_mention(body, "Überläufer", before=body.index("dass"))
    assert parts == LabelParts("Ri Il-gyu", "Überläufer und Diplomat", "KP")


def test_a_label_the_text_does_not_contain_is_taken_as_it_is():
    assert parts_of_mention("Er sagte etwas.", "Vizeadmiral Charles Style", before=5) == (
        LabelParts("Charles Style", "Vizeadmiral", "")
    )
