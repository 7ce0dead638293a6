"""How long an input may be, derived from how much memory summarizing it takes.

The CLI's `--max-chars` default, the server's per-request text limit and the server's workers all
come from the two measured constants below, so the limits agree with each other and with memory:
an input under the limit fits the memory budget it was derived from, and the server runs no more
workers than `workers x memory per request` lets the machine hold.

Source of the constants: `PYTHONPATH=src nice python benchmarks/memory_per_char.py --sizes 100000
1000000 4000000 8000000` (benchmarks/results/memory_per_char.json, default method, dev text
flattened into one line), after the graph windows made memory linear (issue 15): peak RSS 133 MB
at 100k characters, 200 MB at 1M, 298 MB at 4M and 483 MB at 8M (77 bytes per character at the
steepest). Text of other shapes costs more per character (stop 29, peak RSS of `synopsis.summarize`
in a fresh process per size): one word per line (a PDF extracted word by word) 271 MB at 2M
characters and 857 MB at 8M (98 bytes per character), a heading every eight words 242 MB at 1M and
321 MB at 2M. The constants below, 150 MB and 105 bytes per character, lie over every measurement
of the three shapes, so an input under a limit fits the memory the limit was derived from. Stop 39
added blank lines after a paragraph: 572 MB at 1.6M newlines (343 bytes per character) until
cleaning held line bounds in arrays and a run of blank lines as one break, 107 MB since (36 bytes
per character). A text of one-letter lines still takes ~130 bytes per character (258 MB at 1.6M:
each line is a removed fragment, kept for `synopsis extract`), over the model: the server's memory
cap answers such a text near the limit 413.
"""

from __future__ import annotations

import os

# Measured (see above): the worst marginal cost of one more input character, and the fixed cost.
BYTES_PER_CHAR = 105
FIXED_MB = 150
# What one summary may use. The CLI summarizes one input at a time on the user's machine: 2 GB
# (issue 15's bound for an 8 MB text). The server runs several at once: 1 GB each.
CLI_MEMORY_MB = 2048
SERVER_MEMORY_MB = 1024
# On SIGTERM/SIGINT the server lets summaries in flight finish for this long (a dev article takes
# well under a second, a 300,000-word thesis about 4 s, a text at the 8.7M-character limit about 20 s), then
# cancels them.
SERVER_GRACE_S = 5.0
# The share of the machine's memory the server's workers may take together (the rest is the OS,
# the server process and the page cache).
MACHINE_SHARE = 0.75
MB = 1024 * 1024


def memory_mb_for(chars: int) -> int:
    """The peak memory (MB) summarizing `chars` characters takes, by the measured constants."""
    return FIXED_MB + -(-chars * BYTES_PER_CHAR // MB)


def max_chars_for(memory_mb: int) -> int:
    """The longest input (characters, rounded down to a thousand) that fits in `memory_mb`."""
    chars = (memory_mb - FIXED_MB) * MB // BYTES_PER_CHAR
    return max(0, chars // 1000 * 1000)


MAX_CHARS = max_chars_for(CLI_MEMORY_MB)
SERVER_MAX_CHARS = max_chars_for(SERVER_MEMORY_MB)


def machine_memory_mb() -> int | None:
    """This machine's physical memory in MB, or None where the OS does not say."""
    try:
        return int(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") // MB)
    except (AttributeError, ValueError, OSError):
        return None


def workers_that_fit(memory_mb: int, cores: int | None = None, *, most: int = 4) -> int:
    """Worker processes for the server: one per core, at most `most`, and no more than the machine
    holds when each runs its worst request (`memory_mb`)."""
    workers = max(1, min(most, cores or os.cpu_count() or 1))
    total = machine_memory_mb()
    if total is not None:
        workers = min(workers, max(1, int(total * MACHINE_SHARE) // max(1, memory_mb)))
    return workers
