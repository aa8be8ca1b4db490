from django.shortcuts import render

from newsroom.editorial import can_preview
from sources.queries import source_for_detail


def source_detail(request, slug):
    page = source_for_detail(slug, preview=can_preview(request.user))
    return render(request, "sources/source_detail.html", {"page": page})
