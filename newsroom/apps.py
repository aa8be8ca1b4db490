from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_save


class NewsroomConfig(AppConfig):
    name = "newsroom"
    verbose_name = "Redaktion"

    def ready(self):
        from newsroom.pagecache import bump_on_change

        for signal in (post_save, post_delete, m2m_changed):
            signal.connect(bump_on_change, dispatch_uid=f"pagecache-{id(signal)}")
