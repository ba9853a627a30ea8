"""Resident reviewers' pages: set up from an invite, sign in with their link and code, read and answer.

Everything a reviewer can reach is built from `ReviewRound.draft`, the redacted copy
made before sending; nothing here reads the original letter, the document's title or
its versions. Each round is found through the reviewer's own assignment, so a round not
sent to them is a 404. Pages speak Easy Read: short sentences, one idea per line.
"""

from __future__ import annotations

from flask import Blueprint, abort, current_app, jsonify, redirect, render_template, request, send_file, url_for
from flask_login import current_user

from easyread.glossary import council as council_glossary
from easyread.records import feedback, invites, rounds
from easyread.records import review as records_review
from easyread.records.retention import audio_dir
from easyread.review import hard_words, speech
from easyread.web.auth import role_required

bp = Blueprint("review_resident", __name__, url_prefix="/review")
reviewer_required = role_required("reviewer")
PICTURE_TYPES = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".svg": "image/svg+xml",
}


def _settings() -> dict:
    return current_app.config["EASYREAD"]


def _sign_in(row, sid: str) -> None:
    from easyread.web.auth import start_session

    start_session(row.user, sid)  # a fresh session with its own server-side row, as for staff


# --- invite and sign-in ---
@bp.route("/invite/<token>", methods=["GET", "POST"])
def invite(token: str):
    row = invites.access_for_invite(token)
    if row is None:
        return render_template("review/resident/link_problem.html", title="This link does not work"), 404
    error = None
    kind = request.form.get("kind") or request.args.get("kind") or "pictures"
    if request.method == "POST":
        code = request.form.getlist("picture") if kind == "pictures" else request.form.get("number", "")
        try:
            key, sid = records_review.code_set_up(row, kind, code, _settings()["REVIEW_LINK_DAYS"])
        except invites.CodeError as problem:
            error = str(problem)
        else:
            _sign_in(row, sid)
            return render_template(
                "review/resident/ready.html",
                link=url_for("review_resident.sign_in", key=key, _external=True),
                kind=kind,
                chosen=code if kind == "pictures" else None,
                pictures=invites.PICTURE_NAMES,
            )
    return render_template(
        "review/resident/code.html",
        title="Choose your secret code",
        mode="set_up",
        kind=kind,
        error=error,
        pictures=invites.PICTURES,
        chosen=request.form.getlist("picture"),
    ), 400 if error else 200


LOCKED_LINES = (
    "The code was wrong too many times.",
    "This keeps your account safe.",
    "Please ask the council for a new link.",
)


def _link_problem(title: str, lines: tuple[str, ...], status: int):
    return render_template("review/resident/link_problem.html", title=title, lines=lines), status


@bp.route("/sign-in/<key>", methods=["GET", "POST"])
def sign_in(key: str):
    """The reviewer's own link plus their code. Wrong codes slow down like wrong passwords, and lock for good at 10."""
    from easyread.records import throttle
    from easyread.web.auth import sign_in_keys

    row = invites.access_for_key(key)
    if row is None:
        return render_template("review/resident/link_problem.html", title="This link does not work"), 404
    settings = _settings()
    state = invites.link_state(row, settings["REVIEW_LINK_DAYS"])
    if state == "expired":
        return _link_problem(
            "This link is too old", ("Your link only works for a while.", "Please ask the council to renew it."), 403
        )
    if state == "locked":
        return _link_problem("This link is locked", LOCKED_LINES, 403)
    error, status = None, 200
    if request.method == "POST":
        with throttle.attempt(sign_in_keys(invites.limit_key(row)), settings["LOGIN_LOCKOUT_MINUTES"] * 60) as turn:
            if not turn.allowed:
                seconds = turn.wait_seconds
                error = f"Too many tries. Wait {seconds} second{'' if seconds == 1 else 's'}. Then try again."
                status = 429
            else:
                pictures = row.code_kind == "pictures"
                code = request.form.getlist("picture") if pictures else request.form.get("number", "")
                if invites.check_code(row, code):
                    turn.succeeded(forget=(invites.limit_key(row),))
                    _sign_in(row, records_review.code_accepted(row))
                    return redirect(url_for("review_resident.index"))
                turn.failed()
                total = records_review.code_refused(row)
                if invites.is_locked(row):
                    return _link_problem("This link is locked", LOCKED_LINES, 403)
                left = invites.CODE_MAX_FAILURES - total
                error = f"That is not your code. Try again. You can try {left} more time{'' if left == 1 else 's'}."
                status = 401
    return render_template(
        "review/resident/code.html",
        title="Sign in",
        mode="sign_in",
        kind=row.code_kind,
        error=error,
        pictures=invites.PICTURES,
        chosen=[],
    ), status


