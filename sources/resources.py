"""Spreadsheet columns of source articles and their import-export Resource.

An article is identified by its slug. Its checksum keeps the article importer from storing the
same text twice: a row new from a spreadsheet gets the checksum of its body (so a spreadsheet
cannot smuggle in a duplicate), and a stored row keeps the checksum it has, which for an
imported article is that of the whole file, whatever a spreadsheet changes.
"""

from django.utils.translation import gettext_lazy as _

from events.resources import register_table, summits
from newsroom.importexport import resource_for
from newsroom.tables import ChoiceColumn, Column, DateColumn, ManyColumn, Table
from sources.importing.normalize import text_checksum
from sources.models import SourceArticle

SAME_TEXT_AS = _("derselbe Text steht schon in der Quelle '{slug}'")


class SourceArticleTable(Table):
    model = SourceArticle
    key = ["slug"]
    prefetch_related = ["summits"]
    columns = [
        Column("slug", required=True),
        Column("title", required=True),
        Column("kicker"),
        Column("publisher"),
        Column("author"),
        Column("url"),
        DateColumn("published_on"),
        Column("dateline"),
        Column("language"),
        Column("body", required=True),
        Column("filename"),
        ManyColumn("summits", resolver=summits),
        ChoiceColumn("status"),
    ]

    def __init__(self):
        super().__init__()
        self.checksums = dict(SourceArticle.objects.values_list("checksum", "slug"))

    def check(self, values, existing):
        if existing is None and "body" in values:
            # Claimed at once, so a later row of the same file with the same text is refused.
            owner = self.checksums.setdefault(text_checksum(values["body"]), values["slug"])
            if owner != values["slug"]:
                yield "body", SAME_TEXT_AS.format(slug=owner)

    def prepare(self, instance):
        if instance.pk is None:
            instance.checksum = text_checksum(instance.body)
        if instance.original:
            return []
        instance.original = instance.body
        return ["original"]


SourceArticleResource = resource_for(SourceArticleTable)
register_table("sources", SourceArticleTable)
