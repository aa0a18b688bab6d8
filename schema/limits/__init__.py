"""What keeps the API hard to abuse and quick: limits, cost, rate, persisted queries, caching."""
