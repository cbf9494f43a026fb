from partnerships.tests import factories


def test_sitemap_lists_published_partnerships_and_stories_in_both_languages(client):
    shown = factories.partnership(slug="shown")
    hidden = factories.partnership(slug="hidden", publish=False)
    factories.story(partnerships=[shown])
    text = client.get("/sitemap.xml").text
    assert "/sv/kommunala-partnerskap/partnerskap/shown/" in text
    assert "/en/municipal-partnerships/partnerships/shown/" in text
    assert f"/partnerskap/{hidden.slug}/" not in text
    assert "/sv/kommunala-partnerskap/berattelser/story-" in text
    assert "/sv/lander/kenya/" in text
    assert "/en/municipal-partnerships/map/world/" in text
