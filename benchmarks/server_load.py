"""Load on `synopsis serve`: N concurrent clients summarizing dev articles over loopback.

    python benchmarks/server_load.py                          # starts a server, 1/4/8 clients
    python benchmarks/server_load.py --clients 8 --requests 400 --workers 2
    python benchmarks/server_load.py --url http://127.0.0.1:8000   # a server you started

Every run is bounded: at most --requests requests per client setting and --max-seconds of wall
time, loopback addresses only. Reports p50/p95/p99 latency, throughput, errors (zero expected) and,
while the load runs, the latency of /healthz: that it stays low shows summarizing does not block
the event loop. Results: benchmarks/results/server_load.json and server_load.md.
"""

from __future__ import annotations

import argparse
import http.client
import ipaddress
import itertools
import json
import os
import platform
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
DEV = Path(os.environ.get("SYNOPSIS_DEV_DATA", "/work/shared/data/dev"))
RESULTS = ROOT / "benchmarks" / "results"
MAX_REQUESTS = 10_000
MAX_SECONDS = 600.0


@dataclass
class Run:
    """What one client setting measured."""

    clients: int
    latencies: list[float] = field(default_factory=list)
    server_seconds: list[float] = field(default_factory=list)
    statuses: Counter[str] = field(default_factory=Counter)
    health: list[float] = field(default_factory=list)
    characters: int = 0
    wall: float = 0.0

    def summary(self) -> dict[str, Any]:
        ok = self.statuses.get("200", 0)
        return {
            "clients": self.clients,
            "requests": sum(self.statuses.values()),
            "ok": ok,
            "errors": sum(n for status, n in self.statuses.items() if status != "200"),
            "statuses": dict(self.statuses),
            "wall_s": round(self.wall, 2),
            "throughput_rps": round(ok / self.wall, 2) if self.wall else 0.0,
            "chars_per_s": round(self.characters / self.wall) if self.wall else 0,
            "latency_ms": _percentiles(self.latencies),
            "server_compute_ms": _percentiles(self.server_seconds),
            "healthz_under_load_ms": _percentiles(self.health),
        }


def _percentiles(values: list[float]) -> dict[str, float]:
    if not values:
        return {}
    ordered = sorted(values)

    def at(q: float) -> float:
        return round(1000 * ordered[min(len(ordered) - 1, int(q * len(ordered)))], 1)

    return {"p50": at(0.50), "p95": at(0.95), "p99": at(0.99), "max": round(1000 * ordered[-1], 1), "n": len(ordered)}


