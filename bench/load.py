"""Bounded load on a real server: gunicorn, 4 workers, on PostgreSQL and on SQLite (WAL), side by side.

    python bench/load.py [--seconds 60] [--users 50] [--quick] [--workers 4]
                         [--postgres-url postgresql+psycopg://postgres@127.0.0.1:5432/loadtest]
                         [--no-postgres]
                         [--ramp 10,25,50,100]

For each database: a scratch database is made (PostgreSQL: the database named in --postgres-url is dropped and
created again, so never point it at real data; SQLite: a file in a temporary folder, WAL mode, 5 s busy
timeout, BEGIN IMMEDIATE, as ``portfolio.access.configure_engine`` sets it), the schema created, one trust
seeded with a portfolio of 200 projects imported through the real import service and one board member per
simulated user. Then gunicorn serves ``wsgi:app`` on 127.0.0.1 and --users threads, each signed in through
the real sign-in form, send requests for --seconds and stop by themselves: dashboards, portfolio pages,
project lists and project and review pages (GET), comments on projects and board decisions (POST with the
CSRF token; each a row in ``comment`` or ``decision``). Each simulated user decides only on its own share of the
projects, reading the review page first for the decision's lock version, as a person would, so no decision
should meet a conflict. Traffic goes to 127.0.0.1 only.

Counted: every request's latency; errors (any status other than the expected 200 for a page or 302 for a
stored comment or decision, and any refused or timed-out connection); and, at the end, the rows in ``comment``
and ``decision`` against the writes the server said it stored (302). Printed: one table with median and p95
latency, requests per second and errors for each database, then a line saying whether SQLite kept up.

The load generator runs on the same two cores as the server (CPU time taken from gunicorn), so the figures are
a floor on what a separate client would see; compare the two databases, not absolute numbers.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.client import HTTPConnection
from pathlib import Path
from urllib.parse import urlencode

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

PASSWORD = "correct-horse-battery"  # noqa: S105 - the seeded load-test users' password (tests/factories.py)
PROJECTS = 200


@dataclass
class Sample:
    kind: str
    seconds: float
    ok: bool
    status: str  # the HTTP status, or the connection error's name


@dataclass
class Result:
    database: str
    users: int
    seconds: float
    samples: list[Sample] = field(default_factory=list)
    writes_ok: Counter[str] = field(default_factory=Counter)
    rows_stored: Counter[str] = field(default_factory=Counter)
    sign_in_failures: int = 0

    def latencies(self, kind: str | None = None) -> list[float]:
        return [s.seconds for s in self.samples if (kind is None and s.kind != "sign-in") or s.kind == kind]

    @property
    def errors(self) -> int:
        return sum(not s.ok for s in self.samples)


# ---------------------------------------------------------------------------------------- the databases
def prepare_postgres(url: str) -> str:
    """Drop and create the scratch database named in ``url``; return the URL."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    target = make_url(url)
    name = target.database
    if not name or name in ("postgres", "template0", "template1"):
        raise SystemExit(f"--postgres-url must name a scratch database, not {name!r}")
    admin = create_engine(target.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return url


def seed(url: str, users: int) -> dict[str, object]:
    """Schema, one trust, its 200-project portfolio (real import service), one board member per user."""
    from sqlalchemy import select

    from portfolio import create_app
    from portfolio.config import TestConfig
    from portfolio.extensions import db
    from portfolio.models import Project
    from tests.factories import make_imported_portfolio, make_member, make_org

    config = {k: getattr(TestConfig, k) for k in dir(TestConfig) if k.isupper()}
    app = create_app({**config, "SQLALCHEMY_DATABASE_URI": url})
    with app.app_context():
        db.create_all()
        org = make_org("Load Test Hospitals NHS Foundation Trust")
        emails = [f"board{i}@load.example" for i in range(users)]
        for email in emails:
            make_member(org, email, "board")
        portfolio = make_imported_portfolio(org, PROJECTS, name="Digital portfolio")
        project_ids = list(db.session.scalars(select(Project.id).where(Project.portfolio_id == portfolio.id)))
        db.session.commit()
        endpoints = {rule.endpoint for rule in app.url_map.iter_rules()}
        seeded = {
            "portfolio_id": portfolio.id,
            "project_ids": project_ids,
            "emails": emails,
            "endpoints": endpoints,
        }
        db.session.remove()
        db.engine.dispose()
    return seeded


def count_writes(url: str) -> Counter[str]:
    """The comments and decisions the load wrote, as stored rows."""
    from sqlalchemy import create_engine, func, select

    from portfolio.models import Comment, Decision

    engine = create_engine(url)
    with engine.connect() as conn:
        comments = conn.scalar(select(func.count()).select_from(Comment).where(Comment.body.like("load %")))
        decisions = conn.scalar(
            select(func.count()).select_from(Decision).where(Decision.rationale.like("load %"))
        )
    engine.dispose()
    return Counter({"comment (POST)": int(comments or 0), "decision (POST)": int(decisions or 0)})


# ---------------------------------------------------------------------------------------- the server
def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def gunicorn(url: str, workers: int, instance: Path) -> Iterator[int]:
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "SECRET_KEY": "load-" + "k" * 40,
        "PORTFOLIO_ENV": "development",
        "PYTHONPATH": str(REPO),
    }
    server = subprocess.Popen(  # noqa: S603 - this interpreter running gunicorn on 127.0.0.1
        [
            sys.executable,
            "-m",
            "gunicorn",
            "--workers",
            str(workers),
            "--bind",
            f"127.0.0.1:{port}",
            "--timeout",
            "60",
            "--log-level",
            "warning",
            "wsgi:app",
        ],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=open(instance / "gunicorn.log", "w"),  # noqa: SIM115
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                status, _, _ = request(port, "GET", "/sign-in", None, None)
                if status == 200:
                    break
            except OSError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                raise SystemExit("gunicorn did not start: see " + str(instance / "gunicorn.log"))
            time.sleep(0.2)
        yield port
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


# ---------------------------------------------------------------------------------------- the clients
def request(
    port: int, method: str, path: str, cookie: str | None, form: dict[str, object] | None
) -> tuple[int, str, str | None]:
    """One request on a new connection (gunicorn's sync workers close each one): status, body, new cookie."""
    conn = HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Cookie": f"session={cookie}"} if cookie else {}
    body = None
    if form is not None:
        body = urlencode(form)
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    try:
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        text = response.read().decode("utf-8", "replace")
        set_cookie = response.getheader("Set-Cookie") or ""
        found = re.search(r"(?:^|, )session=([^;]*)", set_cookie)
        return response.status, text, found.group(1) if found else None
    finally:
        conn.close()


def csrf(page: str) -> str:
    found = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page)
    if not found:
        raise RuntimeError("no CSRF token on the page")
    return found.group(1)


