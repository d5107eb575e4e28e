"""`make run`: migrate, load demo data once, start the dev OIDC provider and Streamlit, wait.

Everything runs on 127.0.0.1; the database is data/demo.duckdb, separate from any real data.
"""

from __future__ import annotations

import argparse
import signal
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from db import connection, meta  # noqa: E402
from db.migrate import migrate  # noqa: E402
from tools import demo, devstack  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=8501)
    parser.add_argument("--oidc-port", type=int, default=9400)
    parser.add_argument("--db", type=Path, default=ROOT / "data" / "demo.duckdb")
    args = parser.parse_args()

    connection.configure(args.db)
    migrate()
    if not meta.is_demo():
        print("Indlæser demodata ...", flush=True)
        demo.seed_all()
    connection.close()  # the Streamlit process is the one writer from here on

    secrets_file = devstack.write_secrets(ROOT / ".streamlit" / "dev-secrets.toml",
                                          args.oidc_port, [demo.ADMIN.email])
    oidc = devstack.start_oidc(args.oidc_port, demo.DEMO_USERS, token_max_age=8 * 3600,
                               log=args.db.parent / "oidc.log")
    app = None
    try:
        app = devstack.start_streamlit(args.port, secrets_file, args.db)
        url = f"http://{devstack.HOST}:{args.port}"
        print(f"\nHåndteringsmodellen kører på {url}  (brug netop denne adresse)\n")
        print("Demobrugere (vælg knappen med brugerens sub på den lokale OIDC-udbyders side):")
        for user in demo.DEMO_USERS:
            print(f"  {user.sub:<20} {user.email:<27} {user.description}")
        print("\nDemodata er opdigtet. Stop med Ctrl+C.", flush=True)
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
        while app.poll() is None and oidc.poll() is None:
            time.sleep(0.5)
        return 1
    except KeyboardInterrupt:
        return 0
    finally:
        devstack.stop(app)
        devstack.stop(oidc)


if __name__ == "__main__":
    sys.exit(main())
