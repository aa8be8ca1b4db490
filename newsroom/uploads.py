"""Files uploaded through any form of the site: how much of one is kept.

Django counts every byte of an upload but would store all of it; this handler stores at most
`MAX_UPLOAD_BYTES` + 1 bytes of a file and drops the rest, so a form can still refuse the file
by its real size (`upload.size`) while a 1 GB upload costs neither memory nor disk."""

from django.core.files.uploadhandler import TemporaryFileUploadHandler

# The largest file any form takes (a spreadsheet; an archive of articles).
MAX_UPLOAD_BYTES = 20 * 1024 * 1024
# How long an upload waits between the preview and the confirmation (both imports).
STAGING_SECONDS = 24 * 3600


class CappedUploadHandler(TemporaryFileUploadHandler):
    """Stores the start of a file on disk, counting (not storing) what lies past the limit.
    Django's memory handler, before it in FILE_UPLOAD_HANDLERS, takes small requests whole."""

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        room = MAX_UPLOAD_BYTES + 1 - self.received
        self.received += len(raw_data)
        if room > 0:
            self.file.write(raw_data[:room])
        # The chunk stops here: no handler after this one stores it either.
        return None
