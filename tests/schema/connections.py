"""Reading a connection (``actors``, ``services``…) of the API in tests, by global ids."""

from __future__ import annotations

from typing import Any

from network.ids import to_global_id
from tests.api import Api


def global_ids(type_name: str, *pks: int) -> list[str]:
    """The global ids of the ``type_name`` rows ``pks``, in that order."""
    return [to_global_id(type_name, pk) for pk in pks]


async def first_hundred(
    api: Api,
    filter: dict[str, Any] | None = None,
    token: str | None = None,
    *,
    query: str,
    **arguments: Any,
) -> dict[str, Any]:
    """The one connection ``query`` reads (its ``$filter`` and ``$first: 100``, with
    ``arguments``), from an answer that must carry no error."""
    variables = {"filter": filter, "first": 100, **arguments}
    data = await api.data(query, variables, token=token)
    (connection,) = data.values()
    return connection  # type: ignore[no-any-return]
