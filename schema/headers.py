"""Security headers on every answer Jisr serves.

- ``Content-Security-Policy``: pages (HTML: GraphiQL) load scripts, styles, fonts and
  images from Jisr itself only — GraphiQL's vendored assets — plus the inline script
  and styles its page carries; they connect back to Jisr only (HTTP and WebSocket), and
  may not be framed. Every other answer (JSON, CSV, metrics) may load nothing at all.
- ``X-Content-Type-Options: nosniff`` and ``Referrer-Policy: no-referrer`` everywhere.
- ``Cache-Control: no-store`` on every answer to a signed-in caller (a request carrying
  an ``Authorization`` header or a cookie), so no cache keeps what they read.
- ``Strict-Transport-Security`` when the request came over HTTPS.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

PAGE_POLICY = (
    "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline';"
    " img-src 'self' data:; font-src 'self' data:; connect-src 'self' ws: wss:;"
    " worker-src 'self' blob:; manifest-src 'self'; base-uri 'none'; form-action 'self';"
    " frame-ancestors 'none'"
)
DATA_POLICY = "default-src 'none'; frame-ancestors 'none'"
HSTS = b"max-age=31536000; includeSubDomains"


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        asked = {name for name, _ in scope.get("headers") or []}
        signed_in = b"authorization" in asked or b"cookie" in asked
        secure = scope.get("scheme") == "https"

        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [
                    (name, value)
                    for name, value in message.get("headers", [])
                    if not (signed_in and name.lower() == b"cache-control")
                ]
                kind = next((v for n, v in headers if n.lower() == b"content-type"), b"")
                policy = PAGE_POLICY if kind.startswith(b"text/html") else DATA_POLICY
                headers += [
                    (b"content-security-policy", policy.encode()),
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"no-referrer"),
                ]
                if signed_in:
                    headers.append((b"cache-control", b"no-store"))
                if secure:
                    headers.append((b"strict-transport-security", HSTS))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, sending)
