"""Starting a scratch Virtuoso Open Source server on loopback for tests (Debian's package)."""
from __future__ import annotations

import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Virtuoso:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.sql_port, self.http_port = free_port(), free_port()
        text = INI.read_text(encoding="utf-8")
        text = text.replace("/var/lib/virtuoso-opensource-7/db/", f"{folder}/")
        lines = []
        section = ""
        for line in text.splitlines():
            if line.startswith("["):
                section = line.strip()
            if line.strip().startswith("ServerPort") and section == "[Parameters]":
                line = f"ServerPort = 127.0.0.1:{self.sql_port}"
            elif line.strip().startswith("ServerPort") and section == "[HTTPServer]":
                line = f"ServerPort = 127.0.0.1:{self.http_port}"
            lines.append(line)
        (folder / "virtuoso.ini").write_text("\n".join(lines) + "\n", encoding="utf-8")
        self.process = subprocess.Popen(
            [shutil.which("virtuoso-t") or "virtuoso-t", "+configfile", str(folder / "virtuoso.ini"),
             "+foreground"], cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.url = f"http://127.0.0.1:{self.http_port}"
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.url + "/sparql?query=ASK%7B%7D", timeout=2):
                    return
            except OSError:
                if self.process.poll() is not None:
                    raise RuntimeError("virtuoso-t exited at start")
                time.sleep(0.5)
        self.stop()
        raise RuntimeError("Virtuoso did not answer within 120 s")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(30)
        except subprocess.TimeoutExpired:
            self.process.kill()
