"""What each app holds about a person: the registry behind the data export and erasure.

The accounts app does not import the apps that keep a person's records (agency, events,
practices...); each registers a `PersonalData` section in its AppConfig.ready():

- `export(person)` answers JSON-ready rows (dicts of machine values, the keys of `fields`);
- `erase(person)` removes or anonymises what the app holds about them, inside the
  caller's transaction, before the account itself is deleted or anonymised.

`accounts.services.export_person_data` and `erase_person` walk every registered section, so
a new app's records are in the export and erased as soon as it registers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

Row = dict[str, Any]


@dataclass(frozen=True)
class PersonalData:
    key: str
    title: Any  # a lazily translated title for the readable page
    fields: tuple[tuple[str, Any], ...]  # (key of a row, translated column label)
    export: Callable[[Any], list[Row]]
    erase: Callable[[Any], None] | None = None
    note: Any = ""  # what the section leaves out, and why (shown on the page, kept in the JSON)
    order: int = 50


_SECTIONS: dict[str, PersonalData] = {}


def register(section: PersonalData) -> None:
    _SECTIONS[section.key] = section


def sections() -> list[PersonalData]:
    return sorted(_SECTIONS.values(), key=lambda section: (section.order, section.key))
