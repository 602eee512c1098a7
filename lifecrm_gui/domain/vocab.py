"""The studio's vocabulary: ids stored in the database, with Chinese and English names.

Ids are stable English words; names are what people read and type (imports
accept either).
"""

from types import MappingProxyType


def _table(rows):
    return MappingProxyType({key: {"zh": zh, "en": en} for key, zh, en in rows})


STAGES = _table([
    ("lead", "潜在客户", "Lead"),
    ("prospect", "意向客户", "Prospect"),
    ("new", "新客户", "New client"),
    ("active", "活跃客户", "Active"),
    ("loyal", "忠诚客户", "Loyal"),
    ("dormant", "沉睡客户", "Dormant"),
    ("churned", "流失客户", "Churned"),
])

TIERS = ("无星", "准星", "三星", "四星", "五星", "六星", "七星")
TIERS_EN = ("No star", "Near-star", "3 stars", "4 stars", "5 stars", "6 stars", "7 stars")

CLASSES = _table([
    ("key", "重点客户", "Key"),
    ("cooperative", "合作型客户", "Cooperative"),
    ("potential", "潜力客户", "Potential"),
    ("general", "一般客户", "General"),
])

QUADRANTS = _table([
    ("champion", "核心传播者", "Champion voice"),
    ("untapped", "潜在传播者", "Untapped voice"),
    ("engaged", "忠实互动者", "Engaged fan"),
    ("quiet", "普通客户", "Quiet"),
])

CLIENT_KINDS = _table([
    ("individual", "个人客户", "Individual"),
    ("enterprise", "企业客户", "Enterprise"),
])

INDUSTRIES = _table([
    ("pr", "公关公司", "PR agency"),
    ("fashion", "服装品牌", "Fashion brand"),
    ("hospitality", "酒店餐饮", "Hotel & restaurant"),
    ("creative", "文化创意", "Creative"),
    ("other", "其他", "Other"),
])

SOURCES = _table([
    ("social", "社交媒体", "Social media"),
    ("referral", "朋友推荐", "Referral"),
    ("expo", "婚博会/展会", "Expo"),
    ("walk_in", "到店", "Walk-in"),
    ("website", "网站", "Website"),
    ("returning", "老客户", "Returning"),
    ("other", "其他", "Other"),
])

NEEDS_INDIVIDUAL = _table([
    ("wedding_portrait", "婚纱照", "Wedding portraits"),
    ("wedding_day", "婚礼跟拍", "Wedding day"),
    ("maternity", "孕妇照", "Maternity"),
    ("newborn", "新生儿/满月/百天", "Newborn"),
    ("children", "儿童/周岁", "Children"),
    ("family", "全家福", "Family"),
    ("portrait", "个人写真", "Personal portrait"),
    ("couple", "情侣/纪念日", "Couple / anniversary"),
    ("travel", "旅拍", "Travel"),
    ("graduation", "毕业照", "Graduation"),
    ("id_photo", "证件照", "ID photos"),
])

NEEDS_ENTERPRISE = _table([
    ("product", "产品拍摄", "Product"),
    ("event", "活动/年会", "Event"),
    ("brand_video", "品牌视频", "Brand video"),
    ("headshot", "形象照", "Corporate headshots"),
    ("fashion_show", "秀场", "Fashion show"),
])

NEEDS = MappingProxyType({**NEEDS_INDIVIDUAL, **NEEDS_ENTERPRISE})

STYLES = _table([
    ("classical", "古典", "Classical"),
    ("outdoor", "户外", "Outdoor"),
    ("minimal", "简约", "Minimal"),
    ("film", "胶片", "Film"),
    ("travel", "旅拍", "Travel"),
])

EVENT_KINDS = _table([
    ("inquiry", "咨询", "Inquiry"),
    ("call", "电话", "Call"),
    ("wechat", "微信", "WeChat"),
    ("visit", "到店", "Visit"),
    ("email", "邮件", "Email"),
    ("consultation", "面谈", "Consultation"),
    ("booking", "预约", "Booking"),
    ("shoot", "拍摄", "Shoot"),
    ("delivery", "交付", "Delivery"),
    ("feedback", "反馈", "Feedback"),
    ("complaint", "投诉", "Complaint"),
    ("referral", "推荐", "Referral"),
    ("campaign", "营销触达", "Campaign message"),
    ("campaign_reply", "营销回复", "Campaign reply"),
    ("note", "备注", "Note"),
    ("stage_change", "阶段变更", "Stage change"),
    ("order", "订单", "Order"),
])

# What the studio does alone is not client activity (domain.md §2).
STUDIO_ONLY_KINDS = frozenset({"campaign", "note", "stage_change"})
ACTIVITY_KINDS = frozenset(EVENT_KINDS) - STUDIO_ONLY_KINDS
# Touches the client starts: the word-of-mouth frequency axis counts these and orders.
CLIENT_INITIATED_KINDS = frozenset({
    "inquiry", "call", "wechat", "visit", "email", "consultation", "booking",
    "feedback", "complaint", "referral", "campaign_reply",
})
# Kinds staff log by hand; stage changes and orders come from their own actions.
LOGGABLE_KINDS = tuple(k for k in EVENT_KINDS if k not in ("stage_change", "order"))

ORDER_STATUSES = _table([
    ("quoted", "报价", "Quoted"),
    ("booked", "已预约", "Booked"),
    ("shot", "已拍摄", "Shot"),
    ("delivered", "已交付", "Delivered"),
    ("cancelled", "已取消", "Cancelled"),
])

LOST_REASONS = _table([
    ("service", "服务质量", "Service quality"),
    ("price", "价格", "Price"),
    ("competitor", "竞争对手", "Competitor"),
    ("needs_changed", "需求变化", "Needs changed"),
    ("moved", "搬离", "Moved away"),
    ("other", "其他", "Other"),
])

RELATIONS = _table([
    ("spouse", "配偶", "Spouse"),
    ("child", "子女", "Child"),
    ("parent", "父母", "Parent"),
    ("other", "其他", "Other"),
])

CONSENT_CHANNELS = _table([
    ("in_person", "当面", "In person"),
    ("phone", "电话", "Phone"),
    ("wechat", "微信", "WeChat"),
    ("form", "表单", "Form"),
    ("email", "邮件", "Email"),
])


def label(table, key, lang="zh") -> str:
    """The reader's name for an id; the id itself when it is unknown."""
    entry = table.get(key)
    return entry[lang if lang in ("zh", "en") else "zh"] if entry else (key or "")


def tier_label(tier: int, lang="zh") -> str:
    return (TIERS_EN if lang == "en" else TIERS)[tier]


def lookup(table, text: str):
    """The id for an id or a Chinese or English name (case-insensitive), else None."""
    if text is None:
        return None
    wanted = text.strip().casefold()
    for key, names in table.items():
        if wanted in (key.casefold(), names["zh"].casefold(), names["en"].casefold()):
            return key
    return None
