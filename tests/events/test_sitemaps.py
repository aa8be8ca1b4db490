"""The sitemap index and its sections (events/sitemaps.py)."""

import pytest

from newsroom.editorial import Status

pytestmark = pytest.mark.django_db


def test_sitemap_lists_published_pages_with_lastmod(client, world):
    world.singapore.status = Status.DRAFT
    world.singapore.save()
    index = client.get("/sitemap.xml").content.decode()
    assert "<loc>http://testserver/sitemap-aussagen.xml</loc>" in index
    assert "<lastmod>" in index
    content = "".join(
        client.get(f"/sitemap-{section}.xml").content.decode()
        for section in ["seiten", "gipfel", "personen", "aussagen", "quellen", "themen"]
    )
    assert "<loc>http://testserver/gipfel/hanoi-2019/</loc>" in content
    assert "<loc>http://testserver/en/summits/hanoi-2019/</loc>" in content
    assert f"/aussagen/{world.trump_statement.pk}/</loc>" in content
    assert "/quellen/gipfel-in-hanoi-abgebrochen/</loc>" in content
    assert "singapur-2018" not in content
    assert "<lastmod>" in content
