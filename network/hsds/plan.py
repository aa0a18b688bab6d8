"""Reading an HSDS package into what Jisr would hold: one plan per organization and service.

Everything is checked here, before the database is touched, with the cleaners the
directory's own mutations use, so that a value compares equal to what storing it would
keep (a re-import then finds nothing to change). A problem becomes a ``RowError``
naming the file and line of the row.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from network.actors.fields import PLAIN as ACTOR_FIELDS
from network.enums import ActorKind, Language, ServiceAxis
from network.errors import InvalidInput
from network.fields import hsds_read
from network.hsds.details import axis_of, detail_values, instant, whole_number
from network.hsds.placing import Options, Unmapped, classify, territory_of
from network.hsds.practical import PracticalReader
from network.hsds.tables import Row, Tables
from network.hsds.vocabulary import (
    KINDS_TAXONOMY,
    SERVICES_TAXONOMY,
    TERRITORY_URN,
    TEXT_LANGUAGES,
    term_id,
)
from network.territories.models import Territory
from network.text import fold
from network.validation import clean_email, clean_text, localized_text

INACTIVE = {"inactive", "defunct", "temporarily closed"}
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_LANGUAGES = {code: Language(code.upper()) for code in TEXT_LANGUAGES}


@dataclass(frozen=True)
class RowError:
    source: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


class RowProblem(Exception):
    """A problem found in a row of another table than the one being planned."""

    def __init__(self, source: str, message: str) -> None:
        super().__init__(message)
        self.error = RowError(source, message)


@dataclass
class OrganizationPlan:
    hsds_id: str
    source: str
    kind: ActorKind | None
    values: dict[str, Any]
    parent: str | None
    verified_on: date | None = None


@dataclass
class ServicePlan:
    hsds_id: str
    source: str
    organization: str
    axis: ServiceAxis
    values: dict[str, Any]
    last_modified: datetime | None
    capacity_updated: datetime | None


@dataclass
class Plan:
    organizations: list[OrganizationPlan] = field(default_factory=list)
    services: list[ServicePlan] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    # Not strict: parts of rows left out (the row itself is kept).
    dropped: list[RowError] = field(default_factory=list)


@dataclass(frozen=True)
class Reference:
    """What codes in a package may name: territories and the categories' axes."""

    territories: dict[str, int]
    territory_names: dict[str, int]
    categories: dict[str, ServiceAxis]

    @classmethod
    def of(cls, territories: list[Territory], categories: dict[str, ServiceAxis]) -> Reference:
        names = {fold(n): t.id for t in territories for n in t.names.values() if n}
        return cls({t.code: t.id for t in territories}, names, categories)


def _street_address(address: Row | None) -> str | None:
    """``address_1`` (and ``address_2``) and the city, as Jisr's one-line address."""
    if address is None:
        return None
    parts = [address.text(name) for name in ("address_1", "address_2", "city")]
    return ", ".join(p for p in parts if p) or None


def _point(location: Row | None) -> tuple[float, float] | None:
    if location is None:
        return None
    latitude, longitude = _number(location, "latitude"), _number(location, "longitude")
    if latitude is None or longitude is None:
        return None
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        return None
    return latitude, longitude


def _source(row: Row, fallback: str) -> str:
    return row.source or fallback


def _number(row: Row, name: str) -> float | None:
    value = row.get(name)
    if value is None:
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        raise InvalidInput(f"{name}: not a number ({value!r})") from None


def _day(row: Row, name: str) -> date | None:
    value = row.text(name)
    if value is None:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        raise InvalidInput(f"{name}: not an ISO 8601 date ({value!r})") from None


