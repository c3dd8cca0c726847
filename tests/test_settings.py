from pathlib import Path

import pytest

from quotes.settings import SETTINGS, get_setting

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("setting", SETTINGS, ids=lambda s: s.name)
def test_every_setting_is_documented_in_readme(setting):
    assert f"`{setting.env}`" in README


def test_environment_overrides_default(monkeypatch):
    monkeypatch.setenv("QUOTES_BATCH_SIZE", "7")
    assert "7" == get_setting("batch_size")
    monkeypatch.delenv("QUOTES_BATCH_SIZE")
    assert "32" == get_setting("batch_size")
