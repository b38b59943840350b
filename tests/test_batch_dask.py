"""``batch --scheduler``: the same bytes as the local pool from a Dask LocalCluster of 2 workers, the time
limit on Dask, the library's Bag of records, and no Dask import for the other commands (issue 14)."""

from __future__ import annotations

import importlib.util
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsinspect.batch.cluster import inspect_on_cluster
from newsinspect.batch.executor import WorkSpec
from newsinspect.batch.expand import Target
from newsinspect.batch.formats import OutputFormat
from newsinspect.pipeline import Options

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from synth import write_corpus  # noqa: E402

# The dask extra is part of the test extra, so CI always runs these. Asked of the installed packages, not
# imported: importing distributed costs seconds at collection, also in a run that deselects these tests.
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        importlib.util.find_spec("distributed") is None, reason="dask's distributed is not installed"
    ),
]


def batch(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "newsinspect", "batch", *args],
        capture_output=True,
        stdin=subprocess.DEVNULL,
        timeout=600,
        check=False,
        env={**os.environ, **(env or {})},
    )


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    from distributed import Client, LocalCluster

    cluster = LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=":0")
    with cluster, Client(cluster) as connected:
        yield connected


def corpus(root: Path) -> list[str]:
    """The samples, 40 synthetic dumps, a binary file and an empty one."""
    (root / "bad").mkdir(parents=True)
    (root / "bad" / "binary.bin").write_bytes(b"PK\x03\x04\x00\x00" * 20)
    (root / "bad" / "empty.txt").write_bytes(b"")
    write_corpus(root / "synth", 40)
    return [str(ROOT / "samples"), str(root / "synth"), str(root / "bad")]


def test_scheduler_local_gives_the_bytes_of_the_local_pool(tmp_path: Path) -> None:
    paths = corpus(tmp_path / "in")
    local = batch("-j", "2", "--out", str(tmp_path / "local.jsonl"), *paths)
    dask = batch("-j", "2", "--scheduler", "local", "--out", str(tmp_path / "dask.jsonl"), *paths)
    assert local.returncode == dask.returncode == 1  # the binary and the empty file
    expected = (tmp_path / "local.jsonl").read_bytes()
    assert (tmp_path / "dask.jsonl").read_bytes() == expected
    records = [json.loads(line) for line in expected.splitlines()]
    count = len(list((ROOT / "samples").iterdir())) + 40 + 2
    assert len(records) == count
    assert [r.get("error") for r in records[-2:]] == ["binary file (NUL bytes at offset 4)", "empty file"]
    summary = dask.stderr.decode().splitlines()
    assert summary[-2].startswith(f"newsinspect: processed {count} files in ")
    assert f"{count - 2} ok, 2 failed" in summary[-2]
    assert "Traceback" not in dask.stderr.decode()


def test_resume_on_dask_skips_the_files_done(tmp_path: Path, client: Any) -> None:
    paths = corpus(tmp_path / "in")
    out = tmp_path / "out.jsonl"
    first = batch("--scheduler", client.scheduler.address, "--out", str(out), paths[0])
    assert first.returncode == 0, first.stderr
    again = batch("--scheduler", client.scheduler.address, "--out", str(out), "--resume", *paths)
    assert again.returncode == 1
    samples = len(list((ROOT / "samples").iterdir()))
    assert f"skipped {samples} files already in the output (--resume)" in again.stderr.decode()
    assert len(out.read_bytes().splitlines()) == samples + 40 + 2


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_document_over_the_time_limit_on_dask(tmp_path: Path, client: Any) -> None:
    write_corpus(tmp_path, 6)
    stuck = tmp_path / "stuck.txt"
    os.mkfifo(stuck)  # opening it blocks forever: no one writes
    paths = sorted(str(p) for p in tmp_path.iterdir())
    spec = WorkSpec(Options(), OutputFormat(), timeout=1)
    outcomes = list(inspect_on_cluster([Target(p) for p in paths], spec, client, partition_size=3))
    assert [o.path for o in outcomes] == paths
    errors = {o.path: o.error for o in outcomes}
    assert errors.pop(str(stuck)) == "timed out after 1 s"
    assert set(errors.values()) == {None}


def test_the_library_gives_a_bag_of_record_dicts_in_input_order(tmp_path: Path, client: Any) -> None:
    import newsinspect.dask

    files = write_corpus(tmp_path, 7)
    (tmp_path / "notes.md").write_text("not a dump", encoding="utf-8")
    bag = newsinspect.dask.records([str(tmp_path)], glob="*.txt", partition_size=3, dayfirst=True)
    records = bag.compute()
    assert [r["file"] for r in records] == [str(f) for f in sorted(files)]
    assert all(r["schema"] == 1 and r["title"] for r in records)


