from django.urls import path
from django.utils.translation import gettext_lazy as _

from events import feeds, views

app_name = "events"

# The paths are translated: German at the root, English under /en/ (`locale/en`).
urlpatterns = [
    path("", views.home, name="home"),
    path(_("gipfel/"), views.summit_list, name="summit-list"),
    path(_("gipfel/<slug:slug>/"), views.summit_detail, name="summit-detail"),
    path(
        _("gipfel/<slug:slug>/delegationen/<slug:country>/"),
        views.delegation_detail,
        name="delegation-detail",
    ),
    path(_("personen/<slug:slug>/"), views.person_detail, name="person-detail"),
    path(_("themen/<slug:slug>/"), views.topic_detail, name="topic-detail"),
    path(_("aussagen/"), views.statement_list, name="statement-list"),
    path(_("aussagen/export.csv"), views.statement_csv, name="statement-csv"),
    path(_("aussagen/<int:pk>/"), views.statement_detail, name="statement-detail"),
    path(_("suche/"), views.search, name="search"),
    path(_("feeds/aussagen/"), feeds.StatementFeed(), name="feed-statements"),
    path(_("feeds/gipfel/<slug:slug>/"), feeds.SummitStatementFeed(), name="feed-summit"),
    path(_("feeds/personen/<slug:slug>/"), feeds.PersonStatementFeed(), name="feed-person"),
]