# --- the reviewer's documents ---
def _mine(round_id: int):
    found = rounds.assignment(round_id, current_user.id)
    if found is None:
        abort(404)
    return found


@bp.get("/")
@reviewer_required
def index():
    return render_template("review/resident/index.html", items=rounds.for_reviewer(current_user.id))


def _point_views(round_, assignment) -> list[dict]:
    said = feedback.mine(round_, assignment)
    others = feedback.others(round_, assignment) if _settings()["REVIEW_SHOW_OTHERS_COMMENTS"] else {}
    glossary = council_glossary.glossary_for(_settings(), round_.council_id)
    sections = []
    for s, section in enumerate(round_.draft.get("sections", [])):
        items = []
        for i, point in enumerate(section.get("points", [])):
            row = said.get((s, i))
            offered = hard_words.choices(point.get("text", ""), glossary)
            known = {w.casefold() for w in offered}
            items.append(
                {
                    "section": s,
                    "index": i,
                    "key": f"{s}-{i}",
                    "text": point.get("text", ""),
                    "picture": (point.get("picture") or {}) if (point.get("picture") or {}).get("path") else None,
                    # the likely hard words, then any other word this reviewer marked before (typed in "Another word")
                    "words": offered + [w for w in (row.hard_words if row else []) if w.casefold() not in known],
                    "answer": row.answer if row else None,
                    "hard_words": set(row.hard_words) if row else set(),
                    "reasons": set(row.reasons) if row else set(),
                    "comment": row.comment if row else "",
                    "others": others.get((s, i), []),
                }
            )
        sections.append({"heading": section.get("heading", ""), "points": items})
    return sections


@bp.get("/read/<int:round_id>")
@reviewer_required
def read(round_id: int):
    round_, assignment = _mine(round_id)
    return render_template(
        "review/resident/read.html",
        round=round_,
        assignment=assignment,
        sections=_point_views(round_, assignment),
        answers=feedback.ANSWERS,
        reasons=feedback.REASONS,
        overall=feedback.OVERALL,
        error=request.args.get("error"),
    )


def _wants_json() -> bool:
    return request.accept_mimetypes.best == "application/json"


def _page_state(form) -> dict[tuple[int, int], dict]:
    """What the read page's one form holds for each point it showed (the "shown" keys): ticked and typed
    hard words, reasons and the comment. Empty for a post that names no points (the older one-point form)."""
    state = {}
    for key in form.getlist("shown"):
        section, _, index = key.partition("-")
        if not (section.isdigit() and index.isdigit()):
            continue
        state[(int(section), int(index))] = {
            "hard_words": form.getlist(f"hard-{key}") + [form.get(f"hard-other-{key}", "")],
            "reasons": form.getlist(f"reason-{key}"),
            "comment": form.get(f"comment-{key}", ""),
        }
    return state


@bp.post("/read/<int:round_id>/points/<int:section>/<int:index>")
@reviewer_required
def answer(round_id: int, section: int, index: int):
    """One tap, or a save. A plain post of the whole page (no JavaScript: everything on it is saved, so a
    comment typed elsewhere is never lost), or the page's fetch for one point (JSON back)."""
    round_, assignment = _mine(round_id)
    answer_value = request.form.get("answer") or None
    state = _page_state(request.form)
    try:
        row = records_review.save_answer(
            round_,
            assignment,
            section,
            index,
            page=state,
            answer=answer_value,
            hard_words=request.form.getlist("hard"),
            reasons=request.form.getlist("reason"),
            comment=request.form.get("comment", ""),
        )
    except feedback.FeedbackError as error:
        if _wants_json():
            return jsonify(ok=False, error=str(error)), 400
        return redirect(
            url_for("review_resident.read", round_id=round_id, error=str(error)) + f"#point-{section}-{index}"
        )
    said = f"You said: {feedback.ANSWERS[row.answer]}." if row.answer else "Saved."
    if _wants_json():
        return jsonify(ok=True, answer=row.answer, said=said, hard_words=row.hard_words, saved=True)
    return redirect(url_for("review_resident.read", round_id=round_id) + f"#point-{section}-{index}")


