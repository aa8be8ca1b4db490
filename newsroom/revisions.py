"""Four eyes: a change to published content by someone without the publish permission of its
model does not go live. It is kept as a pending `Revision` (the fields that differ from the
live row, and changed rows of the form's inlines); the Chefredaktion publishes it (applied
through a normal save, so the history records a version with the author in its reason) or
discards it.

One pending revision per object: a second edit starts from the pending values (the change
form shows them) and replaces the pending revision, which is kept as superseded.
"""

import json

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist, PermissionDenied, ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from newsroom.editorial import Editorial, Status, can_publish
from newsroom.history import FieldChange, field_change
from newsroom.models import Revision

PENDING = _(
    "Ihre Änderung wartet auf die Freigabe durch die Chefredaktion. Bis dahin bleibt die "
    "veröffentlichte Fassung unverändert."
)
NOTHING_TO_REVIEW = _("Keine Änderung gegenüber der veröffentlichten Fassung.")
SHOWS_PENDING = _(
    "Das Formular zeigt die Änderung vom {date} ({author}), die auf Freigabe wartet: "
    "Speichern ersetzt sie."
)
HAS_PENDING = _("Für diesen Eintrag wartet eine Änderung auf Freigabe.")
CANNOT_DECIDE = _("Über diese Änderung entscheidet, wer {models} veröffentlichen darf.")
ALREADY_DECIDED = _("Über diese Änderung ist schon entschieden.")
PUBLISHED = _("Die Änderung ist veröffentlicht.")
DISCARDED = _("Die Änderung ist verworfen; die veröffentlichte Fassung bleibt.")
CANNOT_APPLY = _("Die Änderung lässt sich so nicht veröffentlichen: {errors}")
REASON = _("Freigabe: Änderung von {author} vom {date}")
UNKNOWN_AUTHOR = _("unbekannt")


def needs_review(user, obj: models.Model) -> bool:
    """Whether `user` saving `obj` must go through a revision: the stored row is published
    and `user` may not publish its model."""
    if not isinstance(obj, Editorial) or obj.pk is None or can_publish(user, type(obj)):
        return False
    return type(obj)._default_manager.filter(pk=obj.pk, status=Status.PUBLISHED).exists()


def pending_revision(obj: models.Model) -> Revision | None:
    return (
        Revision.objects.filter(
            content_type=_content_type(type(obj)),
            object_id=obj.pk,
            state=Revision.State.PENDING,
        )
        .select_related("author")
        .first()
    )


def submit_revision(*, obj: models.Model, form, user) -> Revision | None:
    """Keep what the bound, valid `form` would change in `obj` as a pending revision (None if
    it changes nothing); the pending one it replaces keeps its changed inline rows."""
    model = type(obj)
    live = model._default_manager.get(pk=obj.pk)
    values, base = {}, {}
    for name in form.fields:
        field = _model_field(model, name)
        if field is None:
            continue
        proposed = field_value(field, form.cleaned_data[name] if field.many_to_many else obj)
        current = field_value(field, live)
        if proposed != current:
            values[name], base[name] = proposed, current
    with transaction.atomic():
        previous = (
            Revision.objects.select_for_update()
            .filter(
                content_type=_content_type(model),
                object_id=obj.pk,
                state=Revision.State.PENDING,
            )
            .first()
        )
        inlines = []
        if previous is not None:
            previous.state = Revision.State.SUPERSEDED
            previous.save(update_fields=["state"])
            inlines = previous.inlines
        if not values and not inlines:
            return None
        return Revision.objects.create(
            content_type=_content_type(model),
            object_id=obj.pk,
            values=values,
            base=base,
            inlines=inlines,
            author=user,
        )


def submit_import_revisions(model, entries, *, user) -> None:
    """Changes a spreadsheet import brings to published rows when the importer may not
    publish: pending revisions, one per row, from (instance, live values, proposed values);
    a row's pending revision is superseded, as by a second edit in its form."""
    content_type = _content_type(model)
    pks = [instance.pk for instance, _base, _values in entries]
    Revision.objects.filter(
        content_type=content_type, object_id__in=pks, state=Revision.State.PENDING
    ).update(state=Revision.State.SUPERSEDED)
    Revision.objects.bulk_create(
        Revision(
            content_type=content_type,
            object_id=instance.pk,
            values=values,
            base=base,
            inlines=[],
            author=user,
        )
        for instance, base, values in entries
    )


