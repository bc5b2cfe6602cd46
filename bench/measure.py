#!/usr/bin/python3
"""Run one command; print its wall time (s) and peak RSS (KiB): "SECONDS MAXRSS_KB".

Usage: /usr/bin/python3 bench/measure.py [-o FILE] CMD [ARG...]
The command's stdout goes to FILE (default /dev/null), its stderr passes through;
measure.py exits with the command's exit status. Linux only; no GNU time needed.

Why not simply subprocess.run + getrusage(RUSAGE_CHILDREN).ru_maxrss: Linux folds the
memory the process had *before* exec into its maxrss, and a child spawned by Python
starts as a (v)fork of this ~10 MB interpreter, so every command would show >= 10 MB.
Instead /bin/sh (dash, ~1 MB) forks the command in the background and exits; as a
child subreaper we inherit the command and wait4() it, which gives that one process's
own rusage. The floor drops to ~1 MB (what `/usr/bin/time /bin/true` shows too).
"""
import ctypes
import os
import signal
import subprocess
import sys
import time

PR_SET_CHILD_SUBREAPER = 36


def main():
    args = sys.argv[1:]
    out = "/dev/null"
    if args[:1] == ["-o"]:
        out, args = args[1], args[2:]
    if not args:
        sys.exit("usage: measure.py [-o FILE] CMD [ARG...]")
    if ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        sys.exit("measure.py: prctl(PR_SET_CHILD_SUBREAPER) failed")

    # The sh start-up (~2 ms) is inside the timed span: negligible against the runs we time.
    start = time.perf_counter()
    sh = subprocess.Popen(["/bin/sh", "-c", 'out=$1; shift; "$@" >"$out" & echo $!', "sh", out, *args],
                          stdout=subprocess.PIPE)
    pid = int(sh.stdout.read())
    sh.wait()
    try:
        _, status, usage = os.wait4(pid, 0)
    except KeyboardInterrupt:  # sh made the command ignore SIGINT; stop it ourselves
        os.kill(pid, signal.SIGTERM)
        os.waitpid(pid, 0)
        raise
    wall = time.perf_counter() - start
    print(f"{wall:.4f} {usage.ru_maxrss}")  # ru_maxrss is in KiB on Linux
    sys.exit(os.waitstatus_to_exitcode(status) if os.WIFEXITED(status) else 128 + os.WTERMSIG(status))


if __name__ == "__main__":
    main()