class Planner:
    def __init__(
        self, tables: Tables, lang: str, reference: Reference, options: Options | None = None
    ) -> None:
        self.tables = tables
        self.lang = lang
        self.reference = reference
        self.options = options or Options()
        province = self.options.default_province
        if province is not None and province not in reference.territories:
            raise InvalidInput(f"no territory {province!r}", field=["province"])
        self.default_territory = reference.territories.get(province or "")
        self.unmapped = Unmapped()
        self.names_as_french = 0
        self.plan = Plan()
        self.practical = PracticalReader(tables)
        self.terms: dict[Any, str | None] = {
            term_id(taxonomy, code): code
            for taxonomy, codes in (
                (SERVICES_TAXONOMY, [*ServiceAxis.__members__, *reference.categories]),
                (KINDS_TAXONOMY, list(ActorKind.__members__)),
            )
            for code in codes
        }
        self.terms.update({r.get("id"): r.text("code") for r in tables["taxonomy_term"]})
        self.term_rows = {r.get("id"): r for r in tables["taxonomy_term"]}
        self.attributes = self._by("attribute", "link_id")
        self.translations = self._by("jisr_translation", "link_id")
        self.details = self._by("jisr_service_detail", "service_id")
        self.areas = self._by("service_area", "service_id")

    def _by(self, table: str, key: str) -> dict[Any, list[Row]]:
        index: dict[Any, list[Row]] = defaultdict(list)
        for row in self.tables[table]:
            index[row.get(key)].append(row)
        return index

    def _term_code(self, attribute: Row) -> str | None:
        return self.terms.get(attribute.get("taxonomy_term_id"))

    def texts(
        self,
        row: Row,
        link_id: str,
        name: str,
        *,
        field: str,
        require: bool,
        multiline: bool = False,
    ) -> dict[str, str]:
        """The text in every language: translations from attributes, the field's own value
        in the package's language unless a translation already holds it."""
        texts: dict[str, str | None] = {}
        for translation in self.translations.get(link_id, []):
            code = translation.text("language")
            if translation.text("field_name") == name and code in _LANGUAGES:
                texts[code] = translation.text("value")
        value = row.text(name)
        if value is not None and value not in texts.values():
            texts[self.lang] = value
        if name == "name" and "ar" not in texts:
            alternate = row.text("alternate_name")
            if alternate and _ARABIC.search(alternate) and row.values.get("organization_id"):
                texts["ar"] = alternate
        if require and not (texts.get("ar") or texts.get("fr")) and texts.get(self.lang):
            # Jisr needs an Arabic or French name: a name in another language stands in
            # for the French one (the import report counts them).
            texts["fr"] = texts[self.lang]
            self.names_as_french += 1
        return localized_text(None, texts, field=[field], require_name=require, multiline=multiline)

    def _text(self, link_id: str, name: str, value: str | None) -> dict[str, str]:
        row = Row({name: value})
        return self.texts(row, link_id, name, field=name, require=False, multiline=True)

    def run(self) -> Plan:
        locations = self._by("location", "organization_id")
        addresses = self._by("address", "location_id")
        languages = self._by("language", "location_id")
        phones = self._by("phone", "organization_id")
        contacts = self._by("contact", "organization_id")
        assured: dict[Any, list[date]] = defaultdict(list)
        for row in self.tables["service"]:
            self._guard(row, "services.csv", lambda r=row: self._service(r, assured))
        for row in self.tables["organization"]:
            self._guard(
                row,
                "organizations.csv",
                lambda r=row: self._organization(
                    r, locations, addresses, languages, phones, contacts, assured
                ),
            )
        return self.plan

    def _guard(self, row: Row, fallback: str, build: Any) -> None:
        try:
            if not row.text("id"):
                raise InvalidInput("id: required")
            build()
        except InvalidInput as error:
            where = f"{'.'.join(error.field)}: " if error.field else ""
            self.plan.errors.append(RowError(_source(row, fallback), where + error.message))
        except RowProblem as problem:
            self.plan.errors.append(problem.error)

    def _organization(
        self,
        row: Row,
        locations: dict[Any, list[Row]],
        addresses: dict[Any, list[Row]],
        languages: dict[Any, list[Row]],
        phones: dict[Any, list[Row]],
        contacts: dict[Any, list[Row]],
        assured: dict[Any, list[date]],
    ) -> None:
        org_id = str(row.get("id"))
        values: dict[str, Any] = {
            "names": self.texts(row, org_id, "name", field="name", require=True),
            "description": self.texts(
                row, org_id, "description", field="description", require=False, multiline=True
            )
            or None,
            **hsds_read(ACTOR_FIELDS, "organization", row.text),
        }
        email = row.text("email") or next(
            (c.text("email") for c in contacts.get(org_id, []) if c.text("email")), None
        )
        values["email"] = clean_email(email, field=["email"])
        phone = next((p.text("number") for p in phones.get(org_id, []) if p.text("number")), None)
        values["phone"] = clean_text(phone, field=["phones", "number"], max_length=40)
        location = next(iter(locations.get(org_id, [])), None)
        address = location and next(iter(addresses.get(location.get("id"), [])), None)
        point = _point(location)
        values["territory_id"] = territory_of(
            self.reference.territories,
            self.reference.territory_names,
            location,
            address,
            point,
            self.default_territory,
        )
        if address is not None:
            # No address (Jisr publishes none without a postal code): left as it is.
            values["address"] = clean_text(
                _street_address(address), field=["address_1"], max_length=400, multiline=True
            )
            code = address.text("postal_code")
            values["postal_code"] = code if code and re.fullmatch(r"[0-9]{5}", code) else None
        # Coordinates outside the globe (the specification's examples have some) are
        # neither kept nor used to place the organization.
        values["location"] = point
        codes = set()
        if location is not None:
            codes = {r.text("code") for r in languages.get(location.get("id"), [])}
        values["languages"] = [lang for code, lang in _LANGUAGES.items() if code in codes]
        values["languages"].sort(key=list(Language).index)
        kind = None
        for attribute in self.attributes.get(org_id, []):
            code = self._term_code(attribute)
            if attribute.text("link_type") == "kind" and code in ActorKind.__members__:
                kind = ActorKind(str(code))
        days = assured.get(org_id)
        self.plan.organizations.append(
            OrganizationPlan(
                org_id,
                _source(row, "organizations.csv"),
                kind,
                values,
                row.text("parent_organization_id"),
                max(days) if days else None,
            )
        )

    def _service(self, row: Row, assured: dict[Any, list[date]]) -> None:
        svc_id = str(row.get("id"))
        organization = row.text("organization_id")
        if organization is None:
            raise InvalidInput("organization_id: required")
        detail = next(iter(self.details.get(svc_id, [])), None)
        axis, category = self._classification(svc_id, detail)

        minimum = whole_number(row, "minimum_age")
        maximum = whole_number(row, "maximum_age")
        values: dict[str, Any] = {
            "names": self.texts(row, svc_id, "name", field="name", require=True),
            "description": self.texts(
                row, svc_id, "description", field="description", require=False, multiline=True
            )
            or None,
            "requirements": self.texts(
                row,
                svc_id,
                "eligibility_description",
                field="eligibility_description",
                require=False,
                multiline=True,
            )
            or None,
            "category_code": category,
            "min_age": minimum,
            "max_age": maximum,
            "active": (row.text("status") or "active").lower() not in INACTIVE,
            "area_ids": self._area(svc_id),
        }
        extra, capacity_updated = detail_values(detail)
        values.update(extra)
        values.update(self.practical.values(row, svc_id, detail, self._text))
        day = _day(row, "assured_date")
        if day is not None:
            assured[organization].append(day)
        self.plan.services.append(
            ServicePlan(
                svc_id,
                _source(row, "services.csv"),
                organization,
                axis,
                values,
                instant(row, "last_modified"),
                capacity_updated,
            )
        )

    def _classification(self, svc_id: str, detail: Row | None) -> tuple[ServiceAxis, str | None]:
        axis = axis_of(detail) if detail is not None else None
        if axis is not None and detail is not None:
            code = detail.text("category_code")
            return axis, code if code in self.reference.categories else None
        attributes = self.attributes.get(svc_id, [])
        foreign = [
            self.term_rows[a.get("taxonomy_term_id")]
            for a in attributes
            if a.get("taxonomy_term_id") in self.term_rows
        ]
        codes = [self._term_code(a) for a in attributes]
        return classify(codes, foreign, self.reference.categories, self.options, self.unmapped)

    def _area(self, svc_id: str) -> list[int]:
        area = []
        for row in self.areas.get(svc_id, []):
            uri = row.text("uri") or ""
            code = uri[len(TERRITORY_URN) :] if uri.startswith(TERRITORY_URN) else None
            territory = self.reference.territories.get(code or "") or (
                self.reference.territory_names.get(fold(row.text("name") or ""))
            )
            if territory is None:
                problem = RowProblem(
                    _source(row, "service_areas.csv"),
                    f"service area {row.text('name') or uri!r}: no such territory",
                )
                if self.options.strict:
                    raise problem
                self.plan.dropped.append(problem.error)
                continue
            area.append(territory)
        return sorted(set(area))