def add_inline_changes(*, obj: models.Model, revision: Revision | None, formsets, user):
    """The changed, added and deleted rows of the change form's inlines, into `revision` (or
    a new one for `obj` if the form itself changed nothing)."""
    changes = []
    for formset in formsets:
        label = formset.model._meta.label_lower
        deleted = set(formset.deleted_forms)
        for form in formset.forms:
            pk = form.instance.pk if form.instance._state.adding is False else None
            if form in deleted:
                if pk is not None:
                    changes.append({"model": label, "pk": pk, "delete": True, "values": {}})
                continue
            if not form.has_changed():
                continue
            values = {}
            for name in form.changed_data:
                field = _model_field(formset.model, name)
                if field is not None:
                    values[name] = field_value(
                        field, form.cleaned_data[name] if field.many_to_many else form.instance
                    )
            changes.append(
                {
                    "model": label,
                    "pk": pk,
                    "parent": formset.fk.attname,
                    "delete": False,
                    "values": values,
                }
            )
    if not changes:
        return revision
    if revision is None:
        revision = Revision.objects.create(
            content_type=_content_type(type(obj)), object_id=obj.pk, author=user
        )
    kept = [
        entry
        for entry in revision.inlines
        if entry["pk"] is None
        or (entry["model"], entry["pk"]) not in {(c["model"], c["pk"]) for c in changes}
    ]
    revision.inlines = [*kept, *changes]
    revision.save(update_fields=["inlines"])
    return revision


def form_initial(revision: Revision, model: type[models.Model]) -> dict:
    """The revision's values as a change form's initial data."""
    initial = {}
    for name, value in revision.values.items():
        field = _model_field(model, name)
        if field is not None:
            initial[name] = value if field.many_to_many else field.to_python(value)
    return initial


def decision_models(revision: Revision) -> list[type[models.Model]]:
    """The models whose publish permission deciding on `revision` needs."""
    needed = [revision.content_type.model_class()]
    for entry in revision.inlines:
        model = apps.get_model(entry["model"])
        if issubclass(model, Editorial) and model not in needed:
            needed.append(model)
    return needed


def can_decide(user, revision: Revision) -> bool:
    return all(can_publish(user, model) for model in decision_models(revision))


def publish_revision(revision: Revision, *, user) -> models.Model:
    """Apply the revision to the live row through a normal save (history: a version by
    `user`, crediting the author in the reason)."""
    _check_decider(revision, user)
    with transaction.atomic():
        revision = _lock_pending(revision)
        model = revision.content_type.model_class()
        obj = model._default_manager.select_for_update().get(pk=revision.object_id)
        many = {}
        for name, value in revision.values.items():
            field = _model_field(model, name)
            if field is None:
                continue
            if field.many_to_many:
                many[name] = value
            else:
                setattr(obj, field.attname, field.to_python(value))
        try:
            obj.full_clean()
        except ValidationError as error:
            raise ValidationError(CANNOT_APPLY.format(errors="; ".join(error.messages))) from error
        reason = str(
            REASON.format(
                author=revision.author or UNKNOWN_AUTHOR,
                date=formats.date_format(
                    timezone.localtime(revision.created_at), "SHORT_DATETIME_FORMAT"
                ),
            )
        )
        _save(obj, user=user, reason=reason)
        for name, ids in many.items():
            getattr(obj, name).set(ids)
        for entry in revision.inlines:
            _apply_inline(entry, parent=obj, user=user, reason=reason)
        revision.state = Revision.State.PUBLISHED
        revision.decided_by, revision.decided_at = user, timezone.now()
        revision.save(update_fields=["state", "decided_by", "decided_at"])
    return obj


def discard_revision(revision: Revision, *, user) -> None:
    _check_decider(revision, user)
    with transaction.atomic():
        revision = _lock_pending(revision)
        revision.state = Revision.State.DISCARDED
        revision.decided_by, revision.decided_at = user, timezone.now()
        revision.save(update_fields=["state", "decided_by", "decided_at"])


