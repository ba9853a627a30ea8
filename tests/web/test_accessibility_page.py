"""The accessibility statement, the page layout (council header, footer, assets) and the page checker itself."""

from __future__ import annotations

import pytest


def test_accessibility_statement_for_everyone(anon_client, staff_client, page):
    for client in (anon_client, staff_client):
        doc = page(client.get("/accessibility"))
        assert doc.h1 == "Accessibility statement for Easy Read letters"
        for heading in (
            "Feedback and contact information",
            "Enforcement procedure",
            "Compliance status",
            "Non-accessible content",
        ):
            assert heading in doc.text
        assert "Testshire Council" in doc.text and "Web Content Accessibility Guidelines version 2.2" in doc.text


def test_accessibility_contact_setting(app, anon_client, page):
    app.config["EASYREAD"] = app.config["EASYREAD"].replace(ACCESSIBILITY_CONTACT="access@testshire.gov.uk")
    doc = page(anon_client.get("/accessibility"))
    assert doc.select("//a[@href='mailto:access@testshire.gov.uk']")


@pytest.mark.parametrize("url", ["/", "/sign-in", "/accessibility", "/no-such-page"])
def test_every_page_has_council_header_footer_link_and_no_crown(anon_client, check_html, url):
    response = anon_client.get(url)
    doc = check_html(response.get_data(as_text=True))
    header = doc.select("//header")[0].text_content()
    assert "Testshire Council" in header and "Easy Read letters" in header
    assert not doc.select("//*[contains(@class,'govuk-header__logotype') or contains(@class,'govuk-logo')]")
    assert "GOV.UK" not in header
    assert doc.select("//footer//a[@href='/accessibility'][normalize-space()='Accessibility statement']")
    assert doc.select("//a[@href='#main-content'][contains(@class,'govuk-skip-link')]") and doc.select(
        "//main[@id='main-content']"
    )
    assert doc.tree.get("lang") == "en-GB"


def test_front_page_offers_sign_in_and_sends_signed_in_people_on(anon_client, admin_client, reviewer_client, page):
    doc = page(anon_client.get("/"))
    assert doc.select("//a[@href='/sign-in'][contains(@class,'govuk-button--start')]")
    # to the first navigation link their role allows
    first_admin_link = page(admin_client.get("/account")).select("//nav//a")[0].get("href")
    assert admin_client.get("/").headers["Location"] == first_admin_link
    assert reviewer_client.get("/").headers["Location"] == "/review/"


def test_council_logo_from_setting(app, instance, anon_client, page):
    assert anon_client.get("/council-logo").status_code == 404
    assert not page(anon_client.get("/sign-in")).select("//header//img")
    (instance / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>')
    app.config["EASYREAD"] = app.config["EASYREAD"].replace(COUNCIL_LOGO="logo.svg")  # relative to the instance folder
    [img] = page(anon_client.get("/sign-in")).select("//header//img")
    assert img.get("src") == "/council-logo" and img.get("alt") == ""  # decorative: the council's name is beside it
    response = anon_client.get("/council-logo")
    assert response.status_code == 200 and response.mimetype == "image/svg+xml"


def test_govuk_frontend_is_served_from_static_without_the_gds_font(anon_client):
    css = anon_client.get("/static/govuk/govuk-frontend.min.css")
    assert css.status_code == 200 and b".govuk-error-summary" in css.data
    assert b"GDS Transport" not in css.data  # licensed for GOV.UK services only
    js = anon_client.get("/static/govuk/govuk-frontend.min.js")
    assert js.status_code == 200 and b"initAll" in js.data
    assert anon_client.get("/static/easyread.js").status_code == 200
    assert anon_client.get("/static/govuk/assets/images/govuk-crest.svg").status_code == 200


def test_error_pages_pass_the_checker(anon_client, reviewer_client, page):
    page(anon_client.get("/no-such-page"), status=404)
    page(reviewer_client.get("/admin/users"), status=403)


# --- the page checker catches what it should ---
GOOD = """<!DOCTYPE html><html lang="en"><head><title>{title}</title></head><body>{body}</body></html>"""


def _page(body, title="Hello – service"):
    return GOOD.format(title=title, body=body)


def test_checker_accepts_a_good_page(check_html):
    doc = check_html(
        _page('<h1>Hello</h1><label for="a">A</label><input id="a" name="a"><input type="hidden" name="t">')
    )
    assert doc.h1 == "Hello"


@pytest.mark.parametrize(
    "html, message",
    [
        (_page("<h1>Hello</h1><h1>Again</h1>"), "exactly one <h1>"),
        (_page("<p>No heading</p>"), "exactly one <h1>"),
        (_page("<h1>Hello</h1>", title="Other page"), "must start with the <h1>"),
        (_page('<h1>Hello</h1><p id="x"></p><p id="x"></p>'), "Repeated ids"),
        (_page('<h1>Hello</h1><input id="a" name="a">'), "no <label for"),
        (_page('<h1>Hello</h1><select name="s"></select>'), "has no id"),
        (_page("<h1>Hello</h1><p>unclosed <b>bold</p>"), "Invalid HTML"),
        (_page('<h1>Hello</h1><img src="x.png">'), "alt attribute"),
        ('<html lang="en"><head><title>Hello</title></head><body><h1>Hello</h1></body></html>', "Invalid HTML"),
    ],
)
def test_checker_rejects_bad_pages(check_html, html, message):
    with pytest.raises(pytest.fail.Exception if "Invalid" in message else AssertionError, match=message):
        check_html(html)
