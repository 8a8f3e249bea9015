"""One way to paginate a query and render its links (templates/_pagination.html)."""

from __future__ import annotations

from typing import Any

from flask import current_app, request
from flask_sqlalchemy.pagination import Pagination
from sqlalchemy import Select

from portfolio.extensions import db


def paginate(query: Select[Any], per_page: int | None = None) -> Pagination:
    """Page ``?page=N`` of ``query`` (a bad or too-large page number gives the last page, never an error)."""
    size = per_page or current_app.config.get("PAGE_SIZE", 50)
    page = request.args.get("page", 1, type=int) or 1
    result = db.paginate(query, page=max(page, 1), per_page=size, error_out=False, count=True)
    if result.pages and page > result.pages:
        result = db.paginate(query, page=result.pages, per_page=size, error_out=False, count=True)
    return result
