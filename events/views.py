from collections.abc import Iterator

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect, StreamingHttpResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import Resolver404, resolve, reverse, translate_url
from django.utils import timezone, translation
from django.views.decorators.http import require_safe

from events import queries
from events.filters import PersonStatementFilter, StatementFilter, SummitFilter
from events.search import search_for_results
from newsroom.editorial import can_preview
from newsroom.spreadsheets import csv_chunks

CSV_CHUNK_SIZE = 500
CSV_HEADER = [
    "id",
    "gesagt_am",
    "person",
    "land",
    "gipfel",
    "art",
    "text",
    "zusammenhang",
    "quelle",
    "quelle_url",
    "adresse",
]


def paginate(request, queryset, per_page: int = queries.PAGE_SIZE):
    return Paginator(queryset, per_page).get_page(request.GET.get("seite"))


def home(request):
    page = queries.home_for_display(today=timezone.localdate(), preview=can_preview(request.user))
    return render(request, "events/home.html", {"page": page})


def summit_list(request):
    summits = SummitFilter(
        request.GET, queryset=queries.summits_for_index(preview=can_preview(request.user))
    )
    return render(
        request,
        "events/summit_list.html",
        {"filter": summits, "page_obj": paginate(request, summits.qs, per_page=12)},
    )


def summit_detail(request, slug):
    page = queries.summit_for_detail(slug, preview=can_preview(request.user))
    return render(request, "events/summit_detail.html", {"page": page, "summit": page.summit})


def delegation_detail(request, slug, country):
    page = queries.delegation_for_detail(slug, country, preview=can_preview(request.user))
    return render(request, "events/delegation_detail.html", {"page": page})


def person_detail(request, slug):
    page = queries.person_for_detail(slug, preview=can_preview(request.user))
    statements = PersonStatementFilter(request.GET, queryset=page.statements)
    return render(
        request,
        "events/person_detail.html",
        {"page": page, "filter": statements, "page_obj": paginate(request, statements.qs)},
    )


def topic_detail(request, slug):
    page = queries.topic_for_detail(slug, preview=can_preview(request.user))
    return render(
        request,
        "events/topic_detail.html",
        {"page": page, "page_obj": paginate(request, page.statements)},
    )


def statement_list(request):
    statements = StatementFilter(
        request.GET, queryset=queries.statements_for_cards(preview=can_preview(request.user))
    )
    return render(
        request,
        "events/statement_list.html",
        {"filter": statements, "page_obj": paginate(request, statements.qs)},
    )


def statement_detail(request, pk):
    page = queries.statement_for_detail(pk, preview=can_preview(request.user))
    return render(request, "events/statement_detail.html", {"page": page})


@require_safe
def statement_csv(request):
    """The filtered statements as `;`-separated UTF-8 CSV, streamed: one query, and memory
    that does not grow with the number of rows. HEAD gets the same headers and no body, without
    reading a row."""
    if request.method == "HEAD":
        response = StreamingHttpResponse(iter(()), content_type="text/csv; charset=utf-8")
    else:
        statements = StatementFilter(
            request.GET, queryset=queries.statements_for_list(preview=can_preview(request.user))
        )
        rows = _csv_rows(request, statements.qs, language=translation.get_language())
        response = StreamingHttpResponse(
            csv_chunks(header=CSV_HEADER, rows=rows), content_type="text/csv; charset=utf-8"
        )
    response["Content-Disposition"] = 'attachment; filename="aussagen.csv"'
    return response


def _csv_rows(request, statements, *, language: str) -> Iterator[list]:
    # Read while the response streams, after the view has returned: hence the explicit language.
    with translation.override(language):
        for statement in statements.iterator(chunk_size=CSV_CHUNK_SIZE):
            source = statement.source
            yield [
                statement.pk,
                statement.said_on,
                statement.speaker.name if statement.speaker else statement.speaker_label,
                statement.delegation.country if statement.delegation else "",
                statement.summit.title,
                statement.get_kind_display(),
                statement.text,
                statement.context,
                source.title if source else "",
                source.link_url if source else "",
                request.build_absolute_uri(statement.get_absolute_url()),
            ]


def search(request):
    results = search_for_results(request.GET.get("q", ""), preview=can_preview(request.user))
    return render(request, "events/search.html", {"results": results})


def robots_txt(request):
    sitemap = request.build_absolute_uri(reverse("sitemap"))
    lines = ["User-agent: *", "Disallow: /admin/", "Disallow: /i18n/", f"Sitemap: {sitemap}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def favicon(request):
    return HttpResponsePermanentRedirect(static("favicon.svg"))


def old_english_address(request, path):
    """The English pages used to have the German paths under /en/ (`/en/gipfel/…`): those
    addresses move permanently to the English ones (`/en/summits/…`)."""
    german = f"/{path}"
    with translation.override(settings.LANGUAGE_CODE):
        try:
            match = resolve(german)
        except Resolver404:
            raise Http404 from None
        english = translate_url(german, "en")
    if match.namespace not in {"events", "sources"} or english == german:
        raise Http404
    query = request.META.get("QUERY_STRING", "")
    return HttpResponsePermanentRedirect(f"{english}?{query}" if query else english)
