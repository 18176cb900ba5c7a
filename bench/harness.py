"""A tiny benchmark harness: registration, discovery, timing, and the results table.

A benchmark is a function registered with `@benchmark("name")` in a module `bench/bench_*.py` (found and
imported by `discover`). It receives a `Context` and returns a list of `Measurement`s, normally made with
`ctx.compare(...)`, which times our code and the reference tool in the same run, interleaved, and keeps the
median. A missing reference tool is not an error: raise `Skip(reason)` (or use `require_command`), or return
a measurement made with `ctx.skipped(...)`; it is reported as SKIPPED with the reason.

Bounds are reported (OK / OVER), never enforced: the exit code is 0 unless a benchmark crashed.
"""

from __future__ import annotations

import cProfile
import gc
import importlib
import io
import pkgutil
import pstats
import shutil
import statistics
import sys
import traceback
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from time import perf_counter

BENCH_DIR = Path(__file__).resolve().parent
OUT_DIR = BENCH_DIR / "out"  # cached fixtures and scratch files (gitignored)


@dataclass(frozen=True)
class Measurement:
    """One comparison: our time and the reference's, per call, in seconds (medians)."""

    name: str
    ours_seconds: float | None
    reference_name: str
    reference_seconds: float | None
    bound: float | None  # the ratio ours/reference we aim to stay under; None: reported only
    skipped: str | None = None  # why the reference (or the whole measurement) was not measured

    @property
    def ratio(self) -> float | None:
        if self.ours_seconds is None or not self.reference_seconds:
            return None
        return self.ours_seconds / self.reference_seconds

    @property
    def status(self) -> str:
        if self.skipped is not None or self.ratio is None:
            return "SKIPPED"
        if self.bound is None:
            return "INFO"
        return "OK" if self.ratio <= self.bound else "OVER"


class Skip(Exception):
    """Raised by a benchmark whose reference tool (or other prerequisite) is missing."""


def require_command(command: str, install_hint: str) -> str:
    """The path of a command-line reference tool, or `Skip` saying how to install it."""
    path = shutil.which(command)
    if path is None:
        raise Skip(f"`{command}` not found on PATH (install: {install_hint})")
    return path


BenchmarkFn = Callable[["Context"], list[Measurement]]


@dataclass(frozen=True)
class Benchmark:
    name: str
    fn: BenchmarkFn
    module: str
    description: str


_REGISTRY: dict[str, Benchmark] = {}


def benchmark(name: str, description: str = "") -> Callable[[BenchmarkFn], BenchmarkFn]:
    """Register a benchmark function under `name` (unique across all bench_*.py modules)."""

    def register(fn: BenchmarkFn) -> BenchmarkFn:
        if name in _REGISTRY and _REGISTRY[name].fn is not fn:
            raise ValueError(
                f"benchmark {name!r} registered twice ({_REGISTRY[name].module}, {fn.__module__})"
            )
        first_doc_line = next(iter((fn.__doc__ or "").strip().splitlines()), "")
        _REGISTRY[name] = Benchmark(name, fn, fn.__module__, description or first_doc_line)
        return fn

    return register


def discover() -> tuple[list[Benchmark], dict[str, str]]:
    """Import every bench/bench_*.py; the registered benchmarks in name order, and modules that failed."""
    failures: dict[str, str] = {}
    for info in sorted(pkgutil.iter_modules([str(BENCH_DIR)]), key=lambda i: i.name):
        if not info.name.startswith("bench_"):
            continue
        try:
            importlib.import_module(f"{__package__}.{info.name}")
        except Exception:
            failures[info.name] = traceback.format_exc()
    return sorted(_REGISTRY.values(), key=lambda b: b.name), failures


# --- timing ---------------------------------------------------------------------------------------------


