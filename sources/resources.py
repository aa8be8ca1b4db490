"""Spreadsheet columns of source articles and their import-export Resource.

An article is identified by its slug. The checksum that keeps the text importer from storing
the same text twice is computed from `body`, so a spreadsheet cannot smuggle in a duplicate.
"""

import hashlib

from django.utils.translation import gettext_lazy as _

from events.resources import summits
from newsroom.importexport import TableResource
from newsroom.tables import ChoiceColumn, Column, DateColumn, ManyColumn, Table
from sources.models import SourceArticle

SAME_TEXT_AS = _("derselbe Text steht schon in der Quelle '{slug}'")


def checksum(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


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
        if "body" in values:
            owner = self.checksums.get(checksum(values["body"]))
            if owner is not None and owner != values["slug"]:
                yield "body", SAME_TEXT_AS.format(slug=owner)

    def prepare(self, instance):
        instance.checksum = checksum(instance.body)
        if instance.original:
            return ["checksum"]
        instance.original = instance.body
        return ["checksum", "original"]

    def written(self, instances):
        self.checksums.update((article.checksum, article.slug) for article in instances)


class SourceArticleResource(TableResource):
    table_class = SourceArticleTable

    class Meta:
        model = SourceArticle
        fields = SourceArticleTable.header()
        import_id_fields = SourceArticleTable.key
