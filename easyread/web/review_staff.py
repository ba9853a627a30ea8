"""Staff side of review with residents: the reviewer panel and invites, sending a round (with the
personal data preview), triage of the feedback, glossary, compare, approve, learning and delete.

Views stay thin: they read a form, call `easyread.review.*` and `easyread.records.review`, render a template. Every
round is looked up within the signed-in person's council; every document through
`get_document_or_404`.
"""

from __future__ import annotations

import difflib
from datetime import date

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import SelectField, SelectMultipleField, StringField, TextAreaField

from easyread.glossary import DEFAULT_GLOSSARY, GlossaryError, read_glossary_file
from easyread.glossary import council as council_glossary
from easyread.records import feedback, invites, rounds, versions
from easyread.records import review as records_review
from easyread.records.users import UserError
from easyread.review import gate, redact
from easyread.store.models import DraftVersion, User
from easyread.web.auth import current_council_id, get_document_or_404, staff_required

bp = Blueprint("review_staff", __name__, url_prefix="/review")


def _settings() -> dict:
    return current_app.config["EASYREAD"]


def _round_or_404(round_id: int):
    row = rounds.get(current_council_id(), round_id)
    if row is None:
        abort(404)
    get_document_or_404(row.document_id)  # a deleted letter takes its rounds with it
    return row


# --- the reviewer panel ---
class ReviewerForm(FlaskForm):
    name = StringField("Reviewer's name")
    email = StringField("Email address (optional)")


@bp.get("/reviewers")
@staff_required
def reviewers():
    people = invites.panel(current_council_id())
    access = records_review.access_of(people)
    days = _settings()["REVIEW_LINK_DAYS"]
    states = {user_id: invites.link_state(a, days) for user_id, a in access.items() if a.code_hash}
    expiry = {user_id: invites.link_expires_at(a, days) for user_id, a in access.items() if a.code_hash}
    return render_template(
        "review/staff/reviewers.html",
        people=people,
        access=access,
        states=states,
        expiry=expiry,
        max_failures=invites.CODE_MAX_FAILURES,
    )


def _invite_page(user: User, token: str):
    link = url_for("review_resident.invite", token=token, _external=True)
    return render_template("review/staff/invite.html", person=user, link=link, days=_settings()["REVIEW_INVITE_DAYS"])


@bp.route("/reviewers/new", methods=["GET", "POST"])
@staff_required
def new_reviewer():
    form = ReviewerForm()
    if request.method == "POST" and form.validate():
        try:
            user, token = records_review.add_reviewer(
                current_user.council,
                form.name.data or "",
                form.email.data or "",
                _settings()["REVIEW_INVITE_DAYS"],
                actor=current_user,
            )
        except UserError as error:
            (form.email if "email" in str(error).lower() else form.name).errors.append(str(error))
        else:
            return _invite_page(user, token)
    return render_template("review/staff/new_reviewer.html", form=form), 400 if form.errors else 200


@bp.post("/reviewers/<int:user_id>/invite")
@staff_required
def reinvite(user_id: int):
    """A new invite link (the reviewer lost theirs, or forgot their code): the old link and code stop working once used."""
    user = records_review.reviewer(current_council_id(), user_id)
    if user is None:
        abort(404)
    token = records_review.reinvite(user, _settings()["REVIEW_INVITE_DAYS"], actor=current_user)
    return _invite_page(user, token)


@bp.post("/reviewers/<int:user_id>/renew")
@staff_required
def renew_link(user_id: int):
    """Make a reviewer's own sign-in link work for REVIEW_LINK_DAYS more (a locked code needs a new invite instead)."""
    user = records_review.reviewer(current_council_id(), user_id)
    if user is None:
        abort(404)
    row = records_review.set_up_access(user)
    if row is None:
        abort(404)
    if invites.is_locked(row):
        flash(f"{user.name}'s code is locked after too many wrong tries. Make a new invite link instead.", "error")
    else:
        until = records_review.renew_link(row, _settings()["REVIEW_LINK_DAYS"], actor=current_user)
        flash(f"{user.name}'s sign-in link now works until {until:%-d %B %Y}.", "success")
    return redirect(url_for("review_staff.reviewers"))


# --- one letter's review: rounds, versions, approval ---
@bp.get("/documents/<int:doc_id>")
@staff_required
def document(doc_id: int):
    doc = get_document_or_404(doc_id)
    all_versions = versions.all_versions(doc)
    approvals = {lang: rounds.approval(doc.id, lang) for lang in records_review.languages(doc)}
    checks = {v.number: _gate_check(v) for v in all_versions}
    return render_template(
        "review/staff/document.html",
        doc=doc,
        rounds=rounds.for_document(doc.id),
        versions=all_versions,
        open_round=rounds.open_round(doc.id),
        approvals=approvals,
        status_names=rounds.STATUS_NAMES,
        checks=checks,
        latest=checks[all_versions[0].number] if all_versions else None,
    )


