"""Reasons in words: every derived figure carries a code and the facts behind it,
rendered in Chinese or English when shown."""

from dataclasses import dataclass, field

from .vocab import LOST_REASONS, label

_TEXTS = {
    "lost": ("标记为流失({reason}),{on} 之后没有新订单",
             "marked lost ({reason}) on {on}, with no order since"),
    "no_orders_recent": ("还没有订单,最近一次互动在 {days} 天前(意向期 {window} 天内)",
                         "no orders yet; last contact {days} days ago, within the {window}-day prospect window"),
    "no_orders_cold": ("还没有订单,{days} 天没有互动(超过意向期 {window} 天)",
                       "no orders yet; no contact for {days} days, past the {window}-day prospect window"),
    "no_orders_never": ("还没有订单,也还没有双向联系", "no orders and no two-way contact yet"),
    "manual_lead": ("{on} 由员工转为潜在客户,此后没有新的互动",
                    "moved to lead by staff on {on}, with no contact since"),
    "manual_prospect": ("{on} 由员工转为意向客户(意向期 {window} 天)",
                        "moved to prospect by staff on {on} ({window}-day prospect window)"),
    "idle_churned": ("已 {days} 天没有互动或订单(流失阈值 {window} 天)",
                     "no activity or order for {days} days (churned after {window})"),
    "idle_dormant": ("已 {days} 天没有互动或订单(沉睡阈值 {window} 天)",
                     "no activity or order for {days} days (dormant after {window})"),
    "one_order": ("第一笔订单:首次体验中", "one order: the first experience"),
    "many_orders": ("共 {orders} 笔订单(忠诚阈值 {min} 笔)", "{orders} orders (loyal from {min})"),
    "referrals_bought": ("推荐的 {count} 位客户已下单", "{count} referred clients have ordered"),
    "returning": ("共 {orders} 笔订单:回头客", "{orders} orders: a returning client"),
    "tier": ("累计消费 {spend},{label}区间为 {low} 起", "spend to date {spend}; {label} starts at {low}"),
    "tier_bottom": ("累计消费 {spend},低于准星 {next}", "spend to date {spend}, below near-star at {next}"),
    "class_pinned": ("由员工指定", "pinned by staff"),
    "class_top": ("消费位列前 {percent}%(门槛 {threshold})", "spend in the top {percent}% (from {threshold})"),
    "class_tier": ("价值星级为五星及以上", "value tier 5 stars or above"),
    "class_contract": ("企业年度合作客户", "enterprise client with an annual contract"),
    "class_frequent": ("近一年 {orders} 笔订单", "{orders} orders in the last 365 days"),
    "class_influence": ("口碑影响力 {score}(高于 {high})", "word-of-mouth influence {score} (high from {high})"),
    "class_referrals": ("已推荐 {count} 位客户", "has referred {count} clients"),
    "class_projected": ("预计终身价值 {value} 达到重点门槛 {threshold}",
                        "projected lifetime value {value} reaches the key threshold {threshold}"),
    "class_general": ("未满足其他类别的条件", "meets none of the other classes"),
    "quadrant": ("影响力 {score}(高于 {high} 为高),近一年互动 {freq} 次(每年 {fhigh} 次为高)",
                 "influence {score} (high from {high}), {freq} interactions in a year (high from {fhigh})"),
}


@dataclass(slots=True)
class Reason:
    code: str
    params: dict = field(default_factory=dict)

    def text(self, lang: str = "zh", money=None) -> str:
        """The reason in words; `money` formats minor units (default: plain yuan)."""
        zh, en = _TEXTS[self.code]
        fmt = money or (lambda minor: f"{minor / 100:,.0f}")
        params = {}
        for key, value in self.params.items():
            if key in ("spend", "low", "next", "threshold", "value"):
                value = fmt(value)
            elif key == "reason":
                value = label(LOST_REASONS, value, lang)
            params[key] = value
        if "label" in params:
            from .vocab import tier_label
            params["label"] = tier_label(params["label"], lang)
        return (en if lang == "en" else zh).format(**params)

    def to_dict(self) -> dict:
        return {"code": self.code, "params": self.params}

    @classmethod
    def from_dict(cls, data: dict) -> "Reason":
        return cls(data["code"], dict(data.get("params", {})))
