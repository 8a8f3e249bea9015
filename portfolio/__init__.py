"""Portfolio review: the application factory.

Flask and the extensions are imported inside the functions, not at the top: importing the package must not pull
Flask in, so that the pure core (``portfolio.importing.parser``, ``portfolio.tagging.rules`` ...) stays usable, and
testable, without it (tests/unit/test_pure_core.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from flask import Flask

    from portfolio.config import Config


def create_app(config: type[Config] | Mapping[str, Any] | None = None) -> Flask:
    """Build the app: configuration, templates, extensions, blueprints, error pages, headers, commands."""
    from flask import Flask

    from portfolio import access, cli, errors, security

    app = Flask(__name__, template_folder="../templates", instance_relative_config=True)
    register_config(app, config)
    register_templates(app)  # before the extensions: CSRFProtect creates the Jinja environment
    register_extensions(app)
    register_blueprints(app)
    errors.register_error_pages(app)
    security.register_headers(app)
    access.register_request_context(app)
    cli.register_commands(app)
    return app


def register_config(app: Flask, config: type[Config] | Mapping[str, Any] | None) -> None:
    import logging

    from portfolio.config import config_for_environment, development_secret_key

    app.config.from_object(config_for_environment() if config is None or isinstance(config, Mapping) else config)
    if isinstance(config, Mapping):
        app.config.update(config)
    if not app.config.get("SQLALCHEMY_DATABASE_URI"):
        app.config["SQLALCHEMY_DATABASE_URI"] = f"sqlite:///{app.instance_path}/portfolio.db"
    if not app.config.get("SECRET_KEY"):
        if app.config.get("SESSION_COOKIE_SECURE"):
            raise RuntimeError("SECRET_KEY must be set in production (at least 32 random bytes).")
        app.config["SECRET_KEY"] = development_secret_key(app.instance_path)
    if not app.debug:
        logging.basicConfig(level=logging.INFO)


def register_extensions(app: Flask) -> None:
    from portfolio import access
    from portfolio.extensions import csrf, db, login_manager, migrate

    db.init_app(app)
    migrate.init_app(app, db, directory=str(app.root_path) + "/../migrations")
    csrf.init_app(app)
    login_manager.init_app(app)
    with app.app_context():
        access.configure_engine(db.engine)


def register_templates(app: Flask) -> None:
    """Our templates first, then the NHS.UK frontend macros (they need ChainableUndefined)."""
    from jinja2 import ChainableUndefined, ChoiceLoader, FileSystemLoader, PackageLoader

    app.jinja_options = {
        **app.jinja_options,
        "undefined": ChainableUndefined,
        "loader": ChoiceLoader([FileSystemLoader(f"{app.root_path}/{app.template_folder}"),
                                PackageLoader("nhsuk_frontend_jinja")]),
    }
    app.jinja_env.filters["zip_choice"] = lambda c: {"value": c.value, "text": c.label}
    app.jinja_env.autoescape = True
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True


def register_blueprints(app: Flask) -> None:
    from portfolio.auth import bp as auth_bp
    from portfolio.dashboard.views import bp as dashboard_bp
    from portfolio.dashboard.views import system_bp
    from portfolio.exporting.views import bp as exporting_bp
    from portfolio.importing.views import bp as importing_bp
    from portfolio.people import bp as people_bp
    from portfolio.portfolios import bp as portfolios_bp
    from portfolio.review.audit_views import bp as audit_bp
    from portfolio.review.views import bp as review_bp
    from portfolio.tagging.views import bp as tagging_bp
    from portfolio.tagging.views import rubric_bp

    for bp in (auth_bp, people_bp, portfolios_bp, importing_bp, tagging_bp, rubric_bp, dashboard_bp, system_bp,
               review_bp, audit_bp, exporting_bp):
        app.register_blueprint(bp)
