from django.urls import path

from sources import views

app_name = "sources"

urlpatterns = [
    path("quellen/<slug:slug>/", views.source_detail, name="source-detail"),
]
