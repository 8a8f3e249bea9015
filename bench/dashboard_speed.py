"""How the dashboard's server time grows with the portfolio: a small and a large portfolio side by side.

    python bench/dashboard_speed.py [--small 50] [--large 5000] [--repeats 15] [--database-url URL]

Builds one app on a fresh SQLite file (or --database-url: a scratch database, whose tables are dropped and
created again, so never point it at real data), writes a version of --small and one of --large projects with
bulk inserts (tests.factories.make_version: rows as wide as real tagged ones, about 4 KB of assessment each,
but no parsing or tagging, so set-up takes seconds), signs in through the real form, then times
GET /portfolios/<id>/dashboard in-process through the test client, alternating small and large, after one
warm-up request each. Prints the median and spread per size, the SQL statements per request, and the ratio
large/small (issue target: at most 3x).
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import event

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from portfolio import create_app  # noqa: E402
from portfolio.config import TestConfig  # noqa: E402
from portfolio.extensions import db  # noqa: E402
from tests.factories import make_member, make_org, make_portfolio, make_version  # noqa: E402


def build(url: str, sizes: tuple[int, int]):  # type: ignore[no-untyped-def]
    config = {k: getattr(TestConfig, k) for k in dir(TestConfig) if k.isupper()}
    app = create_app({**config, "SQLALCHEMY_DATABASE_URI": url, "PROPAGATE_UNEXPECTED": True})
    ids = []
    with app.app_context():
        db.drop_all()
        db.create_all()
        trust = make_org("Bench Trust")
        make_member(trust, "viewer@bench.example", "viewer")
        for size in sizes:
            portfolio = make_portfolio(trust, f"{size} projects", objectives=["Quality", "People", "Money"])
            make_version(portfolio, size)
            ids.append(portfolio.id)
        db.session.commit()
    return app, ids


def sign_in(client) -> None:  # type: ignore[no-untyped-def]
    page = client.get("/sign-in").get_data(as_text=True)
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
    form = {"email": "viewer@bench.example", "password": "correct-horse-battery", "csrf_token": token}
    response = client.post("/sign-in", data=form)
    assert response.status_code == 302, "sign-in failed"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=50)
    parser.add_argument("--large", type=int, default=5000)
    parser.add_argument("--repeats", type=int, default=15)
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = args.database_url or f"sqlite:///{folder}/bench.db"
        started = time.perf_counter()
        app, ids = build(url, (args.small, args.large))
        print(f"set-up: {time.perf_counter() - started:.1f} s on {url.split(':')[0]}")
        client = app.test_client()
        sign_in(client)
        timings: dict[int, list[float]] = {pid: [] for pid in ids}
        statements: dict[int, int] = {}
        with app.app_context():
            engine = db.engine
        for pid in ids:
            assert client.get(f"/portfolios/{pid}/dashboard").status_code == 200  # warm-up
        for _ in range(args.repeats):
            for pid in ids:
                seen: list[str] = []
                listener = lambda *a, seen=seen: seen.append(a[2])  # noqa: E731
                event.listen(engine, "before_cursor_execute", listener)
                begin = time.perf_counter()
                response = client.get(f"/portfolios/{pid}/dashboard")
                timings[pid].append(time.perf_counter() - begin)
                event.remove(engine, "before_cursor_execute", listener)
                assert response.status_code == 200
                statements[pid] = len(seen)
        medians = []
        for size, pid in zip((args.small, args.large), ids, strict=True):
            runs = sorted(timings[pid])
            median = statistics.median(runs)
            medians.append(median)
            print(f"{size:>6} projects: median {median * 1000:7.1f} ms  (min {runs[0] * 1000:.1f}, "
                  f"max {runs[-1] * 1000:.1f}; {len(runs)} runs)  {statements[pid]} SQL statements")
        ratio = medians[1] / medians[0]
        print(f"ratio large/small: {ratio:.2f}x (target: at most 3x) -> {'OK' if ratio <= 3 else 'TOO SLOW'}")
        with app.app_context():
            db.session.remove()
            db.engine.dispose()


if __name__ == "__main__":
    main()
