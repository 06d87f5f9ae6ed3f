"""Docs move with behaviour: the dictionary is current, and every command has help with examples."""

import pytest

from orchestration.cli import _parser, main
from orchestration.dictionary import DICTIONARY, render


def test_data_dictionary_is_current() -> None:
    assert DICTIONARY.read_text(encoding="utf-8") == render(), "run `envwh dictionary`"


def test_dictionary_lists_every_fact_column_and_indicator() -> None:
    text = render()
    for needle in ("## marts.fct_air_quality", "`value_canonical`", "`pm2_5`", "PM2.5平均浓度",
                   "`kt10_per_day`"):  # fmt: skip
        assert needle in text


@pytest.mark.parametrize(
    "command",
    [
        "build",
        "sql",
        "rejected",
        "validate",
        "docs",
        "export",
        "dictionary",
        "manifest",
        "extract",
        "serve",
    ],
)
def test_every_command_has_help_with_examples(command: str, capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert "examples:" in out and f"envwh {command}" in out


def test_no_command_prints_help_and_fails(capsys) -> None:
    assert main([]) == 2
    assert "commands" in capsys.readouterr().out
    assert _parser().prog == "envwh"
