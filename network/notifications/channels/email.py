"""Email over SMTP (stdlib smtplib in a thread), or into a local maildir when no SMTP host
is set (the embedded default).

The Message-ID is derived from the outbox row (``<outbox-{id}@{domain}>``), so a message
sent again after a lost acknowledgement is recognisably the same message.
"""

from __future__ import annotations

import asyncio
import mailbox
import smtplib
from email.message import EmailMessage
from email.utils import formatdate

from network.notifications.channels import DeliveryFailed
from network.notifications.templates import Rendered
from network.settings import Settings


def message_id(outbox_id: int, domain: str) -> str:
    return f"<outbox-{outbox_id}@{domain}>"


def compose(*, outbox_id: int, to: str, rendered: Rendered, settings: Settings) -> EmailMessage:
    """A plain-text message with an HTML alternative."""
    email = EmailMessage()
    email["Message-ID"] = message_id(outbox_id, settings.mail_domain)
    email["From"] = settings.smtp_from
    email["To"] = to
    email["Subject"] = rendered.subject
    email["Date"] = formatdate(localtime=False, usegmt=True)
    email.set_content(rendered.text)
    email.add_alternative(rendered.html, subtype="html")
    return email


def _smtp_send(email: EmailMessage, settings: Settings) -> None:
    assert settings.smtp_host is not None
    with smtplib.SMTP(
        settings.smtp_host, settings.smtp_port, timeout=settings.smtp_timeout_seconds
    ) as smtp:
        if settings.smtp_tls:
            smtp.starttls()
        if settings.smtp_user:
            smtp.login(settings.smtp_user, settings.smtp_password or "")
        smtp.send_message(email)


def _refusal(code: int) -> DeliveryFailed:
    """4xx: try again later. 5xx: the server refuses for good, so the message is dead."""
    return DeliveryFailed(f"SMTP {code}", permanent=500 <= code < 600)


def _deliver(email: EmailMessage, settings: Settings) -> None:
    if settings.smtp_host is None:
        settings.maildir.parent.mkdir(parents=True, exist_ok=True)
        mailbox.Maildir(settings.maildir, create=True).add(email)
        return
    try:
        _smtp_send(email, settings)
    except smtplib.SMTPRecipientsRefused as error:
        codes = [code for code, _ in error.recipients.values()]
        raise _refusal(min(codes) if codes else 550) from None
    except smtplib.SMTPResponseException as error:
        raise _refusal(error.smtp_code) from None
    except (smtplib.SMTPException, OSError) as error:
        raise DeliveryFailed(f"SMTP {type(error).__name__}") from None


async def send(email: EmailMessage, settings: Settings) -> None:
    await asyncio.to_thread(_deliver, email, settings)