class SendForm(FlaskForm):
    version = SelectField("Which draft to send", choices=[], validate_choice=False)
    reviewers = SelectMultipleField("Reviewers", choices=[], validate_choice=False)
    note = TextAreaField("Note for the reviewers (optional)")


def _parse_due() -> tuple[date | None, str | None]:
    parts = [request.form.get(f"due-{p}", "").strip() for p in ("day", "month", "year")]
    if not any(parts):
        return None, None
    try:
        return date(int(parts[2]), int(parts[1]), int(parts[0])), None
    except ValueError:
        return None, "Enter a real date to reply by, for example 27 3 2027"


@bp.route("/documents/<int:doc_id>/send", methods=["GET", "POST"])
@staff_required
def send(doc_id: int):
    doc = get_document_or_404(doc_id)
    form = SendForm()
    latest = records_review.latest_by_language(doc)
    form.version.choices = [(f"{v.language}:{v.number}", f"Version {v.number} ({v.language})") for v in latest.values()]
    panel = invites.panel(doc.council_id)
    form.reviewers.choices = [(str(p.id), p.name) for p in panel]
    if not latest:
        flash("This letter has no draft yet.", "error")
        return redirect(url_for("review_staff.document", doc_id=doc.id))
    if rounds.open_round(doc.id) is not None:
        flash("This letter is already with reviewers. End that round first.", "error")
        return redirect(url_for("review_staff.document", doc_id=doc.id))
    due_error = None
    if request.method == "POST" and form.validate():
        due, due_error = _parse_due()
        language, _, number = (form.version.data or "").partition(":")
        version = latest.get(language)
        chosen = [p for p in panel if str(p.id) in set(form.reviewers.data or [])]
        if version is None or str(version.number) != number:
            form.version.errors.append("Choose a draft to send")
        if not chosen:
            form.reviewers.errors.append("Choose at least one reviewer")
        if not form.errors and not due_error:
            letter = versions.original_document(doc, current_app.instance_path, _settings())
            try:
                row = records_review.prepare_round(
                    doc,
                    version,
                    chosen,
                    due=due,
                    note=form.note.data or "",
                    user=current_user,
                    letter=letter,
                    ignore=(_settings()["COUNCIL_NAME"], doc.council.name, _settings()["ACCESSIBILITY_CONTACT"]),
                )
            except rounds.RoundError as error:
                form.reviewers.errors.append(str(error))
            else:
                return redirect(url_for("review_staff.preview", round_id=row.id))
    elif request.method == "GET":
        form.version.data = form.version.choices[-1][0] if form.version.choices else None
    status = 400 if (form.errors or due_error) else 200
    return render_template(
        "review/staff/send.html",
        doc=doc,
        form=form,
        panel=panel,
        due_error=due_error,
        due={p: request.form.get(f"due-{p}", "") for p in ("day", "month", "year")},
        checks=[_gate_check(v) for v in latest.values()],
    ), status


# --- the personal data preview ---
@bp.get("/rounds/<int:round_id>/preview")
@staff_required
def preview(round_id: int):
    row = _round_or_404(round_id)
    doc = get_document_or_404(row.document_id)
    source = rounds.source_draft(row)
    hidden = [dict(r, where=redact.where(source, r)) for r in redact.hidden_only(row.redactions) if r.get("text")]
    return render_template(
        "review/staff/preview.html",
        round=row,
        doc=doc,
        hidden=hidden,
        labels=redact.LABELS,
        points=feedback.points(row.draft),
    )


@bp.post("/rounds/<int:round_id>/redactions")
@staff_required
def change_redactions(round_id: int):
    row = _round_or_404(round_id)
    try:
        if request.form.get("action") == "remove":
            text = request.form.get("text", "")
            records_review.set_redactions(row, redact.remove(row.redactions, text), user=current_user, change="remove")
            flash(f"“{text}” will be shown to reviewers.", "success")
        else:
            text, label = request.form.get("text", ""), request.form.get("label", "")
            records_review.set_redactions(row, redact.add(row.redactions, text, label), user=current_user, change="add")
            flash(f"“{' '.join(text.split())}” will be hidden as {redact.placeholder(label)}.", "success")
    except (ValueError, rounds.RoundError) as error:
        flash(str(error), "error")
    return redirect(url_for("review_staff.preview", round_id=row.id))


