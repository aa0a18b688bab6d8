"""The embedded broker: kombu's filesystem transport, with each message written atomically.

kombu's own transport creates a message file and then writes it, so a consumer listing
the folder in between moves and reads an empty file and the worker stops on a JSON
error. Here a message is written under a temporary name the consumer ignores and
renamed into place once complete (a rename is atomic within a folder).
"""

from __future__ import annotations

import os
import uuid
from time import monotonic
from typing import Any, ClassVar

from kombu.exceptions import ChannelError
from kombu.transport import filesystem
from kombu.utils.encoding import str_to_bytes
from kombu.utils.json import dumps

TRANSPORT = "workers.broker:Transport"


class Channel(filesystem.Channel):
    # kombu's stubs name this argument `message` in the virtual base and `payload` in the
    # filesystem channel it overrides; this follows the filesystem channel (kombu's own code).
    def _put(  # type: ignore[override]
        self, queue: str, payload: dict[str, Any], **kwargs: Any
    ) -> None:
        name = f"{round(monotonic() * 1000)}_{uuid.uuid4()}.{queue}.msg"
        final = os.path.join(self.data_folder_out, name)
        temporary = os.path.join(self.data_folder_out, f".{uuid.uuid4()}.partial")
        try:
            with open(temporary, "wb") as file:
                file.write(str_to_bytes(dumps(payload)))
            os.replace(temporary, final)
        except OSError as error:
            raise ChannelError(f"cannot add {final!r} to the queue folder") from error


class Transport(filesystem.Transport):
    Channel = Channel
    # A folder has no host. With kombu's default ({"hostname": "localhost"}) every
    # connection logs "No hostname was supplied. Reverting to default 'localhost'".
    default_connection_params: ClassVar[dict[str, Any]] = {}
