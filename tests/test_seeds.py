import pytest

from tests import seeds


def test_a_missing_seed_folder_fails_with_a_message_naming_it(monkeypatch, tmp_path):
    missing = tmp_path / "shared" / "seeds"
    monkeypatch.setattr(seeds, "SEEDS", missing)
    with pytest.raises(pytest.fail.Exception, match=f"seed articles are missing: .*{missing}"):
        seeds.seed_path("001")


def test_the_five_seed_articles_are_found_by_their_number():
    assert [path.name[:3] for path in seeds.seed_paths()] == ["000", "001", "002", "003", "004"]
    assert seeds.seed_path("003") == seeds.seed_paths()[3]
