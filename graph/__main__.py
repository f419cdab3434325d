"""``govkg`` and ``python -m govkg.graph``: the command, interrupts handled from the first moment.

The handlers of SIGINT and SIGTERM are installed before the command's modules
(rdflib, lxml, pyoxigraph: a second or more) are imported, so that an
interrupt while they load is a one-line message and exit 130 / 143, like an
interrupt at any later point, never a traceback.
"""

from __future__ import annotations

import signal
import sys

from govkg.graph.interrupts import exit_status, raise_interrupted


def main(argv: list[str] | None = None, last: bool = False) -> int:
    """Run ``govkg`` with ``argv`` (default: the process's arguments); returns the exit status.

    With ``last`` (the process ends after it), SIGINT and SIGTERM are ignored
    from the moment the command has finished: its work is done and its
    status stands, and the interpreter's exit is not interrupted.
    """
    previous = {sig: signal.signal(sig, raise_interrupted) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        try:
            from govkg.graph.cli import main as cli_main

            return cli_main(argv)
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, signal.SIG_IGN if last else handler)
    except KeyboardInterrupt as interrupt:
        status = exit_status(interrupt)
        print(f"govkg: interrupted by {signal.Signals(status - 128).name}", file=sys.stderr)
        return status


def run() -> None:
    """The console script: exit with :func:`main`'s status."""
    sys.exit(main(last=True))


if __name__ == "__main__":
    run()
