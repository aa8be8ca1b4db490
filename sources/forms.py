from django import forms
from django.utils.translation import gettext_lazy as _

from events.models import Summit
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
