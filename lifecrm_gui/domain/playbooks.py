"""The ready-made playbooks (domain.md §7): each a saved segment with a message in
Chinese and English, a channel and an offer, turned on or off in settings.

How a playbook comes due:
- "occasion": one client at a time, on a date of theirs (birthday, anniversary,
  a child's milestone), listed on the Today view the week before;
- "holiday": everyone in the segment, in the days before a holiday;
- "list": one client at a time when something happened (photos delivered, a
  referred friend booked), listed on the Today view;
- "bulk": a standing audience (dormant, lost, key clients), offered as a campaign.
A client reached by a playbook is left out of it again for `repeat_days`.
"""

from dataclasses import dataclass, replace
from types import MappingProxyType

from .campaign_rules import Segment

OCCASION, HOLIDAY, LIST, BULK = "occasion", "holiday", "list", "bulk"
HOLIDAY_LEAD_DAYS = 5  # holiday greetings come due this many days ahead
OCCASION_LEAD_DAYS = 7


@dataclass(frozen=True)
class Playbook:
    key: str
    zh: str
    en: str
    hint_zh: str
    hint_en: str
    segment: Segment
    template_zh: str
    template_en: str
    channel: str
    mode: str
    repeat_days: int
    offer_zh: str = ""
    offer_en: str = ""
    lead_days: int = OCCASION_LEAD_DAYS

    def name(self, lang: str = "zh") -> str:
        return self.en if lang == "en" else self.zh

    def hint(self, lang: str = "zh") -> str:
        return self.hint_en if lang == "en" else self.hint_zh

    def template(self, lang: str = "zh") -> str:
        return self.template_en if lang == "en" else self.template_zh

    def offer(self, lang: str = "zh") -> str:
        return self.offer_en if lang == "en" else self.offer_zh

    def audience(self) -> Segment:
        """The segment, leaving out whom this playbook reached within `repeat_days`."""
        return replace(self.segment, not_touched_by=self.key, not_touched_days=self.repeat_days)


_ALL_BUT_CHURNED = ("lead", "prospect", "new", "active", "loyal", "dormant")

