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


def test_serve_starts_with_a_model_without_a_reranker_and_says_what_auto_does(
    trained_model: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was refused at start ("has no summary reranker, which method 'auto' needs"), exit 2."""
    import synopsis.server.serving as serving

    data = json.loads(trained_model.read_text(encoding="utf-8"))
    del data["reranker"]
    bare = tmp_path / "bare.json"
    bare.write_text(json.dumps(data), encoding="utf-8")
    served: list[object] = []
    monkeypatch.setattr(serving, "serve", lambda app, **kwargs: served.append(app))
    result = runner.invoke(app, ["serve", "--port", str(free_port()), "--model", str(bare), "--workers", "0"])
    assert result.exit_code == 0, result.output
    assert len(served) == 1
    assert (
        f"synopsis: model: {bare} (for auto and supervised); it has no summary reranker, so auto uses supervised"
        " and requests for reranked are refused (422)"
    ) in result.output


@pytest.mark.parametrize(
    ("host", "says"),
    [
        ("192.0.2.1", "synopsis: --host 192.0.2.1: not an address of this machine ("),  # TEST-NET-1: no machine's
        ("no-such-host.invalid", "synopsis: --host no-such-host.invalid: no such address ("),
    ],
)
def test_a_host_that_cannot_be_listened_on_names_the_host_not_the_port(host: str, says: str) -> None:
    """Was "cannot listen on ...; is another server running? Choose another --port": no port helps."""
    result = runner.invoke(app, ["serve", "--host", host, "--port", str(free_port())])
    assert result.exit_code == 2 and result.output.startswith(says) and result.output.count("\n") == 1, result.output
    assert "--port" not in result.output


def test_a_damaged_reranker_stops_the_server_in_one_line(
    trained_model: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was: the server started, and every summary by auto or reranked failed with an internal error."""
    import synopsis.server.serving as serving

    data = json.loads(trained_model.read_text(encoding="utf-8"))
    data["reranker"]["weights"].pop()
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    served: list[object] = []
    monkeypatch.setattr(serving, "serve", lambda app, **kwargs: served.append(app))
    result = runner.invoke(app, ["serve", "--port", str(free_port()), "--model", str(bad), "--workers", "0"])
    assert result.exit_code == 2 and result.output.count("\n") == 1 and not served, result.output
    assert result.output == (
        f"synopsis: --model: {bad.resolve()} is not a whole synopsis model file"
        " (ValueError: the reranker's weights: 28 numbers, not 29)\n"
    )


def test_a_bad_model_from_the_environment_names_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    """Was "--model: cannot read model ..." although no --model was given."""
    monkeypatch.setenv("SYNOPSIS_MODEL", "missing.json")
    result = runner.invoke(app, ["serve", "--port", str(free_port())])
    assert result.exit_code == 2
    assert result.output.startswith("synopsis: SYNOPSIS_MODEL: cannot read model "), result.output
    assert "missing.json" in result.output and "--model" not in result.output
