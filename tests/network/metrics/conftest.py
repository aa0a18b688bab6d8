from tests.network.metrics.world import bare_databases, bare_url, world

__all__ = ["bare_databases", "bare_url", "world"]
