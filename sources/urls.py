from django.urls import path
from django.utils.translation import gettext_lazy as _

from sources import views

app_name = "sources"

urlpatterns = [
    path(_("quellen/<slug:slug>/"), views.source_detail, name="source-detail"),
]
