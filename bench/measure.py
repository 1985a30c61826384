"""Runs a command WARMUP + RUNS times and prints one JSON line: each measured run's wall seconds and peak
resident memory (the child's own ru_maxrss from wait4, so runs do not mix), and the exit statuses.
Used for both sides of a comparison, so srdi and the pandas script are timed the same way, start-up included.

    measure.py RUNS WARMUP -- command args...
"""
import json
import os
import subprocess
import sys
import time


def run_once(cmd):
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    # wait4 returns this child's rusage; communicate() would reap it first, so read stderr by hand.
    err = p.stderr.read()
    _, status, usage = os.wait4(p.pid, 0)
    secs = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    return {"s": secs, "mb": usage.ru_maxrss / 1024, "rc": p.returncode, "stderr": err.decode("utf-8", "replace")[-400:]}


def main():
    runs, warmup = int(sys.argv[1]), int(sys.argv[2])
    cmd = sys.argv[sys.argv.index("--") + 1:]
    for _ in range(warmup):
        run_once(cmd)
    out = [run_once(cmd) for _ in range(runs)]
    print(json.dumps({"runs": out}))


if __name__ == "__main__":
    main()
