"""Readers under load: requests per second and latency of the big summit page under gunicorn,
against a trivial response of the same server, with and without the page cache.

    python bench/load.py [--statements 2000] [--workers 3] [--readers 50] [--seconds 10]

Builds the throw-away SQLite database of `bench/pages.py` (the demo content plus a summit with
`--statements` published statements), starts gunicorn with `--workers` sync workers on it, and
lets `--readers` concurrent readers (each a connection per request, as browsers behind a
proxy are) ask for one URL for `--seconds`, for each of:

- the favicon redirect (a response that touches nothing: the server's ceiling),
- the summit page with the page cache (`PAGE_CACHE=file`, shared by the workers),
- the summit page rendered every time (`PAGE_CACHE=none`).

Prints requests/s, p50 and p99 per case and the ratio of each to the ceiling. The readers run
in this process (asyncio), on the same machine: on 2 cores they take CPU from the server, so
the ratios mean more than the absolute figures. Asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def build_database(statements: int) -> tuple[Path, str]:
    """The database of bench/pages.py, built in a child process; returns its path and the
    big summit's address."""
    code = (
        "import sys; sys.argv=['pages']; import bench.pages as p; from django.core.management "
        "import call_command; call_command('migrate', verbosity=0); "
        f"pages = p.build(statements={statements}, members=50); "
        "print(p.DATABASE); print([u for k, u in pages.items() if k.startswith('summit (')][0])"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    return Path(out[-2]), out[-1]


def server_environment(database: Path, *, cache: bool) -> dict:
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database}",
        "SECRET_KEY": "bench-only-not-a-secret",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "PAGE_CACHE": "file" if cache else "none",
    }
    env.pop("DEBUG", None)
    return env


def start_server(database: Path, *, workers: int, cache: bool, port: int) -> subprocess.Popen:
    env = server_environment(database, cache=cache)
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "newsroom.wsgi",
            "--workers",
            str(workers),
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return server
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise SystemExit("gunicorn did not start")


async def get(port: int, path: str) -> tuple[int, float]:
    start = time.perf_counter()
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
    await writer.drain()
    status_line = await reader.readline()
    await reader.read()  # the rest, to the close
    writer.close()
    return int(status_line.split()[1]), time.perf_counter() - start


async def load(port: int, path: str, *, readers: int, seconds: float) -> dict:
    latencies: list[float] = []
    errors = 0
    stop = time.perf_counter() + seconds

    async def reader() -> None:
        nonlocal errors
        while time.perf_counter() < stop:
            try:
                status, latency = await get(port, path)
            except OSError:
                errors += 1
                continue
            if status >= 400:
                errors += 1
            latencies.append(latency)

    started = time.perf_counter()
    await asyncio.gather(*(reader() for _ in range(readers)))
    elapsed = time.perf_counter() - started
    latencies.sort()
    return {
        "rps": len(latencies) / elapsed,
        "p50": statistics.median(latencies) * 1000 if latencies else float("nan"),
        "p99": latencies[int(len(latencies) * 0.99) - 1] * 1000 if latencies else float("nan"),
        "errors": errors,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--readers", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=10)
    args = parser.parse_args()

    database, summit = build_database(args.statements)
    # As in production: the static files collected, with their manifest (into staticfiles/).
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"],
        cwd=ROOT,
        env=server_environment(database, cache=True),
        check=True,
    )
    print(
        f"gunicorn, {args.workers} sync workers, SQLite; {args.readers} concurrent readers, "
        f"{args.seconds:g} s per case; summit page with {args.statements} statements"
    )
    results = {}
    for name, path, cache in [
        ("trivial (favicon redirect)", "/favicon.ico", True),
        ("summit page, cached", summit, True),
        ("summit page, rendered every time", summit, False),
    ]:
        port = free_port()
        server = start_server(database, workers=args.workers, cache=cache, port=port)
        try:
            asyncio.run(load(port, path, readers=5, seconds=1))  # warm: imports, cache
            results[name] = asyncio.run(
                load(port, path, readers=args.readers, seconds=args.seconds)
            )
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)
    ceiling = results["trivial (favicon redirect)"]["rps"]
    print(f"{'case':36} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7} {'ratio':>6}")
    for name, figures in results.items():
        print(
            f"{name:36} {figures['rps']:8.0f} {figures['p50']:8.1f} {figures['p99']:8.1f} "
            f"{figures['errors']:7d} {figures['rps'] / ceiling:6.2f}"
        )


if __name__ == "__main__":
    main()