class User(threading.Thread):
    def __init__(
        self,
        number: int,
        port: int,
        email: str,
        seeded: dict[str, object],
        until: float,
        result: Result,
        lock: threading.Lock,
    ) -> None:
        super().__init__(daemon=True)
        self.number, self.port, self.email, self.seeded = number, port, email, seeded
        self.until, self.result, self.lock = until, result, lock
        self.random = random.Random(number)  # noqa: S311 - choosing pages, not secrets
        self.cookie: str | None = None
        self.writes = 0

    def call(self, method: str, path: str, form: dict[str, object] | None = None) -> tuple[int, str]:
        status, body, cookie = request(self.port, method, path, self.cookie, form)
        self.cookie = cookie or self.cookie
        return status, body

    def sign_in(self) -> str:
        _, page = self.call("GET", "/sign-in")
        status, _ = self.call(
            "POST", "/sign-in", {"email": self.email, "password": PASSWORD, "csrf_token": csrf(page)}
        )
        if status != 302:
            raise RuntimeError(f"sign-in gave {status}")
        _, page = self.call("GET", f"/portfolios/{self.seeded['portfolio_id']}")
        return csrf(page)

    def run(self) -> None:
        try:
            token = self.sign_in()
        except (OSError, RuntimeError) as exc:
            with self.lock:
                self.result.sign_in_failures += 1
                self.result.samples.append(Sample("sign-in", 0.0, False, f"sign-in {exc}"))
            return
        portfolio_id = self.seeded["portfolio_id"]
        projects: list[int] = self.seeded["project_ids"]  # type: ignore[assignment]
        endpoints: set[str] = self.seeded["endpoints"]  # type: ignore[assignment]
        pages = [f"/portfolios/{portfolio_id}"]
        if "dashboard.show" in endpoints:
            pages += [f"/portfolios/{portfolio_id}/dashboard"] * 2
        if "tagging.heatmap" in endpoints:
            pages.append(f"/portfolios/{portfolio_id}/projects")
        if "review.queue_page" in endpoints:
            pages.append(f"/portfolios/{portfolio_id}/queue")
        project_pages = [
            p
            for p, e in (("/projects/{}", "tagging.show"), ("/projects/{}/review", "review.show"))
            if e in endpoints
        ]
        writes = "review.comment" in endpoints
        users = len(self.seeded["emails"])  # type: ignore[arg-type]
        mine = projects[self.number :: users] or projects[:1]
        while time.monotonic() < self.until:
            roll = self.random.random()
            project = self.random.choice(projects)
            if writes and roll < 0.1:
                self.decide(self.random.choice(mine), token)
                continue
            if writes and roll < 0.2:
                kind, method, path = "comment (POST)", "POST", f"/projects/{project}/comments"
                form: dict[str, object] | None = {
                    "body": f"load {self.number}-{self.writes}",
                    "csrf_token": token,
                }
                expected = 302
            elif project_pages and roll < 0.55:
                kind, method = "project page", "GET"
                path, form, expected = self.random.choice(project_pages).format(project), None, 200
            else:
                kind, method, path, form, expected = (
                    "portfolio page",
                    "GET",
                    self.random.choice(pages),
                    None,
                    200,
                )
            self.timed(kind, method, path, form, expected)

    def timed(
        self, kind: str, method: str, path: str, form: dict[str, object] | None, expected: int
    ) -> str | None:
        """One request, timed and recorded; the page's body when it gave the expected status."""
        started = time.perf_counter()
        body = None
        try:
            code, body = self.call(method, path, form)
            ok, status = code == expected, str(code)
        except OSError as exc:
            ok, status = False, type(exc).__name__
        elapsed = time.perf_counter() - started
        if ok and method == "POST":
            self.writes += 1
        with self.lock:
            self.result.samples.append(Sample(kind, elapsed, ok, status))
            if ok and method == "POST":
                self.result.writes_ok[kind] += 1
        return body if ok else None

    def decide(self, project: int, token: str) -> None:
        """Read the review page, as a board member does, then record a decision at the version it shows."""
        page = self.timed("project page", "GET", f"/projects/{project}/review", None, 200)
        if page is None:
            return
        lock = re.search(r'name="lock_version"[^>]*value="(\d+)"', page)
        version = re.search(r'name="version"[^>]*value="(\d+)"', page)
        form = {
            "move": "endorse" if self.writes % 2 else "challenge",
            "rationale": f"load {self.number}-{self.writes}",
            "lock_version": lock.group(1) if lock else "0",
            "version": version.group(1) if version else "",
            "csrf_token": token,
        }
        self.timed("decision (POST)", "POST", f"/projects/{project}/decisions", form, 302)


