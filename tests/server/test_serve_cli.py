"""`synopsis serve` as a user starts it: the real server answers, and mistakes get one clear line."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from typer.testing import CliRunner

from synopsis.cli import app

runner = CliRunner()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_a_port_in_use_is_one_clear_line() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = runner.invoke(app, ["serve", "--port", str(port)])
    assert result.exit_code == 2
    assert f"cannot listen on 127.0.0.1:{port}" in result.output and "--port" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--timeout", "0"], "timeout_s must be a positive number"),
        (["--workers", "-1"], "workers must be 0 (threads) or a positive number"),
        (["--port", "70000"], "--port must be between 1 and 65535"),
        (["--model", "missing.json"], "--model: cannot read model"),
    ],
)
def test_bad_options_are_refused(args: list[str], message: str) -> None:
    result = runner.invoke(app, ["serve", *args])
    assert result.exit_code == 2 and message in result.output


@pytest.mark.slow
def test_serve_answers_the_page_and_the_api_then_stops_on_ctrl_c(example_path: Path) -> None:
    port = free_port()
    env = {**os.environ, "SYNOPSIS_WORKERS": "1"}
    command = [sys.executable, "-c", "from synopsis.cli import main; main()", "serve", "--port", str(port), "--no-access-log"]
    server = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base}/healthz", timeout=2) as response:
                    assert json.load(response)["status"] == "ok"
                break
            except OSError:
                assert server.poll() is None, server.communicate()[0]
                assert time.monotonic() < deadline, "the server did not come up within 60 s"
                time.sleep(0.2)
        with urllib.request.urlopen(f"{base}/", timeout=10) as response:
            assert b"<title>synopsis" in response.read()
        body = json.dumps({"text": example_path.read_text(encoding="utf-8"), "words": 100}).encode()
        request = urllib.request.Request(f"{base}/api/summarize", data=body, headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=60) as response:
            summary = json.load(response)["summary"]
        assert 0 < summary["words"] <= 100 and summary["sentences"]
    finally:
        server.send_signal(signal.SIGINT)
        try:
            output = server.communicate(timeout=20)[0]
        except subprocess.TimeoutExpired:
            server.kill()
            output = server.communicate()[0]
            pytest.fail(f"the server did not stop on Ctrl+C:\n{output}")
    assert server.returncode == 0, output
    assert f"serving on {base}/" in output