def test_the_bag_turns_into_a_dask_dataframe(tmp_path: Path, client: Any) -> None:
    pytest.importorskip("pandas")  # dask's dataframe extra (in the test extra); a bare dask lacks it
    import newsinspect.dask

    write_corpus(tmp_path, 7)
    bag = newsinspect.dask.records([str(tmp_path)], glob="*.txt", partition_size=3, dayfirst=True)
    records = bag.compute()
    frame = bag.map(lambda r: {"file": r["file"], "quotes": len(r["quotes"])}).to_dataframe()
    assert frame["quotes"].sum().compute() == sum(len(r["quotes"]) for r in records)


def test_other_commands_do_not_import_dask(tmp_path: Path) -> None:
    sample = ROOT / "samples" / "seed_layout.txt"
    code = (
        "import sys; from newsinspect.cli import main\n"
        f"sys.argv = ['newsinspect', 'show', '--json', {str(sample)!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')), file=sys.stderr)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=120, check=False)
    assert result.stderr.decode().strip().splitlines()[-1] == "[]"


def test_an_unreachable_scheduler_is_a_one_line_error(tmp_path: Path) -> None:
    write_corpus(tmp_path, 1)
    give_up_soon = {"DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "2s"}  # Dask's own setting
    result = batch("--scheduler", "tcp://127.0.0.1:9", str(tmp_path), env=give_up_soon)
    assert result.returncode == 2
    lines = result.stderr.decode().splitlines()
    assert lines[0].startswith("newsinspect: cannot reach the Dask scheduler at tcp://127.0.0.1:9")
    assert "Traceback" not in result.stderr.decode()


def test_the_readme_recipe_to_a_dataframe_and_parquet(tmp_path: Path, client: Any) -> None:
    pytest.importorskip("pyarrow")
    pytest.importorskip("pandas")
    import pyarrow.parquet

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    recipe = readme.split("<!-- dask-recipe -->\n```python\n", 1)[1].split("```", 1)[0]
    dumps = tmp_path / "dumps"
    files = write_corpus(dumps, 5)
    (dumps / "empty.txt").write_bytes(b"")
    out = tmp_path / "articles.parquet"
    code = (
        recipe.replace('"tcp://scheduler:8786"', repr(client.scheduler.address))
        .replace('"/shared/dumps"', repr(str(dumps)))
        .replace('"articles.parquet"', repr(str(out)))
    )
    namespace: dict[str, Any] = {}
    try:
        exec(compile(code, "README recipe", "exec"), namespace)
    finally:
        if "client" in namespace:
            namespace["client"].close()  # the recipe's own client, to the fixture's cluster
    table = pyarrow.parquet.read_table(out)
    rows = table.to_pylist()
    assert [row["file"] for row in rows] == [str(p) for p in sorted([*files, dumps / "empty.txt"])]
    assert rows[0]["error"] is None and rows[0]["words"] > 100 and rows[0]["title"]
    assert rows[-1]["error"] == "empty file" and rows[-1]["words"] == 0


def descendants(pid: int) -> list[int]:
    found, stack = [], [pid]
    while stack:
        try:
            kids = Path(f"/proc/{stack.pop()}/task").glob("*/children")
            more = [int(c) for path in kids for c in path.read_text().split()]
        except OSError:
            more = []
        found.extend(more)
        stack.extend(more)
    return found


def running(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs /proc to see the processes")
def test_sigterm_on_dask_exits_143_with_whole_records_and_no_process_left(tmp_path: Path) -> None:
    files = write_corpus(tmp_path / "in", 64)
    out = tmp_path / "out.jsonl"
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "newsinspect",
            "batch",
            "--scheduler",
            "local",
            "-j",
            "2",
            "--out",
            str(out),
            "-",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    tree: list[int] = []
    try:
        assert process.stdin is not None
        process.stdin.write("".join(f"{f}\n" for f in files).encode())
        process.stdin.flush()  # and keep it open: the run waits for more paths
        deadline = time.monotonic() + 300
        while not (out.exists() and out.read_bytes().count(b"\n") >= 8) and time.monotonic() < deadline:
            time.sleep(0.1)
        tree = descendants(process.pid)  # the Dask workers and their children
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=300)
        process.stdin.close()
        deadline = time.monotonic() + 120
        while any(running(pid) for pid in tree) and time.monotonic() < deadline:
            time.sleep(0.1)
    finally:
        if process.poll() is None:
            process.kill()
        for pid in tree:
            if running(pid):
                os.kill(pid, signal.SIGKILL)
    text = stderr.decode()
    assert process.returncode == 143, text
    records = [json.loads(line) for line in out.read_bytes().splitlines()]
    assert out.read_bytes().endswith(b"\n") and [r["file"] for r in records] == [
        str(f) for f in files[: len(records)]
    ]
    assert f"newsinspect: interrupted after {len(records)} files in " in text and "Traceback" not in text
    assert len(tree) >= 4  # two Dask workers, each with its child
    assert not [pid for pid in tree if running(pid)]
