"""A batch killed at a random moment (SIGKILL, then Ctrl-C) and resumed loses and duplicates nothing."""
from __future__ import annotations

import contextlib
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tests.batch.conftest import LEAFLET, PROMO, page, write_warc
from tests.conftest import REPO

FILES, LINES, RECORDS = 400, 800, 400


def _inputs(root: Path) -> list[str]:
    (root / "pages").mkdir(parents=True)
    for i in range(FILES):
        text = f"Our therapy {i} cures back pain. Call now! " + LEAFLET * 4
        (root / "pages" / f"p{i:03d}.html").write_bytes(page(f"Clinic page {i}", text))
    with open(root / "docs.jsonl", "w") as handle:
        for i in range(LINES):
            promo = PROMO.replace("7 days", f"{i} days") * 3
            body = {"html": promo} if i % 2 else {"text": f"{LEAFLET * 4} ({i})"}
            handle.write(json.dumps({"id": f"doc-{i}", "url": f"https://site{i % 7}.example/{i}", **body}) + "\n")
    crawled = [page(f"Crawled {i}", f"Page {i}: 9 out of 10 users saw results. " + LEAFLET * 3) for i in range(RECORDS)]
    write_warc(root / "crawl.warc.gz", [("response", f"https://crawl.example/{i}", "200 OK", "text/html", body)
                                        for i, body in enumerate(crawled)])
    return [str(root / "pages"), str(root / "docs.jsonl"), str(root / "crawl.warc.gz")]


def _start(args: list[str], out: Path, *extra: str) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "auditor", "batch", *args, "--out", str(out), "--workers", "2",
               "--chunk-size", "4", *extra]
    return subprocess.Popen(command, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except FileNotFoundError:
        return 0


def _wait_then_signal(proc: subprocess.Popen[bytes], out: Path, signum: int, rng: random.Random) -> None:
    """Once the run has written a new record, wait a random moment and send ``signum``."""
    start, deadline = _size(out), time.monotonic() + 60
    while _size(out) <= start and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    time.sleep(rng.uniform(0.0, 0.6))  # the whole run takes several seconds more
    if proc.poll() is None:
        proc.send_signal(signum)


def _gone(pgid: int, within: float) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.1)
    return False


def _cleanup(proc: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)


def test_sigkill_then_ctrl_c_then_resume(tmp_path: Path) -> None:
    rng = random.Random()
    args, out = _inputs(tmp_path / "in"), tmp_path / "results.jsonl"
    total = FILES + LINES + RECORDS

    first = _start(args, out)
    try:
        _wait_then_signal(first, out, signal.SIGKILL, rng)
        assert first.wait(10) == -signal.SIGKILL
        assert _gone(first.pid, 5), "pool workers outlived their killed parent"
    finally:
        _cleanup(first)

    second = _start(args, out, "--resume")
    try:
        _wait_then_signal(second, out, signal.SIGINT, rng)
        _, err = second.communicate(timeout=60)
        if second.returncode == 130:
            assert b"--resume" in err and b"interrupted" in err
        else:  # it finished before the signal arrived
            assert second.returncode == 0, err
    finally:
        _cleanup(second)

    third = _start(args, out, "--resume")
    _, err = third.communicate(timeout=120)
    assert third.returncode == 0, err

    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    conn = sqlite3.connect(tmp_path / "results.sqlite")
    rows = conn.execute("SELECT key, id, source FROM documents").fetchall()
    conn.close()
    assert len(records) == len(rows) == total
    assert len({r[0] for r in rows}) == total
    assert sorted(r["id"] for r in records) == sorted(r[1] for r in rows)
    assert len({(r["id"], r["source"]) for r in records}) == total
    assert all(r.get("error") is None for r in records)
