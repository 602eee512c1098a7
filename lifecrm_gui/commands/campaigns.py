"""`lifecrm campaigns list|show|export` and `lifecrm today`."""

import json
from datetime import date
from pathlib import Path

from lifecrm_gui import paths


def add_parsers(sub, parents) -> None:
    common, printing, dated = parents["common"], parents["printing"], parents["dated"]
    p = sub.add_parser("campaigns", help="marketing campaigns: their recipients and return")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)

    a = actions.add_parser("list", parents=[common, printing, dated], help="every campaign with its return")
    a.set_defaults(handler=cmd_list)

    a = actions.add_parser("show", parents=[common, printing, dated], help="one campaign: audience, message, "
                                                                           "recipients and return")
    a.add_argument("campaign", help="id or exact name")
    a.add_argument("--limit", type=int, default=50, help="recipients to list (default 50)")
    a.set_defaults(handler=cmd_show)

    a = actions.add_parser("export", parents=[common, printing], help="recipients to CSV or XLSX for an SMS "
                                                                      "platform, mail merge or a call list")
    a.add_argument("campaign", help="id or exact name")
    a.add_argument("file", type=Path, help="a .csv or .xlsx file")
    a.add_argument("--kind", choices=("sms", "wechat", "mail_merge", "calls"),
                   help="the layout (default: the campaign channel's)")
    a.add_argument("--all", action="store_true", help="every recipient, not only those still pending")
    a.add_argument("--lang", choices=("zh", "en"), help="the language of the column headers")
    a.set_defaults(handler=cmd_export)

    p = sub.add_parser("today", parents=[common, printing, dated], help="what the front desk does today")
    p.set_defaults(handler=cmd_today)


def _open(args):
    from lifecrm_gui.store.db import open_database

    return open_database(Path(args.db) if args.db else paths.default_database())


def _print(args, data, lines) -> None:
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2, default=str))
    else:
        for line in lines:
            print(line)


def _find(key: str) -> int:
    from lifecrm_gui.services.errors import NotFound
    from lifecrm_gui.store.models import Campaign

    key = str(key).strip()
    if key.isdigit() and Campaign.get_or_none(Campaign.id == int(key)):
        return int(key)
    named = [c.id for c in Campaign.select(Campaign.id).where(Campaign.name == key)]
    if len(named) == 1:
        return named[0]
    if named:
        raise ValueError(f"{len(named)} campaigns are called {key}: use an id ({', '.join(f'#{i}' for i in named)})")
    raise NotFound(f"no campaign matches {key!r} (id or exact name)")


def _figure_words(f, money) -> str:
    from lifecrm_gui.domain.campaign_rules import percent

    return (f"{f.recipients} recipients, reached {f.reach}, replied {f.replied} ({percent(f.reply_rate)}), "
            f"booked {f.booked}, revenue {money(f.revenue)}, cost {money(f.cost)}, return {percent(f.roi)}")


def cmd_list(args) -> int:
    from lifecrm_gui.services import campaigns
    from lifecrm_gui.services.money import format_money

    _open(args)
    as_of = args.as_of or date.today()
    campaigns.attribute(as_of)
    rows = campaigns.list_campaigns()
    data = [{**{k: v for k, v in r.items() if k != "figures"}, "figures": r["figures"].to_dict()} for r in rows]
    lines = [f"#{r['id']:<5} {r['name']}  [{r['status']}, {r['channel']}"
             f"{', ' + r['playbook'] if r['playbook'] else ''}]  {_figure_words(r['figures'], format_money)}"
             for r in rows] or ["no campaigns yet"]
    _print(args, data, lines)
    return 0


def cmd_show(args) -> int:
    from lifecrm_gui.domain.campaign_rules import CHANNELS, RECIPIENT_STATUSES
    from lifecrm_gui.domain.vocab import label
    from lifecrm_gui.services import campaigns, segments
    from lifecrm_gui.services.money import format_money

    _open(args)
    as_of = args.as_of or date.today()
    campaigns.attribute(as_of)
    campaign_id = _find(args.campaign)
    data = campaigns.get_campaign(campaign_id)
    figures = campaigns.figures(campaign_id)
    people = campaigns.recipients(campaign_id)
    audience = segments.count(data["segment"], as_of)
    out = {"campaign": data, "audience_now": audience.to_dict(),
           "segment_words": segments.explain(data["segment"], "en"),
           "figures": figures.to_dict(), "recipients": people[:args.limit] if args.limit >= 0 else people}
    lines = [f"#{campaign_id} {data['name']} ({data['status']}, {label(CHANNELS, data['channel'], 'en')}, "
             f"messages in {data['lang']})",
             f"  audience    {'; '.join(out['segment_words']) or 'every client'}",
             f"  as of {as_of}: {audience.eligible} reachable of {audience.matched} found, {audience.no_consent} "
             f"left out without consent, {audience.capped} at the frequency cap, {audience.touched} reached lately",
             f"  message     {data['template']}",
             f"  offer       {data['offer'] or '-'}",
             f"  return      {_figure_words(figures, format_money)}",
             "  recipients:"]
    lines += [f"    {r['name']:<10} {label(RECIPIENT_STATUSES, r['status'], 'en'):<10} "
              f"{(r['sent_at'] or '')[:10]:<10} {format_money(r['revenue']) if r['revenue'] else ''}"
              for r in out["recipients"]]
    if len(people) > len(out["recipients"]):
        lines.append(f"    … and {len(people) - len(out['recipients'])} more")
    _print(args, out, lines)
    return 0


def cmd_export(args) -> int:
    from lifecrm_gui.services import outbox
    from lifecrm_gui.services.settings import language

    _open(args)
    campaign_id = _find(args.campaign)
    lang = args.lang or language()
    result = outbox.export_campaign(campaign_id, args.file, args.kind, lang, statuses=() if args.all else ("pending",))
    _print(args, {"campaign": campaign_id, "file": str(result.path), "rows": result.rows,
                  "no_contact": result.no_contact}, [outbox.summary_line(result, "en")])
    return 0


def cmd_today(args) -> int:
    from lifecrm_gui.services.today import today

    _open(args)
    as_of = args.as_of or date.today()
    data = today(as_of, "en")
    lines = [f"Today, {as_of.isoformat()}"]

    def section(title, items, total=None):
        count = total if total is not None else len(items)
        lines.append(f"{title} ({count})")
        for item in items[:30]:
            when = item.on.isoformat() if item.on else ""
            state = "" if item.state == "due" else f" [{item.state}]"
            lines.append(f"  {when:<10} {item.name:<10} {item.title}{' · ' + item.detail if item.detail else ''}"
                         f"{state}")
        if len(items) > 30:
            lines.append(f"  … and {len(items) - 30} more")

    section("Follow-ups due", data.tasks, data.tasks_total)
    section("Shoots today and tomorrow", data.shoots)
    section("Coming up: birthdays, anniversaries, milestones", data.occasions)
    section("Playbook touches due", data.touches)
    lines.append(f"Playbooks ready for a campaign ({len(data.playbooks)})")
    for due in data.playbooks:
        holiday = f" ({due.holiday}, {due.holiday_on})" if due.holiday else ""
        lines.append(f"  {due.name}{holiday}: {due.eligible} clients ({due.no_consent} left out without consent, "
                     f"{due.capped} at the frequency cap)")
    section("Just gone dormant, worth a call", data.dormant, data.dormant_total)
    _print(args, data.to_dict(), lines)
    return 0
