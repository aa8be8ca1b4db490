"""The spreadsheet pages of the admin in German: column labels, "Alle auswählen", file names."""

import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone, translation

from events.models import DelegationMember, Statement
from events.resources import StatementResource
from newsroom.importexport import CSVFormat, XLSXFormat
from newsroom.importexport_forms import (
    GermanExportForm,
    column_label,
    export_filename,
    template_filename,
)
from sources.models import SourceArticle

pytestmark = pytest.mark.django_db


def test_a_column_is_labelled_by_its_field_and_its_own_name():
    assert column_label(Statement, "speaker") == "Sprecher/in (speaker)"
    assert column_label(Statement, "said_on") == "Gesagt am (said_on)"
    assert column_label(Statement, "no_such_field") == "no_such_field"


def test_files_are_named_after_the_model_in_german_whatever_the_language():
    today = timezone.localdate().isoformat()
    with translation.override("en"):
        assert export_filename(Statement, "csv") == f"aussagen-{today}.csv"
    assert export_filename(SourceArticle, "xlsx") == f"quellartikel-{today}.xlsx"
    assert export_filename(DelegationMember, "json") == f"delegationsmitglieder-{today}.json"
    assert template_filename(Statement) == "aussagen-vorlage.csv"


def test_the_export_form_labels_the_columns_in_german():
    form = GermanExportForm([CSVFormat, XLSXFormat], [StatementResource])
    labels = {name: field.label for name, field in form.fields.items()}
    assert labels["statementresource_speaker"] == "Sprecher/in (speaker)"
    assert labels["statementresource_text"] == "Text (text)"
    assert labels["format"] == "Dateiformat"


def export_request(user, data=None):
    factory = RequestFactory()
    path = reverse("admin:events_statement_export")
    request = factory.post(path, data) if data else factory.get(path)
    request.user = user
    return request


def test_the_statement_admin_exports_under_a_german_name(admin_user):
    model_admin = admin.site._registry[Statement]
    response = model_admin.export_action(
        export_request(admin_user, {"format": "0", "statementresource_text": "on"})
    )
    today = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == f'attachment; filename="aussagen-{today}.csv"'


def test_the_statement_admin_shows_german_column_labels(admin_user):
    model_admin = admin.site._registry[Statement]
    page = model_admin.export_action(export_request(admin_user)).render().content.decode()
    assert "Sprecher/in (speaker)" in page
    assert "Speaker Label" not in page


def test_the_export_page_offers_to_select_all_in_german(admin_client):
    page = admin_client.get(reverse("admin:events_statement_export")).content.decode()
    assert "Alle auswählen" in page
    assert "Select all" not in page
