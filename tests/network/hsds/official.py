"""The official oracles: HSDS 3.0's schemas compiled as the specification's CI compiles
them (``tests/data/hsds/validate_examples_json_schema.sh``: ``compiletojsonschema
--set-additional-properties-false-everywhere``, then ``check-jsonschema``, which
validates with the latest draft and checks formats), and ``frictionless`` for packages."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
from compiletojsonschema.compiletojsonschema import CompileToJsonSchema
from frictionless import Package

OFFICIAL = Path(__file__).parents[2] / "data" / "hsds"
PROFILE = Path(__file__).parents[3] / "network" / "hsds" / "profile"


@cache
def strict_validator(path: Path) -> jsonschema.protocols.Validator:
    schema = CompileToJsonSchema(
        input_filename=str(path), set_additional_properties_false_everywhere=True
    ).get()
    cls = jsonschema.validators.validator_for(schema, default=jsonschema.Draft202012Validator)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def official(name: str) -> jsonschema.protocols.Validator:
    return strict_validator(OFFICIAL / "schema" / f"{name}.json")


def profile(name: str) -> jsonschema.protocols.Validator:
    return strict_validator(PROFILE / f"{name}.json")


def errors(validator: jsonschema.protocols.Validator, records: list[Any]) -> list[str]:
    """Every violation of every record, as ``record index: path: message``."""
    return [
        f"{index}: {error.json_path}: {error.message}"
        for index, record in enumerate(records)
        for error in validator.iter_errors(record)
    ]


def package_errors(descriptor: Path) -> list[str]:
    report = Package(str(descriptor)).validate()
    return [
        f"{task.name}: {error.type}: {error.message}"
        for task in report.tasks
        for error in task.errors
    ] + [f"package: {error.type}: {error.message}" for error in report.errors]
