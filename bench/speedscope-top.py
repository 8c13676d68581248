#!/usr/bin/env python3
"""Sums a speedscope profile (as written by `dotnet-trace collect --format speedscope`) by method.

    python3 bench/speedscope-top.py PROFILE.speedscope.json [--top 30] [--match TEXT] [--exclude-idle] [--managed-cpu]

Prints the methods with the most exclusive time (the method itself was on top of the stack) and the most inclusive time
(the method was anywhere on the stack), over all threads. dotnet-trace samples every thread, waiting ones too; TraceEvent
ends each stack with CPU_TIME (managed code running) or UNMANAGED_CODE_TIME (native code: syscalls, the GC, waits).
Native samples are listed as "[native] <calling method>". --exclude-idle drops samples whose top managed frame is a wait
(Monitor.Wait, the thread pool's semaphore, ...). --match keeps only methods whose name contains TEXT in the inclusive
list (e.g. SiteBuilder). --managed-cpu keeps only samples in running managed code, the closest to CPU time this
trace gives (GC and syscalls are native). Profile with the build timer's --keep-output, or its clean-up of the output shows up too.
"""
import argparse
import json
from collections import defaultdict

PSEUDO = ("CPU_TIME", "UNMANAGED_CODE_TIME")
IDLE = ("Monitor.Wait", "WaitHandle.Wait", "LowLevelLifoSemaphore", "Thread.Sleep",
        "SemaphoreSlim.Wait", "ManualResetEventSlim.Wait", "Task.SpinThenBlockingWait", "PortableThreadPool.WorkerThread.WorkerDoWork")


def is_idle(name):
    return any(marker in name for marker in IDLE)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("profile")
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--match", default=None)
    parser.add_argument("--exclude-idle", action="store_true")
    parser.add_argument("--managed-cpu", action="store_true", help="only samples running managed code (leaf CPU_TIME)")
    args = parser.parse_args()

    with open(args.profile, encoding="utf-8") as f:
        data = json.load(f)
    frames = [frame["name"] for frame in data["shared"]["frames"]]
    exclusive = defaultdict(float)
    inclusive = defaultdict(float)
    total = 0.0

    def account(stack, duration):
        nonlocal total
        if not stack or duration <= 0:
            return
        # TraceEvent ends each stack with CPU_TIME (managed code running) or UNMANAGED_CODE_TIME (native code: syscalls,
        # the GC, waits); the method is the frame below it.
        leaf = frames[stack[-1]]
        if args.managed_cpu and leaf != "CPU_TIME":
            return
        top = frames[stack[-2]] if leaf in PSEUDO and len(stack) > 1 else leaf
        if args.exclude_idle and is_idle(top):
            return
        if leaf == "UNMANAGED_CODE_TIME":
            top = "[native] " + top
        total += duration
        exclusive[top] += duration
        for name in {frames[i] for i in stack}:
            inclusive[name] += duration

    for profile in data["profiles"]:
        if profile["type"] == "evented":
            stack, last = [], None
            for event in profile["events"]:
                if last is not None:
                    account(stack, event["at"] - last)
                last = event["at"]
                if event["type"] == "O":
                    stack.append(event["frame"])
                elif stack:
                    stack.pop()
        else:
            for sample, weight in zip(profile["samples"], profile["weights"]):
                account(sample, weight)

    unit = data["profiles"][0].get("unit", "") if data["profiles"] else ""
    print(f"total {total:.0f} {unit} over {len(data['profiles'])} threads")
    print(f"\nTop {args.top} by exclusive time:")
    for name, value in sorted(exclusive.items(), key=lambda kv: -kv[1])[: args.top]:
        print(f"{value:10.0f} {100 * value / total:5.1f}%  {name[:160]}")
    print(f"\nTop {args.top} by inclusive time{' (matching ' + args.match + ')' if args.match else ''}:")
    chosen = [(n, v) for n, v in inclusive.items() if args.match is None or args.match in n]
    for name, value in sorted(chosen, key=lambda kv: -kv[1])[: args.top]:
        print(f"{value:10.0f} {100 * value / total:5.1f}%  {name[:160]}")


if __name__ == "__main__":
    main()
