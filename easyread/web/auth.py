"""Signing in and out, roles, and the council boundary.

What other blueprints import:

    from easyread.web.auth import (login_required, role_required, staff_required,
                                   current_council_id, get_document_or_404, council_letters,
                                   token_required, api_user)

- `staff_required` (= role_required("admin", "staff")) on every staff page: reviewers get 403.
- `get_document_or_404(doc_id)` returns a Letter of the signed-in person's council that is
  not deleted, or aborts 404 (a 404, not 403, so ids of other councils reveal nothing).
- `token_required(*roles)` for the REST API: `Authorization: Bearer er_...`; sets `g.api_user`.
"""

from __future__ import annotations

from functools import wraps
from urllib.parse import urlsplit

from flask import Blueprint, abort, current_app, g, jsonify, redirect, render_template, request, session, url_for
from flask_login import LoginManager, current_user, login_required, login_user, logout_user  # noqa: F401 (re-exported)
from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField
from wtforms.validators import DataRequired

from easyread.records import letters, users
from easyread.store.models import Letter, User

bp = Blueprint("auth", __name__)
login_manager = LoginManager()
login_manager.login_view = "auth.sign_in"
login_manager.login_message = None  # the sign-in page says what to do; no flash message
login_manager.session_protection = "basic"


SESSION_KEY = "_sid"  # the random id of this browser's row in user_sessions


@login_manager.user_loader
def _load_user(user_id: str) -> User | None:
    """The signed-in person, only while their account is active and this browser's session has not been ended."""
    try:
        user = users.user_by_id(int(user_id))
    except (TypeError, ValueError):
        return None
    if user is None or not user.active or not users.session_open(user.id, session.get(SESSION_KEY)):
        return None
    return user


def start_session(user: User, sid: str) -> None:
    """Sign this browser in as `user` on a fresh session (nothing from before carries over), whose server-side
    row `sid` the records layer has just made (`users.sign_in` and the reviewer sign-ins)."""
    session.clear()
    session.permanent = True
    session[SESSION_KEY] = sid
    login_user(user)


def sign_in_keys(*keys: str) -> dict[str, int]:
    """The throttle keys of one sign-in try: the given ones (at LOGIN_MAX_FAILURES) and the client's address."""
    settings = current_app.config["EASYREAD"]
    out = {key: settings["LOGIN_MAX_FAILURES"] for key in keys}
    out[f"address:{request.remote_addr or 'unknown'}"] = settings["LOGIN_ADDRESS_MAX_FAILURES"]
    return out


def wait_message(seconds: int) -> str:
    return f"Wait {seconds} second{'' if seconds == 1 else 's'} and try again"


# --- decorators and helpers other blueprints use ---
def role_required(*roles: str):
    """Only signed-in people with one of `roles`. Others: sign-in page if signed out, 403 if signed in."""

    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not current_user.is_authenticated:
                return login_manager.unauthorized()
            if current_user.role not in roles:
                abort(403)
            return view(*args, **kwargs)

        return wrapped

    return decorator


staff_required = role_required("admin", "staff")
admin_required = role_required("admin")


def api_user() -> User | None:
    """The active user whose API token is in the Authorization header, or None. Never reads the session."""
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return users.user_for_token(token.strip())


def token_required(*roles: str):
    """For REST API views: a valid token of a user with one of `roles` (default admin and staff).

    Refuses with JSON {"error": "..."} and 401 (no or bad token) or 403 (wrong role).
    Sets `g.api_user`, which `current_council_id()` then uses.
    """
    roles = roles or ("admin", "staff")

    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            user = api_user()
            if user is None:
                response = jsonify(error="Send a valid API token in the Authorization header: Bearer <token>.")
                response.headers["WWW-Authenticate"] = "Bearer"
                return response, 401
            if user.role not in roles:
                return jsonify(error="Your account cannot use this part of the API."), 403
            g.api_user = user
            return view(*args, **kwargs)

        return wrapped

    return decorator


def current_council_id() -> int | None:
    """The council of the API token's user, else of the signed-in person, else None."""
    user = g.get("api_user")
    if user is not None:
        return user.council_id
    if current_user and current_user.is_authenticated:
        return current_user.council_id
    return None


def council_letters(limit: int) -> list[Letter]:
    """The current council's letters that are not deleted, newest first (at most `limit`); 404 without a council."""
    council_id = current_council_id()
    if council_id is None:
        abort(404)
    return letters.for_council(council_id, limit)


def get_document_or_404(doc_id: int, include_deleted: bool = False) -> Letter:
    """The document with this id if it belongs to the current council (and is not deleted); else 404."""
    council_id = current_council_id()
    if council_id is None:
        abort(404)
    document = letters.in_council(council_id, doc_id, include_deleted=include_deleted)
    if document is None:
        abort(404)
    return document


