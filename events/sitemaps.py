"""The sitemap: every public page with the time it last changed, in both languages.

A page of a model is at its `get_absolute_url()` (Sitemap's default `location`), reversed
in each language in turn.
"""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse

from events.models import Person, Summit, Topic
from events.queries import statements_for_list
from sources.models import SourceArticle


class PublicSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    limit = 1000  # addresses per sitemap page; each item has one per language

    def lastmod(self, obj):
        return obj.updated_at

    def get_latest_lastmod(self):
        return self.items().aggregate(latest=Max("updated_at"))["latest"]


class SummitSitemap(PublicSitemap):
    changefreq = "weekly"
    priority = 0.8

    def items(self):
        return Summit.objects.public().order_by("pk")


class PersonSitemap(PublicSitemap):
    def items(self):
        return Person.objects.public().order_by("pk")


class StatementSitemap(PublicSitemap):
    def items(self):
        return statements_for_list(preview=False).order_by("pk")


class SourceSitemap(PublicSitemap):
    def items(self):
        return SourceArticle.objects.public().order_by("pk")


class TopicSitemap(PublicSitemap):
    def items(self):
        return Topic.objects.public().order_by("pk")

    def lastmod(self, obj):
        return None

    def get_latest_lastmod(self):
        return None


class PageSitemap(PublicSitemap):
    """The index pages; they change with their contents, so no date of their own."""

    def items(self):
        return ["events:home", "events:summit-list", "events:statement-list"]

    def location(self, name):
        return reverse(name)

    def lastmod(self, name):
        return None

    def get_latest_lastmod(self):
        return None


SITEMAPS = {
    "seiten": PageSitemap,
    "gipfel": SummitSitemap,
    "personen": PersonSitemap,
    "aussagen": StatementSitemap,
    "quellen": SourceSitemap,
    "themen": TopicSitemap,
}
