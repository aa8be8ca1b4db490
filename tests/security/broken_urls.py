"""The site's URLs plus one view that fails, for the error page."""

from django.urls import path

from newsroom.urls import urlpatterns as site_urlpatterns


def broken(request):
    raise RuntimeError("a bug in a view")


urlpatterns = [path("kaputt/", broken), *site_urlpatterns]