PLAYBOOKS = MappingProxyType({p.key: p for p in (
    Playbook(
        "birthday", "生日祝福", "Birthday greeting",
        "生日前一周送上祝福和生日月拍摄礼遇", "A greeting and a birthday-month offer in the week before",
        Segment(birthday_within=OCCASION_LEAD_DAYS),
        "{称呼},提前祝您生日快乐!感谢一路以来对{工作室}的信任,生日月到店拍摄可享{优惠}。",
        "Hi {salutation}, an early happy birthday from everyone at {studio}! Thank you for trusting us; "
        "book a shoot in your birthday month and enjoy {offer}.",
        "wechat", OCCASION, 300, "立减200元", "200 yuan off"),
    Playbook(
        "lunar_birthday", "农历生日祝福", "Lunar birthday greeting",
        "为过农历生日的客户按农历日期送上祝福", "For clients who celebrate their lunar birthday, on the lunar date",
        Segment(lunar_birthday_within=OCCASION_LEAD_DAYS),
        "{称呼},农历生日就要到啦!{工作室}祝您生日快乐、福寿安康,生日月拍摄可享{优惠}。",
        "Hi {salutation}, your lunar birthday is almost here! Happy birthday from everyone at {studio}; "
        "book a shoot this month and enjoy {offer}.",
        "wechat", OCCASION, 300, "立减200元", "200 yuan off"),
    Playbook(
        "anniversary", "结婚纪念日", "Wedding anniversary",
        "纪念日前一周送上祝福,邀请拍摄纪念照", "A greeting and an anniversary shoot invitation the week before",
        Segment(anniversary_within=OCCASION_LEAD_DAYS),
        "{称呼},结婚纪念日快乐!还记得{上次拍摄日期}的{上次拍摄}吗?纪念日写真可享{优惠},把这一年的幸福也留下来吧。",
        "Happy anniversary, {salutation}! Remember your {last_shoot} with us? An anniversary shoot comes "
        "with {offer}: keep this year's happiness too.",
        "wechat", OCCASION, 300, "9折优惠", "10% off"),
    Playbook(
        "child_milestones", "宝宝成长纪念", "Child's milestones",
        "满月、百天、周岁和每年生日前两周提醒预约", "满月, 百天, first and later birthdays, two weeks ahead",
        Segment(child_milestone_within=14),
        "{称呼},{孩子姓名}就要{孩子年龄}啦!成长的每个瞬间都值得记录,{工作室}已为您预留档期,本月预约享{优惠}。",
        "Hi {salutation}, {child_name} is about to turn {child_age}! Every moment of growing up is worth "
        "keeping; {studio} has kept a date for you, and booking this month brings {offer}.",
        "wechat", OCCASION, 25, "成长照加送一组造型", "an extra outfit at no charge", lead_days=14),
    Playbook(
        "holidays", "节日祝福", "Holiday greetings",
        "春节、元宵、七夕、中秋、520、圣诞、元旦前几天送上祝福",
        "A few days before Spring Festival, Lantern, Qixi, Mid-Autumn, 520, Christmas and New Year",
        Segment(stages=_ALL_BUT_CHURNED),
        "{称呼},{节日}快乐!{工作室}全体同仁祝您和家人幸福安康。",
        "Happy {holiday}, {salutation}! Warm wishes to you and your family from everyone at {studio}.",
        "wechat", HOLIDAY, 10, lead_days=HOLIDAY_LEAD_DAYS),
    Playbook(
        "family_portrait", "年度全家福提醒", "Yearly family portrait",
        "去年拍过全家福的客户,一年后提醒再拍", "Clients whose family portrait was about a year ago",
        Segment(ordered=("family",), ordered_days_min=330, ordered_days_max=400),
        "{称呼},去年的全家福转眼一年了,今年也来记录全家人的新变化吧!老客户预约享{优惠}。",
        "Hi {salutation}, it's been a year since your family portrait: come and capture how everyone has "
        "grown! Returning clients enjoy {offer}.",
        "wechat", BULK, 300, "加送一张放大照", "a free enlargement"),
    Playbook(
        "post_delivery", "交付满意度回访", "Post-delivery follow-up",
        "照片交付三天后电话回访满意度", "A call three days after the photos were delivered",
        Segment(delivered_days_min=3, delivered_days_max=7),
        "{称呼}您好,我是{工作室}的客服。照片收到几天了,您和家人还满意吗?有需要调整的地方请随时告诉我们。",
        "Hello {salutation}, this is {studio}. Your photos arrived a few days ago: are you and your family "
        "happy with them? Tell us anything you'd like adjusted.",
        "phone", LIST, 30),
    Playbook(
        "referral_thanks", "推荐感谢", "Referral thank-you",
        "推荐的朋友下单后两周内致谢", "Thanks within two weeks of a referred friend's first booking",
        Segment(referral_within=14),
        "{称呼},感谢您把{工作室}推荐给朋友!您的朋友已经完成预约,我们为您准备了{优惠},下次拍摄时可直接使用。",
        "Thank you for recommending {studio}, {salutation}! Your friend has booked with us, and we have set "
        "aside {offer} for your next shoot.",
        "wechat", LIST, 60, "推荐礼:精修照片5张", "five retouched photos as a thank-you"),
    Playbook(
        "dormant", "沉睡客户唤醒", "Dormant re-activation",
        "很久没有互动的老客户", "Former clients with no activity for a long time",
        Segment(stages=("dormant",)),
        "{称呼},好久不见!距离上次的{上次拍摄}已经有一段时间了,{工作室}最近上新了多款主题,现在回来拍摄可享{优惠},期待再次为您服务。",
        "Hi {salutation}, it's been a while since your {last_shoot}! {studio} has new themes this season, "
        "and returning clients enjoy {offer}. We'd love to see you again.",
        "wechat", BULK, 90, "老客户8.8折优惠", "12% off"),
    Playbook(
        "win_back_price", "流失挽回·价格", "Win-back: price",
        "因价格流失的客户:给出专属优惠", "Lost over price: an offer",
        Segment(stages=("churned",), lost_reasons=("price",)),
        "{称呼},我们一直记得您。为感谢您曾经的信任,特别为您准备了{优惠},名额有限,欢迎回来!",
        "Hi {salutation}, we haven't forgotten you. To thank you for your trust, we've set aside {offer}, "
        "for a limited number of clients. Welcome back!",
        "wechat", BULK, 180, "专属回归价立减500元", "500 yuan off, just for you"),
    Playbook(
        "win_back_service", "流失挽回·服务", "Win-back: service",
        "因服务质量流失的客户:资深摄影师免费补拍",
        "Lost over service: a complimentary reshoot with a senior photographer",
        Segment(stages=("churned",), lost_reasons=("service",)),
        "{称呼},上次的拍摄没有让您满意,我们一直很抱歉。我们想邀请您{优惠},希望有机会弥补。",
        "Hi {salutation}, we're still sorry your last shoot fell short. We'd like to offer you {offer} "
        "to make it right.",
        "phone", BULK, 180, "由资深摄影师免费重拍一次", "a complimentary reshoot with our senior photographer"),
    Playbook(
        "win_back_new_work", "流失挽回·新作品", "Win-back: new work",
        "因竞争对手或需求变化流失的客户:展示新作品和新风格",
        "Lost to a competitor or changed needs: new work and styles",
        Segment(stages=("churned",), lost_reasons=("competitor", "needs_changed")),
        "{称呼},{工作室}今年推出了全新的风格和套系(胶片、旅拍、户外纪实),附上最新作品集。如果有新的拍摄计划,欢迎随时来聊聊,{优惠}。",
        "Hi {salutation}, {studio} has new styles and packages this year (film, travel, outdoor "
        "documentary); our latest portfolio is attached. If you're planning a shoot, let's talk: {offer}.",
        "wechat", BULK, 180, "新风格可享体验价", "an introductory price on the new styles"),
    Playbook(
        "upsell_maternity", "婚后孕照", "After the wedding: maternity",
        "拍过婚纱照、还没拍孕照的客户", "Wedding clients who have not had maternity photos",
        Segment(ordered=("wedding_portrait", "wedding_day"), ordered_days_min=240, ordered_days_max=900,
                never_ordered=("maternity", "newborn")),
        "{称呼},婚纱照之后的每个重要时刻我们都想陪您记录。如果家里即将迎来新成员,孕期写真可享{优惠}。",
        "Hi {salutation}, after your wedding photos we'd love to keep every big moment with you. If your "
        "family is growing, maternity photos come with {offer}.",
        "wechat", BULK, 180, "老客户9折优惠", "10% off"),
    Playbook(
        "upsell_newborn", "孕照后新生儿", "After maternity: newborn",
        "拍过孕照、还没拍新生儿照的客户", "Maternity clients who have not had newborn photos",
        Segment(ordered=("maternity",), ordered_days_min=20, ordered_days_max=200, never_ordered=("newborn",)),
        "{称呼},宝宝就要(或已经)来到这个世界啦!新生儿、满月和百天照我们都可以上门拍摄,老客户享{优惠}。",
        "Hi {salutation}, your baby is (almost) here! We photograph newborns, 满月 and 百天 at home too, "
        "and returning clients enjoy {offer}.",
        "wechat", BULK, 90, "上门拍摄立减300元", "300 yuan off a home shoot"),
    Playbook(
        "key_appreciation", "重点客户答谢", "Key-client appreciation",
        "向重点客户表达感谢", "Thanks to the studio's key clients",
        Segment(classes=("key",)),
        "{称呼},感谢您一直以来对{工作室}的支持。作为我们的{星级}客户,我们为您准备了{优惠},期待与您再次相见。",
        "Dear {salutation}, thank you for your loyalty to {studio}. As one of our {tier} clients, we have "
        "prepared {offer} for you, and look forward to seeing you again.",
        "wechat", BULK, 180, "年度会员答谢礼", "our yearly member's gift"),
)})


def enabled_playbooks(switches: dict | None) -> list[Playbook]:
    """The playbooks switched on (every playbook is on unless a setting says off)."""
    switches = switches or {}
    return [p for key, p in PLAYBOOKS.items() if switches.get(key, True)]
