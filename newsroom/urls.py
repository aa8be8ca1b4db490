from django.contrib import admin
from django.urls import path

admin.site.site_header = "newsroom Redaktion"
admin.site.site_title = "newsroom"
admin.site.index_title = "Redaktionelle Inhalte"

urlpatterns = [
    path("admin/", admin.site.urls),
]
