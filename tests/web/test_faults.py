"""Faults (SECURITY.md (a)): a server killed in the middle of an import, a database that goes away and comes
back, an instance folder that cannot be written at start-up. Each on the test database of the run: a SQLite
file, or PostgreSQL where TEST_DATABASE_URL is set (make test runs tests/web on both).
"""

from __future__ import annotations

import errno
import io
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import func, select, text

from portfolio import create_app
from portfolio.config import TestConfig, development_secret_key
from portfolio.extensions import db
from portfolio.models import PendingImport, Project, ProjectFlag, ProjectVersion, Upload
from tests.conftest import REPO, csrf_token
from tests.factories import make_portfolio

PLAN = b"Ref,Title,Description\n" + b"".join(
    f"P-{i},Project {i},Electronic observations on ward {i}\n".encode() for i in range(1, 41)
)

# The child: the app's real confirm route, with the audit step (the last write of an import, inside its
# transaction) held open until the parent kills the process.
CHILD = """
import os, sys, time
from pathlib import Path
from portfolio import audit, create_app
from portfolio.config import TestConfig

url, held_file, pending_id = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
real_record = audit.record

def record_and_hold(action, **kwargs):
    event = real_record(action, **kwargs)
    if action == "import":
        from portfolio.extensions import db
        db.session.flush()  # every row of the import is written, none committed
        held_file.write_text(str(os.getpid()))
        time.sleep(600)
    return event

audit.record = record_and_hold
config = {k: getattr(TestConfig, k) for k in dir(TestConfig) if k.isupper()}
# No CSRF here: this process stands in for a server already past the checks (tested elsewhere).
config.update(SQLALCHEMY_DATABASE_URI=url, WTF_CSRF_ENABLED=False, PROPAGATE_UNEXPECTED=False)
app = create_app(config)
client = app.test_client()
signed_in = client.post("/sign-in", data={"email": "pmo@a.example", "password": "correct-horse-battery"})
assert signed_in.status_code == 302
client.post(f"/imports/{pending_id}/confirm")
print("the import finished: it should have been killed first", file=sys.stderr)
sys.exit(9)
"""


def _count(model: type) -> int:
    return db.session.scalar(select(func.count()).select_from(model)) or 0


def _upload(client, portfolio_id: int, data: bytes = PLAN, name: str = "plan.csv") -> int:
    response = client.post(
        f"/portfolios/{portfolio_id}/upload",
        data={"file": (io.BytesIO(data), name), "csrf_token": csrf_token(client)},
        content_type="multipart/form-data",
    )
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    return int(response.headers["Location"].rsplit("/", 1)[1])


@pytest.fixture
def portfolio(org):
    p = make_portfolio(org, "Digital")
    db.session.commit()
    return p


# ---------------------------------------------------------------------------- a server killed mid-import
def test_server_killed_while_import_transaction_is_open_leaves_no_partial_import(
    app, client, auth, portfolio, tmp_path
):
    auth.login("pmo")
    pending_id = _upload(client, portfolio.id)
    db.session.commit()
    held = tmp_path / "held"
    child = subprocess.Popen(  # noqa: S603 - this interpreter running the script above
        [sys.executable, "-c", CHILD, app.config["SQLALCHEMY_DATABASE_URI"], str(held), str(pending_id)],
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 120
        while not held.exists():
            assert child.poll() is None, child.communicate()[1].decode()[-3000:]
            assert time.monotonic() < deadline, "the child never reached the held step"
            time.sleep(0.05)
        if db.engine.dialect.name == "postgresql":  # the child really is inside an open transaction
            db.session.rollback()
            state = db.session.scalar(
                text(
                    "SELECT count(*) FROM pg_stat_activity WHERE pid <> pg_backend_pid() "
                    "AND datname = current_database() AND state = 'idle in transaction'"
                )
            )
            assert state >= 1
        child.send_signal(signal.SIGKILL)
        assert child.wait(timeout=30) == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
        child.communicate()
    db.session.rollback()
    deadline = (
        time.monotonic() + 30
    )  # PostgreSQL notices the dropped connection and rolls its transaction back
    while True:
        try:
            counts = (_count(Upload), _count(ProjectVersion), _count(Project), _count(ProjectFlag))
            break
        except Exception:
            db.session.rollback()
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)
    assert counts == (0, 0, 0, 0)
    assert _count(PendingImport) == 1  # the upload is still there to confirm again
    if db.engine.dialect.name == "sqlite":
        assert db.session.scalar(text("PRAGMA integrity_check")) == "ok"
    db.session.rollback()
    # The lock died with the process: the same import now goes through, whole.
    response = client.post(f"/imports/{pending_id}/confirm", data={"csrf_token": csrf_token(client)})
    assert response.status_code == 302
    assert (_count(Upload), _count(ProjectVersion)) == (1, 40)


