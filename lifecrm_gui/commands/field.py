"""Commands for the field and for safety: merge a laptop's database, review what
conflicted, list the backups, restore one."""

import json
import sys
from datetime import date
from pathlib import Path

from lifecrm_gui import paths


def add_parsers(sub, parents) -> None:
    common, printing = parents["common"], parents["printing"]
    dated = [parents["dated"]] if "dated" in parents else []

    p = sub.add_parser("merge", parents=[common, printing, *dated],
                       help="merge another LifeCRM database (a field laptop's) into this one")
    p.add_argument("file", type=Path, help="the other LifeCRM database file")
    p.set_defaults(handler=cmd_merge)

    p = sub.add_parser("conflicts", parents=[common, printing, *dated],
                       help="fields a merge found different on both sides: list them, keep ours or take theirs")
    p.add_argument("--keep", type=int, nargs="+", default=[], metavar="ID", help="keep our value")
    p.add_argument("--take", type=int, nargs="+", default=[], metavar="ID", help="take the incoming value")
    p.set_defaults(handler=cmd_conflicts)

    p = sub.add_parser("backups", parents=[common, printing], help="the backups, newest first, each verified")
    p.set_defaults(handler=cmd_backups)

    p = sub.add_parser("restore", parents=[common, printing],
                       help="replace the database with a backup (the current one is backed up first)")
    p.add_argument("backup", nargs="?", type=Path, help="the backup file to restore")
    p.add_argument("--list", action="store_true", help="list the backups that can be restored")
    p.set_defaults(handler=cmd_restore)


def _emit(args, data, lines) -> None:
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2, default=str))
    else:
        for line in lines:
            print(line)


def _db_path(args) -> Path:
    return Path(args.db) if args.db else paths.default_database()


def _open_writable(args):
    """The database, checked; a damaged one is moved aside and the command refuses to write."""
    from lifecrm_gui.services.recovery import open_checked
    from lifecrm_gui.store.db import StoreError

    db, report = open_checked(_db_path(args))
    if not report.writable:
        offered = report.offered_backup
        raise StoreError("corrupt", f"{report.path} is damaged ({report.check}); it was moved to "
                                    f"{report.moved_to}. Restore a backup with `lifecrm restore "
                                    f"{offered.path if offered else 'BACKUP'}`.")
    return db, report


def _size(n: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return str(n)


def cmd_merge(args) -> int:
    from lifecrm_gui.services.merge import merge_database

    _open_writable(args)
    summary = merge_database(args.file, as_of=getattr(args, "as_of", None) or date.today())
    data = summary.to_dict()
    if summary.already_merged:
        _emit(args, data, [(f"{args.file} was merged before (merge #{summary.merge_id}) and has not changed "
                            "since: nothing to do.")])
        return 0
    added = ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in summary.rows_added.items() if n) or "no rows"
    lines = [(f"merged {args.file}: {summary.new_clients} new clients, {summary.matched} matched, "
              f"{summary.conflicts} conflicts; added {added}."),
             f"backup taken first: {summary.backup}"]
    lines += [f"  note: {w}" for w in summary.warnings]
    if summary.conflicts:
        lines.append("review the conflicts with `lifecrm conflicts` (then --keep ID or --take ID)")
    _emit(args, data, lines)
    return 0


def cmd_conflicts(args) -> int:
    from lifecrm_gui.services.merge import open_conflicts, resolve_conflicts

    _open_writable(args)
    choices = {i: "ours" for i in args.keep} | {i: "theirs" for i in args.take}
    both = set(args.keep) & set(args.take)
    if both:
        raise ValueError(f"conflict {', '.join(map(str, sorted(both)))}: choose --keep or --take, not both")
    changed = resolve_conflicts(choices, as_of=getattr(args, "as_of", None) or date.today()) if choices else []
    rows = open_conflicts()
    lines = [f"resolved {len(choices)} conflict(s); {len(changed)} client(s) changed"] if choices else []
    lines += [f"#{c['id']:<5} {c['client_name']} (#{c['client_id']}) {c['field']}: ours {c['ours_text'] or '—'} | "
              f"theirs {c['theirs_text']}" for c in rows] or ["no open conflicts"]
    _emit(args, {"resolved": len(choices), "changed_clients": changed, "open": rows}, lines)
    return 0


def _backup_lines(found) -> list[str]:
    if not found:
        return ["no backups yet"]
    return [f"{'ok ' if b.good else 'BAD'} {b.taken_at:%Y-%m-%d %H:%M:%S}  {_size(b.size):>9}  "
            f"{b.reason or '-':<10} {b.path}" + ("" if b.good else f"  ({b.verified})") for b in found]


def cmd_backups(args) -> int:
    """Listed for a damaged database too, when they are wanted most (exit code 2 then)."""
    from lifecrm_gui.services.backups import available_backups
    from lifecrm_gui.services.recovery import open_checked

    db_path = _db_path(args)
    _db, report = open_checked(db_path)
    found = available_backups(check=True, db_path=db_path)
    _emit(args, [b.to_dict() for b in found], _backup_lines(found))
    if not report.writable:
        print(f"lifecrm: {db_path} is damaged ({report.check}); the damaged copy is {report.moved_to}. "
              "Restore one of these with `lifecrm restore BACKUP`.", file=sys.stderr)
        return 2  # listed, but the database itself needs a restore
    return 0


def cmd_restore(args) -> int:
    from lifecrm_gui.services import backups, recovery

    db_path = _db_path(args)
    if args.list or args.backup is None:
        found = backups.available_backups(check=True, db_path=db_path)
        _emit(args, [b.to_dict() for b in found], _backup_lines(found))
        if args.backup is None and not args.list:
            print("choose one: lifecrm restore BACKUP")
            return 1
        return 0
    _db, report = recovery.open_checked(db_path)
    if report.writable:
        result = backups.restore(args.backup)
        data = {"restored_from": str(result.restored_from), "safety_backup": str(result.safety_backup),
                "schema_version": result.schema_version, "warnings": result.warnings}
        lines = [f"restored {db_path} from {result.restored_from}",
                 f"the database as it was before is kept in {result.safety_backup}"]
    else:
        recovery.close_read_only()
        recovery.restore_into_place(db_path, args.backup)
        data = {"restored_from": str(args.backup), "damaged_copy": str(report.moved_to), "check": report.check}
        lines = [f"{db_path} was damaged ({report.check}); it was moved to {report.moved_to}",
                 f"restored {db_path} from {args.backup}"]
    _emit(args, data, lines)
    return 0