def load_bodies(data: Path, per_source: int, words: int) -> list[bytes]:
    """JSON request bodies for the first `per_source` articles of each dev source."""
    bodies = []
    for path in sorted(data.glob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            for line in itertools.islice((line for line in handle if line.strip()), per_source):
                article = json.loads(line)
                request = {"text": article["full_text"], "title": article.get("title", ""), "words": words}
                bodies.append(json.dumps(request).encode())
    if not bodies:
        raise SystemExit(f"server_load: no dev articles under {data} (set --dev or SYNOPSIS_DEV_DATA)")
    return bodies


def check_loopback(url: str) -> tuple[str, int]:
    parts = urlsplit(url)
    host = parts.hostname or ""
    try:
        loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if not loopback or parts.scheme != "http":
        raise SystemExit(f"server_load: only http:// loopback servers may be loaded (127.0.0.0/8, ::1, localhost), not {url}")
    return host, parts.port or 80


def start_server(workers: int | None) -> tuple[subprocess.Popen[bytes], str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-c", "from synopsis.cli import main; main()", "serve", "--port", str(port), "--no-access-log"]
    if workers is not None:
        command += ["--workers", str(workers)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit("server_load: the server exited at start-up")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                pass
            status, _ = request(("127.0.0.1", port), "GET", "/healthz")
            if status == 200:
                return server, url
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("server_load: the server did not come up within 60 s")


def request(
    address: tuple[str, int], method: str, path: str, body: bytes | None = None, *, timeout: float = 120
) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection(*address, timeout=timeout)
    try:
        headers = {"Content-Type": "application/json"} if body is not None else {}
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def run_load(address: tuple[str, int], bodies: list[bytes], *, clients: int, requests: int, max_seconds: float) -> Run:
    """`clients` threads share `requests` requests (cycling through the articles), within `max_seconds`."""
    run = Run(clients)
    counter = itertools.count()
    lock = threading.Lock()
    started = time.perf_counter()
    deadline = started + max_seconds
    done = threading.Event()

    def client() -> None:
        connection = http.client.HTTPConnection(*address, timeout=max_seconds)
        while time.perf_counter() < deadline:
            number = next(counter)
            if number >= requests:
                break
            body = bodies[number % len(bodies)]
            sent = time.perf_counter()
            try:
                connection.request("POST", "/api/summarize", body=body, headers={"Content-Type": "application/json"})
                response = connection.getresponse()
                payload = response.read()
                status = str(response.status)
            except (OSError, http.client.HTTPException) as err:
                connection.close()
                connection = http.client.HTTPConnection(*address, timeout=max_seconds)
                payload, status = b"", type(err).__name__
            elapsed = time.perf_counter() - sent
            with lock:
                run.statuses[status] += 1
                if status == "200":
                    run.latencies.append(elapsed)
                    data = json.loads(payload)
                    run.server_seconds.append(data["seconds"])
                    run.characters += data["document"]["characters"]
        connection.close()

    def probe_health() -> None:
        while not done.wait(0.25):
            sent = time.perf_counter()
            try:
                status, _ = request(address, "GET", "/healthz", timeout=30)
            except OSError:
                status = 0
            if status == 200:
                run.health.append(time.perf_counter() - sent)

    prober = threading.Thread(target=probe_health, daemon=True)
    prober.start()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    run.wall = time.perf_counter() - started
    done.set()
    prober.join()
    return run


def markdown(results: dict[str, Any]) -> str:
    lines = [
        "# Server load (`benchmarks/server_load.py`)",
        "",
        f"`{results['command']}`",
        "",
        f"Machine: {results['machine']}; server workers: {results['workers']}; "
        f"{results['articles']} dev articles ({results['per_source']} per source), {results['words']}-word summaries.",
        "",
        "| clients | requests | errors | throughput (req/s) | p50 (ms) | p95 (ms) | p99 (ms) "
        "| server compute p50 (ms) | /healthz p95 under load (ms) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for run in results["runs"]:
        latency, compute, health = run["latency_ms"], run["server_compute_ms"], run["healthz_under_load_ms"]
        lines.append(
            f"| {run['clients']} | {run['requests']} | {run['errors']} | {run['throughput_rps']} | {latency.get('p50', '-')} | "
            f"{latency.get('p95', '-')} | {latency.get('p99', '-')} | {compute.get('p50', '-')} | {health.get('p95', '-')} |"
        )
    lines += [
        "",
        "Latency is from sending the request to reading the whole response, on loopback, with keep-alive.",
        "Server compute is the `seconds` field (reading + summarizing in the worker); the rest is queueing and transfer.",
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 4, 8], help="concurrent clients (one run per value)")
    parser.add_argument("--requests", type=int, default=120, help=f"requests per run (at most {MAX_REQUESTS})")
    parser.add_argument("--max-seconds", type=float, default=120, help=f"wall-time cap per run (at most {MAX_SECONDS:g})")
    parser.add_argument("--per-source", type=int, default=10, help="dev articles per source")
    parser.add_argument("--words", type=int, default=200)
    parser.add_argument("--workers", type=int, default=None, help="server worker processes (default: the server's)")
    parser.add_argument("--url", default=None, help="load a server that is already running (loopback only)")
    parser.add_argument("--dev", type=Path, default=DEV)
    parser.add_argument("--out", type=Path, default=RESULTS / "server_load")
    args = parser.parse_args()
    requests = min(args.requests, MAX_REQUESTS)
    max_seconds = min(args.max_seconds, MAX_SECONDS)
    bodies = load_bodies(args.dev, args.per_source, args.words)
    load_before = os.getloadavg()[0]

    server = None
    url = args.url
    if url is None:
        server, url = start_server(args.workers)
    address = check_loopback(url)
    try:
        for body in bodies[: max(args.clients)]:  # warm the workers; not measured
            request(address, "POST", "/api/summarize", body)
        runs = []
        for clients in args.clients:
            run = run_load(address, bodies, clients=clients, requests=requests, max_seconds=max_seconds)
            runs.append(run.summary())
            print(json.dumps(runs[-1]), flush=True)
    finally:
        if server is not None:
            server.send_signal(signal.SIGINT)
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()

    from synopsis.server.limits import default_workers

    results = {
        "command": "python benchmarks/server_load.py " + " ".join(sys.argv[1:]),
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
        f"load average {load_before:.1f} before / {os.getloadavg()[0]:.1f} after (other processes share the CPUs)",
        "workers": args.workers if args.workers is not None else (default_workers() if args.url is None else "unknown"),
        "articles": len(bodies),
        "per_source": args.per_source,
        "words": args.words,
        "runs": runs,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.with_suffix(".json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    report = markdown(results)
    args.out.with_suffix(".md").write_text(report, encoding="utf-8")
    print(report)


if __name__ == "__main__":
    main()
