"""The Redis broker when Redis goes away while a task is unacknowledged (Jisr acknowledges
late): closing the connection, as Celery does before it reconnects, must not stop the
worker. With kombu's own channel it raised AttributeError ("'NoneType' object has no
attribute 'hostname'"), which Celery reports as an unrecoverable error and stops on."""

from __future__ import annotations

from pathlib import Path

from kombu import Queue
from kombu.common import ignore_errors

from network.settings import Settings
from tests.faults.processes import RedisProcess
from workers.app import create_celery
from workers.redis_broker import Channel


def test_closing_after_redis_died_with_a_message_unacknowledged_stops_nothing(
    tmp_path: Path,
) -> None:
    with RedisProcess(tmp_path / "redis") as redis:
        settings = Settings(
            database_url=f"sqlite+aiosqlite:///{tmp_path / 'jisr.db'}",
            var_dir=tmp_path / "var",
            broker_url=redis.url(),
        )
        connection = create_celery(settings).connection_for_write()
        channel = connection.default_channel
        assert isinstance(channel, Channel)
        # given a message delivered and not yet acknowledged
        queue = Queue("jisr-test", channel=channel)
        queue.declare()
        with connection.Producer() as producer:
            producer.publish({"n": 1}, routing_key="jisr-test", declare=[queue])
        message = queue.get(no_ack=False)
        assert message is not None and message.payload == {"n": 1}
        assert channel.qos._delivered  # the unacknowledged message kombu will restore
        # when Redis dies, and the channel closes in the state the worker's log showed:
        # its pool dropped and its transport no longer holding the connection
        redis.kill()
        channel._pool = None  # type: ignore[attr-defined]  # kombu-private, not in the stubs
        channel.connection.client = None
        # then restoring the message fails as a connection error, which Celery ignores
        # while it reconnects (kombu's own channel raised AttributeError here)
        ignore_errors(connection, channel.close)
        assert channel.closed
