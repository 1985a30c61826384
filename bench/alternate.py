"""Times several commands fairly: each is run once to warm up, then ROUNDS rounds in which every command
runs once, in an order that rotates from round to round, so a change in machine load falls on all of them
alike. Per run: wall seconds, CPU seconds (user + sys of the process and every child and thread it waited
for, from wait4) and peak RSS. Prints one JSON line: {"runs": [[{s, cpu, mb, rc}, ... per command] per round]}.

    alternate.py ROUNDS commands.json      (commands.json: a list of argv lists)
"""
import json
import os
import subprocess
import sys
import time


def run_once(cmd):
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    err = p.stderr.read()
    _, status, usage = os.wait4(p.pid, 0)
    secs = time.perf_counter() - t0
    return {
        "s": secs,
        "cpu": usage.ru_utime + usage.ru_stime,
        "mb": usage.ru_maxrss / 1024,
        "rc": os.waitstatus_to_exitcode(status),
        "stderr": err.decode("utf-8", "replace")[-400:],
    }


def main():
    rounds = int(sys.argv[1])
    with open(sys.argv[2], encoding="utf-8") as f:
        cmds = json.load(f)
    for c in cmds:
        run_once(c)
    out = []
    for r in range(rounds):
        order = [(r + k) % len(cmds) for k in range(len(cmds))]
        row = [None] * len(cmds)
        for i in order:
            row[i] = run_once(cmds[i])
        out.append(row)
    print(json.dumps({"runs": out}))


if __name__ == "__main__":
    main()
