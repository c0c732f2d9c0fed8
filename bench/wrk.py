"""Load a page with wrk and read what it says, with the CPU time the server and PostgreSQL spent."""

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

# A response slower than this counts as an error rather than a latency.
WRK_TIMEOUT = "10s"


@dataclass
class Result:
    page: str
    cache: str
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    errors: int
    requests: int
    bytes_per_response: int
    hit: bool | None = None
    app_cpu_ms: float = 0.0
    db_cpu_ms: float = 0.0


WRK_LATENCY = re.compile(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s|m)\s*$", re.MULTILINE)
WRK_RATE = re.compile(r"^Requests/sec:\s+([\d.]+)", re.MULTILINE)
WRK_TOTAL = re.compile(r"(\d+) requests in [\d.]+\w+, ([\d.]+)(B|KB|MB|GB) read")
WRK_NON_2XX = re.compile(r"Non-2xx or 3xx responses: (\d+)")
WRK_SOCKET_ERRORS = re.compile(
    r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)"
)
TO_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}
TO_BYTES = {"B": 1, "KB": 1024, "MB": 1024**2, "GB": 1024**3}


def run_wrk(
    args, meter, url, page, cache_state, connections=None, *, headers=(), accept_encoding=None
):
    connections = connections or args.connections
    threads = min(args.threads, connections)
    options = [f"-t{threads}", f"-c{connections}", f"--timeout={WRK_TIMEOUT}"]
    accept_encoding = args.accept_encoding if accept_encoding is None else accept_encoding
    if accept_encoding:  # as browsers ask: pages then come gzipped
        options += ["-H", f"Accept-Encoding: {accept_encoding}"]
    for header in headers:
        options += ["-H", header]
    # Every worker process imports, compiles templates and fills its caches before measuring.
    warm_up = ["wrk", *options, "-d2s", url]
    subprocess.run(warm_up, capture_output=True, check=True, timeout=60)  # noqa: S603
    command = ["wrk", *options, f"-d{args.duration}s", "--latency", url]
    before = meter.sample()
    output = subprocess.run(  # noqa: S603
        command, capture_output=True, text=True, check=True, timeout=args.duration + 60
    ).stdout
    app_seconds, db_seconds = meter.since(before)
    result = parse_wrk(output, page, cache_state)
    if result.requests:
        result.app_cpu_ms = app_seconds * 1000 / result.requests
        result.db_cpu_ms = db_seconds * 1000 / result.requests
    print(
        f"  {page:<20} {cache_state:<12} {result.requests_per_second:8.1f} req/s  "
        f"p50 {result.p50_ms:8.2f} ms  p99 {result.p99_ms:8.2f} ms  "
        f"{result.requests} responses of {result.bytes_per_response / 1000:.0f} kB, "
        f"CPU {result.app_cpu_ms:.2f} + {result.db_cpu_ms:.2f} ms each"
        + (f"  {result.errors} errors" if result.errors else ""),
        flush=True,
    )
    return result


CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid):
    """Return the CPU seconds a process used itself, and those of its children it reaped."""
    try:
        # The fields after the command name, which may itself hold spaces and parentheses.
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return 0.0, 0.0
    own = (int(fields[11]) + int(fields[12])) / CLOCK_TICKS
    reaped = (int(fields[13]) + int(fields[14])) / CLOCK_TICKS
    return own, reaped


def process_group(pgid):
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except (OSError, IndexError):
                continue
            if int(fields[2]) == pgid:
                pids.append(int(entry.name))
    return pids


class CpuMeter:
    """Count the CPU time a server spends, in its own processes and in PostgreSQL's backends.

    Unlike requests per second, CPU time per request hardly moves when other work shares
    the machine, so runs on a busy machine can still be compared.
    """

    def __init__(self, pgid, postgres, database):
        self.pgid = pgid
        self.postgres = postgres  # the address of a database to ask PostgreSQL's activity in
        self.database = database

    def sample(self):
        # Workers that gunicorn replaced (max_requests) count in the master's reaped time.
        app = sum(cpu_seconds(pid)[0] for pid in process_group(self.pgid))
        app += cpu_seconds(self.pgid)[1]
        return app, {pid: cpu_seconds(pid)[0] for pid in self.backends()}

    def since(self, before):
        app_before, db_before = before
        app_after, db_after = self.sample()
        db = sum(seconds - db_before.get(pid, 0.0) for pid, seconds in db_after.items())
        return app_after - app_before, db

    def backends(self):
        import psycopg

        with psycopg.connect(self.postgres, autocommit=True) as connection:
            rows = connection.execute(
                "SELECT pid FROM pg_stat_activity WHERE datname = %s", [self.database]
            ).fetchall()
        return [pid for (pid,) in rows]


def parse_wrk(output, page, cache_state):
    latencies = {int(q): float(v) * TO_MS[unit] for q, v, unit in WRK_LATENCY.findall(output)}
    rate, total = WRK_RATE.search(output), WRK_TOTAL.search(output)
    if rate is None or total is None or set(latencies) != {50, 99}:
        sys.exit(f"Could not read wrk's output:\n{output}")
    errors = sum(int(n) for n in WRK_NON_2XX.findall(output))
    for match in WRK_SOCKET_ERRORS.findall(output):
        errors += sum(int(n) for n in match)
    requests = int(total[1])
    size = float(total[2]) * TO_BYTES[total[3]] / max(requests, 1)
    return Result(
        page,
        cache_state,
        float(rate[1]),
        latencies[50],
        latencies[99],
        errors,
        requests,
        round(size),
    )
