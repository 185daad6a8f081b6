"""How a text refers back to a named person by surname."""

from __future__ import annotations

import pytest

from readwise_desktop.engine.attribution.persons import surname_keys


@pytest.mark.parametrize(
    ("name", "keys"),
    [
        ("Nancy Pelosi", ["Pelosi"]),
        ("Gloria La Riva", ["Riva", "La Riva"]),
        ("Robert Downey Jr.", ["Downey"]),
        ("Marta Quintero Lobos", ["Lobos", "Quintero", "Quintero Lobos"]),
        ("George W. Bush", ["Bush"]),  # an initial is no surname
        ("Madonna", []),
    ],
)
def test_surname_keys(name: str, keys: list[str]) -> None:
    assert surname_keys(name) == keys