# --- forms ---
class SignInForm(FlaskForm):
    email = EmailField("Email address", validators=[DataRequired("Enter your email address")])
    password = PasswordField("Password", validators=[DataRequired("Enter your password")])


class ChangePasswordForm(FlaskForm):
    current = PasswordField("Current password", validators=[DataRequired("Enter your current password")])
    new = PasswordField("New password", validators=[DataRequired("Enter a new password")])


def _safe_next(target: str | None) -> str | None:
    """Only paths on this site: never another host, never `//host`."""
    if not target:
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return None
    return target


def landing_url(user: User) -> str:
    """Where a person goes after signing in: the first navigation link their role allows."""
    from easyread.web import nav

    items = nav.items_for(current_app, user)
    return items[0]["href"] if items else url_for("auth.account")


# --- pages ---
@bp.route("/sign-in", methods=["GET", "POST"])
def sign_in():
    from easyread.records import throttle

    if current_user.is_authenticated:
        return redirect(landing_url(current_user))
    form = SignInForm()
    first_run = users.count_users() == 0
    status = 200
    if form.validate_on_submit():
        settings = current_app.config["EASYREAD"]
        email = users.normalise_email(form.email.data)
        keys = sign_in_keys(f"account:{email}")
        with throttle.attempt(keys, settings["LOGIN_LOCKOUT_MINUTES"] * 60) as turn:
            if not turn.allowed:
                form.email.errors.append(wait_message(turn.wait_seconds))
                status = 429
            else:
                user = users.find_user(email)
                if users.check_password(user, form.password.data) and user.active:
                    turn.succeeded(forget=(f"account:{email}",))
                    start_session(user, users.sign_in(user))
                    return redirect(_safe_next(request.args.get("next")) or landing_url(user))
                turn.failed()
                users.sign_in_failed(user, email)
                form.email.errors.append("Enter a correct email address and password")
                status = 401
    if form.errors and status == 200:
        status = 400
    return render_template("auth/sign_in.html", form=form, first_run=first_run), status


class SignOutForm(FlaskForm):
    """Only the CSRF token: signing out is a POST, so another site cannot sign people out with a link."""


@bp.route("/sign-out", methods=["GET", "POST"])
def sign_out():
    form = SignOutForm()
    if request.method == "GET":
        if not current_user.is_authenticated:
            return render_template("auth/signed_out.html")
        return render_template("auth/sign_out.html", form=form)
    if not form.validate_on_submit():
        abort(400)
    users.sign_out(current_user if current_user.is_authenticated else None, session.get(SESSION_KEY))
    logout_user()
    session.clear()
    return render_template("auth/signed_out.html")


@bp.get("/account")
@login_required
def account():
    if current_user.role == "reviewer":  # residents have their own Easy Read page: no email, no password
        return redirect(url_for("review_resident.account"))
    return render_template("auth/account.html")


@bp.route("/account/password", methods=["GET", "POST"])
@login_required
def change_password():
    if current_user.role == "reviewer":  # reviewers sign in with a link and a code; they never had a password
        return redirect(url_for("review_resident.account"))
    form = ChangePasswordForm()
    if form.validate_on_submit():
        if not users.check_password(current_user, form.current.data):
            form.current.errors.append("Your current password is not correct")
        elif problem := users.password_problem(form.new.data):
            form.new.errors.append(problem)
        else:
            users.change_password(current_user, form.new.data, keep_sid=session.get(SESSION_KEY))
            return render_template("auth/password_changed.html")
    return render_template("auth/change_password.html", form=form), 400 if form.errors else 200


@bp.get("/account/tokens")
@role_required("admin", "staff")
def tokens():
    return render_template(
        "auth/tokens.html",
        title="Your API tokens",
        owner=current_user,
        tokens=users.tokens_of(current_user),
        revoke_url=lambda token: url_for("auth.revoke_token", token_id=token.id),
    )


@bp.post("/account/tokens/<int:token_id>/revoke")
@role_required("admin", "staff")
def revoke_token(token_id: int):
    if not users.revoke_own_token(current_user, token_id):
        abort(404)
    return redirect(url_for("auth.tokens"))


def init_app(app) -> None:
    from flask_wtf.csrf import CSRFError

    from easyread.web import nav

    login_manager.init_app(app)
    app.register_blueprint(bp)
    nav.add(app, "Your account", "auth.account", roles=("admin", "staff"), order=90)

    @app.errorhandler(403)
    def forbidden(error):
        body = "If you think you should be able to, ask an admin at your council."
        return render_template("error.html", title="You do not have permission to see this page", body=body), 403

    @app.errorhandler(CSRFError)
    def csrf_error(error):
        body = "The form had expired or did not come from this service. Go back, reload the page and try again."
        return render_template("error.html", title="There is a problem with your request", body=body), 400
