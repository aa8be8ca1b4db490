"""The seed articles in ../shared/seeds, the acceptance corpus CI always has next to the
repository. A test that reads them fails with a message when they are missing: a silent skip
would let a broken checkout pass."""

from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"


def seed_folder() -> Path:
    if not SEEDS.is_dir():
        pytest.fail(
            f"The seed articles are missing: expected them in {SEEDS} "
            "(the shared folder next to the repository)",
            pytrace=False,
        )
    return SEEDS


def seed_path(number: str) -> Path:
    """The seed article whose file name starts with `number`, e.g. "001"."""
    (path,) = seed_folder().glob(f"{number}_*.txt")
    return path


def seed_paths() -> list[Path]:
    return sorted(seed_folder().glob("*.txt"))
