from django.urls import path

from events import feeds, views

app_name = "events"

urlpatterns = [
    path("", views.home, name="home"),
    path("gipfel/", views.summit_list, name="summit-list"),
    path("gipfel/<slug:slug>/", views.summit_detail, name="summit-detail"),
    path(
        "gipfel/<slug:slug>/delegationen/<slug:country>/",
        views.delegation_detail,
        name="delegation-detail",
    ),
    path("personen/<slug:slug>/", views.person_detail, name="person-detail"),
    path("themen/<slug:slug>/", views.topic_detail, name="topic-detail"),
    path("aussagen/", views.statement_list, name="statement-list"),
    path("aussagen/export.csv", views.statement_csv, name="statement-csv"),
    path("aussagen/<int:pk>/", views.statement_detail, name="statement-detail"),
    path("suche/", views.search, name="search"),
    path("feeds/aussagen/", feeds.StatementFeed(), name="feed-statements"),
    path("feeds/gipfel/<slug:slug>/", feeds.SummitStatementFeed(), name="feed-summit"),
    path("feeds/personen/<slug:slug>/", feeds.PersonStatementFeed(), name="feed-person"),
]
