from django import forms
from django.utils.translation import gettext_lazy as _

from events.models import Summit


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


class ArticleConfirmForm(forms.Form):
    token = forms.CharField(widget=forms.HiddenInput, max_length=32)
    summit = forms.ModelChoiceField(Summit.objects.all(), required=False, widget=forms.HiddenInput)
    publish_sources = forms.BooleanField(
        label=_("Quellartikel gleich veröffentlichen"), required=False
    )
