"""A real worker process (`manage.py db_worker`) on the database of this test run."""

import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.db import connection

PROJECT = Path(__file__).resolve().parents[2]
DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
REDIS_QUEUE = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
WORKERS = {
    "database": ["db_worker", "--batch", "--no-startup-delay"],
    "redis": ["rqworker", "default", "--burst", "--job-class", "django_tasks_rq.backend.Job"],
}


def run_worker(queue: str = "database") -> subprocess.CompletedProcess:
    """Work off every task that is due, in a process of its own, then return."""
    worker = subprocess.run(
        [sys.executable, "manage.py", *WORKERS[queue]],
        cwd=PROJECT,
        env={**worker_environment(), "TASKS_BACKEND": queue},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert worker.returncode == 0, worker.stderr[-3000:]
    return worker


def worker_environment() -> dict:
    """The environment of this test run, pointed at the test database this process uses and
    at the database queue."""
    database = connection.settings_dict
    if database["ENGINE"].endswith("sqlite3"):
        url = f"sqlite:///{database['NAME']}"
    else:
        url = f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}"
    return {
        **os.environ,
        "DATABASE_URL": url,
        "IMPORT_STAGING_DIR": str(settings.IMPORT_STAGING_DIR),
        "TASKS_BACKEND": "database",
    }
