"""Response headers: a strict Content-Security-Policy with a per-request nonce, and the usual hardening; and
requests no browser sends, refused before any view (or the CSRF check) reads them."""

from __future__ import annotations

import secrets

from flask import Flask, Response, abort, g, request

# The largest id a database integer column holds: a larger id in a URL names nothing (404), and would make
# SQLite raise OverflowError rather than find no row.
_MAX_ID = 2**63 - 1


def csp_nonce() -> str:
    if "csp_nonce" not in g:
        g.csp_nonce = secrets.token_urlsafe(16)
    return str(g.csp_nonce)


def refuse_malformed_request() -> None:
    """400 for a form part with no name (Flask-WTF's CSRF check raised AttributeError on it: a 500) or a NUL
    character in any form or query value (PostgreSQL refuses to store one: a 500 at commit); 404 for an id
    in the URL larger than any database integer."""
    if any(abs(v) > _MAX_ID for v in (request.view_args or {}).values() if isinstance(v, int)):
        abort(404)
    if any("\x00" in value for values in request.args.listvalues() for value in values):
        abort(400)
    if request.method in ("POST", "PUT", "PATCH", "DELETE"):
        if None in request.form or None in request.files:
            abort(400)
        if any("\x00" in value for values in request.form.listvalues() for value in values):
            abort(400)


def register_headers(app: Flask) -> None:
    app.jinja_env.globals["csp_nonce"] = csp_nonce
    # First of the before-request functions, so it runs ahead of CSRFProtect's (registered with the
    # extensions, which would raise AttributeError on a nameless form part).
    app.before_request_funcs.setdefault(None, []).insert(0, refuse_malformed_request)

    @app.after_request
    def _headers(response: Response) -> Response:
        nonce = g.get("csp_nonce")
        script = f"'self' 'nonce-{nonce}'" if nonce else "'self'"
        response.headers["Content-Security-Policy"] = (
            f"default-src 'self'; script-src {script}; style-src 'self'; img-src 'self' data:; "
            "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
        )
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["Referrer-Policy"] = "strict-origin-when-cross-origin"
        if app.config.get("HSTS") and request.is_secure:
            response.headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains"
        if not request.path.startswith("/static/"):
            response.headers["Cache-Control"] = "no-store"
        return response
