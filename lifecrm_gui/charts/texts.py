"""The charts' own words in Chinese and English. Charts are drawn for the window and for
the command-line report alike, so their texts live here rather than in Qt's translations."""

from lifecrm_gui.domain.vocab import label

TEXTS = {
    # shared
    "clients": ("客户数", "Clients"),
    "month": ("月份", "Month"),
    "revenue": ("实收金额", "Revenue"),
    "share": ("占比", "Share"),
    "empty": ("这段时间没有可显示的数据", "Nothing to show for this period"),
    "as_of_empty": ("没有符合条件的客户", "No clients match the filters"),
    "hint": ("说明：{text}", "What it shows: {text}"),
    # funnel
    "funnel.title": ("生命周期漏斗", "Lifecycle funnel"),
    "funnel.hint": ("截至 {as_of}，到达漏斗每一步的客户数和相邻两步之间的转化率；右边是沉睡和流失客户",
                    "as of {as_of}, clients who reached each step of the funnel and the conversion between "
                    "steps; dormant and churned clients beside it"),
    "funnel.bar": ("{n} 人到达 · 当前 {now} 人", "{n} reached · {now} now"),
    "funnel.conversion": ("转化 {rate}", "{rate} went on"),
    "funnel.lapsed": ("沉睡与流失", "Dormant and churned"),
    "funnel.steps": ("漏斗阶段", "Funnel step"),
    # stage flow
    "flow.title": ("阶段流转", "Stage flow"),
    "flow.hint": ("每月进入各阶段的客户数（来自阶段变更记录），挽回客户用红线标出",
                  "clients moving into each stage per month, from the recorded stage changes; win-backs in red"),
    "flow.moves": ("阶段变更次数", "Stage moves"),
    "flow.win_backs": ("挽回", "Win-backs"),
    # value pyramid
    "pyramid.title": ("价值金字塔与 80/20", "Value pyramid and 80/20"),
    "pyramid.hint": ("截至 {as_of}，各星级的付费客户数和累计消费；右图是消费最高的客户贡献的消费占比",
                     "as of {as_of}, paying clients and their spend to date per star tier; right, the share of "
                     "spend that comes from the biggest spenders"),
    "pyramid.clients": ("付费客户数", "Paying clients"),
    "pyramid.spend": ("累计消费", "Spend to date"),
    "pyramid.tier": ("价值星级", "Star tier"),
    "pyramid.curve_x": ("客户占比（按消费从高到低）", "Share of paying clients, biggest spenders first"),
    "pyramid.curve_y": ("消费占比", "Share of spend"),
    "pyramid.top": ("前 {p}% 的客户贡献了 {s} 的消费", "The top {p}% of clients bring {s} of spend"),
    "pyramid.even": ("均匀分布", "Even spread"),
    # revenue
    "revenue.title": ("收入构成", "Revenue mix"),
    "revenue.hint": ("期间每月按需求类别的实收金额；右图是个人客户与各行业企业客户的收入",
                     "money paid per month in the period by needs category; right, individual clients against "
                     "enterprise clients by industry"),
    "revenue.other": ("其他类别", "Other categories"),
    "revenue.none": ("未分类", "No category"),
    "revenue.segments": ("客户类型", "Client kind"),
    "revenue.enterprise": ("企业·{industry}", "Enterprise · {industry}"),
    # sources
    "sources.title": ("客户来源", "Lead sources"),
    "sources.hint": ("期间新增的线索和其中已下首单的人数（转化率），期间收入，以及各来源付费客户的平均终身价值",
                     "leads first seen in the period and how many placed a first order (conversion); the "
                     "period's revenue and the average lifetime value of each source's paying clients"),
    "sources.leads": ("新线索", "Leads"),
    "sources.converted": ("已下首单", "First order"),
    "sources.revenue": ("期间收入", "Revenue in the period"),
    "sources.ltv": ("平均终身价值", "Average lifetime value"),
    "sources.source": ("来源", "Source"),
    # churn
    "churn.title": ("客户流失", "Churn"),
    "churn.hint": ("期间每月新流失的客户数，以及截至 {as_of} 全部流失客户的原因（久未互动或员工标记的原因）",
                   "clients who became churned in each month of the period, and why every client churned as "
                   "of {as_of} left (idle too long, or the reason staff gave)"),
    "churn.per_month": ("新流失客户", "Newly churned"),
    "churn.reasons": ("流失原因", "Reasons"),
    "churn.idle": ("久未互动", "Idle too long"),
    "churn.rate": ("期间流失率 {rate}", "Churn rate in the period {rate}"),
    # cohorts
    "cohorts.title": ("同期客户留存", "Cohort retention"),
    "cohorts.hint": ("按首单季度分组，之后每一年仍在消费的客户占比；第 0 年指首年内再次下单",
                     "clients grouped by the quarter of their first order: the share still buying in each "
                     "later year; year 0 means a second order within the first year"),
    "cohorts.year": ("第 {k} 年", "Year {k}"),
    "cohorts.years": ("首单之后", "After the first order"),
    "cohorts.cohort": ("首单季度（客户数）", "Quarter of first order (clients)"),
    # campaigns
    "campaigns.title": ("营销活动回报", "Campaign return"),
    "campaigns.hint": ("期间开始的营销活动：归因订单的收入与成本，标注回报率；右图按营销方案汇总",
                       "campaigns started in the period: revenue of the orders attributed to them against their "
                       "cost, with the return; right, summed per playbook"),
    "campaigns.revenue": ("收入", "Revenue"),
    "campaigns.cost": ("成本", "Cost"),
    "campaigns.roi": ("回报 {roi}", "return {roi}"),
    "campaigns.custom": ("自定义活动", "Custom campaigns"),
    "campaigns.none": ("这段时间没有开始的营销活动", "No campaign started in this period"),
    "campaigns.per_campaign": ("各活动", "Per campaign"),
    "campaigns.per_playbook": ("各营销方案", "Per playbook"),
    # word of mouth
    "wom.title": ("口碑传播", "Word of mouth"),
    "wom.hint": ("截至 {as_of}，口碑影响力与互动频率的分布和四个象限的人数；右图是期间被推荐客户带来的收入，按推荐人所在象限",
                 "as of {as_of}, influence against interaction frequency, with the clients in each quadrant; "
                 "right, the period's revenue from referred clients by their referrer's quadrant"),
    "wom.influence": ("口碑影响力", "Influence score"),
    "wom.frequency": ("近一年互动次数", "Interactions in the last year"),
    "wom.referral": ("推荐带来的收入", "Revenue from referrals"),
    "wom.referred": ("{n} 位被推荐客户", "{n} referred"),
    "wom.quadrant": ("推荐人象限", "Referrer's quadrant"),
    # report
    "report.title": ("客户生命周期报告", "Client lifecycle report"),
    "report.period": ("统计期间 {first} 至 {last}", "Period {first} to {last}"),
    "report.as_of": ("阶段与价值截至 {as_of}", "Stages and value as of {as_of}"),
    "report.filters": ("筛选：{text}", "Filters: {text}"),
    "report.made": ("LifeCRM 生成于 {today}", "Made with LifeCRM on {today}"),
    "report.page": ("第 {n} / {total} 页", "Page {n} of {total}"),
    "report.studio": ("摄影工作室", "Photography studio"),
    "head.clients": ("客户", "Clients"),
    "head.revenue": ("期间收入", "Revenue"),
    "head.new_clients": ("新客户", "New clients"),
    "head.win_backs": ("挽回客户", "Win-backs"),
    "head.churn_rate": ("流失率", "Churn rate"),
    "head.top_share": ("前 {p}% 客户消费占比", "Spend from the top {p}%"),
    "head.orders": ("{n} 笔订单", "{n} orders"),
    "head.churned": ("{n} / {base} 位老客户", "{n} of {base} clients"),
    "head.new_detail": ("期间首次下单", "first order in the period"),
    "head.win_detail": ("从沉睡或流失回来", "back from dormant or churned"),
    "head.clients_detail": ("截至 {as_of}", "as of {as_of}"),
    "head.top_detail": ("共 {n} 位付费客户", "of {n} paying clients"),
    "head.none": ("—", "—"),
}


def t(key: str, lang: str = "zh", **params) -> str:
    zh, en = TEXTS[key]
    return (en if lang == "en" else zh).format(**params)


def vocab(table, key, lang: str = "zh") -> str:
    return label(table, key, "en" if lang == "en" else "zh")
