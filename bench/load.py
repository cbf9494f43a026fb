"""A bounded load driver: N requests at a fixed concurrency, over keep-alive connections.

Runs in processes of its own (never inside the server), on loopback only, and reports
requests per second, median and 95th percentile latency and response size.
"""

from __future__ import annotations

import http.client
import statistics
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from urllib.parse import urlsplit


@dataclass
class Target:
    name: str
    path: str
    method: str = "GET"
    body: bytes = b""
    headers: dict | None = None
    # A callable name in bench.run that builds a fresh POST body (form token, CSRF) per request.
    prepare: str = ""


@dataclass
class Result:
    name: str
    requests: int
    seconds: float
    latencies_ms: list[float]
    sizes: list[int]
    errors: int
    # The floor's throughput measured around this run (bench.run), for the ratio.
    floor_rps: float = 0.0

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    @property
    def median_ms(self) -> float:
        return statistics.median(self.latencies_ms) if self.latencies_ms else 0.0

    @property
    def p95_ms(self) -> float:
        if not self.latencies_ms:
            return 0.0
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]

    @property
    def size(self) -> int:
        return int(statistics.median(self.sizes)) if self.sizes else 0


def _client_loop(base_url: str, target: Target, count: int, bodies: list[bytes]) -> tuple:
    parts = urlsplit(base_url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    latencies, sizes, errors = [], [], 0
    for index in range(count):
        body = bodies[index] if bodies else target.body
        headers = {"Host": f"{parts.hostname}:{parts.port}", **(target.headers or {})}
        started = time.perf_counter()
        try:
            connection.request(target.method, target.path, body=body or None, headers=headers)
            response = connection.getresponse()
            payload = response.read()
        except (OSError, http.client.HTTPException):
            errors += 1
            connection.close()
            connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
            continue
        latencies.append((time.perf_counter() - started) * 1000)
        sizes.append(len(payload))
        if response.status >= 400:
            errors += 1
        if response.getheader("Connection", "").lower() == "close":
            connection.close()
            connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    connection.close()
    return latencies, sizes, errors


def run(
    base_url: str,
    target: Target,
    *,
    requests: int,
    concurrency: int,
    bodies: list[bytes] | None = None,
) -> Result:
    """Send ``requests`` requests with ``concurrency`` clients, each a process of its own."""
    per_client = [
        requests // concurrency + (1 if i < requests % concurrency else 0)
        for i in range(concurrency)
    ]
    chunks, offset = [], 0
    for count in per_client:
        chunks.append((bodies or [])[offset : offset + count] if bodies else [])
        offset += count
    with ProcessPoolExecutor(max_workers=concurrency) as pool:
        # Warm the pool so process start-up is not measured.
        list(pool.map(_noop, range(concurrency)))
        started = time.perf_counter()
        futures = [
            pool.submit(_client_loop, base_url, target, count, chunk)
            for count, chunk in zip(per_client, chunks, strict=True)
        ]
        outcomes = [future.result() for future in futures]
        seconds = time.perf_counter() - started
    latencies = [value for outcome in outcomes for value in outcome[0]]
    sizes = [value for outcome in outcomes for value in outcome[1]]
    return Result(
        target.name,
        len(latencies),
        seconds,
        latencies,
        sizes,
        sum(outcome[2] for outcome in outcomes),
    )


def _noop(_):
    return None