# ---------------------------------------------------------------------------- a database that goes away
class TcpProxy:
    """A forwarder on 127.0.0.1 to the database server, that can be cut (every connection dropped, the
    port refusing) and restored on the same port: the database going away and coming back."""

    def __init__(self, host: str, port: int) -> None:
        self.upstream = (host, port)
        self.port = 0
        self._sockets: list[socket.socket] = []
        self._listener: socket.socket | None = None

    def start(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(16)
        self.port = listener.getsockname()[1]
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def cut(self) -> None:
        for sock in [self._listener, *self._sockets]:
            if sock is not None:
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                sock.close()
        self._sockets.clear()
        self._listener = None

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            server = socket.create_connection(self.upstream)
            self._sockets += [client, server]
            for a, b in ((client, server), (server, client)):
                threading.Thread(target=self._pump, args=(a, b), daemon=True).start()

    @staticmethod
    def _pump(source: socket.socket, sink: socket.socket) -> None:
        try:
            while chunk := source.recv(65536):
                sink.sendall(chunk)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                try:
                    sock.close()
                except OSError:
                    pass


def _sign_in(client) -> None:
    client.get("/sign-in")
    response = client.post(
        "/sign-in",
        data={
            "email": "pmo@a.example",
            "password": "correct-horse-battery",
            "csrf_token": csrf_token(client, "/sign-in"),
        },
    )
    assert response.status_code == 302


def _assert_503(response) -> None:
    page = response.get_data(as_text=True)
    assert response.status_code == 503, page[:2000]
    assert "The service is temporarily unavailable" in page and "database cannot be reached" in page
    assert "Traceback" not in page and "OperationalError" not in page and "psycopg" not in page


def test_database_gone_gives_503_page_and_the_app_recovers_when_it_returns(
    app, client, auth, portfolio, tmp_path
):
    if db.engine.dialect.name == "sqlite":
        _sqlite_goes_away_and_returns(client, portfolio.id)
    else:
        _postgres_goes_away_and_returns(app, portfolio.id)


def _sqlite_goes_away_and_returns(client, portfolio_id: int) -> None:
    path = Path(db.engine.url.database)
    _sign_in(client)
    assert client.get(f"/portfolios/{portfolio_id}").status_code == 200
    db.session.remove()
    db.engine.dispose()
    moved = path.with_name("moved-away.db")
    path.rename(moved)
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    path.mkdir()  # what stands where the database was cannot be opened: "unable to open database file"
    try:
        _assert_503(client.get(f"/portfolios/{portfolio_id}"))
        _assert_503(client.get("/"))
    finally:
        db.engine.dispose()
        path.rmdir()
        moved.rename(path)
    assert client.get(f"/portfolios/{portfolio_id}").status_code == 200  # same session: nothing was lost


def _postgres_goes_away_and_returns(app: Flask, portfolio_id: int) -> None:
    url = db.engine.url
    proxy = TcpProxy(url.host or "127.0.0.1", url.port or 5432)
    proxy.start()
    config = {k: getattr(TestConfig, k) for k in dir(TestConfig) if k.isupper()}
    config["SQLALCHEMY_DATABASE_URI"] = url.set(host="127.0.0.1", port=proxy.port).render_as_string(False)
    behind = create_app(config)
    behind.instance_path = app.instance_path
    client = behind.test_client()
    try:
        _sign_in(client)
        assert client.get(f"/portfolios/{portfolio_id}").status_code == 200
        proxy.cut()
        _assert_503(client.get(f"/portfolios/{portfolio_id}"))
        _assert_503(client.get("/"))
        proxy.start()  # the database is back, on the same address
        assert client.get(f"/portfolios/{portfolio_id}").status_code == 200
    finally:
        proxy.cut()
        with behind.app_context():
            db.engine.dispose()


# ---------------------------------------------------------------------------- start-up: instance folder
def _config_without_key() -> dict[str, object]:
    config = {k: getattr(TestConfig, k) for k in dir(TestConfig) if k.isupper()}
    config.update(SECRET_KEY=None, SQLALCHEMY_DATABASE_URI="sqlite://")
    return config


def test_read_only_instance_folder_is_reported_clearly_at_start_up(monkeypatch):
    folder = "/sys/portfolio-instance"  # refuses a new folder even to root
    if os.access("/sys", os.W_OK) and Path(folder).exists():
        pytest.skip("/sys is writable here")
    monkeypatch.setattr(Flask, "auto_find_instance_path", lambda self: folder)
    with pytest.raises(RuntimeError) as caught:
        create_app(_config_without_key())
    message = str(caught.value)
    assert folder in message and "SECRET_KEY" in message and "writable" in message
    assert not isinstance(caught.value, OSError)


def test_full_disk_when_writing_the_key_is_reported_clearly_and_leaves_no_empty_key(monkeypatch, tmp_path):
    real_fdopen = os.fdopen

    class FullDisk(io.StringIO):
        def __init__(self, fd: int) -> None:
            super().__init__()
            os.close(fd)

        def write(self, _text: str) -> int:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fdopen", lambda fd, *a, **k: FullDisk(fd))
    with pytest.raises(RuntimeError, match="No space left on device") as caught:
        development_secret_key(str(tmp_path / "instance"))
    assert str(tmp_path / "instance") in str(caught.value)
    monkeypatch.setattr(os, "fdopen", real_fdopen)
    assert sorted(p.name for p in (tmp_path / "instance").iterdir()) == []  # no empty key left to be trusted
    key = development_secret_key(str(tmp_path / "instance"))  # the disk has room again: a real key
    assert len(key) == 64 and (tmp_path / "instance" / "secret_key").stat().st_mode & 0o777 == 0o600


def test_empty_key_file_left_by_an_old_crash_is_replaced_not_used(tmp_path):
    folder = tmp_path / "instance"
    folder.mkdir()
    (folder / "secret_key").write_text("")
    key = development_secret_key(str(folder))
    assert len(key) == 64 and (folder / "secret_key").read_text() == key


def test_key_path_that_is_a_folder_is_reported_clearly(tmp_path):
    (tmp_path / "instance" / "secret_key").mkdir(parents=True)
    with pytest.raises(RuntimeError, match="cannot hold the development secret key"):
        development_secret_key(str(tmp_path / "instance"))
    shutil.rmtree(tmp_path / "instance")