@dataclass
class Context:
    """What a benchmark gets: run options, a place for cached data, and the timing helpers."""

    quick: bool = False
    fresh: bool = False  # rebuild cached fixtures
    profile: bool = False  # print a cProfile of our side of each comparison (to stderr)
    out_dir: Path = OUT_DIR
    repeat: int = field(default=0)
    target_sample_seconds: float = field(default=0.0)

    def __post_init__(self) -> None:
        self.repeat = self.repeat or (5 if self.quick else 15)
        self.target_sample_seconds = self.target_sample_seconds or (0.01 if self.quick else 0.05)
        self.out_dir.mkdir(parents=True, exist_ok=True)

    def progress(self, text: str) -> None:
        print(f"  … {text}", file=sys.stderr, flush=True)

    def _calibrate(self, fn: Callable[[], object]) -> int:
        """How many calls make one sample last at least the target time (1, 2, 5, 10, 20, 50, …)."""
        number = 1
        while True:
            for factor in (1, 2, 5):
                n = number * factor
                if _sample(fn, n) * n >= self.target_sample_seconds or n >= 100_000:
                    return n
            number *= 10

    def time(self, fn: Callable[[], object]) -> float:
        """Median seconds per call of `fn` (after a warm-up call)."""
        fn()
        number = self._calibrate(fn)
        gc.collect()
        return statistics.median(_sample(fn, number) for _ in range(self.repeat))

    def compare(
        self,
        name: str,
        ours: Callable[[], object],
        reference_name: str,
        reference: Callable[[], object],
        bound: float | None = None,
    ) -> Measurement:
        """Time `ours` and `reference` in alternating samples (so drift hits both) and keep the medians."""
        ours()
        reference()
        n_ours, n_ref = self._calibrate(ours), self._calibrate(reference)
        gc.collect()
        ours_samples: list[float] = []
        ref_samples: list[float] = []
        for r in range(self.repeat):
            pair = [(ours, n_ours, ours_samples), (reference, n_ref, ref_samples)]
            for fn, number, samples in pair if r % 2 == 0 else reversed(pair):
                samples.append(_sample(fn, number))
        if self.profile:
            self.print_profile(name, ours, max(n_ours, 5))
        return Measurement(
            name, statistics.median(ours_samples), reference_name, statistics.median(ref_samples), bound
        )

    def calls(self, fns: Sequence[Callable[[], object]], rounds: int = 0) -> list[list[float]]:
        """Seconds of single calls, for a latency distribution (median, p90) over many different calls.

        Each of `fns` is called once to warm up, then `rounds` (default: `repeat`) rounds call each in turn;
        the result has one list of times per function.
        """
        for fn in fns:
            fn()
        gc.collect()
        times: list[list[float]] = [[] for _ in fns]
        for _ in range(rounds or self.repeat):
            for fn, seconds in zip(fns, times, strict=True):
                seconds.append(_sample(fn, 1))
        return times

    def budget(self, name: str, ours_seconds: float, budget_seconds: float, label: str = "") -> Measurement:
        """An absolute bound: our time against a time budget rather than a reference tool.

        The reference column shows the budget (`label`, default "budget N ms"); ratio = ours / budget, bound 1x.
        """
        label = label or f"budget {budget_seconds * 1000:g} ms"
        return Measurement(name, ours_seconds, label, budget_seconds, 1.0)

    def skipped(
        self, name: str, reference_name: str, reason: str, ours: Callable[[], object] | None = None
    ) -> Measurement:
        """A measurement whose reference is missing: our time alone (when `ours` is given), SKIPPED."""
        return Measurement(
            name, None if ours is None else self.time(ours), reference_name, None, None, reason
        )

    def print_profile(self, name: str, fn: Callable[[], object], calls: int, top: int = 30) -> None:
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(calls):
            fn()
        profiler.disable()
        text = io.StringIO()
        stats = pstats.Stats(profiler, stream=text)
        stats.sort_stats("cumulative").print_stats(top)
        print(f"\n=== cProfile of {name} (ours, {calls} calls, by cumulative time) ===", file=sys.stderr)
        print(text.getvalue(), file=sys.stderr, flush=True)


def _sample(fn: Callable[[], object], number: int) -> float:
    """Seconds per call over `number` back-to-back calls."""
    start = perf_counter()
    for _ in range(number):
        fn()
    return (perf_counter() - start) / number


# --- reporting ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    benchmark: str
    measurement: Measurement | None  # None: the benchmark crashed or skipped as a whole
    status: str
    note: str = ""


def _ms(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    ms = seconds * 1000
    return f"{ms:.3f}" if ms < 10 else f"{ms:.1f}"


def format_table(rows: Iterable[Row]) -> str:
    header = ("benchmark", "ours (ms)", "reference", "reference (ms)", "ratio", "bound", "status")
    right = {1, 3, 4, 5}
    table: list[tuple[str, ...]] = [header]
    notes: list[str] = []
    for row in rows:
        m = row.measurement
        if m is None:
            table.append((row.benchmark, "-", "-", "-", "-", "-", row.status))
        else:
            table.append(
                (
                    f"{row.benchmark}.{m.name}",
                    _ms(m.ours_seconds),
                    m.reference_name,
                    _ms(m.reference_seconds),
                    "-" if m.ratio is None else f"{m.ratio:.2f}x",
                    "-" if m.bound is None else f"{m.bound:g}x",
                    row.status,
                )
            )
        if row.note:
            notes.append(f"  {table[-1][0]}: {row.status} — {row.note}")
    widths = [max(len(line[i]) for line in table) for i in range(len(header))]
    lines = []
    for n, line in enumerate(table):
        cells = [
            cell.rjust(w) if i in right else cell.ljust(w)
            for i, (cell, w) in enumerate(zip(line, widths, strict=True))
        ]
        lines.append("  ".join(cells).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    if notes:
        lines += ["", *notes]
    return "\n".join(lines)


def summary_line(rows: list[Row]) -> str:
    counts = {s: sum(1 for r in rows if r.status == s) for s in ("OK", "OVER", "INFO", "SKIPPED", "CRASHED")}
    parts = [f"{n} {s}" for s, n in counts.items() if n or s in ("OK", "OVER")]
    verdict = "none over its bound" if not counts["OVER"] else f"{counts['OVER']} over its bound"
    if counts["CRASHED"]:
        verdict += f"; {counts['CRASHED']} crashed (exit code 1)"
    return f"Summary: {len(rows)} measurement(s): {', '.join(parts)} — {verdict} (bounds are reported, not enforced)"
