from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemaps
from django.urls import include, path, re_path

from events.sitemaps import SITEMAPS
from events.views import favicon, old_english_address, robots_txt

admin.site.site_header = "newsroom Redaktion"
admin.site.site_title = "newsroom"
admin.site.index_title = "Redaktionelle Inhalte"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path(
        "sitemap.xml",
        sitemaps.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap-section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        sitemaps.sitemap,
        {"sitemaps": SITEMAPS},
        name="sitemap-section",
    ),
    path("robots.txt", robots_txt, name="robots-txt"),
    # Browsers ask for /favicon.ico where a page names no icon (feeds, files).
    path("favicon.ico", favicon),
    *i18n_patterns(
        path("", include("events.urls")),
        path("", include("sources.urls")),
        prefix_default_language=False,
    ),
    # Reached only when no English page matched: the German paths English pages once had
    # (pages end in a slash, files in a suffix; anything else is left to APPEND_SLASH).
    re_path(r"^en/(?P<path>.+/|.+\.\w+)$", old_english_address),
]
