"""The `lifecrm` command line, on the same services as the window."""

import argparse
import importlib
import json
import sys
import time
from datetime import date
from pathlib import Path

from lifecrm_gui import __version__, paths


def _as_of(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (use YYYY-MM-DD): {text}") from None


# Modules that add commands of their own area: each has add_parsers(sub, parents),
# and its parsers set `handler` (a function of the parsed args returning the exit code).
COMMAND_MODULES: tuple[str, ...] = (
    "lifecrm_gui.commands.report",
    "lifecrm_gui.commands.field",
    "lifecrm_gui.commands.expo",
    "lifecrm_gui.commands.campaigns",
)
# Commands that must work on a damaged database: they are how it gets repaired.
REPAIR_COMMANDS = frozenset({"restore", "backups"})


def build_parser() -> argparse.ArgumentParser:
    # --db is taken before the command or after it. A command's own default must not
    # overwrite one given before it (argparse lets a subparser's default win), hence SUPPRESS.
    db_help = "the studio database (default: LIFECRM_DB or the user data folder)"
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=db_help)
    printing = argparse.ArgumentParser(add_help=False)
    printing.add_argument("--json", action="store_true", help="print JSON instead of text")
    dated = argparse.ArgumentParser(add_help=False)
    dated.add_argument("--as-of", type=_as_of, default=None, metavar="YYYY-MM-DD", help="the date to judge by "
                                                                                        "(default: today)")

    parser = argparse.ArgumentParser(prog="lifecrm",
                                     description="LifeCRM: client lifecycle management for photography studios. "
                                                 "With no command, opens the window.")
    parser.add_argument("--db", metavar="PATH", default=None, help=db_help)
    parser.add_argument("--version", action="version", version=f"LifeCRM {__version__}")
    parser.add_argument("--self-test", action="store_true",
                        help="check this installation (a temporary database with demo clients, a recompute, the "
                             "window built offscreen, translations, pinyin search), print a report and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("demo", parents=[common, printing, dated], help="fill the database with a demo studio")
    p.add_argument("--clients", type=int, default=2000)
    p.add_argument("--seed", type=int, default=1)

    p = sub.add_parser("import", parents=[common, printing, dated], help="import clients, orders or events "
                                                                          "from CSV or XLSX")
    p.add_argument("kind", choices=("clients", "orders", "events"))
    p.add_argument("file", type=Path)
    p.add_argument("--dry-run", action="store_true", help="check every row and write nothing")

    p = sub.add_parser("export", parents=[common, printing], help="export clients or orders to CSV or XLSX")
    p.add_argument("kind", choices=("clients", "orders"))
    p.add_argument("file", type=Path)

    p = sub.add_parser("search", parents=[common, printing], help="find clients by name, pinyin, initials, "
                                                                  "phone digits, WeChat, email or tag")
    p.add_argument("query")
    p.add_argument("--limit", type=int, default=50)

    p = sub.add_parser("show", parents=[common, printing, dated], help="one client's whole story")
    p.add_argument("client", help="id, ref, phone or exact name")

    sub.add_parser("stats", parents=[common, printing, dated], help="clients by stage, tier and class; revenue")
    sub.add_parser("recompute", parents=[common, printing, dated], help="re-derive every client")
    sub.add_parser("check", parents=[common, printing], help="integrity check and schema version")
    p = sub.add_parser("backup", parents=[common, printing], help="a verified copy of the database")
    p.add_argument("dest", nargs="?", type=Path)
    parents = {"common": common, "printing": printing, "dated": dated}
    for module_name in COMMAND_MODULES:
        importlib.import_module(module_name).add_parsers(sub, parents)
    return parser


def _open(args):
    """The studio database, checked first (services.recovery): a damaged one is moved
    aside and every command but the repairing ones refuses to go on."""
    from lifecrm_gui.services.recovery import open_checked
    from lifecrm_gui.store.db import StoreError

    db, report = open_checked(Path(args.db) if args.db else paths.default_database())
    for warning in report.warnings:
        print(f"lifecrm: warning: {warning}", file=sys.stderr)
    if report.status == "damaged" and getattr(args, "command", None) not in REPAIR_COMMANDS:
        offered = report.offered_backup
        restore = (f"`lifecrm restore {offered.path}` (the newest good backup, taken "
                   f"{offered.taken_at:%Y-%m-%d %H:%M})" if offered else "`lifecrm restore --list`")
        raise StoreError("corrupt", f"{report.path} failed its check ({report.check}) and nothing was done. It was "
                                    f"moved, untouched, to {report.moved_to}. Restore a backup with {restore}.")
    return db


def _print(args, data, text_lines):
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2, default=str))
    else:
        for line in text_lines:
            print(line)