@bp.post("/rounds/<int:round_id>/send")
@staff_required
def send_round(round_id: int):
    row = _round_or_404(round_id)
    try:
        records_review.send_round(row, user=current_user)
    except rounds.RoundError as error:
        flash(str(error), "error")
        return redirect(url_for("review_staff.preview", round_id=row.id))
    flash("Sent for review. The draft cannot be changed until you end the round.", "success")
    return redirect(url_for("review_staff.triage", round_id=row.id))


@bp.post("/rounds/<int:round_id>/cancel")
@staff_required
def cancel_round(round_id: int):
    row = _round_or_404(round_id)
    try:
        records_review.discard_round(row, user=current_user)
    except rounds.RoundError as error:
        flash(str(error), "error")
    return redirect(url_for("review_staff.document", doc_id=row.document_id))


@bp.post("/rounds/<int:round_id>/close")
@staff_required
def close_round(round_id: int):
    row = _round_or_404(round_id)
    records_review.close_round(row, user=current_user)
    flash("The round has ended. You can change the draft now.", "success")
    return redirect(url_for("review_staff.triage", round_id=row.id))


# --- triage ---
@bp.get("/rounds/<int:round_id>")
@staff_required
def triage(round_id: int):
    row = _round_or_404(round_id)
    if row.status in ("preparing", "cancelled"):
        return redirect(url_for("review_staff.preview", round_id=row.id))
    doc = get_document_or_404(row.document_id)
    return render_template(
        "review/staff/triage.html",
        round=row,
        doc=doc,
        points=feedback.triage(row),
        people=feedback.responses(row),
        status_names=rounds.STATUS_NAMES,
        latest=versions.latest(doc, row.language),
    )


class GlossaryForm(FlaskForm):
    term = StringField("Word or phrase")
    explanation = TextAreaField("What it means, in easy words")


def _known_explanation(term: str) -> str:
    for entry in read_glossary_file(DEFAULT_GLOSSARY):
        if entry.term.casefold() == term.casefold():
            return entry.explanation
    return ""


@bp.route("/glossary", methods=["GET", "POST"])
@staff_required
def add_to_glossary():
    """Add a hard word reviewers marked to the council's glossary (from the triage or learning page)."""
    form = GlossaryForm()
    back = request.values.get("back", "")
    back = back if back.startswith("/review/") and not back.startswith("//") else url_for("review_staff.learning")
    if request.method == "GET":
        form.term.data = request.args.get("term", "")[:100]
        form.explanation.data = _known_explanation(form.term.data or "")
    elif form.validate():
        term, explanation = form.term.data or "", form.explanation.data or ""
        try:
            council_glossary.change(
                current_app.instance_path, current_council_id(), lambda e: council_glossary.upsert(e, term, explanation)
            )
        except GlossaryError as error:
            (form.explanation if "mean" in str(error) or "explanation" in str(error) else form.term).errors.append(
                str(error)
            )
        else:
            records_review.glossary_word_added(current_user, " ".join(term.split()))
            flash(f"“{' '.join(term.split())}” is in the council glossary now. New drafts will explain it.", "success")
            return redirect(back)
    return render_template("review/staff/glossary.html", form=form, back=back), 400 if form.errors else 200


# --- compare and approve ---
@bp.get("/documents/<int:doc_id>/compare")
@staff_required
def compare(doc_id: int):
    doc = get_document_or_404(doc_id)
    language = request.args.get("language", "en")
    numbers = [v.number for v in versions.all_versions(doc, language)]
    if not numbers:
        abort(404)
    try:
        a = int(request.args.get("a", numbers[1] if len(numbers) > 1 else numbers[0]))
        b = int(request.args.get("b", numbers[0]))
    except ValueError:
        abort(404)
    left, right = versions.get(doc, a, language), versions.get(doc, b, language)
    if left is None or right is None:
        abort(404)
    rows = _compare_rows(left.draft, right.draft)
    return render_template(
        "review/staff/compare.html", doc=doc, left=left, right=right, rows=rows, numbers=numbers, language=language
    )


def _lines(draft: dict) -> list[tuple[str, str]]:
    out = []
    for section in draft.get("sections", []):
        out.append(("heading", section.get("heading", "")))
        # The picture is part of the point: (kind, what is shown, the picture file) so a new picture is a change.
        for p in section.get("points", []):
            picture = p.get("picture") or {}
            shown = p.get("text", "") + (f" (picture: {picture.get('alt') or 'no description'})" if picture else "")
            out.append(("point", shown, picture.get("path")))
    return out