def revision_changes(revision: Revision, live: models.Model) -> list[FieldChange]:
    """Field by field, what publishing `revision` would change in `live`, texts word by
    word."""
    model = type(live)
    changes = []
    for name, value in revision.values.items():
        field = _model_field(model, name)
        if field is None:
            continue
        old = _shown(field, field_value(field, live))
        new = _shown(field, value)
        changes.append(field_change(field, old, new))
    return changes


def inline_changes(revision: Revision) -> list[tuple[str, list[FieldChange]]]:
    """For each changed inline row: a heading and its field changes."""
    rows = []
    for entry in revision.inlines:
        model = apps.get_model(entry["model"])
        live = model._default_manager.filter(pk=entry["pk"]).first() if entry["pk"] else None
        name = model._meta.verbose_name
        if entry["delete"]:
            rows.append((f"{_('Entfernt')}: {name} {live or ''}".strip(), []))
            continue
        heading = f"{name}: {live}" if live is not None else f"{_('Neu')}: {name}"
        fields = []
        for field_name, value in entry["values"].items():
            field = _model_field(model, field_name)
            if field is None:
                continue
            old = _shown(field, field_value(field, live)) if live is not None else ""
            new = _shown(field, value)
            fields.append(field_change(field, old, new))
        rows.append((heading, fields))
    return rows


def live_changed_since(revision: Revision, live: models.Model) -> bool:
    """Whether the live row changed, in the fields the revision changes, after it was
    submitted (publishing it would then overwrite those changes)."""
    model = type(live)
    for name, value in revision.base.items():
        field = _model_field(model, name)
        if field is not None and field_value(field, live) != value:
            return True
    return False


def _check_decider(revision: Revision, user) -> None:
    if not can_decide(user, revision):
        names = ", ".join(str(m._meta.verbose_name_plural) for m in decision_models(revision))
        raise PermissionDenied(CANNOT_DECIDE.format(models=names))


def _lock_pending(revision: Revision) -> Revision:
    locked = Revision.objects.select_for_update().get(pk=revision.pk)
    if locked.state != Revision.State.PENDING:
        raise ValidationError(ALREADY_DECIDED)
    return locked


def _save(obj: models.Model, *, user, reason: str) -> None:
    obj._history_user = user
    obj._change_reason = reason
    obj.save()


def _apply_inline(entry: dict, *, parent: models.Model, user, reason: str) -> None:
    model = apps.get_model(entry["model"])
    if entry["pk"] is not None:
        row = model._default_manager.filter(pk=entry["pk"]).first()
        if row is None:
            return
        if entry["delete"]:
            row._history_user, row._change_reason = user, reason
            row.delete()
            return
    else:
        row = model(**{entry["parent"]: parent.pk})
    many = {}
    for name, value in entry["values"].items():
        field = _model_field(model, name)
        if field is None:
            continue
        if field.many_to_many:
            many[name] = value
        else:
            setattr(row, field.attname, field.to_python(value))
    _save(row, user=user, reason=reason)
    for name, ids in many.items():
        getattr(row, name).set(ids)


def _content_type(model):
    return ContentType.objects.get_for_model(model)


def _model_field(model, name: str):
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:  # a form field of its own
        return None
    # Editable columns and many-to-many fields; not reverse relations or the primary key.
    if not getattr(field, "editable", False) or field.primary_key:
        return None
    return field if field.concrete or field.many_to_many else None


def field_value(field, source):
    """A field's value as JSON: foreign keys as ids, many-to-many as sorted ids. `source` is
    an instance, or for many-to-many the chosen objects."""
    if field.many_to_many:
        if isinstance(source, models.Model):
            source = field.value_from_object(source)
        return sorted(obj.pk for obj in source)
    value = field.value_from_object(source)
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder))


def _shown(field, value) -> str:
    """A JSON value as an editor reads it: names for references, labels for choices."""
    if value is None or value == "":
        return ""
    if field.many_to_many:
        related = field.related_model._default_manager.filter(pk__in=value)
        return ", ".join(sorted(str(obj) for obj in related))
    if field.is_relation:
        related = field.related_model._default_manager.filter(pk=value).first()
        return str(related) if related is not None else str(value)
    choices = dict(field.flatchoices or ())
    if value in choices:
        return str(choices[value])
    python = field.to_python(value)
    if hasattr(python, "year"):
        return formats.localize(python)
    return str(python)