def cmd_demo(args):
    from lifecrm_gui.services.demo import derive_demo, generate_demo
    from lifecrm_gui.services.search import count_clients

    db = _open(args)
    existing = count_clients() + count_clients(trash=True)
    if existing:
        _print(args, {"clients": 0, "skipped": True, "existing_clients": existing},
               [f"{db.database} already holds {existing} clients: no demo data added."])
        return 0
    as_of = args.as_of or date.today()
    summary = generate_demo(db, args.clients, seed=args.seed, as_of=as_of)
    started = time.perf_counter()
    derive_demo(as_of)
    data = {**summary.__dict__, "derive_seconds": round(time.perf_counter() - started, 3)}
    _print(args, data, [f"{k}: {v}" for k, v in data.items()])
    return 0


def cmd_import(args):
    from lifecrm_gui.services.backups import backup_before
    from lifecrm_gui.services.importer import import_file

    _open(args)
    if not args.dry_run:
        taken = backup_before("import")
        if not args.json:
            print(f"backup taken first: {taken.path}")
    result = import_file(args.kind, args.file, dry_run=args.dry_run, as_of=args.as_of or date.today())
    data = result.to_dict()
    if result.errors:
        _print(args, data, [f"{args.file}: {len(result.errors)} problem(s); nothing was written.",
                            *(f"  {e}" for e in result.errors)])
        return 1
    verb, count = ("would import", result.would_write) if args.dry_run else ("imported", result.written)
    _print(args, data, [f"{verb} {count} {args.kind} from {result.rows} rows of {args.file}"])
    return 0


def cmd_export(args):
    from lifecrm_gui.services.exporter import export_file

    _open(args)
    count = export_file(args.kind, args.file)
    _print(args, {"kind": args.kind, "file": str(args.file), "rows": count},
           [f"exported {count} {args.kind} to {args.file}"])
    return 0


def cmd_search(args):
    from lifecrm_gui.domain.vocab import STAGES, label, tier_label
    from lifecrm_gui.services.contacts import display_phone
    from lifecrm_gui.services.search import search

    _open(args)
    rows = search(args.query, limit=args.limit)
    _print(args, rows, [f"#{r['id']:<7} {r['name']:<10} {display_phone(r['phone']):<15} "
                        f"{label(STAGES, r['stage'], 'en'):<11} {tier_label(r['tier'], 'en'):<10} {r['tags'] or ''}"
                        for r in rows] or ["no client matches"])
    return 0


def cmd_show(args):
    from lifecrm_gui.services.clients import find_client
    from lifecrm_gui.services.money import format_money
    from lifecrm_gui.services.profile import client_profile

    _open(args)
    client = find_client(args.client)
    profile = client_profile(client.id, args.as_of or date.today(), lang="en")
    if args.json:
        _print(args, profile, [])
        return 0
    c, shown, d = profile["client"], profile["display"], profile.get("derived")
    lines = [f"#{c['id']} {c['name']}" + (" (in the trash)" if profile["deleted"] else ""),
             f"  phone       {shown['phone']} {shown['phone_alt']}".rstrip(),
             f"  kind        {shown['kind']}" + (f", {shown['industry']}" if c['industry'] else ""),
             f"  source      {shown['source'] or '-'}" + (f" ({c['source_detail']})" if c['source_detail'] else ""),
             f"  referred by {shown['referred_by'] or '-'}",
             f"  birthday    {c['birthday'] or '-'}   wedding {c['wedding_date'] or '-'}",
             f"  needs       {', '.join(shown['needs']) or '-'}",
             f"  tags        {', '.join(profile['tags']) or '-'}",
             f"  consent     {'yes, ' + str(c['consent_on']) if c['consent'] else 'no'}"]
    for member in profile["family"]:
        lines.append(f"  family      {member['relation']}: {member['name']} {member['birthday'] or ''}".rstrip())
    if d:
        money = format_money
        lines += [f"  stage       {d['stage_label']}: {d['stage_reason']}",
                  f"  tier        {d['tier_label']}: {d['tier_reason']}",
                  f"  class       {d['class_label']}: {d['class_reason']}",
                  f"  word of mouth {d['quadrant_label']}: {d['quadrant_reason']}",
                  f"  lifetime value {money(d['ltv']['total'])} = spend {money(d['ltv']['historical'])}"
                  f" + projected {money(d['ltv']['projected'])} + referrals {money(d['ltv']['referral'])}"]
    lines.append("  timeline:")
    lines += [f"    {e['occurred_at'][:16]}  {e['kind']:<14} {e['text']}" for e in profile["timeline"][:30]]
    _print(args, profile, lines)
    return 0


