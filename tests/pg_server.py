"""A throwaway PostgreSQL server for tests: its own data folder, listening on a unix socket only.

    server = PostgresServer.start()      # raises PostgresMissing when initdb/pg_ctl are not installed
    url = server.create_database("easyread")   # postgresql+psycopg://postgres@/easyread?host=…&port=…
    server.stop()                        # pg_ctl stop -m immediate, then the folder is deleted

PostgreSQL refuses to run as root, so as root (CI) initdb and pg_ctl run as the `postgres` user
(Debian's package makes it) in a folder owned by that user. Authentication is `trust`: nothing
but this machine's processes can reach a socket in a private temp folder.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

SUPERUSER = "postgres"


class PostgresMissing(RuntimeError):
    """The PostgreSQL server programs (initdb, pg_ctl) are not installed."""


def find_bindir() -> Path | None:
    """The folder holding initdb and pg_ctl: on PATH, else Debian's /usr/lib/postgresql/<newest>/bin."""
    initdb = shutil.which("initdb")
    if initdb and shutil.which("pg_ctl"):
        return Path(initdb).resolve().parent
    candidates = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0,
    )
    for initdb in reversed(candidates):
        bindir = Path(initdb).parent
        if (bindir / "pg_ctl").exists():
            return bindir
    return None


class PostgresServer:
    def __init__(self, bindir: Path, folder: Path, port: int, as_user: str | None):
        self.bindir, self.folder, self.port, self.as_user = bindir, folder, port, as_user
        self.data = folder / "data"
        self.log = folder / "server.log"
        self.running = False

    # --- running the server's programs (as postgres when we are root) ---
    def _run(self, program: str, *args: str, timeout: float = 60) -> subprocess.CompletedProcess:
        command = [str(self.bindir / program), *args]
        if self.as_user:
            command = ["runuser", "-u", self.as_user, "--", *command]
        result = subprocess.run(command, capture_output=True, text=True, timeout=timeout, cwd=self.folder)
        if result.returncode != 0:
            raise RuntimeError(
                f"{program} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}\n{self._log_tail()}"
            )
        return result

    def _log_tail(self) -> str:
        try:
            return "server log:\n" + "\n".join(self.log.read_text(errors="replace").splitlines()[-30:])
        except OSError:
            return ""

    @classmethod
    def start(cls, port: int = 54329) -> PostgresServer:
        bindir = find_bindir()
        if bindir is None:
            raise PostgresMissing(
                "PostgreSQL is not installed (no initdb and pg_ctl; Debian: apt-get install postgresql)"
            )
        as_user = None
        # Short path: a unix socket path must stay under about 100 characters.
        folder = Path(tempfile.mkdtemp(prefix="easyread-pg-"))
        if os.geteuid() == 0:
            import pwd

            try:
                pw = pwd.getpwnam(SUPERUSER)
            except KeyError as error:
                shutil.rmtree(folder, ignore_errors=True)
                raise PostgresMissing(
                    "running as root, and there is no 'postgres' user to run PostgreSQL as"
                ) from error
            os.chown(folder, pw.pw_uid, pw.pw_gid)
            as_user = SUPERUSER
        os.chmod(folder, 0o700)
        server = cls(bindir, folder, port, as_user)
        try:
            server._run(
                "initdb",
                "-D",
                str(server.data),
                "-U",
                SUPERUSER,
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--no-locale",
                "--no-sync",
            )
            options = (
                f"-c listen_addresses='' -c unix_socket_directories={folder} -p {port} "
                "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
            )
            server._run(
                "pg_ctl", "-D", str(server.data), "-l", str(server.log), "-o", options, "-w", "-t", "30", "start"
            )
            server.running = True
        except BaseException:
            server.stop()
            raise
        return server

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://{SUPERUSER}@/{database}?host={self.folder}&port={self.port}"

    def connect(self, database: str = "postgres"):
        import psycopg

        return psycopg.connect(host=str(self.folder), port=self.port, user=SUPERUSER, dbname=database, autocommit=True)

    def create_database(self, name: str) -> str:
        """Make an empty database and return its SQLAlchemy URL."""
        deadline = time.monotonic() + 10
        while True:
            try:
                with self.connect() as conn:
                    conn.execute(f"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0")
                return self.url(name)
            except Exception:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)

    def stop(self) -> None:
        """Stop at once (no clean shutdown needed: the data is thrown away) and delete the folder."""
        try:
            if self.running or (self.data / "postmaster.pid").exists():
                self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "-t", "30", "stop")
        finally:
            self.running = False
            shutil.rmtree(self.folder, ignore_errors=True)
