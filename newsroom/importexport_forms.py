"""django-import-export's admin pages in German where its own translation leaves English: the
export form names each column by its field ("Sprecher/in (speaker)" instead of "Speaker"),
and files are named after the model in German (`aussagen-2026-12-02.csv`, not
`Statement-2026-12-02.csv`). "Select all" is translated in locale/de."""

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import timezone, translation
from django.utils.text import capfirst, slugify
from import_export.forms import SelectableFieldsExportForm


def column_label(model: type[models.Model], name: str) -> str:
    """The field's name as editors know it, then the column's name, which the file uses."""
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return name
    return f"{capfirst(field.verbose_name)} ({name})"


def file_stem(model: type[models.Model]) -> str:
    """The model's plural in the site's language, as a file name: "aussagen"."""
    with translation.override(settings.LANGUAGE_CODE):
        return slugify(str(model._meta.verbose_name_plural))


def export_filename(model: type[models.Model], extension: str) -> str:
    return f"{file_stem(model)}-{timezone.localdate():%Y-%m-%d}.{extension}"


def template_filename(model: type[models.Model]) -> str:
    """The empty CSV to fill in: "aussagen-vorlage.csv"."""
    return f"{file_stem(model)}-vorlage.csv"


class GermanExportForm(SelectableFieldsExportForm):
    def __init__(self, formats, resources, **kwargs):
        super().__init__(formats, resources, **kwargs)
        for resource in resources:
            prefix = f"{resource.__name__.lower()}_"
            for name in self.resource_fields[resource.__name__]:
                self.fields[name].label = column_label(
                    resource._meta.model, name.removeprefix(prefix)
                )


class GermanExportMixin:
    """For an import-export model admin: the German export form and file names."""

    export_form_class = GermanExportForm

    def get_export_filename(self, request, queryset, file_format):
        return export_filename(self.model, file_format.get_extension())
