"""`lifecrm expo --fair NAME`: open the window straight into expo mode, the quick
lead form for a wedding fair's booth (on this computer's own database; no network).
When the window is already open on the database, it switches to expo mode instead."""

import argparse
from pathlib import Path


def add_parsers(sub, parents) -> None:
    p = sub.add_parser("expo", parents=[parents["common"]],
                       help="open the window in expo mode: a full-screen lead form for wedding fairs")
    p.add_argument("--fair", metavar="NAME", default=None,
                   help="the fair's name, given to every lead captured (default: ask, offering the last one)")
    p.add_argument("--as-of", metavar="YYYY-MM-DD", default=None, help=argparse.SUPPRESS)
    p.set_defaults(handler=run)


def window_arguments(args: argparse.Namespace) -> list[str]:
    """The window's own arguments for expo mode on the chosen database."""
    argv = ["--db", str(Path(args.db))] if args.db else []
    if args.as_of:
        argv += ["--as-of", args.as_of]
    fair = " ".join((args.fair or "").split())
    return [*argv, "--expo", fair] if fair else [*argv, "--expo"]


def run(args: argparse.Namespace) -> int:
    from lifecrm_gui.app import main as run_window

    return run_window(window_arguments(args))
