"""The council glossary pages: view, add, change, remove, import and export CSV, per council."""

from __future__ import annotations

import io


def _glossary(app, council_id):
    from easyread.glossary import council as council_glossary

    return council_glossary.glossary_for(app.config["EASYREAD"], council_id)


def test_view_add_change_remove(app, staff, staff_client, page, post):
    shown = page(staff_client.get("/glossary/"))
    assert shown.h1 == "Glossary" and "council tax reduction" in shown.text
    page(staff_client.get("/glossary/add"))
    r = post(
        staff_client,
        "/glossary/add",
        {"term": "resident parking zone", "explanation": "Extra money from the council to help pay your rent."},
    )
    assert r.status_code == 302
    assert "resident parking zone" in page(staff_client.get("/glossary/")).text
    assert _glossary(app, staff.council_id).get("resident parking zone").explanation.startswith("Extra money")

    form = page(staff_client.get("/glossary/change?term=resident parking zone"))
    assert form.select("//input[@name='term']")[0].get("value") == "resident parking zone"
    post(
        staff_client,
        "/glossary/change",
        {"term": "DHP", "explanation": "Extra help with rent.", "original": "resident parking zone"},
    )
    glossary = _glossary(app, staff.council_id)
    assert glossary.get("DHP").explanation == "Extra help with rent." and glossary.get("resident parking zone") is None

    post(staff_client, "/glossary/remove", {"term": "DHP"})
    assert _glossary(app, staff.council_id).get("DHP") is None


def test_own_words_for_a_built_in_term(app, staff, staff_client, page, post):
    page(staff_client.get("/glossary/change?term=council tax"))
    post(
        staff_client,
        "/glossary/change",
        {"term": "council tax", "explanation": "Money for local services.", "original": "council tax"},
    )
    assert _glossary(app, staff.council_id).get("council tax").explanation == "Money for local services."


def test_missing_fields_show_errors(staff_client, page, post):
    shown = page(post(staff_client, "/glossary/add", {"term": "", "explanation": "x"}), status=400)
    assert "Enter the word or phrase." in shown.text and shown.title.startswith("Error: ")
    shown = page(post(staff_client, "/glossary/add", {"term": "arrears", "explanation": ""}), status=400)
    assert "Enter what it means" in shown.text


def test_import_and_export_csv(app, staff, staff_client, page, post):
    page(staff_client.get("/glossary/import"))
    csv = 'term,explanation,pl\nbulky item collection,We take away big things like sofas.,odbiór\n"distraint, seizure",Taking things you own to pay a debt.,\n'
    r = post(
        staff_client,
        "/glossary/import",
        {"mode": "add", "file": (io.BytesIO(csv.encode()), "ours.csv")},
        content_type="multipart/form-data",
    )
    assert r.status_code == 302
    glossary = _glossary(app, staff.council_id)
    assert glossary.get("bulky item collection").translations == {"pl": "odbiór"}
    exported = staff_client.get("/glossary/export.csv")
    assert exported.mimetype == "text/csv" and "attachment" in exported.headers["Content-Disposition"]
    text = exported.get_data(as_text=True).lstrip("\ufeff")
    assert (
        text.splitlines()[0] == "term,explanation,pl"
        and "bulky item collection,We take away big things like sofas.,odbiór" in text
    )

    bad = page(
        post(
            staff_client,
            "/glossary/import",
            {"mode": "add", "file": (io.BytesIO(b"word,meaning\nx,y\n"), "bad.csv")},
            content_type="multipart/form-data",
        ),
        status=400,
    )
    assert "term,explanation" in bad.text
    latin = page(
        post(
            staff_client,
            "/glossary/import",
            {"mode": "add", "file": (io.BytesIO("term,explanation\ncaf\u00e9,x\n".encode("latin-1")), "l.csv")},
            content_type="multipart/form-data",
        ),
        status=400,
    )
    assert "UTF-8" in latin.text

    post(
        staff_client,
        "/glossary/import",
        {
            "mode": "replace",
            "file": (io.BytesIO(b"term,explanation\nescheat,Land that goes back to the Crown.\n"), "new.csv"),
        },
        content_type="multipart/form-data",
    )
    glossary = _glossary(app, staff.council_id)
    assert glossary.get("escheat") is not None and glossary.get("bulky item collection") is None


def test_each_council_has_its_own_glossary(app, staff, other_staff, staff_client, other_client, page, post):
    post(staff_client, "/glossary/add", {"term": "garden waste permit", "explanation": "A sticker for your green bin."})
    assert "garden waste permit" not in page(other_client.get("/glossary/")).text
    assert _glossary(app, other_staff.council_id).get("garden waste permit") is None


def test_glossary_forms_need_csrf_and_staff(staff_client, reviewer_client, anon_client):
    assert staff_client.post("/glossary/add", data={"term": "a", "explanation": "b"}).status_code == 400
    assert reviewer_client.get("/glossary/").status_code == 403
    assert anon_client.get("/glossary/").status_code in (302, 401)


def test_the_checks_use_the_council_glossary(app, staff, staff_client, post):
    """A rare word the council explains is reported with the council's explanation."""
    from easyread.checks.report import check_draft
    from easyread.documents.model import EasyReadDocument, Point, Section

    def findings():
        draft = EasyReadDocument("t", [Section("", [Point("The escheat will happen.")])])
        check_draft(draft, glossary=_glossary(app, staff.council_id))
        return [f for f in draft.sections[0].points[0].findings if f["text"].lower() == "escheat"]

    assert findings() and not any("Land that goes back" in f["suggestion"] for f in findings())
    post(staff_client, "/glossary/add", {"term": "escheat", "explanation": "Land that goes back to the Crown."})
    assert any(f["suggestion"] == "Explain it: Land that goes back to the Crown." for f in findings())
