"""Service navigation: each blueprint adds its own links, for the roles that may use them.

    from easyread.web import nav
    nav.add(app, "Letters", "documents.index", roles=("admin", "staff"), order=10)

The layout shows the links the signed-in person's role allows, in `order`, and marks
the current one. Links to endpoints that are not registered are left out.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import request, url_for


@dataclass(frozen=True)
class NavItem:
    text: str
    endpoint: str
    roles: tuple[str, ...]
    order: int = 50


def add(app, text: str, endpoint: str, roles=("admin", "staff"), order: int = 50) -> None:
    items = app.extensions.setdefault("easyread_nav", [])
    if not any(i.endpoint == endpoint for i in items):
        items.append(NavItem(text, endpoint, tuple(roles), order))
        items.sort(key=lambda i: i.order)


def items_for(app, user) -> list[dict]:
    """The navigation for govukServiceNavigation: [{"href", "text", "active"}].

    The current link is the one whose address is the longest start of this page's address.
    """
    if not getattr(user, "is_authenticated", False):
        return []
    out = []
    for item in app.extensions.get("easyread_nav", []):
        if user.role not in item.roles or item.endpoint not in app.view_functions:
            continue
        out.append({"href": url_for(item.endpoint), "text": item.text, "active": False})
    path = request.path.rstrip("/") + "/"
    matches = [i for i in out if path.startswith(i["href"].rstrip("/") + "/") and i["href"] != "/"]
    if matches:
        max(matches, key=lambda i: len(i["href"]))["active"] = True
    return out
