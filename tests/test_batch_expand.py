"""Path expansion for batch (and show/quotes/entities): files, directories, globs, lists on stdin, and
the odd things directories hold (broken links, loops, unreadable directories, non-UTF-8 names)."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from newsinspect.batch.expand import Target, display_path, expand_path, expand_paths, read_path_list


def touch(path: Path, text: str = "Some text.\n") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def paths_of(targets: list[Target], root: Path) -> list[str]:
    return [os.path.relpath(t.path, root) for t in targets]


def test_a_file_is_itself_whatever_its_name(tmp_path: Path) -> None:
    file = touch(tmp_path / "notes.md")
    assert list(expand_path(str(file), glob="*.txt")) == [Target(str(file))]


def test_directories_are_walked_sorted_files_first_then_subdirectories(tmp_path: Path) -> None:
    for name in ["b.txt", "a.txt", "sub/z.txt", "sub/deeper/y.txt", "c.txt", "aa/x.txt"]:
        touch(tmp_path / name)
    found = paths_of(list(expand_path(str(tmp_path))), tmp_path)
    assert found == ["a.txt", "b.txt", "c.txt", "aa/x.txt", "sub/z.txt", "sub/deeper/y.txt"]


def test_glob_chooses_files_by_name_and_hidden_entries_are_skipped(tmp_path: Path) -> None:
    for name in ["one.txt", "two.json", "sub/three.txt", ".hidden.txt", ".git/four.txt"]:
        touch(tmp_path / name)
    found = paths_of(list(expand_path(str(tmp_path), glob="*.txt")), tmp_path)
    assert found == ["one.txt", "sub/three.txt"]


def test_a_directory_without_matching_files_is_reported_not_silently_dropped(tmp_path: Path) -> None:
    touch(tmp_path / "only.json")
    (target,) = expand_path(str(tmp_path), glob="*.txt")
    assert target.path == str(tmp_path)
    assert target.problem == "directory holds no files matching '*.txt'"


def test_missing_path_is_a_problem_target(tmp_path: Path) -> None:
    (target,) = expand_path(str(tmp_path / "nope.txt"))
    assert target.problem == "no such file"


def test_dangling_symlink_and_symlink_loop_are_error_targets(tmp_path: Path) -> None:
    touch(tmp_path / "good.txt")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "missing.txt")
    (tmp_path / "loop_a.txt").symlink_to(tmp_path / "loop_b.txt")
    (tmp_path / "loop_b.txt").symlink_to(tmp_path / "loop_a.txt")
    targets = {os.path.basename(t.path): t.problem for t in expand_path(str(tmp_path))}
    assert targets["good.txt"] is None
    assert targets["dangling.txt"] == "broken symbolic link (its target does not exist)"
    assert targets["loop_a.txt"] == targets["loop_b.txt"] == "symbolic link loop"


def test_a_link_back_to_an_enclosing_directory_is_reported_once_and_not_followed(tmp_path: Path) -> None:
    touch(tmp_path / "top.txt")
    touch(tmp_path / "sub" / "inner.txt")
    (tmp_path / "sub" / "up").symlink_to(tmp_path)
    targets = list(expand_path(str(tmp_path)))
    assert paths_of(targets, tmp_path) == ["top.txt", "sub/inner.txt", "sub/up"]
    assert targets[-1].problem == "symbolic link loop (leads back to an enclosing directory)"


def test_a_fifo_in_a_directory_is_reported_not_opened(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")  # opening it would block until a writer came
    (target,) = expand_path(str(tmp_path))
    assert target.problem == "not a regular file (a pipe, socket or device)"


def test_symlinked_directories_elsewhere_are_followed(tmp_path: Path) -> None:
    touch(tmp_path / "elsewhere" / "far.txt")
    (tmp_path / "root").mkdir()
    (tmp_path / "root" / "linked").symlink_to(tmp_path / "elsewhere")
    assert paths_of(list(expand_path(str(tmp_path / "root"))), tmp_path / "root") == ["linked/far.txt"]


def test_unlistable_directory_is_an_error_target(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    touch(locked / "secret.txt")
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):
            pytest.skip("running as a user that can read anything (root): chmod has no effect")
        (target,) = expand_path(str(tmp_path))
        assert target.path == str(locked)
        assert target.problem == "cannot list directory: permission denied"
    finally:
        locked.chmod(0o755)


def test_non_utf8_file_names_survive_as_surrogates_and_can_be_opened(tmp_path: Path) -> None:
    raw_name = os.fsencode(str(tmp_path)) + b"/caf\xe9.txt"
    with open(raw_name, "wb") as handle:
        handle.write(b"Text.\n")
    (target,) = expand_path(str(tmp_path))
    assert target.path.endswith("caf\udce9.txt")
    assert Path(target.path).read_bytes() == b"Text.\n"
    assert display_path(target.path).endswith("caf\\udce9.txt")


def test_dash_reads_a_list_of_paths_and_does_not_walk_listed_directories(tmp_path: Path) -> None:
    one = touch(tmp_path / "one.txt")
    touch(tmp_path / "dir" / "inside.txt")
    listing = f"{one}\n\n{tmp_path / 'dir'}\r\n".encode()
    targets = list(expand_paths(["-"], stdin=io.BytesIO(listing)))
    assert targets == [Target(str(one)), Target(str(tmp_path / "dir"))]


def test_path_list_keeps_non_utf8_bytes() -> None:
    assert list(read_path_list(io.BytesIO(b"a\xff.txt\n"))) == ["a\udcff.txt"]


def test_dash_without_stdin_is_an_error_target() -> None:
    assert list(expand_paths(["-"], stdin=None)) == [Target("-", "standard input is not available")]


def test_a_deep_tree_is_walked_to_the_bottom(tmp_path: Path) -> None:
    deep = tmp_path
    for _ in range(50):
        deep = deep / "d"
    touch(deep / "bottom.txt")
    (target,) = expand_path(str(tmp_path))
    assert target.path.endswith("bottom.txt")
