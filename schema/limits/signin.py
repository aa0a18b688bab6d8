"""Sign-in attempts throttled per account and per address: in Redis when configured.

Every attempt counts as a failure the moment it starts (so attempts sent in parallel
cannot slip between a check and a count); a successful sign-in gives its count back and
clears its account. After ``n`` failures in a row a key waits ``delay_after(n)`` before
its next attempt, and once it reaches its lock threshold it is locked for
``login_lock_seconds`` whatever the password. An address gets the account's threshold
free of delays (offices share addresses) and locks at its own, higher threshold. A key
is forgotten ``login_lock_seconds`` after its last attempt.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass
from typing import Any

from network import clock
from network.settings import Settings
from network.users.rules import delay_after
from schema.limits.lru import Lru
from schema.redis_guard import RedisGuard

KEYS_IN_MEMORY = 100_000

# Times in whole milliseconds, so that Redis's number formatting loses nothing.
ATTEMPT = """
local now = tonumber(ARGV[1])
local ttl = tonumber(ARGV[2])
for i, key in ipairs(KEYS) do
  local blocked = tonumber(redis.call('HGET', key, 'until')) or 0
  if blocked > now then
    local failures = tonumber(redis.call('HGET', key, 'failures')) or 0
    return {i, string.format('%.0f', blocked - now), failures}
  end
end
for i, key in ipairs(KEYS) do
  local failures = redis.call('HINCRBY', key, 'failures', 1)
  local base = tonumber(ARGV[3 + (i - 1) * 4])
  local maximum = tonumber(ARGV[4 + (i - 1) * 4])
  local free = tonumber(ARGV[5 + (i - 1) * 4])
  local lock_after = tonumber(ARGV[6 + (i - 1) * 4])
  local wait = 0
  if failures >= lock_after then
    wait = ttl
  elseif failures > free and base > 0 then
    wait = math.min(base * 2 ^ math.min(failures - free - 1, 40), maximum)
  end
  redis.call('HSET', key, 'until', string.format('%.0f', now + wait))
  redis.call('PEXPIRE', key, ttl)
end
return {0, '0', 0}
"""

GIVE_BACK = """
for i, key in ipairs(KEYS) do
  if ARGV[i] == 'clear' then
    redis.call('DEL', key)
  elseif redis.call('EXISTS', key) == 1 then
    local failures = redis.call('HINCRBY', key, 'failures', -1)
    if failures <= 0 then redis.call('DEL', key) else redis.call('HSET', key, 'until', '0') end
  end
end
return 0
"""


@dataclass(frozen=True)
class Refusal:
    """Why an attempt is refused: ``locked`` (the key reached its lock) or a delay."""

    locked: bool
    retry_after: float


@dataclass(frozen=True)
class _Policy:
    free: int
    lock_after: int


def account_key(email: str) -> str:
    """Unknown emails are throttled like known ones; the key does not show the email."""
    return "account:" + hashlib.sha256(email.strip().lower().encode()).hexdigest()[:32]


def address_key(address: str) -> str:
    return "address:" + address


class SignInThrottle:
    def __init__(self, settings: Settings, redis: Any = None) -> None:
        self.base = settings.login_delay_seconds
        self.maximum = settings.login_delay_max_seconds
        self.lock_seconds = settings.login_lock_seconds
        account = settings.login_lock_after_failures
        self.policies = {
            "account": _Policy(free=0, lock_after=account),
            "address": _Policy(
                free=account, lock_after=max(settings.login_address_lock_after_failures, account)
            ),
        }
        self.redis = redis if isinstance(redis, RedisGuard) else RedisGuard(redis)
        client = self.redis.redis
        self._attempt = client.register_script(ATTEMPT) if client is not None else None
        self._give_back = client.register_script(GIVE_BACK) if client is not None else None
        self._keys: Lru[str, tuple[int, float, float]] = Lru(KEYS_IN_MEMORY)

    def _policy(self, key: str) -> _Policy:
        return self.policies[key.split(":", 1)[0]]

    async def attempt(self, keys: list[str]) -> Refusal | None:
        """Count one attempt on every key, or refuse it (counting nothing) while a key
        waits or is locked."""
        now = clock.now().timestamp()
        return await self.redis.attempt(
            "signin",
            lambda _: self._attempt_shared(keys, now),
            lambda: self._attempt_here(keys, now),
        )

    async def _attempt_shared(self, keys: list[str], now: float) -> Refusal | None:
        assert self._attempt is not None
        args: list[Any] = [round(now * 1000), self.lock_seconds * 1000]
        for key in keys:
            policy = self._policy(key)
            base, maximum = round(self.base * 1000), round(self.maximum * 1000)
            args += [base, maximum, policy.free, policy.lock_after]
        index, wait, failures = await self._attempt(
            keys=[f"jisr:signin:{key}" for key in keys], args=args
        )
        if int(index) == 0:
            return None
        policy = self._policy(keys[int(index) - 1])
        return Refusal(int(failures) >= policy.lock_after, int(wait) / 1000)

    def _attempt_here(self, keys: list[str], now: float) -> Refusal | None:
        states = {key: self._state(key, now) for key in keys}
        for key, (failures, blocked, _) in states.items():
            if blocked > now:
                return Refusal(failures >= self._policy(key).lock_after, blocked - now)
        for key, (failures, _, _) in states.items():
            failures += 1
            self._keys.put(key, (failures, now + self._wait(key, failures), now))
        return None

    async def succeeded(self, *, account: str, address: str) -> None:
        """A right password: the account starts afresh, the address gets its attempt back."""
        await self.redis.attempt(
            "signin",
            lambda _: self._succeeded_shared(account, address),
            lambda: self._succeeded_here(account, address),
        )

    async def _succeeded_shared(self, account: str, address: str) -> None:
        assert self._give_back is not None
        keys = [f"jisr:signin:{account}", f"jisr:signin:{address}"]
        await self._give_back(keys=keys, args=["clear", "give back"])

    def _succeeded_here(self, account: str, address: str) -> None:
        self._keys.put(account, (0, 0.0, 0.0))
        failures, _, at = self._state(address, clock.now().timestamp())
        self._keys.put(address, (max(failures - 1, 0), 0.0, at))

    def _wait(self, key: str, failures: int) -> float:
        policy = self._policy(key)
        if failures >= policy.lock_after:
            return float(self.lock_seconds)
        return delay_after(failures - policy.free, base=self.base, maximum=self.maximum)

    def _state(self, key: str, now: float) -> tuple[int, float, float]:
        state = self._keys.get(key)
        if state is None or now - state[2] >= self.lock_seconds:
            return 0, 0.0, now
        return state


def retry_seconds(refusal: Refusal) -> int:
    return max(1, math.ceil(refusal.retry_after))
