"""Run the benchmarks and print, for each, our time, the reference's, their ratio and its bound.

    .venv/bin/python -m bench.run [--quick] [--fresh] [--profile] [--list] [NAME ...]

NAME selects benchmarks by name (shell-style patterns allowed, e.g. `sess*`); none means all.
The exit code is 0 unless a benchmark crashed: bounds are reported, not enforced.
"""

from __future__ import annotations

import argparse
import fnmatch
import sys
import time
import traceback

from bench.harness import Context, Row, Skip, discover, format_table, summary_line


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", metavar="NAME", help="benchmarks to run (default: all)")
    parser.add_argument("--quick", action="store_true", help="fewer, shorter samples (a rough check)")
    parser.add_argument("--fresh", action="store_true", help="rebuild cached fixtures under bench/out/")
    parser.add_argument("--profile", action="store_true", help="print a cProfile of our side (stderr)")
    parser.add_argument("--list", action="store_true", help="list the benchmarks and exit")
    args = parser.parse_args(argv)

    benchmarks, import_failures = discover()
    if args.list:
        for b in benchmarks:
            print(f"{b.name:20}  {b.description}")
        for module in import_failures:
            print(f"{module:20}  (failed to import)")
        return 0
    selected = [
        b for b in benchmarks if not args.names or any(fnmatch.fnmatch(b.name, p) for p in args.names)
    ]
    unmatched = [p for p in args.names if not any(fnmatch.fnmatch(b.name, p) for b in benchmarks)]
    if unmatched and not import_failures:
        known = ", ".join(b.name for b in benchmarks) or "none"
        parser.error(f"no benchmark named {', '.join(unmatched)} (known: {known})")

    ctx = Context(quick=args.quick, fresh=args.fresh, profile=args.profile)
    rows: list[Row] = []
    for module, trace in import_failures.items():
        if args.names and not any(fnmatch.fnmatch(module.removeprefix("bench_"), p) for p in args.names):
            continue  # not asked for (its benchmarks' names are unknown, so match on the module's)
        print(f"\n{module} failed to import:\n{trace}", file=sys.stderr)
        rows.append(Row(module, None, "CRASHED", trace.strip().splitlines()[-1]))
    for b in selected:
        print(f"[{b.name}] {b.description}", file=sys.stderr, flush=True)
        started = time.perf_counter()
        try:
            measurements = b.fn(ctx)
        except Skip as exc:
            rows.append(Row(b.name, None, "SKIPPED", str(exc)))
        except Exception as exc:
            print(f"\n{b.name} crashed:\n{traceback.format_exc()}", file=sys.stderr)
            rows.append(Row(b.name, None, "CRASHED", f"{type(exc).__name__}: {exc}"))
        else:
            rows += [Row(b.name, m, m.status, m.skipped or "") for m in measurements]
        print(f"  done in {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)

    mode = "quick" if ctx.quick else "full"
    print(f"\ne-Cabinet benchmarks ({mode}: median of {ctx.repeat} samples; ratio = ours / reference)\n")
    print(format_table(rows))
    print()
    print(summary_line(rows))
    return 1 if any(r.status == "CRASHED" for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
