"""Copy the NHS.UK frontend's built CSS, JS and images from node_modules into portfolio/static/vendor/nhsuk.

The stylesheet's @font-face rules load the Frutiger font from the NHS's CDN, which a trust's closed network
cannot reach and our Content-Security-Policy forbids: they are removed, so text falls back to Arial as the
NHS font stack intends. Run by `make assets` (and so by `make run` and `make test`).
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "node_modules" / "nhsuk-frontend" / "dist" / "nhsuk"
TARGET = ROOT / "portfolio" / "static" / "vendor" / "nhsuk"


def main() -> int:
    if not SOURCE.exists():
        print("node_modules/nhsuk-frontend is missing: run `npm ci` first", file=sys.stderr)
        return 1
    TARGET.mkdir(parents=True, exist_ok=True)
    css = (SOURCE / "nhsuk-frontend.min.css").read_text(encoding="utf-8")
    css = re.sub(r"@font-face\{[^}]*https?://[^}]*\}", "", css)
    css = re.sub(r"/\*# sourceMappingURL=.*?\*/", "", css)
    if "https://" in css or "http://" in css:
        print("the NHS.UK stylesheet still refers to another site", file=sys.stderr)
        return 1
    (TARGET / "nhsuk-frontend.min.css").write_text(css, encoding="utf-8")
    js = (SOURCE / "nhsuk-frontend.min.js").read_text(encoding="utf-8")
    (TARGET / "nhsuk-frontend.min.js").write_text(re.sub(r"//# sourceMappingURL=\S+", "", js), encoding="utf-8")
    shutil.copytree(SOURCE / "assets", TARGET / "assets", dirs_exist_ok=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
