"""schema.org JSON-LD for each page type.

The JSON is escaped like Django's `json_script` (`<`, `>` and `&` as `\\u` sequences), so text
such as `</script>` in the data cannot end the script element. The graphs are built from the
pages' reads alone: whatever a reader may not see is not on the page, so not in its graph.
"""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_ld_script(data: dict) -> SafeString:
    text = json.dumps(
        {"@context": "https://schema.org", **data}, cls=DjangoJSONEncoder, ensure_ascii=False
    )
    return mark_safe(f'<script type="application/ld+json">{text.translate(JSON_ESCAPES)}</script>')


def _url(request, name: str) -> str:
    return request.build_absolute_uri(reverse(name))


def _address(request, obj) -> str:
    return request.build_absolute_uri(obj.get_absolute_url())


def _person(request, person) -> dict:
    url = _address(request, person)
    return {"@type": "Person", "@id": f"{url}#person", "name": person.name, "url": url}


def _speaker(request, statement) -> dict | None:
    if statement.speaker is not None:
        return _person(request, statement.speaker)
    if statement.speaker_label:
        return {"@type": "Person", "name": statement.speaker_label}
    return None


def _event_reference(request, summit) -> dict:
    url = _address(request, summit)
    return {
        "@type": "Event",
        "@id": f"{url}#event",
        "name": summit.title,
        "url": url,
        "startDate": summit.starts_on,
        "endDate": summit.ends_on,
    }


def _article_reference(request, source) -> dict:
    url = _address(request, source)
    data = {"@type": "NewsArticle", "@id": f"{url}#article", "headline": source.title, "url": url}
    if source.link_url:
        data["sameAs"] = source.link_url
    return data


def _place(summit) -> dict:
    return {
        "@type": "Place",
        "name": summit.venue or summit.city,
        "address": {
            "@type": "PostalAddress",
            "addressLocality": summit.city,
            "addressCountry": summit.country,
        },
    }


@register.simple_tag(takes_context=True)
def summit_json_ld(context, page) -> SafeString:
    request, summit = context["request"], page.summit
    attendees = {}
    for delegation in page.delegations:
        for member in delegation.members.all():
            attendees[member.person_id] = _person(request, member.person)
    series = [s for s in (page.previous, summit, page.next) if s is not None]
    data = {
        **_event_reference(request, summit),
        "description": summit.summary,
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": _place(summit),
        "attendee": list(attendees.values()),
        "about": [topic.name for topic in page.topics],
        "subjectOf": [_article_reference(request, source) for source in page.sources],
    }
    if len(series) > 1:
        data["superEvent"] = {
            "@type": "EventSeries",
            "name": " – ".join(s.title for s in series),
            "subEvent": [_event_reference(request, s) for s in series],
        }
    return json_ld_script(data)


@register.simple_tag(takes_context=True)
def delegation_json_ld(context, delegation) -> SafeString:
    request = context["request"]
    url = _address(request, delegation)
    return json_ld_script(
        {
            "@type": "Organization",
            "@id": f"{url}#delegation",
            "name": f"{delegation.country_name} – {delegation.summit.title}",
            "url": url,
            "member": [
                {
                    "@type": "OrganizationRole",
                    "roleName": member.role,
                    "member": _person(request, member.person),
                }
                for member in delegation.members.all()
            ],
            "event": _event_reference(request, delegation.summit),
        }
    )


@register.simple_tag(takes_context=True)
def person_json_ld(context, page) -> SafeString:
    request, person = context["request"], page.person
    data = {
        **_person(request, person),
        "description": person.description,
        "performerIn": [_event_reference(request, m.delegation.summit) for m in page.memberships],
    }
    if person.country:
        data["nationality"] = {"@type": "Country", "name": person.country_name}
    return json_ld_script(data)


def _quotation(request, statement, *, source_visible: bool) -> dict:
    url = _address(request, statement)
    data = {
        "@type": "Quotation",
        "@id": f"{url}#quotation",
        "url": url,
        "text": statement.text,
        "inLanguage": "de",
        "about": _event_reference(request, statement.summit),
    }
    creator = _speaker(request, statement)
    if creator:
        data["creator"] = creator
    if statement.said_on:
        data["dateCreated"] = statement.said_on
    if source_visible:
        article = _article_reference(request, statement.source)
        data["isPartOf"] = article
        data["citation"] = article["url"]
    return data


@register.simple_tag(takes_context=True)
def statement_json_ld(context, page) -> SafeString:
    return json_ld_script(
        _quotation(context["request"], page.statement, source_visible=page.source_visible)
    )


@register.simple_tag(takes_context=True)
def source_json_ld(context, page) -> SafeString:
    request, source = context["request"], page.source
    data = {
        **_article_reference(request, source),
        "inLanguage": source.language,
        "about": [_event_reference(request, summit) for summit in page.summits],
        "hasPart": [
            _quotation(request, statement, source_visible=False) for statement in page.statements
        ],
    }
    if source.kicker:
        data["alternativeHeadline"] = source.kicker
    if source.published_on:
        data["datePublished"] = source.published_on
    if source.author:
        data["author"] = {"@type": "Person", "name": source.author}
    if source.publisher:
        data["publisher"] = {"@type": "Organization", "name": source.publisher}
    return json_ld_script(data)


@register.simple_tag(takes_context=True)
def page_json_ld(context, name: str, kind: str = "WebPage") -> SafeString:
    """For index, list and search pages: what the page is and where it sits on the site."""
    request = context["request"]
    home = _url(request, "events:home")
    data = {
        "@type": kind,
        "name": str(name),
        "url": context.get("canonical_url") or request.build_absolute_uri(request.path),
        "isPartOf": {
            "@type": "WebSite",
            "name": "newsroom",
            "url": home,
            "potentialAction": {
                "@type": "SearchAction",
                "target": f"{_url(request, 'events:search')}?q={{search_term_string}}",
                "query-input": "required name=search_term_string",
            },
        },
    }
    return json_ld_script(data)