def cmd_stats(args):
    from lifecrm_gui.domain.vocab import CLASSES, STAGES, label, tier_label
    from lifecrm_gui.services.money import format_money
    from lifecrm_gui.services.stats import stats

    _open(args)
    data = stats(args.as_of or date.today())
    lines = [f"as of {data['as_of']}: {data['clients']} clients, {data['orders']} orders, "
             f"revenue {format_money(data['revenue'])} ({format_money(data['revenue_this_year'])} this year)",
             "by stage: " + ", ".join(f"{label(STAGES, k, 'en')} {v}" for k, v in data["by_stage"].items()),
             "by tier:  " + ", ".join(f"{tier_label(int(k), 'en')} {v}" for k, v in data["by_tier"].items()),
             "by class: " + ", ".join(f"{label(CLASSES, k, 'en')} {v}" for k, v in data["by_class"].items())]
    _print(args, data, lines)
    return 0


def cmd_recompute(args):
    from lifecrm_gui.services.recompute import recompute

    _open(args)
    result = recompute(args.as_of or date.today())
    data = {"as_of": result.as_of.isoformat(), "clients": result.clients, "changed": result.changed,
            "stage_moves": result.moved, "win_backs": result.win_backs, "facts_aggregated": result.aggregated,
            "seconds": round(result.seconds, 3)}
    _print(args, data, [f"{result.clients} clients recomputed as of {result.as_of}: {result.changed} changed, "
                        f"{result.moved} moved stage, {result.win_backs} won back ({result.seconds:.2f} s); "
                        f"facts read again for {result.aggregated}, kept for the others"])
    return 0


def cmd_check(args):
    from lifecrm_gui.services.backup import check

    _open(args)
    data = check()
    _print(args, data, [f"{k}: {v}" for k, v in data.items()])
    return 0 if data["integrity"] == "ok" and data["foreign_keys"] == "ok" else 1


def cmd_backup(args):
    from lifecrm_gui.services.backup import backup

    _open(args)
    target = backup(args.dest)
    _print(args, {"backup": str(target), "verified": True}, [f"backup written and verified: {target}"])
    return 0


COMMANDS = {"demo": cmd_demo, "import": cmd_import, "export": cmd_export, "search": cmd_search,
            "show": cmd_show, "stats": cmd_stats, "recompute": cmd_recompute, "check": cmd_check,
            "backup": cmd_backup}


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.self_test:
        from lifecrm_gui.self_test import main as self_test
        return self_test()
    if args.command is None:
        from lifecrm_gui.app import main as run_window
        return run_window(argv)
    from lifecrm_gui.services.errors import NotFound, ValidationError
    from lifecrm_gui.store.db import StoreError
    try:
        handler = getattr(args, "handler", None) or COMMANDS[args.command]
        return handler(args)
    except (StoreError, NotFound, ValidationError, ValueError, OSError) as error:
        print(f"lifecrm {args.command}: {error}", file=sys.stderr)
        return 2
    finally:
        from lifecrm_gui.services.clean_close import note_closed
        from lifecrm_gui.services.session import database_path
        from lifecrm_gui.store.db import close_database

        path = database_path()
        close_database()
        if path:  # as the window does: the next start need not read the whole file through again
            note_closed(Path(path))
