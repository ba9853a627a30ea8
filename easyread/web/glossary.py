"""The council's glossary: view, add, change, remove, import and export CSV.

Stored as one CSV file per council in the instance folder (`easyread.glossary.council`);
the checks and the rewriter use it on top of the default glossary.
"""

from __future__ import annotations

from flask import Blueprint, Response, current_app, flash, redirect, render_template, request, url_for
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import HiddenField, RadioField, StringField, TextAreaField

from easyread.glossary import DEFAULT_GLOSSARY, GlossaryError, read_glossary_file
from easyread.glossary import council as store
from easyread.web.auth import current_council_id, staff_required

bp = Blueprint("glossary", __name__, url_prefix="/glossary")


class TermForm(FlaskForm):
    term = StringField("Word or phrase")
    explanation = TextAreaField("What it means, in easy words")
    original = HiddenField()


class ImportForm(FlaskForm):
    file = FileField("CSV file")
    mode = RadioField(
        "What to do with the terms in the file",
        choices=[
            ("add", "Add them to the glossary (a term already there takes the file's explanation)"),
            ("replace", "Replace the whole council glossary with the file"),
        ],
        default="add",
        validate_choice=False,
    )


def _instance() -> str:
    return current_app.instance_path


def _entries():
    return store.load_entries(_instance(), current_council_id())


@bp.get("/")
@staff_required
def index():
    own = _entries()
    own_terms = {e.term.casefold() for e in own}
    defaults = [e for e in read_glossary_file(DEFAULT_GLOSSARY) if e.term.casefold() not in own_terms]
    return render_template("glossary/index.html", own=own, defaults=defaults)


def _term_page(form: TermForm, title: str, status: int = 200):
    return render_template("glossary/term.html", form=form, title=title), status


@bp.route("/add", methods=["GET", "POST"])
@staff_required
def add():
    form = TermForm()
    if request.method == "POST" and form.validate():
        return _save(form, "Add a term")
    return _term_page(form, "Add a term", 400 if request.method == "POST" else 200)


@bp.route("/change", methods=["GET", "POST"])
@staff_required
def change():
    form = TermForm()
    if request.method == "GET":
        term = request.args.get("term", "")
        entry = next((e for e in _entries() if e.term.casefold() == term.casefold()), None)
        if entry is None:  # a default term: start the council's own wording from ours
            entry = next(
                (e for e in read_glossary_file(DEFAULT_GLOSSARY) if e.term.casefold() == term.casefold()), None
            )
        if entry is None:
            flash("That term is not in the glossary.", "error")
            return redirect(url_for("glossary.index"))
        form.term.data, form.explanation.data, form.original.data = entry.term, entry.explanation, entry.term
        return _term_page(form, "Change a term")
    if form.validate():
        return _save(form, "Change a term")
    return _term_page(form, "Change a term", 400)


def _save(form: TermForm, title: str):
    term, explanation, original = form.term.data or "", form.explanation.data or "", form.original.data or None
    try:
        store.change(
            _instance(),
            current_council_id(),
            lambda entries: store.upsert(entries, term, explanation, replacing=original),
        )
    except GlossaryError as error:
        field = form.term if "word or phrase" in str(error).lower() else form.explanation
        field.errors = list(field.errors) + [str(error)]
        return _term_page(form, title, 400)
    flash(f"Saved '{' '.join(term.split())}'.", "success")
    return redirect(url_for("glossary.index"))


@bp.post("/remove")
@staff_required
def remove():
    term = request.form.get("term", "")
    store.change(_instance(), current_council_id(), lambda entries: store.remove(entries, term))
    flash(f"Removed '{term}' from the council's glossary.", "success")
    return redirect(url_for("glossary.index"))


@bp.route("/import", methods=["GET", "POST"])
@staff_required
def import_csv():
    form = ImportForm()
    if request.method == "POST" and form.validate():
        file = form.file.data
        if not file or not getattr(file, "filename", ""):
            form.file.errors = ["Choose a CSV file."]
        else:
            try:
                new = store.parse_csv(file.read(store.MAX_CSV_BYTES + 1), file.filename)
            except GlossaryError as error:
                form.file.errors = [str(error)]
            else:
                replace = form.mode.data == "replace"
                store.change(
                    _instance(), current_council_id(), lambda entries: store.merge([] if replace else entries, new)
                )
                flash(f"Imported {len(new)} term{'s' if len(new) != 1 else ''}.", "success")
                return redirect(url_for("glossary.index"))
    status = 400 if request.method == "POST" else 200
    return render_template("glossary/import.html", form=form), status


@bp.get("/export.csv")
@staff_required
def export_csv():
    body = store.to_csv(_entries(), for_spreadsheet=True)
    return Response(
        "\ufeff" + body, mimetype="text/csv", headers={"Content-Disposition": 'attachment; filename="glossary.csv"'}
    )


def init_app(app) -> None:
    from easyread.web import nav

    app.register_blueprint(bp)
    nav.add(app, "Glossary", "glossary.index", roles=("admin", "staff"), order=30)
