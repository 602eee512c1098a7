"""`lifecrm report`: the dashboard as a printable PDF, without opening the window."""

import argparse
import atexit
import gc
from datetime import date
from pathlib import Path

from lifecrm_gui.cli import _as_of


def add_parsers(sub, parents) -> None:
    p = sub.add_parser("report", parents=[parents["common"]],
                       help="the dashboard as a multi-page PDF report (cover page and one page per chart)")
    p.add_argument("--from", dest="first", type=_as_of, metavar="YYYY-MM-DD",
                   help="first day of the period (default: twelve months before --to)")
    p.add_argument("--to", dest="last", type=_as_of, metavar="YYYY-MM-DD",
                   help="last day of the period (default: the as-of date)")
    p.add_argument("--as-of", type=_as_of, metavar="YYYY-MM-DD", help="the date stages and value are judged by "
                                                                      "(default: today)")
    p.add_argument("--lang", choices=("zh", "en"), default=None, help="language of the report (default: the "
                                                                      "studio's language setting)")
    p.add_argument("--kind", default=None, help="only individual or enterprise clients")
    p.add_argument("--source", default=None, help="only clients from this source")
    p.add_argument("--needs", default=None, help="only clients and revenue of this needs category")
    p.add_argument("out", type=Path, metavar="OUT.pdf")
    p.set_defaults(handler=run)


def _quick_exit() -> None:
    """At the process's end, Python's last collections walk every object matplotlib made
    (about 0.3 s of the command); frozen at that point (atexit functions run before
    them), they are left to the process's end. Nothing changes before then, so a test
    calling the command in-process is unaffected."""
    global _exit_registered
    if not _exit_registered:
        atexit.register(gc.freeze)
        _exit_registered = True


_exit_registered = False


def run(args: argparse.Namespace) -> int:
    from lifecrm_gui.cli import _open
    from lifecrm_gui.domain.vocab import CLIENT_KINDS, NEEDS, SOURCES, lookup
    from lifecrm_gui.services.dashboard import DashboardFilter, default_filter
    from lifecrm_gui.services.errors import FieldError, ValidationError
    from lifecrm_gui.services.report import write_report
    from lifecrm_gui.services.settings import language

    _open(args)
    as_of = args.as_of or date.today()
    default = default_filter(args.last or as_of)
    values, errors = {}, []
    for name, table in (("kind", CLIENT_KINDS), ("source", SOURCES), ("needs", NEEDS)):
        raw = getattr(args, name)
        values[name] = lookup(table, raw) if raw else None
        if raw and values[name] is None:
            errors.append(FieldError(name, f"unknown value; use one of {', '.join(table)}", raw))
    if errors:
        raise ValidationError(errors)
    flt = DashboardFilter(first=args.first or default.first, last=args.last or as_of, as_of=as_of, **values)
    result = write_report(args.out, flt, args.lang or language())
    _quick_exit()
    print(f"report written: {result.path} ({result.pages} pages, {flt.first} to {flt.last}, as of {flt.as_of}, "
          f"{result.seconds:.1f} s)")
    return 0
