"""What a create or update of an actor sets: one pydantic model, validated on the way in.

An absent field is left as it is and None clears it (a plain field that cannot be
empty reads None as absent). The plain fields come from ``network.actors.fields``: each
is checked by its ``clean`` when the model is built; the others are checked where they
are applied, as they need the database or the current value.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError, create_model, field_validator

from network.actors.fields import EDITABLE, Plain
from network.errors import InvalidInput


class ActorChanges(BaseModel):
    """The fields that are not plain; ``of`` builds the whole model."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    names: Mapping[str, str | None] | None = None
    description: Mapping[str, str | None] | None = None
    territory_id: int | None = None
    location: tuple[float, float] | None = None
    active: bool | None = None
    parent_id: int | None = None

    @classmethod
    def of(cls, values: Mapping[str, Any] | ActorChanges) -> ActorChanges:
        """The validated changes; InvalidInput names the first field that is wrong."""
        if isinstance(values, ActorChanges):
            return values
        try:
            return _WITH_PLAIN.model_validate(dict(values))
        except ValidationError as error:
            first = error.errors()[0]
            where = [str(part) for part in first["loc"]]
            names = {f.attribute: f.name for f in EDITABLE}
            raise InvalidInput(
                first["msg"], field=[names.get(where[0], where[0]), *where[1:]]
            ) from None

    def given(self) -> set[str]:
        return set(self.model_fields_set)

    def __contains__(self, key: str) -> bool:
        return key in self.model_fields_set

    def plain(self) -> dict[str, Any]:
        """The plain fields given, cleaned, to set as they are."""
        given = self.model_fields_set
        found = {f.attribute: getattr(self, f.attribute) for f in EDITABLE if f.attribute in given}
        return {
            attribute: value
            for attribute, value in found.items()
            if value is not None or _by_attribute[attribute].nullable
        }


_by_attribute = {f.attribute: f for f in EDITABLE}


def _validator(plain: Plain) -> Any:
    clean = plain.clean
    assert clean is not None

    def check(cls: type, value: Any) -> Any:
        if value is None:
            return None
        return clean(value, [plain.name])

    return field_validator(plain.attribute)(check)


_WITH_PLAIN: type[ActorChanges] = create_model(  # type: ignore[call-overload]
    "ActorChanges",
    __base__=ActorChanges,
    __validators__={f"clean_{f.attribute}": _validator(f) for f in EDITABLE},
    **{f.attribute: (f.type | None, None) for f in EDITABLE},
)
