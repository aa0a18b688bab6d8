"""A bounded mapping that forgets the least recently used entry first (cachetools' LRU)."""

from __future__ import annotations

from typing import Generic, TypeVar

from cachetools import LRUCache

K = TypeVar("K")
V = TypeVar("V")


class Lru(Generic[K, V]):
    def __init__(self, size: int) -> None:
        self.size = size
        self._items: LRUCache[K, V] = LRUCache(maxsize=size)

    def get(self, key: K) -> V | None:
        return self._items.get(key)

    def __contains__(self, key: K) -> bool:
        return key in self._items

    def put(self, key: K, value: V) -> V:
        self._items[key] = value
        return value
