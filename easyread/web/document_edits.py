"""Changing a draft: edit, add, remove, move or make a point again, and undo (restore an older version).

Each change is a pure function from `easyread.documents.edits`, stored by `versions.save`
as a new version. Every form carries the version it was made from, so a change
to a draft someone else has changed since is refused rather than lost.
"""

from __future__ import annotations

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user

from easyread import jobs
from easyread.documents import edits
from easyread.records import versions
from easyread.web.auth import get_document_or_404, staff_required
from easyread.web.documents import bp

STALE = "Someone changed this draft while you had it open. Your change was not saved: check the latest version and try again."
BUSY = jobs.BUSY


def _back(doc, anchor: str | None = None):
    return redirect(url_for("documents.show", doc_id=doc.id) + (f"#{anchor}" if anchor else ""))


def _based_on() -> int | None:
    try:
        return int(request.form.get("version", ""))
    except ValueError:
        return None


def apply_change(doc, change: str, note: str, fn, anchor: str | None = None):
    """Apply `fn(draft_dict) -> draft_dict` to the latest version and store the result as the next one."""
    if doc.status in jobs.ACTIVE:
        flash(BUSY, "error")
        return _back(doc, anchor)
    latest = versions.latest(doc)
    if latest is None:
        flash("This letter has no draft yet.", "error")
        return _back(doc)
    try:
        changed = fn(latest.draft)
        versions.save(
            doc,
            changed,
            user=current_user,
            note=note,
            change=change,
            settings=current_app.config["EASYREAD"],
            instance=current_app.instance_path,
            based_on=_based_on(),
        )
    except edits.DraftError as error:
        flash(str(error), "error")
    except versions.StaleVersion:
        flash(STALE, "error")
    else:
        flash(note, "success")
        # To the banner that says it was saved, beside Undo; the banner links on to the changed point.
        where = {"changed": anchor} if anchor else {}
        return redirect(url_for("documents.show", doc_id=doc.id, **where) + "#er-saved")
    return _back(doc, anchor)


def _where(section: int, index: int) -> str:
    return f"point {index + 1} of section {section + 1}"


@bp.post("/<int:doc_id>/points/<int:section>/<int:index>/edit")
@staff_required
def edit_point(doc_id: int, section: int, index: int):
    doc = get_document_or_404(doc_id)
    text = request.form.get("text", "")
    return apply_change(
        doc,
        "edit",
        f"Changed the words of {_where(section, index)}.",
        lambda d: edits.edit_point(d, section, index, text),
        f"point-{section}-{index}",
    )


@bp.post("/<int:doc_id>/points/<int:section>/<int:index>/add")
@staff_required
def add_point(doc_id: int, section: int, index: int):
    """Add a point at position `index` of `section` (index = number of points adds at the end)."""
    doc = get_document_or_404(doc_id)
    text = request.form.get("text", "")
    return apply_change(
        doc,
        "add",
        f"Added a point to section {section + 1}.",
        lambda d: edits.add_point(d, section, index, text),
        f"point-{section}-{index}",
    )


@bp.post("/<int:doc_id>/sentences/<sentence>/add")
@staff_required
def add_from_sentence(doc_id: int, sentence: str):
    """Add a point from a letter sentence no point says yet: its words, traced to it, for staff to simplify."""
    doc = get_document_or_404(doc_id)
    letter = versions.original_document(doc, current_app.instance_path, current_app.config["EASYREAD"])
    text = (letter.sentence_map() if letter is not None else {}).get(sentence)
    if text is None:
        flash("That sentence is not in the letter. Reload the page and try again.", "error")
        return _back(doc)
    placed: dict[str, int] = {}

    def change(draft: dict) -> dict:
        changed, placed["section"], placed["index"] = edits.add_from_sentence(draft, sentence, text)
        return changed

    note = f'Added a point from the letter\'s sentence "{_short(text)}". Simplify its words.'
    response = apply_change(doc, "add", note, change)
    if "section" in placed:
        return _back(doc, f"point-{placed['section']}-{placed['index']}")
    return response


def _short(text: str, words: int = 8) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


@bp.post("/<int:doc_id>/points/<int:section>/<int:index>/remove")
@staff_required
def remove_point(doc_id: int, section: int, index: int):
    doc = get_document_or_404(doc_id)
    return apply_change(
        doc,
        "remove",
        f"Removed {_where(section, index)}.",
        lambda d: edits.remove_point(d, section, index),
        f"section-{section}",
    )


@bp.post("/<int:doc_id>/points/<int:section>/<int:index>/move")
@staff_required
def move_point(doc_id: int, section: int, index: int):
    doc = get_document_or_404(doc_id)
    direction = request.form.get("direction", "")
    return apply_change(
        doc,
        "move",
        f"Moved {_where(section, index)} {direction}.",
        lambda d: edits.move_point(d, section, index, direction),
        f"section-{section}",
    )


@bp.post("/<int:doc_id>/points/<int:section>/<int:index>/regenerate")
@staff_required
def regenerate_point(doc_id: int, section: int, index: int):
    """Queue a task that rewrites this point from its original paragraph."""
    from easyread.convert import NO_MODEL
    from easyread.jobs.work import NEEDS_MODEL

    doc = get_document_or_404(doc_id)
    latest = versions.latest(doc)
    model = (doc.options or {}).get("model") or current_app.config["EASYREAD"].get("MODEL")
    if doc.status in jobs.ACTIVE:
        flash(BUSY, "error")
    elif latest is None or _based_on() not in (None, latest.number):
        flash(STALE, "error")
    elif model == NO_MODEL:
        flash(NEEDS_MODEL, "error")
    else:
        try:
            edits.point_at(latest.draft, section, index)
        except edits.DraftError as error:
            flash(str(error), "error")
        else:
            jobs.queue_point(doc, current_user, section, index)
    return _back(doc, f"point-{section}-{index}")


@bp.get("/<int:doc_id>/versions")
@staff_required
def history(doc_id: int):
    doc = get_document_or_404(doc_id)
    return render_template("documents/versions.html", doc=doc, versions=versions.all_versions(doc))


@bp.post("/<int:doc_id>/versions/<int:number>/restore")
@staff_required
def restore(doc_id: int, number: int):
    """Undo: store an older version's content as the next version (the versions in between are kept)."""
    doc = get_document_or_404(doc_id)
    older = versions.get(doc, number)
    if older is None:
        flash("That version is not in this letter's history.", "error")
        return _back(doc)
    return apply_change(doc, "restore", f"Went back to version {number}.", lambda d: edits.restore(older.draft))