def _compare_rows(left: dict, right: dict) -> list[dict]:
    """Rows of (left, right, state) aligned by difflib, so an added point does not shift every row after it."""
    a, b = _lines(left), _lines(right)
    rows = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            rows += [
                {"kind": a[i][0], "left": a[i][1], "right": b[j][1], "state": "same"}
                for i, j in zip(range(i1, i2), range(j1, j2))
            ]
            continue
        for k in range(max(i2 - i1, j2 - j1)):
            la = a[i1 + k] if i1 + k < i2 else None
            rb = b[j1 + k] if j1 + k < j2 else None
            state = "changed" if la and rb else ("removed" if la else "added")
            rows.append(
                {"kind": (la or rb)[0], "left": la[1] if la else "", "right": rb[1] if rb else "", "state": state}
            )
    return rows


def _gate_check(version: DraftVersion) -> dict:
    """The approval gate's view of a version: score, open problems, marked sentences, and the confirmation code."""
    problems = gate.open_problems(version.draft, version.report)
    return {
        "version": version,
        "problems": problems,
        "marked": gate.marked_points(problems),
        "summary": gate.summary(version.report, problems),
        "fingerprint": gate.fingerprint(problems),
    }


def _version_from(values, doc) -> DraftVersion | None:
    try:
        return versions.get(doc, int(values.get("version", "")), values.get("language", "en"))
    except ValueError:
        return None


@bp.route("/documents/<int:doc_id>/approve", methods=["GET", "POST"])
@staff_required
def approve(doc_id: int):
    """The approve step: the version's score, open findings and marked sentences, then approval. A version with
    open problems is approved only when the person ticks the box naming them (gate.require_confirmation)."""
    doc = get_document_or_404(doc_id)
    version = _version_from(request.values, doc)
    if version is None:
        flash("That version is not in this letter's history.", "error")
        return redirect(url_for("review_staff.document", doc_id=doc.id))
    if request.method == "GET":
        return render_template("review/staff/approve.html", doc=doc, check=_gate_check(version), error=None)
    try:
        records_review.approve(doc, version, user=current_user, confirmation=request.form.get("confirm"))
    except gate.NeedsConfirmation as refused:
        n = len(refused.problems)
        error = (
            f"Version {version.number} has {n} open problem{'s' if n != 1 else ''}. "
            f"Check {'them' if n != 1 else 'it'}, then tick the box to confirm the letter is right"
        )
        return render_template("review/staff/approve.html", doc=doc, check=_gate_check(version), error=error), 400
    except rounds.RoundError as error:
        flash(str(error), "error")
    else:
        flash(f"Version {version.number} is approved. Downloads of it are marked final.", "success")
    return redirect(url_for("review_staff.document", doc_id=doc.id))


# --- learning ---
@bp.get("/learning")
@staff_required
def learning():
    settings = _settings()
    glossary = council_glossary.glossary_for(settings, current_council_id())
    known = {e.term.casefold() for e in glossary}
    return render_template("review/staff/learning.html", data=feedback.learning(current_council_id(), known))


# --- delete entirely ---
@bp.route("/documents/<int:doc_id>/erase", methods=["GET", "POST"])
@staff_required
def erase(doc_id: int):
    doc = get_document_or_404(doc_id, include_deleted=True)
    if request.method == "GET":
        return render_template("review/staff/erase.html", doc=doc)
    records_review.erase(doc, current_app.instance_path, actor=current_user)
    flash("The letter, its versions, feedback and files are deleted.", "success")
    return redirect(url_for("documents.index"))


# --- the draft is read-only while reviewers have it ---
# Deny by default, so a new draft-changing page is covered without touching this list.
_ALWAYS_ALLOWED = {"documents.delete", "documents.retry", "documents.upload"}


def _read_only_in_review():
    """Refuse any change to a letter's draft while a round is open: reviewers' answers must match what they read."""
    if (
        request.method != "POST"
        or not (request.endpoint or "").startswith("documents.")
        or request.endpoint in _ALWAYS_ALLOWED
    ):
        return None
    doc_id = (request.view_args or {}).get("doc_id")
    if doc_id is None or not current_user.is_authenticated:
        return None
    row = rounds.open_round(doc_id)
    if row is None or row.council_id != current_council_id():
        return None
    if request.endpoint == "documents.translations" and row.language == "en":
        return None  # translating makes other languages' versions; the English reviewers read stays as it is
    flash("This draft is with reviewers, so it cannot change now. End the review round first.", "error")
    return redirect(url_for("documents.show", doc_id=doc_id))


def init_app(app) -> None:
    from easyread.web import nav

    app.register_blueprint(bp)
    app.before_request(_read_only_in_review)
    nav.add(app, "Reviewers", "review_staff.reviewers", roles=("admin", "staff"), order=40)
