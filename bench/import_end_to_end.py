"""The whole import against python-calamine's bare read of the same file, on SQLite and on PostgreSQL.

    python bench/import_end_to_end.py [--rows 20000] [--repeats 3] [--postgres URL]

Issue target: importing a generated 20,000-project workbook end to end (read, map, coerce, store) takes at
most 3x the bare read. Printed from one run, medians of interleaved repeats: the bare read; parse_workbook
(read, map, coerce); the store (Upload, Projects, ProjectVersions, flags:
portfolio.importing.version_service.write_version); their sum and its ratio to the bare read; tagging and
judging with a fresh rubric each time (no cache carried over), reported beside it (issue 4's own target); and
a 300-project workbook through the web form (upload, preview, confirm) against the one-second target. Each
step starts after a full garbage collection, so none pays for the last one's garbage.
"""

from __future__ import annotations

import argparse
import gc
import io
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.import_speed import bare_read, make_workbook  # noqa: E402
from portfolio import create_app  # noqa: E402
from portfolio.analysis.thresholds import load_thresholds  # noqa: E402
from portfolio.config import TestConfig  # noqa: E402
from portfolio.extensions import db  # noqa: E402
from portfolio.importing.parser import parse_workbook  # noqa: E402
from portfolio.importing.service import write_version  # noqa: E402
from portfolio.pipeline import judge  # noqa: E402
from portfolio.tagging.rubric import load_rubric  # noqa: E402


def _app(url: str):  # type: ignore[no-untyped-def]
    config = {k: getattr(TestConfig, k) for k in dir(TestConfig) if k.isupper()}
    config.update(SQLALCHEMY_DATABASE_URI=url, PROPAGATE_UNEXPECTED=True)
    return create_app(config)


def _fresh_schema(app) -> None:  # type: ignore[no-untyped-def]
    with app.app_context():
        db.drop_all()
        db.create_all()


def measure_store(url: str, data: bytes, repeats: int) -> dict[str, float]:
    """Median seconds of bare read, parse, judge and store for one database."""
    from portfolio.orgs import find_or_create_organisation
    from portfolio.portfolios.service import create_portfolio

    app = _app(url)
    _fresh_schema(app)
    times: dict[str, list[float]] = {"bare": [], "parse": [], "judge": [], "store": []}
    with app.app_context():
        org = find_or_create_organisation("Bench Trust")
        db.session.commit()
        for i in range(repeats):
            gc.collect()
            start = time.perf_counter()
            bare_read(data)
            times["bare"].append(time.perf_counter() - start)
            gc.collect()
            start = time.perf_counter()
            plan = parse_workbook(data, "bench.xlsx")
            times["parse"].append(time.perf_counter() - start)
            rubric, thresholds = load_rubric(), load_thresholds()  # fresh: no cache from the last repeat
            gc.collect()
            start = time.perf_counter()
            judgement = judge(plan.records, plan.context, rubric, thresholds)
            times["judge"].append(time.perf_counter() - start)
            portfolio = create_portfolio(org, f"Bench {i}", actor=None)
            gc.collect()
            start = time.perf_counter()
            write_version(portfolio, plan, data, None, judgement, rubric.version)
            db.session.commit()
            times["store"].append(time.perf_counter() - start)
        db.session.remove()
        db.engine.dispose()
    return {k: statistics.median(v) for k, v in times.items()}


def measure_web(url: str, data: bytes) -> float:
    """Seconds for upload + preview + confirm of a workbook through the test client (parse in-process)."""
    app = _app(url)
    _fresh_schema(app)
    from portfolio.models import Role
    from portfolio.orgs import find_or_create_organisation
    from portfolio.people.service import add_member
    from portfolio.portfolios.service import create_portfolio

    with app.app_context():
        org = find_or_create_organisation("Web Trust")
        add_member(org, "pmo@bench.example", "PMO", Role.PMO, "bench-password-long", actor=None)
        portfolio_id = create_portfolio(org, "Web", actor=None).id
        db.session.commit()
    client = app.test_client()
    page = client.get("/sign-in").get_data(as_text=True)
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)
    client.post("/sign-in", data={"email": "pmo@bench.example", "password": "bench-password-long", "csrf_token": token})
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', client.get("/").get_data(as_text=True)).group(1)
    start = time.perf_counter()
    response = client.post(f"/portfolios/{portfolio_id}/upload", content_type="multipart/form-data",
                           data={"file": (io.BytesIO(data), "plan.xlsx"), "csrf_token": token})
    pending = response.headers["Location"].rsplit("/", 1)[1]
    client.get(f"/imports/{pending}/preview")
    client.post(f"/imports/{pending}/confirm", data={"csrf_token": token})
    elapsed = time.perf_counter() - start
    with app.app_context():
        db.engine.dispose()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--postgres", default=os.environ.get("TEST_DATABASE_URL"))
    args = parser.parse_args()
    data = make_workbook(args.rows)
    with tempfile.TemporaryDirectory() as tmp:
        targets = [("SQLite", f"sqlite:///{tmp}/bench.db")]
        if args.postgres:
            targets.append(("PostgreSQL", args.postgres))
        print(f"{args.rows:,} projects, {len(data) / 1e6:.2f} MB, medians of {args.repeats}")
        for name, url in targets:
            t = measure_store(url, data, args.repeats)
            end_to_end = t["parse"] + t["store"]
            print(f"{name:10} bare read {t['bare']:.2f}s | parse {t['parse']:.2f}s | store {t['store']:.2f}s | "
                  f"read+map+coerce+store {end_to_end:.2f}s = {end_to_end / t['bare']:.2f}x bare read (target <= 3x)"
                  f" | tagging+judging {t['judge']:.2f}s")
        small = make_workbook(300)
        web = [measure_web(f"sqlite:///{tmp}/web{i}.db", small) for i in range(3)]
        print(f"300 projects through the web form (upload, preview, confirm), SQLite: median "
              f"{statistics.median(web):.2f}s (target < 1s)")


if __name__ == "__main__":
    main()
