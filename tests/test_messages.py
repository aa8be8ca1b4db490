"""Error messages are gettext_lazy constants, named in capitals, that tests import: the German
text is the message id, so a catalogue can translate it and no test repeats the words."""

from django.utils.functional import Promise

from events import resources
from newsroom import tables
from sources import ingest, uploads

MODULES = [resources, tables, ingest, uploads]


def test_every_message_constant_is_a_lazy_translation():
    plain = {
        (module.__name__, name)
        for module in MODULES
        for name, value in vars(module).items()
        if name.isupper() and isinstance(value, str) and " " in value
    }
    assert plain == set()
    assert isinstance(tables.IMPORT_BUSY, Promise) and isinstance(ingest.DUPLICATE, Promise)


def test_formatted_messages_are_plain_german_strings():
    message = str(tables.NOT_FOUND).format(noun=tables.NOT_A_PERSON, value="kim")
    assert message == "keine Person 'kim'"
    busy = str(tables.IMPORT_BUSY).format(seconds=20)
    assert type(busy) is str and busy.startswith("Ein anderer Import in diese Tabelle")
    assert str(uploads.TOO_LARGE).format(limit=2) == "Die Datei ist größer als 2 MB."