def run_load(database: str, url: str, users: int, seconds: float, workers: int, folder: Path) -> Result:
    seeded = seed(url, users)
    result = Result(database, users, seconds)
    lock = threading.Lock()
    with gunicorn(url, workers, folder) as port:
        until = time.monotonic() + seconds
        threads = [
            User(i, port, seeded["emails"][i], seeded, until, result, lock)  # type: ignore[index]
            for i in range(users)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=seconds + 120)
    result.rows_stored = count_writes(url)
    return result


# ---------------------------------------------------------------------------------------- the report
def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def report(results: list[Result]) -> None:
    kinds = ["portfolio page", "project page", "comment (POST)", "decision (POST)"]
    head = f"{'':28}" + "".join(f" {r.database + f' ({r.users} users)':>25}" for r in results)
    print(head)
    print("-" * len(head))

    def line(label: str, values: list[str]) -> None:
        print(f"{label:28}" + "".join(f" {v:>25}" for v in values))

    line("requests", [f"{len(r.latencies()):,}" for r in results])
    line("requests per second", [f"{len(r.latencies()) / r.seconds:,.1f}" for r in results])
    line(
        "median latency (ms)",
        [f"{statistics.median(r.latencies()) * 1000:,.0f}" if r.samples else "-" for r in results],
    )
    line("p95 latency (ms)", [f"{pct(r.latencies(), 0.95) * 1000:,.0f}" for r in results])
    for kind in kinds:
        line(
            f"  {kind} median/p95",
            [
                f"{statistics.median(r.latencies(kind)) * 1000:,.0f} / "
                f"{pct(r.latencies(kind), 0.95) * 1000:,.0f}"
                if r.latencies(kind)
                else "-"
                for r in results
            ],
        )
    line("errors", [f"{r.errors:,}" for r in results])
    line(
        "  by status",
        [
            ", ".join(
                f"{k}: {v}" for k, v in sorted(Counter(s.status for s in r.samples if not s.ok).items())
            )
            or "-"
            for r in results
        ],
    )
    for kind, noun in (("comment (POST)", "comment"), ("decision (POST)", "decision")):
        line(f"{noun}s stored (302 sent)", [f"{r.writes_ok[kind]:,}" for r in results])
        line(f"{noun} rows in database", [f"{r.rows_stored[kind]:,}" for r in results])
    line("rows = successful writes", ["yes" if r.rows_stored == r.writes_ok else "NO" for r in results])
    print()
    for sqlite in (r for r in results if r.database.startswith("SQLite")):
        postgres = next((r for r in results if r.database == "PostgreSQL" and r.users == sqlite.users), None)
        locked = sum("503" in s.status for s in sqlite.samples)
        against = f" (PostgreSQL: {postgres.errors} errors)" if postgres else ""
        if sqlite.errors == 0:
            verdict = "enough"
        elif locked:
            verdict = "not enough: writers waited past the 5 s busy timeout ('database is locked', 503)"
        else:
            verdict = "errors (see 'by status')"
        rate = len(sqlite.latencies()) / sqlite.seconds
        print(
            f"SQLite at {sqlite.users} users, {rate:.0f} requests/s: {verdict}; {sqlite.errors} errors, "
            f"{locked} of them 503{against}."
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--quick", action="store_true", help="10 users for 10 seconds: a smoke run")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--postgres-url", default="postgresql+psycopg://postgres@127.0.0.1:5432/loadtest")
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--ramp", default="", help="comma-separated user counts, each run for --seconds")
    args = parser.parse_args(argv)
    if args.quick:
        args.seconds, args.users = 10.0, 10
    counts = [int(n) for n in args.ramp.split(",") if n.strip()] or [args.users]
    results = []
    folder = Path(tempfile.mkdtemp(prefix="portfolio-load-"))
    try:
        for users in counts:
            if not args.no_postgres:
                url = prepare_postgres(args.postgres_url)
                print(f"PostgreSQL: {users} users for {args.seconds:.0f} s ...", flush=True)
                results.append(run_load("PostgreSQL", url, users, args.seconds, args.workers, folder))
            sqlite_file = folder / f"load-{users}.db"
            print(f"SQLite (WAL): {users} users for {args.seconds:.0f} s ...", flush=True)
            results.append(
                run_load(
                    "SQLite (WAL)", f"sqlite:///{sqlite_file}", users, args.seconds, args.workers, folder
                )
            )
        print()
        print(
            f"gunicorn --workers {args.workers} on 127.0.0.1, {os.cpu_count()} CPUs shared with the clients; "
            f"{PROJECTS} projects"
        )
        report(results)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 1 if any(r.errors or r.rows_stored != r.writes_ok for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