@bp.post("/read/<int:round_id>/supporter")
@reviewer_required
def supporter(round_id: int):
    round_, assignment = _mine(round_id)
    records_review.set_supporter(assignment, request.form.get("supporter") == "yes")
    if _wants_json():
        return jsonify(ok=True, supporter=assignment.supporter)
    return redirect(url_for("review_resident.read", round_id=round_id) + "#supporter")


@bp.post("/read/<int:round_id>/finish")
@reviewer_required
def finish(round_id: int):
    round_, assignment = _mine(round_id)
    try:
        # "Send my answers" carries the whole page: keep every comment and ticked word first, even if no face is chosen
        records_review.finish(round_, assignment, _page_state(request.form), request.form.get("overall"))
    except feedback.FeedbackError as error:
        return redirect(url_for("review_resident.read", round_id=round_id, error=str(error)) + "#finish")
    return redirect(url_for("review_resident.thanks", round_id=round_id))


@bp.get("/read/<int:round_id>/thanks")
@reviewer_required
def thanks(round_id: int):
    round_, assignment = _mine(round_id)
    return render_template("review/resident/thanks.html", round=round_)


# --- the reviewer's own account ---
def _contact(user) -> dict | None:
    """The council person who sent this reviewer their latest round: their name, and their email if it is real."""
    for round_, _ in rounds.for_reviewer(user.id):
        sender = records_review.sender(round_)
        if sender is not None and sender.active and sender.role in ("admin", "staff"):
            return {"name": sender.name, "email": "" if sender.email.endswith(".invalid") else sender.email}
    return None


@bp.get("/account")
@reviewer_required
def account():
    """Easy Read: the reviewer's name, how to sign in and out, and who to ask.
    No email and no password: they have neither."""
    council = current_user.council.name if current_user.council else _settings()["COUNCIL_NAME"]
    return render_template("review/resident/account.html", contact=_contact(current_user), council=council)


# --- pictures and audio, from the round's copy only ---
@bp.get("/read/<int:round_id>/points/<int:section>/<int:index>/picture")
@reviewer_required
def picture(round_id: int, section: int, index: int):
    from pathlib import Path

    round_, _ = _mine(round_id)
    try:
        path = (round_.draft["sections"][section]["points"][index].get("picture") or {}).get("path")
    except (KeyError, IndexError, TypeError):
        abort(404)
    file = Path(path) if path else None
    if file is None or file.suffix.lower() not in PICTURE_TYPES or not file.is_file():
        abort(404)
    return send_file(file, mimetype=PICTURE_TYPES[file.suffix.lower()], max_age=3600)


def _page_text(round_) -> str:
    parts = [round_.draft.get("title", "")]
    for section in round_.draft.get("sections", []):
        parts.append(section.get("heading", ""))
        parts += [p.get("text", "") for p in section.get("points", [])]
    return ". ".join(p.rstrip(".") for p in parts if p) + "."


def _send_audio(text: str):
    try:
        path = speech.wav_for(text, audio_dir(current_app.instance_path))
    except speech.SpeechError:
        current_app.logger.exception("Review audio could not be made")
        abort(503)
    return send_file(path, mimetype="audio/wav", max_age=86400)


@bp.get("/read/<int:round_id>/points/<int:section>/<int:index>/audio.wav")
@reviewer_required
def point_audio(round_id: int, section: int, index: int):
    round_, _ = _mine(round_id)
    try:
        text = round_.draft["sections"][section]["points"][index]["text"]
    except (KeyError, IndexError, TypeError):
        abort(404)
    return _send_audio(text)


@bp.get("/read/<int:round_id>/audio.wav")
@reviewer_required
def page_audio(round_id: int):
    round_, _ = _mine(round_id)
    return _send_audio(_page_text(round_))


def init_app(app) -> None:
    from easyread.web import nav

    app.register_blueprint(bp)
    nav.add(app, "Your documents", "review_resident.index", roles=("reviewer",), order=5)
    nav.add(app, "Your account", "review_resident.account", roles=("reviewer",), order=90)
