"""The board pack as a PDF: the rendered page printed by headless Chromium in a child process with a timeout.

The HTML is written to a private temporary directory with the stylesheets copied beside it (no server, no
network: Chromium reads file:// only), and the directory is removed whatever happens.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from flask import Response, current_app

CHROMIUM_ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--no-pdf-header-footer",
)
STYLESHEETS = {"nhsuk.css": "vendor/nhsuk/nhsuk-frontend.min.css", "app.css": "css/app.css"}


class PdfUnavailable(Exception):
    """The PDF could not be made (no Chromium, it failed or took too long); the message says what to do."""


def find_chromium() -> str | None:
    configured = current_app.config.get("CHROMIUM") or os.environ.get("CHROMIUM")
    for candidate in (
        configured,
        "/usr/bin/chromium",
        shutil.which("chromium"),
        shutil.which("chromium-browser"),
        shutil.which("google-chrome"),
    ):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def html_to_pdf(html: str, timeout: float | None = None) -> bytes:
    """Print ``html`` (a page linking ``nhsuk.css`` and ``app.css`` by relative path) to PDF bytes.
    Raises PdfUnavailable when Chromium is missing, fails, or runs past ``timeout`` seconds."""
    chromium = find_chromium()
    if chromium is None:
        raise PdfUnavailable(
            "The PDF cannot be made on this server because Chromium is not installed. "
            "Print the board pack page from your browser instead, or ask your administrator "
            "to install Chromium (Debian package 'chromium')."
        )
    limit = timeout or float(current_app.config.get("PDF_TIMEOUT_SECONDS", 60))
    with tempfile.TemporaryDirectory(prefix="board-pack-") as folder:
        work = Path(folder)
        for name, source in STYLESHEETS.items():
            shutil.copyfile(Path(current_app.static_folder or "") / source, work / name)
        page, output = work / "board-pack.html", work / "board-pack.pdf"
        page.write_text(html, encoding="utf-8")
        command = [
            chromium,
            *CHROMIUM_ARGS,
            f"--user-data-dir={work / 'profile'}",
            f"--print-to-pdf={output}",
            page.as_uri(),
        ]
        try:
            subprocess.run(  # noqa: S603 - a fixed executable and arguments; the page is our own render
                command,
                capture_output=True,
                timeout=limit,
                check=False,
                cwd=work,
                env={**os.environ, "HOME": str(work)},
            )
        except subprocess.TimeoutExpired:
            raise PdfUnavailable(
                f"Making the PDF took longer than {limit:.0f} seconds and was stopped. "
                "Print the board pack page from your browser instead."
            ) from None
        except OSError as failed:
            raise PdfUnavailable(
                f"Chromium could not be started ({failed.strerror}). "
                "Print the board pack page from your browser instead."
            ) from None
        if not output.exists() or output.stat().st_size == 0:
            raise PdfUnavailable(
                "Chromium did not produce a PDF. Print the board pack page from your browser "
                "instead, and tell your administrator."
            )
        return output.read_bytes()


def send_pdf(data: bytes, name: str) -> Response:
    """Serve the PDF as a download with a cleaned file name, never cached."""
    safe = re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-")[:100] or "board-pack"
    response = Response(data, mimetype="application/pdf")
    response.headers["Content-Disposition"] = f'attachment; filename="{safe}.pdf"'
    response.headers["Cache-Control"] = "no-store"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response
