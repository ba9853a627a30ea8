"""Admin pages: accounts (list, create, deactivate), the audit log, and settings with model status.

Admins see and manage only their own council's accounts and audit events.
"""

from __future__ import annotations

from flask import Blueprint, abort, current_app, redirect, render_template, request, url_for
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import EmailField, RadioField, SelectChoice, StringField
from wtforms.validators import DataRequired, Length, ValidationError

from easyread.config import SETTINGS, setting
from easyread.records import audit, users
from easyread.store.models import User
from easyread.web.auth import admin_required

bp = Blueprint("admin", __name__, url_prefix="/admin")
AUDIT_PAGE_SIZE = 50
ROLE_CHOICES = [
    SelectChoice("staff", "Staff – uploads letters and makes Easy Read versions"),
    SelectChoice("reviewer", "Reviewer – reviews Easy Read drafts only"),
    SelectChoice("admin", "Admin – does what staff do, and manages accounts"),
]
_SECRET_WORDS = ("KEY", "SECRET", "PASSWORD", "TOKEN")


def _email_format(form, field) -> None:
    if field.data and not users.valid_email(field.data):
        raise ValidationError("Enter an email address in the correct format, like name@example.gov.uk")


class CreateUserForm(FlaskForm):
    name = StringField(
        "Full name",
        validators=[
            DataRequired("Enter the person's full name"),
            Length(max=255, message="The name must be 255 characters or fewer"),
        ],
    )
    email = EmailField(
        "Email address",
        validators=[
            DataRequired("Enter their email address"),
            Length(max=320, message="The email address must be 320 characters or fewer"),
            _email_format,
        ],
    )
    role = RadioField("Role", choices=ROLE_CHOICES, validators=[DataRequired("Select a role")])


def _council_user_or_404(user_id: int) -> User:
    user = users.in_council(current_user.council_id, user_id)
    if user is None:
        abort(404)
    return user


@bp.get("/users")
@admin_required
def user_list():
    rows = users.of_council(current_user.council_id)
    changed = request.args.get("changed")
    return render_template("admin/users.html", users=rows, changed=changed)


@bp.route("/users/new", methods=["GET", "POST"])
@admin_required
def user_create():
    form = CreateUserForm()
    if form.validate_on_submit():
        email = users.normalise_email(form.email.data)
        if users.find_user(email) is not None:
            form.email.errors.append("There is already an account with this email address")
        else:
            password = users.generate_password()
            user = users.add_account(
                email, form.name.data, form.role.data, current_user.council, password, actor=current_user
            )
            return render_template("admin/user_created.html", user=user, password=password)
    status = 400 if form.errors else 200
    return render_template("admin/user_new.html", form=form), status


@bp.post("/users/<int:user_id>/deactivate")
@admin_required
def user_deactivate(user_id: int):
    user = _council_user_or_404(user_id)
    if user.id == current_user.id:
        abort(400)
    users.change_active(user, False, actor=current_user)
    return redirect(url_for("admin.user_list", changed=user.id))


@bp.post("/users/<int:user_id>/reactivate")
@admin_required
def user_reactivate(user_id: int):
    user = _council_user_or_404(user_id)
    users.change_active(user, True, actor=current_user)
    return redirect(url_for("admin.user_list", changed=user.id))


@bp.get("/users/<int:user_id>/tokens")
@admin_required
def user_tokens(user_id: int):
    user = _council_user_or_404(user_id)
    return render_template(
        "auth/tokens.html",
        title=f"API tokens of {user.name}",
        owner=user,
        tokens=users.tokens_of(user),
        revoke_url=lambda token: url_for("admin.token_revoke", token_id=token.id),
    )


@bp.post("/tokens/<int:token_id>/revoke")
@admin_required
def token_revoke(token_id: int):
    token = users.token_by_id(token_id)
    if token is None:
        abort(404)
    user = _council_user_or_404(token.user_id)
    users.revoke(token, actor=current_user)
    return redirect(url_for("admin.user_tokens", user_id=user.id))


@bp.get("/audit")
@admin_required
def audit_log():
    page = max(request.args.get("page", 1, type=int) or 1, 1)
    total = audit.count(current_user.council_id)
    pages = max((total + AUDIT_PAGE_SIZE - 1) // AUDIT_PAGE_SIZE, 1)
    if page > pages:
        abort(404)
    events = audit.newest(current_user.council_id, limit=AUDIT_PAGE_SIZE, offset=(page - 1) * AUDIT_PAGE_SIZE)
    return render_template(
        "admin/audit.html", events=events, page=page, pages=pages, total=total, describe=audit.DESCRIPTIONS
    )


def masked_settings(values: dict) -> list[dict]:
    """[{"name", "value", "help"}] for every setting, with secrets hidden."""
    rows = []
    for spec in SETTINGS:
        value = values.get(spec.name)
        if any(word in spec.name for word in _SECRET_WORDS):
            shown = "Set (hidden)" if value else "Not set"
        elif spec.name == "DATABASE_URL" and value:
            from sqlalchemy.engine import make_url

            try:
                shown = make_url(value).render_as_string(hide_password=True)
            except Exception:  # an unparseable URL is still a secret
                shown = "Set (hidden)"
        elif value in ("", None):
            shown = "Not set"
        else:
            shown = str(value)
        rows.append({"name": spec.name, "value": shown, "help": setting(spec.name).help})
    return rows


@bp.get("/settings")
@admin_required
def settings_page():
    from easyread.engines.registry import list_models

    values = current_app.config["EASYREAD"]
    try:
        models = list_models(values)
        models_error = None
    except Exception:  # the page must still show the settings if a model check fails
        current_app.logger.exception("Listing models failed")
        models, models_error = [], "The model status could not be read. Run `easyread models` on the server to see why."
    return render_template(
        "admin/settings.html",
        settings=masked_settings(values),
        models=models,
        models_error=models_error,
        configured_model=values.get("MODEL"),
    )


def init_app(app) -> None:
    from easyread.web import nav

    app.register_blueprint(bp)
    nav.add(app, "Users", "admin.user_list", roles=("admin",), order=60)
    nav.add(app, "Audit log", "admin.audit_log", roles=("admin",), order=70)
    nav.add(app, "Settings", "admin.settings_page", roles=("admin",), order=80)
