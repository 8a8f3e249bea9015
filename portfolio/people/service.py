"""Managing an organisation's members. Services flush and never commit; the view or command commits."""

from __future__ import annotations

from sqlalchemy import func, select

from portfolio import audit
from portfolio.auth.passwords import password_problems
from portfolio.auth.service import create_user
from portfolio.extensions import db
from portfolio.models import Membership, Organisation, Role, User


class MembershipRefused(Exception):
    """A change to members that the rules do not allow; the message says why in plain words."""


def add_member(
    org: Organisation, email: str, name: str, role: Role, password: str | None, actor: User | None
) -> Membership:
    """Give ``email`` the role in ``org``, creating the user when new (then ``password`` is required)."""
    email = email.strip().lower()
    user = db.session.scalar(select(User).where(User.email == email))
    if user is None:
        if not password:
            raise MembershipRefused("Enter a password for the new user.")
        problems = password_problems(password, email)
        if problems:
            raise MembershipRefused(" ".join(problems))
        user = create_user(email, name or email, password)
    existing = db.session.scalar(
        select(Membership).where(Membership.user_id == user.id, Membership.organisation_id == org.id)
    )
    if existing is not None:
        raise MembershipRefused(f"{email} is already a member of {org.name}.")
    membership = Membership(user_id=user.id, organisation_id=org.id, role=role.value)
    db.session.add(membership)
    db.session.flush()
    audit.record("member_added", user=actor, organisation_id=org.id, target=membership,
                 summary=f"Added {email} as {role.value}", after={"email": email, "role": role.value})
    return membership


def change_role(membership: Membership, role: Role, actor: User) -> None:
    before = membership.role
    if before == role.value:
        return
    if before == Role.ADMIN and _active_admins(membership.organisation_id) <= 1:
        raise MembershipRefused("An organisation needs at least one administrator.")
    membership.role = role.value
    audit.record("role_changed", user=actor, organisation_id=membership.organisation_id, target=membership,
                 summary=f"Changed {membership.user.email} from {before} to {role.value}",
                 before={"role": before}, after={"role": role.value})


def set_active(membership: Membership, active: bool, actor: User) -> None:
    if membership.active == active:
        return
    if not active and membership.user_id == actor.id:
        raise MembershipRefused("You cannot deactivate yourself.")
    if not active and membership.role == Role.ADMIN and _active_admins(membership.organisation_id) <= 1:
        raise MembershipRefused("An organisation needs at least one administrator.")
    membership.active = active
    audit.record("member_activated" if active else "member_deactivated", user=actor,
                 organisation_id=membership.organisation_id, target=membership,
                 summary=f"{'Reactivated' if active else 'Deactivated'} {membership.user.email}",
                 before={"active": not active}, after={"active": active})


def _active_admins(organisation_id: int) -> int:
    return db.session.scalar(
        select(func.count()).select_from(Membership).where(
            Membership.organisation_id == organisation_id, Membership.role == Role.ADMIN, Membership.active.is_(True)
        )
    ) or 0
