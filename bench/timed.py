#!/usr/bin/env python3
"""Runs one command and records its wall time and peak memory, for bench/ingest.sh.

Usage: timed.py PREFIX command [args...]
Writes PREFIX.s (wall seconds, from just before the process is started to just after it is
reaped), PREFIX.kb (its peak resident set, KiB), PREFIX.out and PREFIX.err (its output).
Exits with the command's status.

Timing here rather than with `date` before and after `/usr/bin/time`: those add two process
starts and /usr/bin/time's own to every figure, several milliseconds that are noise for a
0.3 s ingest but a tenth of a 0.03 s re-ingest, whose target is a ratio to the former.
"""
import os
import subprocess
import sys
import time


def main() -> int:
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    prefix, command = sys.argv[1], sys.argv[2:]
    with open(prefix + ".out", "wb") as out, open(prefix + ".err", "wb") as err:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    with open(prefix + ".s", "w") as f:
        f.write(f"{seconds}\n")
    with open(prefix + ".kb", "w") as f:
        f.write(f"{usage.ru_maxrss}\n")   # KiB on Linux
    return process.returncode


if __name__ == "__main__":
    sys.exit(main())
