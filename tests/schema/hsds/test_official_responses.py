"""What the read API answers, checked by the official HSDS 3.0 schemas in strict mode."""

from __future__ import annotations

import pytest

from tests.api import Api
from tests.network.hsds.official import errors, official


@pytest.mark.parametrize("lang", ["ar", "fr", "en"])
async def test_full_records_pass_the_strict_schemas(demo_api: Api, lang: str) -> None:
    # given full lists of services, organizations, taxonomies and terms
    get = demo_api.client.get
    services = (await get(f"/hsds/services?full=true&per_page=100&lang={lang}")).json()
    organizations = (await get(f"/hsds/organizations?full=true&per_page=100&lang={lang}")).json()
    taxonomies = (await get(f"/hsds/taxonomies?lang={lang}")).json()
    terms = (await get(f"/hsds/taxonomy_terms?per_page=100&lang={lang}")).json()
    link_list = (await get(f"/hsds/service_at_locations?full=true&per_page=20&lang={lang}")).json()
    links = [{k: v for k, v in x.items() if k != "service"} for x in link_list["contents"]]

    # then every record passes its schema with no property beyond it
    assert errors(official("service"), services["contents"])[:5] == []
    assert errors(official("organization"), organizations["contents"])[:5] == []
    assert errors(official("taxonomy"), taxonomies["contents"]) == []
    assert errors(official("taxonomy_term"), terms["contents"])[:5] == []
    assert errors(official("service_at_location"), links)[:5] == []
    assert len(services["contents"]) == 100 and len(organizations["contents"]) == 75
