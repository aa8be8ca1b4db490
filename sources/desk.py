"""The review desk's admin page: an article's text with its suggested statements marked in
place, and beside it one decision per suggestion. Plain form posts, each answered with a
redirect to the next open suggestion; the reads and writes are in `sources.review`."""

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseBadRequest, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from events.countries import all_countries, country_name
from events.models import Delegation, Statement
from events.publishing import missing_permissions_message, publication_plan, publish_together
from newsroom.editorial import accept_suggestions
from sources import review
from sources.forms import AttachLabelForm, PersonFromLabelForm, SuggestionCorrectionForm
from sources.speaker_labels import parts_of_mention

SPAN_MOVES = {
    "start-left": ("start", -1),
    "start-right": ("start", 1),
    "end-left": ("end", -1),
    "end-right": ("end", 1),
}
NO_SUCH_STATEMENT = _("Diese Aussage gehört nicht zu diesem Artikel.")


class ReviewDeskMixin:
    """For the source article admin: `<id>/review/`, the desk of one article."""

    review_template = "admin/sources/sourcearticle/review.html"

    def get_urls(self):
        return [
            path(
                "<path:object_id>/review/",
                self.admin_site.admin_view(self.review_view),
                name="sources_sourcearticle_review",
            ),
            *super().get_urls(),
        ]

    def review_view(self, request, object_id):
        article = self.get_object(request, unquote(object_id))
        if article is None:
            raise Http404(_("Diesen Quellartikel gibt es nicht."))
        if not (
            self.has_view_permission(request, article)
            and request.user.has_perm("events.view_statement")
        ):
            raise PermissionDenied
        if request.method == "POST":
            if not request.user.has_perm("events.change_statement"):
                raise PermissionDenied
            return self.review_decide(request, article)
        correcting = _int(request.GET.get("korrigieren"))
        return self.render_desk(request, article, correcting=correcting)

    def publish_accepted(self, request, article):
        """The accepted statements of the article, published with what they name, after one
        confirmation that lists it all (events.publishing); only those the editor was shown."""
        if not request.user.has_perm("events.publish_statement"):
            raise PermissionDenied
        accepted = Statement.objects.filter(source=article, status__in=review.ACCEPTED)
        if request.POST.get("post") != "yes":
            return self.render_desk(request, article, plan=publication_plan(accepted))
        shown = [pk for pk in map(_int, request.POST.getlist("statements")) if pk is not None]
        plan = publication_plan(accepted.filter(pk__in=shown))
        try:
            count = publish_together(plan, user=request.user)
        except PermissionDenied as error:
            self.message_user(request, str(error), messages.ERROR)
        else:
            self.message_user(
                request,
                ngettext("%d Aussage veröffentlicht.", "%d Aussagen veröffentlicht.", count)
                % count,
                messages.SUCCESS,
            )
        return HttpResponseRedirect(desk_url(article))

    def render_desk(self, request, article, *, correcting=None, bound=None, plan=None, status=200):
        """The desk; `bound` holds a submitted form with errors, shown where it was filled in."""
        desk = review.desk_for_article(article)
        current = desk.find(correcting) if correcting is not None else None
        if current is not None and not current.can_change:
            current = None
        forms = {}
        if current is not None:
            forms = self.desk_forms(request, article, current.statement, bound=bound)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Prüftisch: %(title)s") % {"title": article.title},
            "article": article,
            "desk": desk,
            "current": current,
            "forms": forms,
            "media": sum((form.media for form in forms.values()), self.media),
            "can_decide": request.user.has_perm("events.change_statement"),
            "can_publish": request.user.has_perm("events.publish_statement"),
            "plan": plan,
            "missing": (
                missing_permissions_message(missing)
                if plan is not None and (missing := plan.missing_permissions(request.user))
                else ""
            ),
            "next_article": (
                review.next_article_for_review(after=article) if not desk.open_count else None
            ),
        }
        return TemplateResponse(request, self.review_template, context, status=status)

    def desk_forms(self, request, article, statement, *, bound=None):
        bound = bound or {}
        forms = {
            "correct": bound.get("correct")
            or SuggestionCorrectionForm(instance=statement, admin_site=self.admin_site)
        }
        if statement.speaker_id is None and statement.speaker_label:
            parts = parts_of_mention(
                article.body,
                statement.speaker_label,
                before=statement.source_start or len(article.body),
            )
            if request.user.has_perm("events.add_person"):
                forms["create_person"] = bound.get("create_person") or PersonFromLabelForm(
                    initial={"name": parts.name, "role": parts.role, "country": parts.country},
                    countries=summit_countries(statement),
                )
            if request.user.has_perm("events.change_person"):
                forms["attach_person"] = bound.get("attach_person") or AttachLabelForm(
                    admin_site=self.admin_site
                )
        return forms

    def review_decide(self, request, article):
        decision = request.POST.get("decision", "")
        if decision in ("accept-all", "reject-all"):
            return self.decide_all(request, article, decision)
        if decision == "publish":
            return self.publish_accepted(request, article)
        statement = (
            Statement.objects.filter(source=article, pk=_int(request.POST.get("statement")))
            .select_related("source", "summit")
            .first()
        )
        if statement is None:
            self.message_user(request, NO_SUCH_STATEMENT, messages.ERROR)
            return HttpResponseRedirect(desk_url(article))
        try:
            if decision == "accept":
                accept_suggestions(Statement.objects.filter(pk=statement.pk), user=request.user)
            elif decision == "reject":
                review.reject_statements(
                    Statement.objects.filter(pk=statement.pk), user=request.user
                )
            elif decision in SPAN_MOVES:
                edge, step = SPAN_MOVES[decision]
                review.move_statement_edge(statement, user=request.user, edge=edge, step=step)
                return HttpResponseRedirect(desk_url(article, correcting=statement))
            elif decision == "correct":
                form = SuggestionCorrectionForm(
                    request.POST, instance=statement, admin_site=self.admin_site
                )
                if not form.is_valid():
                    return self.render_desk(
                        request,
                        article,
                        correcting=statement.pk,
                        bound={"correct": form},
                        status=400,
                    )
                review.correct_statement(
                    statement,
                    user=request.user,
                    speaker=form.cleaned_data["speaker"],
                    kind=form.cleaned_data["kind"],
                    said_on=form.cleaned_data["said_on"],
                    topics=list(form.cleaned_data["topics"]),
                )
            elif decision == "create-person":
                return self.create_person(request, article, statement)
            elif decision == "attach-person":
                return self.attach_person(request, article, statement)
            else:
                return HttpResponseBadRequest(_("Unbekannte Entscheidung."))
        except review.StatementClosed as error:
            self.message_user(request, str(error), messages.ERROR)
            return HttpResponseRedirect(desk_url(article))
        return HttpResponseRedirect(desk_url(article, after=statement))

    def decide_all(self, request, article, decision):
        remaining = review.open_suggestions(article)
        if decision == "accept-all":
            count = accept_suggestions(remaining, user=request.user)
            message = ngettext("%d Vorschlag angenommen.", "%d Vorschläge angenommen.", count)
        else:
            count = review.reject_statements(remaining, user=request.user)
            message = ngettext("%d Vorschlag abgelehnt.", "%d Vorschläge abgelehnt.", count)
        self.message_user(request, message % count, messages.SUCCESS)
        return HttpResponseRedirect(desk_url(article))

    def create_person(self, request, article, statement):
        if not request.user.has_perm("events.add_person"):
            raise PermissionDenied
        form = PersonFromLabelForm(request.POST, countries=summit_countries(statement))
        if not form.is_valid():
            return self.render_desk(
                request,
                article,
                correcting=statement.pk,
                bound={"create_person": form},
                status=400,
            )
        person = review.create_person_from_label(statement, user=request.user, **form.cleaned_data)
        self.message_user(
            request,
            _("%(name)s angelegt (als Entwurf) und als Sprecher/in eingetragen.")
            % {"name": person.name},
            messages.SUCCESS,
        )
        return HttpResponseRedirect(desk_url(article, after=statement))

    def attach_person(self, request, article, statement):
        if not request.user.has_perm("events.change_person"):
            raise PermissionDenied
        form = AttachLabelForm(request.POST, admin_site=self.admin_site)
        if not form.is_valid():
            return self.render_desk(
                request,
                article,
                correcting=statement.pk,
                bound={"attach_person": form},
                status=400,
            )
        person = form.cleaned_data["person"]
        pending = review.attach_label_to_person(statement, user=request.user, person=person)
        names = {"label": statement.speaker_label, "name": person.name}
        if pending:
            message = _(
                "%(name)s ist als Sprecher/in eingetragen; „%(label)s“ als Schreibweise "
                "wartet auf die Freigabe durch die Chefredaktion."
            )
        else:
            message = _("„%(label)s“ ist jetzt eine Schreibweise von %(name)s.")
        self.message_user(request, message % names, messages.SUCCESS)
        return HttpResponseRedirect(desk_url(article, after=statement))


def desk_url(article, *, after=None, correcting=None) -> str:
    """The desk, scrolled to the statement being corrected, or to the next open suggestion
    after the one just decided."""
    url = reverse("admin:sources_sourcearticle_review", args=[article.pk])
    if correcting is not None:
        return f"{url}?korrigieren={correcting.pk}#aussage-{correcting.pk}"
    if after is not None:
        following = review.open_suggestions(article).order_by("source_start", "pk")
        following = following.filter(source_start__gt=after.source_start or 0).first() or (
            following.first()
        )
        if following is not None:
            return f"{url}#aussage-{following.pk}"
    return url


def summit_countries(statement) -> list[tuple[str, str]]:
    """The countries of the summit's delegations first, then every other."""
    present = list(
        Delegation.objects.filter(summit_id=statement.summit_id)
        .order_by("country")
        .values_list("country", flat=True)
    )
    first = sorted(((code, country_name(code)) for code in present), key=lambda c: c[1])
    return first + [c for c in all_countries() if c[0] not in present]


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
