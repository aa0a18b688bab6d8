"""Jisr's GraphQL API and the ASGI application that serves it."""
