"""Role checks for views: ``@role_required(Role.PMO, Role.ADMIN)`` after ``login_required`` semantics."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from flask import abort, g
from flask_login import current_user

from portfolio.extensions import login_manager
from portfolio.models import Role


def role_required(*roles: Role) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Signed-in users with one of ``roles`` in their current organisation; others get 403, anonymous users sign in.
    With no roles, any member of the organisation may pass."""

    def decorate(view: Callable[..., Any]) -> Callable[..., Any]:
        @wraps(view)
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            if not current_user.is_authenticated:
                return login_manager.unauthorized()
            membership = g.get("membership")
            if membership is None or (roles and membership.role not in roles):
                abort(403)
            return view(*args, **kwargs)

        wrapped.allowed_roles = tuple(roles)  # type: ignore[attr-defined]
        return wrapped

    return decorate


member_required = role_required()
