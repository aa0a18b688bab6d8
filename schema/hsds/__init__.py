"""The HSDS 3.0 read API, served beside GraphQL under ``/hsds/``."""
