"""The console is a client of the public API: each page runs documents of
``web/operations/*.graphql`` against Jisr's own schema, in this process, as the signed-in
user — their viewer, the same gate (persisted documents, limits, cost, rate) and audit as
any API client. The documents are registered as persisted queries on first use, so an
allow-list deployment runs the console too.
"""

from __future__ import annotations

import asyncio
import dataclasses
import re
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast

import orjson
from starlette.requests import Request

from network import persisted_queries
from network.database import SharedSession, session_factory
from network.enums import Language
from network.users.service import token_holder
from network.viewer import ANONYMOUS, Viewer
from schema.context import Context
from schema.users.loaders import user_loader

OPERATIONS = Path(__file__).parent / "operations"


def load_operations(folder: Path = OPERATIONS) -> dict[str, str]:
    """Each file holds one operation, named as the file: ``ActorMap.graphql``; the fragments
    it spreads (``...Problems``, from ``fragments/Problems.graphql``) are appended to it."""
    fragments = {
        path.stem: path.read_text(encoding="utf-8")
        for path in sorted((folder / "fragments").glob("*.graphql"))
    }
    return {
        path.stem: _with_fragments(path.read_text(encoding="utf-8"), fragments)
        for path in sorted(folder.glob("*.graphql"))
    }


def _with_fragments(document: str, fragments: dict[str, str]) -> str:
    used: list[str] = []
    pending = [document]
    while pending:
        for name in re.findall(r"\.\.\.\s*([A-Z]\w*)", pending.pop()):
            if name not in used:
                used.append(name)
                pending.append(fragments[name])
    return "\n".join([document, *(fragments[name] for name in used)])


class ConsoleError(Exception):
    """The API answered with errors the page cannot word (masked, logged by the API)."""

    def __init__(self, errors: list[dict[str, Any]]) -> None:
        super().__init__("; ".join(str(e.get("message")) for e in errors))
        self.errors = errors

    @property
    def codes(self) -> set[str]:
        return {str((e.get("extensions") or {}).get("code")) for e in self.errors}


class SignedOut(Exception):
    """The session's token is no longer valid: sign in again."""


class _SubResponse:
    def __init__(self) -> None:
        self.status_code: int | None = None
        self.headers: dict[str, str] = {}


