"""The training scripts under training/ loaded as modules, for the tests that check what they build."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]


def load_training(name: str) -> ModuleType:
    """``training/<name>.py`` as the module ``training_<name>`` (the scripts are not a package)."""
    spec = importlib.util.spec_from_file_location(f"training_{name}", ROOT / "training" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    # registered before running, so the dataclasses and pickles inside resolve their own module
    sys.modules.setdefault(f"training_{name}", module)
    spec.loader.exec_module(module)
    return module
