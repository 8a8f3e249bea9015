"""Password rules (pure). NCSC advice: length over complexity, and refuse the obvious."""

from __future__ import annotations

MIN_LENGTH = 12
COMMON = frozenset({"password1234", "passwordpassword", "123456789012", "qwertyuiopas", "letmeinletmein",
                    "welcome12345", "nhspassword1", "changeme1234"})


def password_problems(password: str, email: str = "") -> list[str]:
    """Plain sentences saying why ``password`` may not be used; an empty list when it is acceptable."""
    problems = []
    if len(password) < MIN_LENGTH:
        problems.append(f"Password must be at least {MIN_LENGTH} characters long.")
    if len(password) > 200:
        problems.append("Password must be 200 characters or fewer.")
    lowered = password.lower()
    if lowered in COMMON or len(set(lowered)) < 4:
        problems.append("Password is too easy to guess: use three or more random words.")
    local = email.split("@")[0].lower()
    if local and len(local) >= 4 and local in lowered:
        problems.append("Password must not contain your email name.")
    return problems