class Console:
    def __init__(self, app_state: Any, graphql: Any) -> None:
        self.state = app_state
        self.graphql = graphql  # schema.app.JisrGraphQL: its schema, its way to the viewer
        self.documents = load_operations()
        self.queries = {name for name, text in self.documents.items() if _is_query(text)}
        # A page's queries read in autocommit: under READ COMMITTED each statement sees
        # its own snapshot anyway, so a transaction around a read adds only its BEGIN and
        # ROLLBACK round trips (two per session, and a resolver opens one per batch). The
        # few writes of a read, audit entries and a token's last use, are single
        # statements, durable once they ran. Mutations keep their transactions.
        self.read_sessions = session_factory(
            app_state.engine.execution_options(isolation_level="AUTOCOMMIT")
        )
        self.read_sessions.configure(info=dict(app_state.sessions.kw.get("info") or {}))
        self._registered = False
        self._lock = asyncio.Lock()

    async def register(self) -> None:
        """Register every console document as a persisted query (once per process)."""
        if self._registered:
            return
        async with self._lock:
            if self._registered:
                return
            async with self.state.sessions() as session, session.begin():
                for document in self.documents.values():
                    await persisted_queries.register(session, document)
            self._registered = True

    async def viewer(self, request: Request, token: str | None) -> Viewer:
        """The viewer behind the session's token, judged once per request; their user
        row, read by the same check, is kept for the request's ``me`` (``context``)."""
        kept = getattr(request.state, "viewer", None)
        if kept is None:
            user = None
            try:
                kept = ANONYMOUS
                if token:
                    async with self.read_sessions() as session:
                        kept, user = await token_holder(session, token)
            except Exception as error:
                if getattr(error, "code", None) is not None:  # a DomainError: refused token
                    raise SignedOut() from error
                raise
            request.state.viewer, request.state.viewer_row = kept, user
        return kept

    async def context(self, request: Request, viewer: Viewer, lang: str) -> Context:
        """The context an API client's request has, in the page's language."""
        language = Language(lang.upper())
        if viewer.language is not language:
            viewer = dataclasses.replace(viewer, language=language)
        context: Context = await self.graphql.context_for(request, viewer, _SubResponse())
        row = getattr(request.state, "viewer_row", None)
        if row is not None and row.id == viewer.user_id:  # read a moment ago: no second read
            user_loader(context).prime(row.id, row)
        return context

    async def _through_gate(
        self,
        context: Context,
        name: str,
        variables: dict[str, Any] | None,
        *,
        compiled_allowed: bool,
        resolve: Callable[[str | None], Awaitable[Any]],
    ) -> Any:
        """Operation ``name`` sent to the API's gate (persisted documents, limits, cost,
        rate) as any client sends it; ``resolve`` runs the document the gate admits."""
        await self.register()
        request_data = SimpleNamespace(
            query=self.documents[name],
            variables=variables or {},
            operation_name=name,
            extensions=None,
        )
        return await self.state.gate.run(
            context,
            request_data,
            compiled_allowed=compiled_allowed,
            resolve=resolve,
            sub_response=_SubResponse(),
        )

    async def run(
        self,
        context: Context,
        name: str,
        variables: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        """The data of operation ``name``; ConsoleError when the API answered errors.
        A page runs its operations one after the other: each sets the context's sessions
        (a query's reads share one, closed when it ends)."""
        reads = SharedSession(self.read_sessions) if name in self.queries else None
        context.sessions = reads or self.state.sessions

        async def resolve(admitted: str | None) -> Any:
            return await self.graphql.schema.execute(
                admitted,
                variable_values=variables or {},
                context_value=context,
                operation_name=name,
            )

        try:
            result = await self._through_gate(
                context, name, variables, compiled_allowed=True, resolve=resolve
            )
        finally:
            if reads is not None:
                await reads.close()
        if result.errors:
            raise ConsoleError([_error(e) for e in result.errors])
        data = result.data
        if not isinstance(data, dict) or any(isinstance(v, orjson.Fragment) for v in data.values()):
            # the compiled path's pre-encoded JSON, whole or per root field
            data = orjson.loads(orjson.dumps(data))
        return cast(dict[str, Any], data)

    async def subscribe(
        self, context: Context, name: str, variables: dict[str, Any] | None = None
    ) -> AsyncIterator[dict[str, Any]]:
        """The events of subscription ``name``, each admitted through the gate first."""
        context.sessions = self.state.sessions
        admitted: list[str | None] = []

        async def resolve(document: str | None) -> Any:
            admitted.append(document)
            return SimpleNamespace(errors=None, extensions=None, data=None)

        result = await self._through_gate(
            context, name, variables, compiled_allowed=False, resolve=resolve
        )
        if not admitted:
            raise ConsoleError([_error(e) for e in result.errors or []])
        stream = await self.graphql.schema.subscribe(
            admitted[0], variable_values=variables or {}, context_value=context, operation_name=name
        )
        if not hasattr(stream, "__aiter__"):
            raise ConsoleError([_error(e) for e in stream.errors or []])
        async for event in stream:
            context.reset_loaders()
            if event.errors:
                raise ConsoleError([_error(e) for e in event.errors])
            yield event.data or {}


def _is_query(document: str) -> bool:
    return re.match(r"\s*(#[^\n]*\s*)*query\b", document) is not None


def _error(error: Any) -> dict[str, Any]:
    formatted = getattr(error, "formatted", None)
    return dict(formatted) if formatted is not None else {"message": str(error)}
