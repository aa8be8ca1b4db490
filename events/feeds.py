"""Atom feeds of newly published statements: all of them, per summit and per person.

Atom puts the summary in `type="html"`: feed readers render it as HTML, so the statement text
is escaped for that (its title is Atom's plain text, escaped by the XML writer alone). An
entry links to its statement's `get_absolute_url()`, the syndication framework's default.
"""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from events.models import Person, Statement, Summit
from events.queries import statements_for_list

FEED_LENGTH = 50


class StatementFeed(Feed):
    feed_type = Atom1Feed
    title = _("newsroom: neue Aussagen")
    subtitle = _("Neu veröffentlichte Aussagen von Gipfeltreffen")

    def link(self, obj=None):
        return reverse("events:statement-list")

    def statements(self, obj):
        return statements_for_list(preview=False)

    def items(self, obj=None):
        return self.statements(obj).order_by("-published_at", "-pk")[:FEED_LENGTH]

    def item_title(self, item: Statement) -> str:
        speaker = self.item_author_name(item) or _("Unbekannt")
        return f"{speaker}: „{item.text[:80]}{'…' if len(item.text) > 80 else ''}“"

    def item_description(self, item: Statement) -> str:
        return escape(item.text)

    def item_pubdate(self, item: Statement):
        return item.published_at

    def item_updateddate(self, item: Statement):
        return item.updated_at

    def item_author_name(self, item: Statement) -> str | None:
        if item.speaker:
            return item.speaker.name
        return item.speaker_label or None

    def item_categories(self, item: Statement):
        return [item.summit.title]


class SummitStatementFeed(StatementFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Summit.objects.public(), slug=slug)

    def title(self, obj: Summit) -> str:
        return _("newsroom: Aussagen beim %(summit)s") % {"summit": obj.title}

    def subtitle(self, obj: Summit) -> str:
        return obj.summary

    def link(self, obj: Summit) -> str:
        return obj.get_absolute_url()

    def statements(self, obj: Summit):
        return super().statements(obj).filter(summit=obj)


class PersonStatementFeed(StatementFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Person.objects.public(), slug=slug)

    def title(self, obj: Person) -> str:
        return _("newsroom: Aussagen von %(person)s") % {"person": obj.name}

    def subtitle(self, obj: Person) -> str:
        return obj.description

    def link(self, obj: Person) -> str:
        return obj.get_absolute_url()

    def statements(self, obj: Person):
        return super().statements(obj).filter(speaker=obj)
