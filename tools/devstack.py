"""Start the local stack: the development OIDC provider, a secrets file and `streamlit run`.

Used by `make run` (scripts/dev.py) and by the end-to-end tests, so both log in the same real way:
through `st.login` against a real OpenID Connect provider on the loopback interface.
"""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"


@dataclass(frozen=True)
class DemoUser:
    sub: str
    email: str
    name: str
    description: str


def wait_for(url: str, expect: str | None = None, timeout: float = 30) -> None:
    """Poll `url` until it answers 200 (and contains `expect`), or raise TimeoutError."""
    deadline = time.monotonic() + timeout
    last: Exception | None = None
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as resp:
                body = resp.read().decode("utf-8", "replace")
                if resp.status == 200 and (expect is None or expect in body):
                    return
        except OSError as exc:
            last = exc
        time.sleep(0.2)
    raise TimeoutError(f"{url} did not answer in {timeout:.0f} s ({last})")


def start_oidc(port: int, users: list[DemoUser], token_max_age: int = 3600,
               log: Path | None = None) -> subprocess.Popen:
    """The oidc-provider-mock server with one login button per user; returns its process."""
    args = [sys.executable, "-m", "oidc_provider_mock", "--host", HOST, "--port", str(port),
            "--token-max-age", str(token_max_age)]
    for user in users:
        claims = {"sub": user.sub, "email": user.email, "email_verified": True, "name": user.name}
        args += ["--user-claims", json.dumps(claims)]
    out = open(log, "ab") if log else None  # noqa: SIM115 - lives as long as the process
    proc = subprocess.Popen(args, stdout=out, stderr=subprocess.STDOUT, cwd=ROOT)
    wait_for(f"http://{HOST}:{port}/.well-known/openid-configuration", "issuer")
    return proc


def write_secrets(path: Path, oidc_port: int, admins: list[str]) -> Path:
    """A secrets file for Streamlit's [auth] against the local provider, with a fresh cookie secret."""
    path.parent.mkdir(parents=True, exist_ok=True)
    admin_list = ", ".join(json.dumps(a) for a in admins)
    path.write_text(
        "# Generated for local development and tests: never use in production.\n"
        "[auth]\n"
        f'redirect_uri = "http://{HOST}:{{port}}/oauth2callback"\n'
        f'cookie_secret = "{secrets.token_urlsafe(32)}"\n'
        'client_id = "haandteringsmodel-dev"\n'
        'client_secret = "dev-secret"\n'
        f'server_metadata_url = "http://{HOST}:{oidc_port}/.well-known/openid-configuration"\n'
        "\n[app]\n"
        f"bootstrap_admins = [{admin_list}]\n",
        encoding="utf-8",
    )
    return path


def start_streamlit(port: int, secrets_file: Path, db_path: Path,
                    log: Path | None = None, extra_env: dict[str, str] | None = None,
                    script: Path = ROOT / "app.py") -> subprocess.Popen:
    """`streamlit run app.py` (or `script`) headless on the loopback interface; returns once it is
    healthy."""
    env = {**os.environ, "HMD_DB_PATH": str(db_path), **(extra_env or {})}
    args = [sys.executable, "-m", "streamlit", "run", str(script),
            "--server.headless", "true", "--server.address", HOST, "--server.port", str(port),
            "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none",
            "--secrets.files", str(secrets_file)]
    out = open(log, "ab") if log else None  # noqa: SIM115 - lives as long as the process
    proc = subprocess.Popen(args, stdout=out, stderr=subprocess.STDOUT, cwd=ROOT, env=env)
    wait_for(f"http://{HOST}:{port}/_stcore/health", "ok", timeout=60)
    return proc


def stop(proc: subprocess.Popen | None) -> None:
    """Terminate a process started here, and kill it if it does not go within 10 s."""
    if proc is None or proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)
