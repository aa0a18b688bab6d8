"""Jisr's domain: the network of actors, their services, young people and referrals."""
