"""`make demo` as a newcomer reads its output: the login comes last, framed, right before the
server starts."""

import re
from pathlib import Path

MAKEFILE = Path(__file__).resolve().parents[2] / "Makefile"


def demo_recipe() -> list[str]:
    text = MAKEFILE.read_text(encoding="utf-8")
    recipe = re.search(r"^demo:.*\n((?:\t.*\n)+)", text, re.MULTILINE).group(1)
    return [line.strip() for line in recipe.splitlines() if not line.strip().startswith("@#")]


def test_the_demo_login_is_the_last_output_before_the_server_starts():
    lines = demo_recipe()
    login = next(n for n, line in enumerate(lines) if "create_demo_admin" in line)
    before, after = lines[:login], lines[login + 1 :]
    assert before[-1] == after[0] == '@echo "' + "=" * 80 + '"'
    # After the login: the frame, a blank line, then the worker and the server, both silent
    # about their own command line.
    assert after[1] == "@echo"
    assert after[2].startswith("@") and "manage.py" in after[2]
    assert "runserver" in [line for line in after if "manage.py" in line][-1]
    assert not any(
        name in line for line in after for name in ["migrate", "load_demo", "schedule_publishing"]
    )


def test_the_demo_runs_with_the_env_file_and_nothing_typed_in_front():
    assert re.search(r"^demo: install \.env$", MAKEFILE.read_text(), re.MULTILINE)
    assert not any("DEBUG=1" in line for line in demo_recipe())
