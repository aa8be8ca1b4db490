from django import forms
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.utils.translation import gettext_lazy as _

from events.models import Person, Statement, Summit
from newsroom.uploads import MAX_UPLOAD_BYTES


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".txt,.zip"}))
        # Empty files are reported by the importer, with the others, not refused by the form.
        kwargs.setdefault("allow_empty_file", True)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)]


UPLOAD_TOO_LARGE = _(
    "Zusammen sind die hochgeladenen Dateien {size} MB groß; höchstens {limit} MB auf einmal."
)


class ArticleUploadForm(forms.Form):
    files = MultipleFileField(
        label=_("Dateien"),
        help_text=_("Eine oder mehrere .txt-Dateien, oder ein .zip-Archiv mit .txt-Dateien."),
    )
    summit = forms.ModelChoiceField(
        Summit.objects.all(),
        label=_("Gipfel"),
        required=False,
        empty_label=_("aus dem Text erkennen"),
    )

    def clean_files(self):
        # The sizes are the bytes received (newsroom.uploads keeps no more than the limit).
        files = self.cleaned_data["files"]
        size = sum(upload.size for upload in files)
        if size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                UPLOAD_TOO_LARGE.format(
                    size=round(size / 2**20, 1), limit=MAX_UPLOAD_BYTES // 2**20
                )
            )
        return files


class ArticleConfirmForm(forms.Form):
    token = forms.CharField(widget=forms.HiddenInput, max_length=32)
    summit = forms.ModelChoiceField(Summit.objects.all(), required=False, widget=forms.HiddenInput)
    publish_sources = forms.BooleanField(
        label=_("Quellartikel gleich veröffentlichen"), required=False
    )


class SuggestionCorrectionForm(forms.ModelForm):
    """What an editor corrects of a suggestion on the review desk; the span is moved word by
    word with buttons of its own, the text follows the source."""

    class Meta:
        model = Statement
        fields = ["speaker", "kind", "said_on", "topics"]
        widgets = {"said_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, admin_site, **kwargs):
        super().__init__(*args, **kwargs)
        _autocomplete(self.fields["speaker"], AutocompleteSelect, "speaker", admin_site)
        _autocomplete(self.fields["topics"], AutocompleteSelectMultiple, "topics", admin_site)
        self.fields["topics"].help_text = ""


class PersonFromLabelForm(forms.Form):
    """A new person from a speaker label, prefilled from what the label says."""

    name = forms.CharField(label=_("Name"), max_length=200)
    role = forms.CharField(label=_("Rolle bei diesem Gipfel"), max_length=200, required=False)
    country = forms.ChoiceField(label=_("Land"), required=False)

    def __init__(self, *args, countries: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", "–"), *countries]


class AttachLabelForm(forms.Form):
    """The label names a person the newsroom knows."""

    person = forms.ModelChoiceField(Person.objects.all(), label=_("Person"))

    def __init__(self, *args, admin_site, **kwargs):
        super().__init__(*args, **kwargs)
        # The admin's person search, as the statement form's speaker field uses it.
        _autocomplete(self.fields["person"], AutocompleteSelect, "speaker", admin_site)


def _autocomplete(field, widget_class, statement_field: str, admin_site) -> None:
    """The admin's autocomplete for `field`, searching as the statement admin's field of that
    name does (its permission checks included)."""
    field.widget = widget_class(Statement._meta.get_field(statement_field), admin_site)
    field.widget.choices = field.choices


class AliasForm(forms.ModelForm):
    """A person's aliases, as the desk adds one: the four-eyes rule keeps a form's changes."""

    class Meta:
        model = Person
        fields = ["aliases"]
