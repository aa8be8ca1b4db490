# The source pages are tested with the same small published world as the event pages.
from tests.events.conftest import world  # noqa: F401
