"""The embedded broker shows a message to consumers only once it is completely written."""

from __future__ import annotations

import os
from pathlib import Path
from queue import Empty
from typing import Any

import pytest

from network.settings import Settings
from workers.app import create_celery


@pytest.fixture
def channel(tmp_path: Path) -> Any:
    app = create_celery(Settings(var_dir=tmp_path, secret_key="s", data_key=""))
    with app.connection_for_write() as connection, connection.channel() as channel:
        yield channel


def queued(channel: Any) -> list[str]:
    return [n for n in os.listdir(channel.data_folder_out) if n.endswith(".jisr.msg")]


def test_a_message_is_renamed_into_the_queue_only_once_written(
    channel: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given a look at the queue folder at the moment the message is moved into place
    seen: list[list[str]] = []
    replace = os.replace

    def watched(source: str, target: str) -> None:
        seen.append(queued(channel))
        replace(source, target)

    monkeypatch.setattr(os, "replace", watched)
    # when a message is put
    channel._put("jisr", {"body": "x" * 100_000})
    # then the consumer could not see it before it was complete, and reads it whole after
    assert seen == [[]]
    assert channel._get("jisr") == {"body": "x" * 100_000}


def test_a_file_still_being_written_is_not_consumed(channel: Any) -> None:
    # given a message file under its temporary name, half written
    Path(channel.data_folder_in, ".123.partial").write_bytes(b'{"body": "x')
    # when a consumer looks for messages, then it finds none
    with pytest.raises(Empty):
        channel._get("jisr")
