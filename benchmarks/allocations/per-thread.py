"""Reads `jfr print --events jdk.ThreadAllocationStatistics` on stdin and prints the bytes every thread allocated
between its first and its last event, summed over all threads."""
import re
import sys

UNITS = {"bytes": 1, "kB": 1024, "MB": 1024**2, "GB": 1024**3}
first, last = {}, {}
for event in sys.stdin.read().split("jdk.ThreadAllocationStatistics")[1:]:
    allocated = re.search(r"allocated = ([\d.]+) (\w+)", event)
    thread = re.search(r'thread = "([^"]+)"', event)
    if allocated and thread:
        value = float(allocated.group(1)) * UNITS[allocated.group(2)]
        first.setdefault(thread.group(1), value)
        last[thread.group(1)] = value
print(int(sum(last[name] - first[name] for name in last)))
