"""A demo studio: five years of a lifestyle photography studio's clients, family
members, orders, timelines, tags and follow-up tasks, generated from a seed.

Only facts are written; the derived columns (stage, tier, spend, ...) keep their
defaults until services.recompute derives them. `derive_demo` does, as the studio's
monthly recomputes would have over the past year, so that the year's stage moves
are on record (the dashboard's stage flow and win-backs). The same seed and `as_of`
give the same rows, byte for byte: every choice comes from one `random.Random(seed)`
and every date from `as_of`, never from the clock.

Rows go in with raw `executemany` in one transaction, a few thousand clients
at a time; the filled tables' secondary indexes are dropped for the load and
rebuilt from sorted keys before the commit (the schema ends as it began). About
half a minute for 100,000 clients (half a million orders, 800,000 events) on a
two-core machine: a third making rows in Python, the rest SQLite's inserts,
index builds and commit.
"""

import json
import math
import random
from bisect import bisect
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import accumulate, count

from lifecrm_gui.domain.vocab import ACTIVITY_KINDS, EVENT_KINDS, NEEDS, STYLES
from lifecrm_gui.search_keys import (COMPOUND_SURNAMES, SEPARATOR, SURNAME_READINGS, readings, search_text,
                                     sort_key)

BATCH_CLIENTS = 5000
HISTORY_DAYS = 5 * 365
BOOKING_HORIZON_DAYS = 56  # booked shoots reach at most this far past as_of
MAX_REFERRALS = 12  # per referrer
VIP_SPEND = 2_000_000  # fen: 20,000 CNY
CACHE_CAP_KIB = 1_000_000  # the page cache while generating, at most about 1 GB
HISTORY_MONTHS = 12  # month-ends replayed by derive_demo


@dataclass
class DemoSummary:
    clients: int = 0
    family_members: int = 0
    orders: int = 0
    events: int = 0
    tags: int = 0  # tag names
    client_tags: int = 0  # tags put on clients
    tasks: int = 0


# --------------------------------------------------------------------------- vocabulary

# Surnames with their share of the population in per mille (approximate census
# figures), then rarer ones whose surname reading differs from the everyday one
# (单 shan, 曾 zeng, 解 xie, 区 ou, 仇 qiu, 朴 piao, ...) and compound surnames.
SURNAMES = (
    ("王", 71), ("李", 70), ("张", 67), ("刘", 54), ("陈", 46), ("杨", 32), ("黄", 25), ("赵", 23),
    ("吴", 21), ("周", 19), ("徐", 15), ("孙", 15), ("马", 13), ("朱", 13), ("胡", 12), ("郭", 11),
    ("何", 11), ("林", 11), ("高", 10), ("罗", 10), ("郑", 9), ("梁", 8), ("谢", 8), ("宋", 7),
    ("唐", 7), ("许", 7), ("韩", 6), ("冯", 6), ("邓", 6), ("曹", 6), ("彭", 5.5), ("曾", 5.4),
    ("肖", 5.3), ("田", 5.2), ("董", 5.1), ("袁", 5), ("潘", 4.9), ("于", 4.8), ("蒋", 4.8),
    ("蔡", 4.7), ("余", 4.6), ("杜", 4.5), ("叶", 4.4), ("程", 4.3), ("苏", 4.2), ("魏", 4.1),
    ("吕", 4), ("丁", 3.9), ("任", 3.8), ("沈", 3.7), ("姚", 3.6), ("卢", 3.5), ("姜", 3.4),
    ("崔", 3.3), ("钟", 3.2), ("谭", 3.1), ("陆", 3), ("汪", 2.9), ("范", 2.8), ("金", 2.7),
    ("石", 2.6), ("廖", 2.5), ("贾", 2.4), ("夏", 2.3), ("韦", 2.2), ("付", 2.2), ("方", 2.1),
    ("白", 2), ("邹", 2), ("孟", 1.9), ("熊", 1.9), ("秦", 1.8), ("邱", 1.8), ("江", 1.7),
    ("尹", 1.7), ("薛", 1.6), ("闫", 1.6), ("段", 1.5), ("雷", 1.5), ("侯", 1.4), ("龙", 1.4),
    ("史", 1.3), ("陶", 1.3), ("黎", 1.2), ("贺", 1.2), ("顾", 1.2), ("毛", 1.1), ("郝", 1.1),
    ("龚", 1.1), ("邵", 1), ("万", 1), ("钱", 1), ("覃", 0.9), ("武", 0.9), ("戴", 0.9),
    ("孔", 0.8), ("汤", 0.8), ("庞", 0.8), ("樊", 0.7), ("兰", 0.7), ("殷", 0.7), ("施", 0.7),
    ("翟", 0.5), ("宁", 0.5), ("纪", 0.5), ("华", 0.5), ("柏", 0.3), ("卜", 0.3), ("查", 0.3),
    ("缪", 0.3), ("乐", 0.3), ("单", 0.4), ("解", 0.3), ("区", 0.2), ("仇", 0.2), ("朴", 0.3),
    ("盖", 0.2), ("芮", 0.1),
    # Compound surnames, a little more often than in life so that a demo shows them.
    ("欧阳", 2), ("司马", 0.4), ("上官", 0.4), ("诸葛", 0.3), ("东方", 0.3), ("皇甫", 0.2), ("令狐", 0.1),
    ("尉迟", 0.1),
)
GIVEN_FEMALE = ("婷丽娜静敏燕芳雪慧玲晶洁琳颖欣怡佳悦晨涵梓萱诗雨思梦可妍琪璐瑶菲倩蕾薇"
                "月君霞岚雯露丹楠蓉娟茜馨钰彤艺嘉心安语一子紫若依晓小美秀红春玉萍凤桂兰英")
GIVEN_MALE = "伟强磊军洋勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林博文轩睿泽昊然晨阳峰建志国海东成亮翔"
GIVEN_CHILD_GIRL = "梓涵欣怡诺悦可馨依安然语桐一汐若沐星禾乐嘉芊朵甜琪萌瑶"
GIVEN_CHILD_BOY = "子轩浩宇一诺沐辰睿泽宸安然知予星禾言乐嘉佑铭皓煜航"
NICKNAMES = ("豆豆", "糖糖", "乐乐", "果果", "小宝", "朵朵", "团团", "圆圆", "米粒", "多多", "可可", "球球",
             "壮壮", "妞妞", "甜甜", "小满")

AGES = {"wedding": (23, 34), "parent": (25, 37), "family": (30, 45), "single": (18, 45), "browser": (20, 45)}
# Mobile prefixes every number under which is a valid mainland mobile number.
MOBILE_PREFIXES = (130, 131, 132, 133, 135, 136, 137, 138, 139, 150, 151, 152, 153, 155, 156, 157, 158, 159, 166,
                   173, 175, 176, 177, 178, 180, 181, 182, 183, 185, 186, 187, 188, 189, 191, 198, 199)
MAIL_DOMAINS = ("163.com", "126.com", "gmail.com", "sina.com", "foxmail.com", "outlook.com", "hotmail.com")

CITIES = (  # (city, share, districts, roads)
    ("杭州市", 62, ("西湖区", "上城区", "拱墅区", "滨江区", "余杭区", "萧山区", "临平区"),
     ("文三路", "莫干山路", "庆春路", "江南大道", "文一西路", "延安路", "钱江路", "古墩路", "学院路")),
    ("上海市", 12, ("徐汇区", "静安区", "浦东新区", "长宁区", "闵行区"),
     ("漕溪北路", "南京西路", "世纪大道", "天山路", "虹梅路")),
    ("宁波市", 8, ("海曙区", "鄞州区", "江北区"), ("中山东路", "天童南路", "人民路")),
    ("苏州市", 7, ("姑苏区", "工业园区", "吴中区"), ("干将路", "星湖街", "东环路")),
    ("绍兴市", 6, ("越城区", "柯桥区"), ("解放北路", "笛扬路")),
    ("北京市", 5, ("朝阳区", "海淀区", "东城区"), ("建国路", "中关村大街", "东直门内大街")),
)

# Needs categories: packages (name, low, high price in CNY).
PACKAGES = {
    "wedding_portrait": (("基础套系", 5000, 8000), ("韩式经典套系", 8000, 15000), ("法式轻奢套系", 12000, 22000),
                         ("全球旅拍高定", 20000, 30000)),
    "wedding_day": (("单机位跟拍", 3000, 6000), ("双机位跟拍", 6000, 10000), ("跟拍+摄像全天", 10000, 15000)),
    "maternity": (("孕期写真基础", 1500, 2500), ("孕期纪念套系", 2500, 4000), ("孕妇照+家庭", 3500, 5000)),
    "newborn": (("满月照", 1000, 2000), ("百天照", 1200, 2500), ("新生儿上门拍摄", 2000, 4000)),
    "children": (("周岁照", 1200, 3000), ("儿童生日写真", 800, 2000), ("儿童户外写真", 1000, 2500)),
    "family": (("全家福基础", 1000, 2000), ("三代同堂全家福", 2000, 4000), ("家庭户外纪实", 2500, 5000)),
    "portrait": (("个人写真·简约", 500, 1200), ("个人写真·古风", 1000, 2500), ("胶片写真", 1500, 3000)),
    "couple": (("情侣写真", 1000, 2000), ("周年纪念照", 1500, 3000), ("求婚跟拍", 2000, 4000)),
    "travel": (("三亚旅拍", 5000, 10000), ("大理旅拍", 6000, 12000), ("海外旅拍", 12000, 20000)),
    "graduation": (("毕业照个人", 200, 500), ("毕业照闺蜜套餐", 400, 800), ("毕业照班级", 600, 1000)),
    "id_photo": (("证件照", 50, 100), ("精修证件照", 100, 200), ("职业形象照", 150, 200)),
    "product": (("电商白底图", 3000, 8000), ("产品场景图", 6000, 20000), ("产品全案", 15000, 30000)),
    "event": (("活动跟拍半天", 5000, 10000), ("年会全天跟拍", 10000, 25000), ("年会拍摄+快剪", 20000, 40000)),
    "brand_video": (("品牌短片", 20000, 50000), ("品牌宣传片", 50000, 100000), ("品牌TVC", 80000, 150000)),
    "headshot": (("团队形象照（10人）", 2000, 5000), ("高管形象照", 3000, 8000), ("全员形象照", 8000, 15000)),
    "fashion_show": (("秀场拍摄", 30000, 60000), ("秀场拍摄+后台纪实", 50000, 120000), ("发布会全案", 100000, 200000)),
}
PACKAGE_BY_NAME = {(category, p[0]): p for category, packages in PACKAGES.items() for p in packages}
LEAD_DAYS = {  # how long before the shoot an order is placed
    "wedding_portrait": (20, 120), "wedding_day": (30, 200), "maternity": (5, 30), "newborn": (3, 20),
    "children": (3, 20), "family": (5, 30), "portrait": (2, 20), "couple": (3, 25), "travel": (20, 90),
    "graduation": (3, 30), "id_photo": (0, 0), "product": (3, 20), "event": (10, 45), "brand_video": (14, 60),
    "headshot": (3, 20), "fashion_show": (30, 90),
}
DELIVERY_DAYS = {  # shoot to delivery
    "wedding_portrait": (25, 60), "wedding_day": (14, 45), "id_photo": (0, 1), "product": (5, 15),
    "event": (2, 10), "brand_video": (20, 45), "headshot": (3, 10), "fashion_show": (3, 14),
}
DEFAULT_DELIVERY = (10, 30)
DELIVERABLES = {"brand_video": "视频成片", "id_photo": "电子版照片", "graduation": "电子版照片",
                "headshot": "精修形象照",
                "product": "产品精修图", "event": "活动照片", "fashion_show": "秀场照片"}
NEEDS_ORDER = {key: n for n, key in enumerate(NEEDS)}
NEED_ZH = {key: names["zh"] for key, names in NEEDS.items()}

INDUSTRIES = (("fashion", 30), ("pr", 20), ("hospitality", 25), ("creative", 15), ("other", 10))
INDUSTRY_NEEDS = {
    "fashion": (("product", 40), ("fashion_show", 15), ("brand_video", 15), ("headshot", 10), ("event", 20)),
    "pr": (("event", 55), ("brand_video", 20), ("headshot", 25)),
    "hospitality": (("product", 35), ("event", 35), ("brand_video", 15), ("headshot", 15)),
    "creative": (("brand_video", 35), ("product", 35), ("event", 30)),
    "other": (("headshot", 40), ("event", 40), ("product", 20)),
}
BRANDS = (("云帆", "yunfan"), ("星河", "xinghe"), ("悦榕", "yuerong"), ("青禾", "qinghe"), ("拾光", "shiguang"),
          ("木棉", "mumian"), ("南山", "nanshan"), ("西子", "xizi"), ("知味", "zhiwei"), ("初见", "chujian"),
          ("锦绣", "jinxiu"), ("素言", "suyan"), ("半山", "banshan"), ("一念", "yinian"), ("蓝鲸", "lanjing"),
          ("繁星", "fanxing"), ("山野", "shanye"), ("白鹭", "bailu"), ("朝夕", "zhaoxi"), ("远洋", "yuanyang"))
INDUSTRY_SUFFIXES = {
    "fashion": ("服饰", "时装有限公司", "女装", "设计师品牌"), "pr": ("公关", "传播", "品牌咨询有限公司"),
    "hospitality": ("酒店", "餐饮管理有限公司", "民宿", "咖啡"), "creative": ("文化创意", "设计工作室", "文化传媒"),
    "other": ("科技有限公司", "教育", "医疗美容", "地产"),
}
ENTERPRISE_TITLES = ("总", "经理", "女士")
ENTERPRISE_TITLES_MALE = ("总", "经理", "先生")

SOURCES = (("social", 32), ("referral", 20), ("expo", 12), ("walk_in", 10), ("website", 10), ("returning", 10),
           ("other", 6))
SOURCES_WEDDING = (("social", 30), ("referral", 18), ("expo", 30), ("walk_in", 7), ("website", 10),
                   ("other", 5))
SOCIAL_DETAILS = ("小红书", "抖音", "微信公众号", "大众点评", "微博", "视频号")
OTHER_DETAILS = ("老同事介绍", "商场活动", "合作婚庆公司", "同城活动")
SEASONS = ("冬季", "冬季", "春季", "春季", "春季", "夏季", "夏季", "夏季", "秋季", "秋季", "秋季", "冬季")
CONSENT_BY_SOURCE = {
    "social": ("wechat",), "referral": ("wechat", "phone"), "expo": ("form", "in_person"),
    "walk_in": ("in_person",), "website": ("form", "email"), "returning": ("wechat", "phone", "in_person"),
    "other": ("in_person", "wechat"),
}

STYLES_BY_NEED = {
    "wedding_portrait": ("classical", "outdoor", "travel", "minimal"), "maternity": ("minimal", "outdoor"),
    "newborn": ("minimal",), "children": ("outdoor", "minimal"), "family": ("outdoor", "minimal", "classical"),
    "portrait": ("film", "classical", "minimal"), "couple": ("film", "outdoor"), "travel": ("travel", "outdoor"),
}
STYLE_IDS = tuple(STYLES)

CLIENT_NOTES = ("喜欢自然光，不要太浓的妆", "宝宝怕生，需要预留时间熟悉环境", "对价格比较敏感，关注套餐优惠",
                "只能周末拍摄", "先生不太爱拍照，需要多引导", "希望底片全送", "皮肤易过敏，化妆品需提前确认",
                "喜欢胶片色调", "希望女摄影师拍摄", "家里有老人同行，注意节奏", "对修图要求高", "有一只金毛想一起拍")
# Bought when choosing the photos (选片加选), as orders of their own.
ADDONS = (("加选精修10张", 300, 1000), ("加购相册", 800, 3000), ("放大装裱", 300, 1500), ("加选全部底片", 1000, 3000))
ADDON_RATE = {"wedding_portrait": 0.75, "wedding_day": 0.4, "maternity": 0.55, "newborn": 0.55, "children": 0.55,
              "family": 0.55, "portrait": 0.5, "couple": 0.5, "travel": 0.6}
ORDER_NOTES = ("含化妆造型", "加购相册一本", "需上门拍摄", "双机位", "赠送水晶相框", "老客户95折", "底片全送",
               "加急交付", "含两套服装", "外景+内景")
LOST_NOTES = {
    "service": ("上次修图不满意，投诉后仍不认可", "交付延期两次，客户表示不再合作"),
    "price": ("觉得我们报价偏高", "去了团购价更低的店"),
    "competitor": ("朋友推荐了另一家工作室", "被附近新开的影楼拉走"),
    "needs_changed": ("孩子大了不想再拍", "最近没有拍摄计划"),
    "moved": ("全家搬去外地工作", "已回老家定居"),
    "other": ("联系不上", "客户要求不再联系"),
}
LOST_WEIGHTS = (("service", 15), ("price", 30), ("competitor", 20), ("needs_changed", 20), ("moved", 10),
                ("other", 5))

STAFF_FRONT = ("小林", "小周", "Amy陈", "小唐")
STAFF_PHOTO = ("老王", "阿杰", "Momo", "大鹏", "小雅")

TAGS = ("VIP", "老客户", "宝妈", "网红", "企业客户", "摄影爱好者", "婚博会", "年度合约")

FEEDBACK_TEXTS = {
    5: ("非常满意，已经发朋友圈了", "照片超出预期，下次还来", "摄影师很有耐心，宝宝全程很开心"),
    4: ("整体满意，修图稍慢", "满意，希望服装选择再多一些", "效果不错，相册质感好"),
    3: ("一般，部分照片表情僵硬", "还行，等待时间有点长"),
    2: ("不太满意，妆容不自然", "修图过度，和本人不像"),
    1: ("很不满意，要求重拍", "拍摄当天迟到一小时，体验很差"),
}
COMPLAINTS = (("投诉：交付延期", "加急精修并赠送相框"), ("投诉：修图过度", "安排资深修图师重修"),
              ("投诉：拍摄当天等待过久", "赠送一次证件照"), ("投诉：相册印刷有色差", "免费重印相册"),
              ("投诉：摄影师态度", "店长致电道歉并赠送一次补拍"))
TOUCHES = (("call", "电话回访"), ("call", "来电询问样片进度"), ("call", "电话确认拍摄时间"),
           ("wechat", "微信沟通服装和造型"), ("wechat", "微信发送样片"), ("wechat", "微信咨询加洗照片"),
           ("wechat", "微信咨询新的拍摄套餐"), ("visit", "到店选片"), ("visit", "到店看样片"),
           ("email", "邮件索取电子发票"))
STUDIO_NOTES = ("下次可推荐全家福", "客户提到明年可能要二胎", "生日在下个月，记得送祝福", "对上次的化妆师很满意",
                "预算有限，推荐基础套系", "可邀请参加老客户活动")
FOLLOW_UPS = (("call", "电话跟进，客户还在比较"), ("wechat", "微信发送套系报价"), ("wechat", "客户询问档期"),
              ("call", "电话回访，暂无拍摄计划"))
CANCEL_REASONS = ("时间冲突", "预算调整", "家里有事", "宝宝生病", "天气原因改期后取消", "选择了其他工作室")
ENTERPRISE_TOUCHES = (("email", "邮件发送报价单"), ("email", "邮件确认拍摄需求与脚本"), ("call", "电话沟通档期"),
                      ("wechat", "微信群对接拍摄细节"), ("visit", "到店开项目会"))

# Chinese New Year and the Mid-Autumn Festival, for holiday campaigns.
SPRING_FESTIVAL = {2018: (2, 16), 2019: (2, 5), 2020: (1, 25), 2021: (2, 12), 2022: (2, 1), 2023: (1, 22),
                   2024: (2, 10), 2025: (1, 29), 2026: (2, 17), 2027: (2, 6), 2028: (1, 26), 2029: (2, 13),
                   2030: (2, 3), 2031: (1, 23), 2032: (2, 11)}
MID_AUTUMN = {2018: (9, 24), 2019: (9, 13), 2020: (10, 1), 2021: (9, 21), 2022: (9, 10), 2023: (9, 29),
              2024: (9, 17), 2025: (10, 6), 2026: (9, 25), 2027: (9, 15), 2028: (10, 3), 2029: (9, 22),
              2030: (9, 12), 2031: (10, 1), 2032: (9, 19)}

_UUID_AND = ~((0xC000 << 48) | (0xF000 << 64))
_UUID_OR = (0x8000 << 48) | (4 << 76)
UUID_CHUNK = 4096
_ACTIVITY = {kind: int(kind in ACTIVITY_KINDS) for kind in EVENT_KINDS}

_CLIENT_COLUMNS = (
    "id", "uuid", "name", "kind", "industry", "contact_person", "salutation", "gender", "phone", "phone_alt",
    "wechat", "email", "address", "birthday", "birthday_lunar", "wedding_date", "styles", "needs", "notes",
    "source", "source_detail", "referred_by_id", "first_seen_on", "followers", "engagement",
    "influence_relevant", "reputation_rank", "annual_contract", "consent", "consent_on", "consent_channel",
    "lost_on", "lost_reason", "lost_note", "created_at", "updated_at")
_INSERTS = {  # parents before children, so every foreign key holds row by row
    "client": f"INSERT INTO client ({', '.join(_CLIENT_COLUMNS)}) VALUES ({', '.join('?' * len(_CLIENT_COLUMNS))})",
    "client_search": "INSERT INTO client_search (client_id, text, sort_key) VALUES (?, ?, ?)",
    "family_member": "INSERT INTO family_member (id, uuid, client_id, relation, name, birthday, birthday_lunar, "
                     "gender, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "orders": "INSERT INTO orders (id, uuid, client_id, ordered_on, category, package, amount, paid, status, "
              "shoot_on, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "event": "INSERT INTO event (id, uuid, client_id, occurred_at, kind, text, staff, satisfaction, is_activity, "
             "order_id, data, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "client_tag": "INSERT INTO client_tag (client_id, tag_id) VALUES (?, ?)",
    "task": "INSERT INTO task (id, uuid, client_id, due_on, title, note, staff, done_at, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
}
FILLED_TABLES = tuple(_INSERTS)


def _picker(pairs):
    """A weighted choice over (item, weight) pairs, driven by rng.random."""
    items = [item for item, _ in pairs]
    cumulative = list(accumulate(weight for _, weight in pairs))
    total, last = cumulative[-1], len(items) - 1

    def pick(rand):
        return items[bisect(cumulative, rand() * total, 0, last)]
    return pick


def _surname_of(name: str) -> str:
    return name[:2] if len(name) > 2 and name[:2] in COMPOUND_SURNAMES else name[0]


def _yuan(amount_fen: int) -> str:
    return f"¥{amount_fen // 100:,}"


def demo_uuid(bits: int) -> str:
    """str(uuid.UUID(int=bits, version=4)), without making the object."""
    h = ((bits & _UUID_AND) | _UUID_OR).to_bytes(16, "big").hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def _uuid_stream(rng: random.Random):
    """demo_uuid(rng.getrandbits(128)), over and over, drawn a chunk at a time."""
    bits = rng.getrandbits
    while True:
        chunk = []
        append = chunk.append
        for _ in range(UUID_CHUNK):
            h = ((bits(128) & _UUID_AND) | _UUID_OR).to_bytes(16, "big").hex()
            append(f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}")
        yield from chunk


# --------------------------------------------------------------------------- the generator

class _Studio:
    """Makes the rows, client by client, oldest first."""

    def __init__(self, rng: random.Random, as_of: date, tag_ids: dict[str, int], new_tags: int):
        self.rng = rng
        self.r = rng.random
        self.as_of = as_of.toordinal()
        self.start = self.as_of - HISTORY_DAYS
        low, high = self.as_of - 100 * 366, self.as_of + 10 * 366
        day = date.fromordinal(low)
        self.day = {}
        for ordinal in range(low, high):
            self.day[ordinal] = day.isoformat()
            day += timedelta(days=1)
        # Business hours, minute by minute, with a second that looks typed rather than rounded.
        self.times = [f" {h:02d}:{m:02d}:{(h * 7 + m * 13) % 60:02d}" for h in range(9, 21) for m in range(60)]
        self.next_uuid = _uuid_stream(rng).__next__
        self.ids = {table: count(1).__next__ for table in ("family_member", "orders", "event", "task")}
        self.next_event_id, self.next_order_id = self.ids["event"], self.ids["orders"]
        self.tag_ids = tag_ids
        self.summary = DemoSummary(tags=new_tags)
        self.phones, self.wechats, self.emails = set(), set(), set()
        self.name_cache: dict[tuple[str, str | None], tuple[str, str]] = {}
        # For referrals: each buyer's first order, and the last day they were still around.
        self.first_order: dict[int, int] = {}
        self.until: dict[int, int] = {}
        self.buyers: list[int] = []
        self.referrers: list[int] = []
        self.referred: dict[int, int] = {}
        self.surname = _picker(SURNAMES)
        self.city = _picker([(c, c[1]) for c in CITIES])
        self.source = _picker(SOURCES)
        self.source_wedding = _picker(SOURCES_WEDDING)
        self.industry = _picker(INDUSTRIES)
        self.industry_need = {k: _picker(v) for k, v in INDUSTRY_NEEDS.items()}
        self.lost_reason = _picker(LOST_WEIGHTS)
        self.satisfaction = _picker(((5, 50), (4, 32), (3, 12), (2, 4), (1, 2)))
        self.single_need = _picker((("portrait", 34), ("graduation", 14), ("id_photo", 16), ("couple", 14),
                                    ("travel", 10), ("family", 12)))
        self.browse_need = _picker((("wedding_portrait", 30), ("maternity", 10), ("newborn", 10),
                                    ("children", 12), ("family", 10), ("portrait", 14), ("couple", 6),
                                    ("travel", 4), ("graduation", 4)))
        self.archetype = _picker((("browser", 12), ("wedding", 30), ("parent", 22), ("family", 13),
                                  ("single", 23)))
        self.holidays = self._holidays()
        self.new_batch()

    def new_batch(self) -> None:
        self.rows = {table: [] for table in FILLED_TABLES}
        self.events = self.rows["event"]
        self.orders = self.rows["orders"]

    def take_batch(self) -> list[tuple[str, list]]:
        rows, s = self.rows, self.summary
        s.clients += len(rows["client"])
        s.family_members += len(rows["family_member"])
        s.orders += len(rows["orders"])
        s.events += len(rows["event"])
        s.client_tags += len(rows["client_tag"])
        s.tasks += len(rows["task"])
        self.new_batch()
        return [(_INSERTS[table], rows[table]) for table in FILLED_TABLES if rows[table]]

    # -- small helpers

    def randint(self, low: int, high: int) -> int:
        return low + int(self.r() * (high - low + 1))

    def choice(self, seq):
        return seq[int(self.r() * len(seq))]

    def at(self, ordinal: int) -> str:
        return self.day[ordinal] + self.times[int(self.r() * 720)]

    def _holidays(self) -> list[tuple[int, str]]:
        out = []
        for year in range(date.fromordinal(self.start).year, date.fromordinal(self.as_of).year + 1):
            month, day = SPRING_FESTIVAL.get(year, (2, 1))
            out.append((date(year, month, day).toordinal() - 3, "春节祝福 + 新春全家福档期开放"))
            out.append((date(year, 5, 1).toordinal() + 8, "母亲节亲子写真活动"))
            month, day = MID_AUTUMN.get(year, (9, 20))
            out.append((date(year, month, day).toordinal() - 5, "中秋祝福 + 团圆全家福优惠"))
            out.append((date(year, 11, 1).toordinal(), "双十一套餐预售"))
            out.append((date(year, 12, 20).toordinal(), "圣诞 · 年终老客户回馈"))
        return [(o, text) for o, text in out if self.start <= o <= self.as_of]

    # -- people

    def person_name(self, female: bool, surname: str | None = None, child: bool = False) -> str:
        r = self.r
        surname = surname or self.surname(r)
        pool = (GIVEN_CHILD_GIRL if female else GIVEN_CHILD_BOY) if child else (GIVEN_FEMALE if female else GIVEN_MALE)
        size = len(pool)
        if r() < 0.72:
            return surname + pool[int(r() * size)] + pool[int(r() * size)]
        return surname + pool[int(r() * size)]

    def phone(self) -> str:
        while True:
            number = f"+86{self.choice(MOBILE_PREFIXES)}{int(self.r() * 100_000_000):08d}"
            if number not in self.phones:
                self.phones.add(number)
                return number

    @staticmethod
    def romanise(name: str) -> tuple[str, str]:
        """(surname, given name) in pinyin, for WeChat ids and email addresses."""
        surname = _surname_of(name)
        sur = SURNAME_READINGS.get(surname) or readings(surname)[0]
        return sur.replace(" ", ""), "".join(readings(c)[0] for c in name[len(surname):])

    def wechat(self, name: str, born: int | None) -> str:
        r = self.r
        roll = r()
        if roll < 0.3:
            value = f"wxid_{self.rng.getrandbits(56):014x}"
        else:
            sur, given = self.romanise(name)
            if roll < 0.6 and born is not None:
                value = f"{sur}{given}{date.fromordinal(born).year}"
            elif roll < 0.8:
                value = f"{given}_{sur}{self.randint(1, 999)}"
            else:
                value = f"{given}{sur[0]}{self.choice(('520', '1314', '666', '888', '07', '99'))}"
        value = value[:20]
        while len(value) < 6 or value in self.wechats:
            if len(value) < 20:
                value += str(self.randint(0, 9))
            else:
                value = value[:14] + str(self.randint(100000, 999999))
        self.wechats.add(value)
        return value

    def email(self, name: str, domain: str | None = None) -> str:
        if domain is None and self.r() < 0.45:
            value = f"{self.randint(10000, 3999999999)}@qq.com"
        else:
            sur, given = self.romanise(name)
            domain = domain or self.choice(MAIL_DOMAINS)
            value = f"{given}.{sur}@{domain}" if self.r() < 0.5 else f"{sur}{given}{self.randint(1, 99)}@{domain}"
        while value in self.emails:
            local, _, rest = value.partition("@")
            value = f"{local}{self.randint(0, 9)}@{rest}"
        self.emails.add(value)
        return value

    def address(self) -> str:
        city, _, districts, roads = self.city(self.r)
        return (f"{city}{self.choice(districts)}{self.choice(roads)}{self.randint(1, 999)}号"
                f"{self.randint(1, 30)}幢{self.randint(1, 32)}0{self.randint(1, 4)}室")

    @staticmethod
    def lunar_day(ordinal: int) -> int:
        """A date whose day also reads as a lunar day (1-29)."""
        day = date.fromordinal(ordinal).day
        return ordinal - (day - 29) if day > 29 else ordinal

    def family(self, cid: int, relation: str, name: str, birthday: int | None, gender: str | None,
               note: str = "", lunar: int = 0) -> None:
        self.rows["family_member"].append((
            self.ids["family_member"](), self.next_uuid(), cid, relation, name,
            self.day[birthday] if birthday is not None else None, lunar, gender, note))

    # -- one client

    def client(self, cid: int, first_seen: int) -> None:
        r = self.r
        if r() < 0.03:
            self.enterprise(cid, first_seen)
            return
        kind = self.archetype(r)
        female = r() < (0.85 if kind in ("wedding", "parent", "family") else 0.62)
        name = self.person_name(female)
        surname = _surname_of(name)
        age_low, age_high = AGES[kind]
        born = first_seen - self.randint(age_low * 365, age_high * 365 + 364)
        known_birthday = r() < 0.75
        lunar = int(known_birthday and r() < (0.12 if born < self.as_of - 45 * 365 else 0.03))
        if lunar:
            born = self.lunar_day(born)
        jobs, wedding, spouse, children = self.script(kind, first_seen)

        source = (self.source_wedding if kind == "wedding" else self.source)(r)
        referred_by = self.pick_referrer(first_seen) if source == "referral" else None
        if source == "referral" and referred_by is None:
            source = "social"
        detail = self.source_detail(source, first_seen, "婚博会" if kind == "wedding" else "亲子展")
        consent = r() < 0.7

        event_start, order_start = len(self.events), len(self.orders)
        lost, last_activity, until = None, None, self.as_of
        if kind == "browser":
            needs = [self.browse_need(r)]
            if r() > 0.14:  # some are only a name and a phone from a list
                last_activity = self.browsing(cid, first_seen, needs[0], source, consent)
                lost = self.lost_prospect(last_activity)
        else:
            needs = [j[0] for j in jobs]
            last_activity, lost, until = self.history(cid, first_seen, jobs, source, consent)
            if len(self.orders) == order_start and jobs and r() > 0.1:  # asked about a shoot not due yet
                last_activity = self.browsing(cid, first_seen, jobs[0][0], source, consent)
        orders = self.orders[order_start:]
        updated = max((e[3] for e in self.events[event_start:]), default=None)
        live = self.note_buyer(cid, orders, until)

        spouse_name = None
        if spouse:
            spouse_name = self.person_name(not female)
            self.family(cid, "spouse", spouse_name, born + self.randint(-4 * 365, 3 * 365) if r() < 0.7 else None,
                        "male" if female else "female")
        child_surname = _surname_of(spouse_name) if spouse_name and female else surname
        for birth, girl in children:
            if birth <= self.as_of:
                note = f"小名：{self.choice(NICKNAMES)}" if r() < 0.4 else ""
                self.family(cid, "child", self.person_name(girl, child_surname, child=True), birth,
                            "female" if girl else "male", note)
        if r() < (0.35 if kind == "family" else 0.06):
            mother = r() < 0.6
            self.family(cid, "parent", self.person_name(mother, None if mother else surname),
                        self.lunar_day(born - self.randint(24 * 365, 32 * 365)), "female" if mother else "male",
                        "外婆" if mother else "爷爷", lunar=int(r() < 0.5))

        followers = engagement = relevant = 0
        influencer = r() < 0.006
        if influencer:
            followers = int(math.exp(math.log(50_000) + r() * math.log(60)))  # 50,000 to 3 million
            engagement = int(followers * (0.005 + r() * 0.035))
            relevant = int(r() < 0.8)
        elif r() < 0.3:
            followers = int(math.exp(self.rng.gauss(6.0, 1.3)))
            engagement = int(followers * (0.01 + r() * 0.07))
            relevant = int(r() < 0.1)

        tags = []
        spend = sum(o[7] for o in live)
        if spend >= VIP_SPEND:
            tags.append("VIP")
        if len(live) >= 3:
            tags.append("老客户")
        if female and any(b <= self.as_of for b, _ in children):
            tags.append("宝妈")
        if influencer:
            tags.append("网红")
        if r() < 0.03:
            tags.append("摄影爱好者")
        if source == "expo":
            tags.append("婚博会")

        phone = self.phone()
        created = self.at(first_seen)
        self.add_client(
            cid, tags, lost, name=name, kind="individual", industry=None, contact_person=None,
            salutation=f"{surname}{'女士' if female else '先生'}", gender="female" if female else "male",
            phone=phone, phone_alt=self.phone() if r() < 0.08 else None,
            wechat=self.wechat(name, born) if r() < 0.6 else None,
            email=self.email(name) if r() < 0.22 else None,
            address=self.address() if r() < 0.55 else None,
            birthday=self.day[born] if known_birthday else None, birthday_lunar=lunar,
            wedding_date=self.day[wedding] if wedding is not None and spouse else None,
            styles=self.styles(needs), needs=self.needs_text(needs),
            notes=self.choice(CLIENT_NOTES) if r() < 0.22 else "", source=source, source_detail=detail,
            referred_by_id=referred_by, first_seen_on=self.day[first_seen], followers=followers,
            engagement=engagement, influence_relevant=relevant, reputation_rank=None, annual_contract=0,
            consent=int(consent),
            consent_on=self.day[min(self.as_of, first_seen + (0 if r() < 0.6 else self.randint(1, 60)))]
            if consent else None,
            consent_channel=self.choice(CONSENT_BY_SOURCE[source]) if consent else None,
            created_at=created, updated_at=max(updated, created) if updated else created)
        self.add_tasks(cid, orders, children, last_activity, kind == "browser")
        if referred_by is not None:
            self.referral_event(referred_by, first_seen, name, needs[0] if needs else None)

    def enterprise(self, cid: int, first_seen: int) -> None:
        r = self.r
        industry = self.industry(r)
        brand, slug = self.choice(BRANDS)
        city = self.city(r)[0]
        name = (city[:-1] if r() < 0.5 else "") + brand + self.choice(INDUSTRY_SUFFIXES[industry])
        contact_female = r() < 0.6
        contact = self.person_name(contact_female)
        contract = r() < 0.35
        pick_need = self.industry_need[industry]
        jobs, day = [], first_seen + self.randint(3, 30)
        low, high = (5, 21) if contract else (25, 120)  # e-commerce brands shoot new products every week or two
        while day <= self.as_of + BOOKING_HORIZON_DAYS:
            jobs.append((pick_need(r), day, None))
            day += self.randint(low, high)
        source = self.choice(("referral", "website", "social", "other", "expo"))
        referred_by = self.pick_referrer(first_seen) if source == "referral" else None
        if source == "referral" and referred_by is None:
            source = "website"
        consent = r() < 0.8
        event_start, order_start = len(self.events), len(self.orders)
        last_activity, lost, until = self.history(cid, first_seen, jobs, source, consent, enterprise=True)
        orders = self.orders[order_start:]
        updated = max((e[3] for e in self.events[event_start:]), default=None)
        live = self.note_buyer(cid, orders, until)
        tags = ["企业客户"] + (["年度合约"] if contract else [])
        if sum(o[7] for o in live) >= VIP_SPEND:
            tags.append("VIP")
        if len(live) >= 3:
            tags.append("老客户")
        created = self.at(first_seen)
        titles = ENTERPRISE_TITLES if contact_female else ENTERPRISE_TITLES_MALE
        self.add_client(
            cid, tags, lost, name=name, kind="enterprise", industry=industry, contact_person=contact,
            salutation=_surname_of(contact) + self.choice(titles), gender=None,
            phone=self.phone(), phone_alt=self.phone() if r() < 0.3 else None,
            wechat=self.wechat(contact, None) if r() < 0.7 else None,
            email=self.email(contact, slug + self.choice((".com", ".cn", ".com.cn"))) if r() < 0.8 else None,
            address=self.address() if r() < 0.9 else None, birthday=None, birthday_lunar=0, wedding_date=None,
            styles=self.choice(("minimal", "film,minimal", "outdoor", "")), needs=self.needs_text([j[0] for j in jobs]),
            notes="需开具增值税专用发票" if r() < 0.4 else "", source=source,
            source_detail=self.source_detail(source, first_seen, "品牌展会"),
            referred_by_id=referred_by, first_seen_on=self.day[first_seen],
            followers=int(math.exp(self.rng.gauss(9.0, 1.5))) if r() < 0.6 else 0, engagement=0,
            influence_relevant=int(industry in ("fashion", "pr", "creative") and r() < 0.5),
            reputation_rank=self.choice((1, 2, 2, 3, 3, 3, 3, 4, 4, 5)), annual_contract=int(contract),
            consent=int(consent), consent_on=self.day[first_seen] if consent else None,
            consent_channel=self.choice(("email", "form", "in_person")) if consent else None,
            created_at=created, updated_at=max(updated, created) if updated else created)
        self.add_tasks(cid, orders, (), last_activity, False)
        if referred_by is not None:
            self.referral_event(referred_by, first_seen, name, jobs[0][0] if jobs else None)

    def source_detail(self, source: str, first_seen: int, expo: str) -> str | None:
        if source == "social":
            return self.choice(SOCIAL_DETAILS)
        if source == "expo":
            day = date.fromordinal(first_seen)
            return f"{day.year}{SEASONS[day.month - 1]}{expo}"
        if source == "returning":
            return f"{date.fromordinal(first_seen).year - self.randint(1, 4)}年老客户"
        if source == "other":
            return self.choice(OTHER_DETAILS)
        return {"website": "官网预约表单", "walk_in": "路过门店"}.get(source)

    def note_buyer(self, cid: int, orders: list, until: int) -> list:
        """The client's orders that count; a buyer can be picked as a referrer from now on."""
        self.until[cid] = until
        live = [o for o in orders if o[8] != "cancelled"]
        if live:
            self.first_order[cid] = date.fromisoformat(min(o[3] for o in live)).toordinal()
            self.buyers.append(cid)
        return live

    # -- life scripts: jobs are (category, shoot day, package or None)

    def script(self, kind: str, first_seen: int):
        """The shoots a client's life would call for: (jobs, wedding day, spouse?, children)."""
        r = self.r
        jobs, wedding, spouse, children = [], None, False, []
        if kind == "wedding":
            wedding = first_seen + self.randint(90, 420)
            spouse = True
            jobs.append(("wedding_portrait", max(first_seen + 20, wedding - self.randint(20, 150)), None))
            if r() < 0.55:
                jobs.append(("wedding_day", wedding, None))
            if r() < 0.65:
                children.append((wedding + self.randint(300, 1100), r() < 0.5))
        elif kind == "parent":
            wedding = first_seen - self.randint(365, 8 * 365)
            spouse = True
            if r() < 0.6:  # expecting: first seen during the pregnancy
                children.append((first_seen + self.randint(20, 150), r() < 0.5))
            else:
                children.append((first_seen - self.randint(0, 4 * 365), r() < 0.5))
        elif kind == "family":
            wedding = first_seen - self.randint(3 * 365, 18 * 365)
            spouse = r() < 0.9
            for _ in range(1 + (r() < 0.45) + (r() < 0.1)):
                children.append((first_seen - self.randint(365, 14 * 365), r() < 0.5))
        elif kind == "single":
            spouse = r() < 0.25
            if spouse:
                wedding = first_seen - self.randint(0, 6 * 365)
            need = self.single_need(r)
            jobs.append((need, first_seen + self.randint(1, 30), None))
            day = first_seen
            while True:
                day += self.randint(90, 365)
                if day > self.as_of + BOOKING_HORIZON_DAYS or r() > 0.8:
                    break
                jobs.append((need if r() < 0.4 else self.single_need(r), day, None))
        else:  # browser
            spouse = r() < 0.3
            if spouse:
                wedding = first_seen + self.randint(-5 * 365, 300)
            return jobs, wedding, spouse, children
        if kind in ("wedding", "parent") and children and r() < 0.35:
            children.append((children[0][0] + self.randint(700, 1500), r() < 0.5))
        for birth, _girl in children:
            jobs.extend(self.child_jobs(first_seen, birth))
        if children:
            jobs.extend(self.family_jobs(first_seen, min(b for b, _ in children), 0.8 if kind == "family" else 0.55))
        if spouse and wedding is not None:
            year = max(1, (first_seen - wedding) // 365)
            while wedding + 365 * year <= self.as_of:
                if wedding + 365 * year >= first_seen and r() < 0.12:
                    jobs.append(("couple", wedding + 365 * year + self.randint(-10, 10), "周年纪念照"))
                year += 1
        if r() < 0.08:
            jobs.append(("travel", first_seen + self.randint(60, 4 * 365), None))
        if r() < 0.1:
            jobs.append(("id_photo", first_seen + self.randint(1, 4 * 365), None))
        return jobs, wedding, spouse, children

    def child_jobs(self, first_seen: int, birth: int) -> list:
        r = self.r
        jobs = []
        if r() < 0.5:
            jobs.append(("maternity", birth - self.randint(40, 90), None))
        if r() < 0.65:
            jobs.append(("newborn", birth + self.randint(26, 40), "满月照"))
        if r() < 0.65:
            jobs.append(("newborn", birth + self.randint(95, 110), "百天照"))
        if r() < 0.75:
            jobs.append(("children", birth + self.randint(350, 380), "周岁照"))
        age = 2
        while birth + age * 365 <= self.as_of + BOOKING_HORIZON_DAYS and age <= 12:
            if r() < 0.8:
                jobs.append(("children", birth + age * 365 + self.randint(-20, 20), f"{age}岁生日照"))
            age += 1
        return [j for j in jobs if j[1] > first_seen]

    def family_jobs(self, first_seen: int, first_child: int, rate: float) -> list:
        r = self.r
        jobs = []
        year = date.fromordinal(max(first_seen, first_child)).year
        last = date.fromordinal(self.as_of + BOOKING_HORIZON_DAYS).year
        while year <= last:
            if r() < rate:
                month, day = SPRING_FESTIVAL.get(year, (2, 1)) if r() < 0.6 else (10, 3)
                shoot = date(year, month, day).toordinal() - self.randint(3, 25)
                if shoot > first_seen:
                    jobs.append(("family", shoot, None))
            year += 1
        return jobs

    # -- history: orders and their timeline

    def history(self, cid: int, first_seen: int, jobs: list, source: str, consent: bool, enterprise: bool = False):
        """Orders and events for a client's jobs, up to as_of (and up to the day the
        client drifted away, for some); returns (last activity, lost, until)."""
        r, as_of = self.r, self.as_of
        horizon = as_of + BOOKING_HORIZON_DAYS
        planned = []
        for category, shoot, package in jobs:
            low, high = LEAD_DAYS[category]
            ordered = shoot - self.randint(low, high)
            if ordered <= first_seen:
                ordered = first_seen + self.randint(1, 7)
                shoot = max(shoot, ordered + low)
            if ordered <= as_of and shoot <= horizon:
                planned.append((ordered, shoot, category, package))
        if not planned:
            return None, None, as_of
        planned.sort(key=lambda p: (p[0], p[1]))
        # Some clients drift away: no new orders after a day some time after their first.
        stop = None
        if r() < 0.3:
            stop = planned[0][0] + int(-math.log(1.0 - r()) * 520)
            planned = [p for p in planned if p[0] <= stop] or planned[:1]
        # And some shoots just do not happen (another studio, no time this year).
        planned = planned[:1] + [p for p in planned[1:] if r() < 0.9]

        front = self.choice(STAFF_FRONT)
        first_order, first_need = planned[0][0], NEED_ZH[planned[0][2]]
        walk_in = source == "walk_in"
        self.event(cid, first_seen, "visit" if walk_in else ("email" if enterprise and r() < 0.4 else "inquiry"),
                   f"{'到店' if walk_in else ''}咨询{first_need}", front)
        if r() < 0.35 and first_order - first_seen > 1:
            self.event(cid, self.randint(first_seen + 1, first_order - 1), "consultation",
                       f"面谈：看样片，推荐{first_need}套系", front)
        last_activity = first_seen
        for ordered, shoot, category, package in planned:
            last_activity = max(last_activity, self.order(cid, ordered, shoot, category, package, front))
        # Calls, WeChat messages and visits while the client is around.
        end = min(as_of, last_activity + 90)
        touches = ENTERPRISE_TOUCHES if enterprise else TOUCHES
        for _ in range(int(r() * (2.6 if enterprise else 1.3))):
            day = self.randint(first_seen, end)
            kind, text = self.choice(touches)
            self.event(cid, day, kind, text, front)
            last_activity = max(last_activity, day)
        if r() < 0.08:
            self.event(cid, self.randint(first_seen, as_of), "note", self.choice(STUDIO_NOTES), front)
        # Marked lost some time after the last activity, with a reason.
        lost = None
        if stop is not None and last_activity < as_of - 120 and r() < 0.12:
            reason = self.lost_reason(r)
            lost_on = min(as_of, last_activity + self.randint(30, 300))
            if reason == "service" and r() < 0.7:
                title, resolution = self.choice(COMPLAINTS)
                day = min(lost_on, last_activity + self.randint(1, 20))
                self.event(cid, day, "complaint", title, front,
                           data=json.dumps({"resolution": resolution, "resolved": False}, ensure_ascii=False))
                last_activity = max(last_activity, day)
            lost = (lost_on, reason)
        until = lost[0] if lost else (stop if stop is not None else as_of)
        if consent:
            self.campaign_touches(cid, first_seen, min(until, last_activity + 300))
        return last_activity, lost, until

    def order(self, cid, ordered, shoot, category, package, staff) -> int:
        """One order and its events; returns the day of its last client activity."""
        r, as_of = self.r, self.as_of
        packages = PACKAGES[category]
        name, low, high = packages[int(r() * len(packages))]
        if package is not None:
            name, low, high = PACKAGE_BY_NAME.get((category, package), (package, low, high))
        if high <= 300:
            amount = (low // 10 + int(r() * (high // 10 - low // 10 + 1))) * 1000
        else:
            amount = (low // 100 + int(r() * (high // 100 - low // 100 + 1))) * 100
            if amount > 1000 and r() < 0.25:
                amount -= 1 if r() < 0.5 else 12  # 5,999- and 8,888-style prices
            amount *= 100
        deposit = amount if amount <= 30_000 else max(10_000, amount * (2 + int(r() * 4)) // 100_000 * 10_000)
        last = ordered
        delivered = None
        if r() < 0.04:
            status, paid = "cancelled", 0
            shoot_on = shoot if shoot <= as_of else None
        elif shoot > as_of:
            if ordered > as_of - 21 and r() < 0.3:
                status, paid, shoot_on = "quoted", 0, None
            else:
                status, paid, shoot_on = "booked", deposit, shoot
        else:
            shoot_on = shoot
            low, high = DELIVERY_DAYS.get(category, DEFAULT_DELIVERY)
            delivered = shoot + low + int(r() * (high - low + 1))
            if delivered > as_of:
                status, paid = "shot", (deposit if r() < 0.6 else amount)
            else:
                status = "delivered"
                paid = amount if r() < 0.97 else amount - deposit // 2
        order_id = self.next_order_id()
        stamp = self.at(ordered)
        self.orders.append((order_id, self.next_uuid(), cid, self.day[ordered], category, name, amount, paid, status,
                            self.day[shoot_on] if shoot_on is not None else None,
                            self.choice(ORDER_NOTES) if r() < 0.18 else "", stamp))
        if status == "cancelled":
            if r() < 0.6:
                day = min(as_of, ordered + self.randint(1, max(1, shoot - ordered)))
                self.event(cid, day, "call" if r() < 0.5 else "wechat", f"客户取消预约：{self.choice(CANCEL_REASONS)}",
                           staff, order_id=order_id)
                last = max(last, day)
            return last
        if status == "quoted":
            return last
        if r() < 0.05:
            day = min(as_of, ordered + self.randint(0, 2))
            self.event(cid, day, "booking", f"确认档期 {self.day[shoot]}，已付定金 {_yuan(deposit)}", staff,
                       order_id=order_id)
            last = max(last, day)
        if delivered is None:
            return last
        last = max(last, shoot)
        if r() < 0.05:
            photographer = self.choice(STAFF_PHOTO)
            self.event(cid, shoot, "shoot", f"{name}拍摄完成（摄影师{photographer}）", photographer, order_id=order_id)
        if category in ADDON_RATE and r() < ADDON_RATE[category]:
            last = max(last, self.addon(cid, category, shoot, staff))
            if r() < 0.4:
                last = max(last, self.addon(cid, category, shoot, staff))
        if status != "delivered":
            return last
        if r() < 0.12:
            self.event(cid, delivered, "delivery", f"{DELIVERABLES.get(category, '精修照片与相册')}已交付", staff,
                       order_id=order_id)
            last = max(last, delivered)
        if r() < 0.1:
            day = min(as_of, delivered + self.randint(1, 14))
            score = self.satisfaction(r)
            self.event(cid, day, "feedback", self.choice(FEEDBACK_TEXTS[score]), staff, satisfaction=score,
                       order_id=order_id)
            last = max(last, day)
            if score <= 2 and r() < 0.6 or r() < 0.01:
                title, resolution = self.choice(COMPLAINTS)
                day = min(as_of, day + self.randint(0, 3))
                self.event(cid, day, "complaint", title, staff, order_id=order_id,
                           data=json.dumps({"resolution": resolution, "resolved": True}, ensure_ascii=False))
                last = max(last, day)
        return last

    def addon(self, cid, category, shoot, staff) -> int:
        """What clients add when they choose their photos (选片加选): an order of its own."""
        r, as_of = self.r, self.as_of
        ordered = min(as_of, shoot + self.randint(3, 15))
        name, low, high = ADDONS[int(r() * len(ADDONS))]
        amount = self.randint(low // 100, high // 100) * 10_000
        status = "delivered" if ordered + self.randint(7, 30) <= as_of else "shot"
        order_id = self.next_order_id()
        stamp = self.at(ordered)
        self.orders.append((order_id, self.next_uuid(), cid, self.day[ordered], category, name, amount, amount, status,
                            None, "选片时加购", stamp))
        return ordered

    def browsing(self, cid: int, first_seen: int, need: str, source: str, consent: bool) -> int:
        """The timeline of someone who asked and has not booked; returns the last activity."""
        r, front = self.r, self.choice(STAFF_FRONT)
        text = f"{'婚博会登记' if source == 'expo' else '咨询'}：{NEED_ZH[need]}"
        self.event(cid, first_seen, "visit" if source == "walk_in" else "inquiry", text, front)
        last = first_seen
        if r() < 0.25:
            last = min(self.as_of, first_seen + self.randint(1, 20))
            self.event(cid, last, "consultation", f"面谈：了解{NEED_ZH[need]}套系和价格", front)
        for _ in range(int(r() * 1.8)):
            day = min(self.as_of, first_seen + self.randint(1, 45))
            kind, text = self.choice(FOLLOW_UPS)
            self.event(cid, day, kind, text, front)
            last = max(last, day)
        if consent:
            self.campaign_touches(cid, first_seen, last + 90)
        return last

    def lost_prospect(self, last_activity: int):
        if last_activity < self.as_of - 60 and self.r() < 0.05:
            return (min(self.as_of, last_activity + self.randint(7, 60)),
                    self.choice(("price", "competitor", "needs_changed")))
        return None

    def campaign_touches(self, cid: int, first_seen: int, replies_until: int) -> None:
        """Holiday campaign messages (studio-only) and the odd reply (client activity)."""
        r = self.r
        for day, text in self.holidays:
            if day > first_seen and r() < 0.03:
                self.event(cid, day, "campaign", f"营销触达：{text}", "系统")
                if day <= replies_until and r() < 0.12:
                    self.event(cid, min(self.as_of, day + self.randint(0, 3)), "campaign_reply",
                               "回复营销消息，询问活动详情", self.choice(STAFF_FRONT))

    def referral_event(self, referrer: int, day: int, name: str, need: str | None) -> None:
        if day - 5 >= self.first_order[referrer]:
            day -= self.randint(0, 5)
        self.event(referrer, day, "referral", f"推荐朋友{name}{'咨询' + NEED_ZH[need] if need else '来咨询'}",
                   self.choice(STAFF_FRONT))

    def pick_referrer(self, day: int) -> int | None:
        """An earlier client who had bought by `day` and was still around; those who
        have referred before are likelier to again."""
        r = self.r
        for _attempt in range(4):
            pool = self.referrers if self.referrers and r() < 0.3 else self.buyers
            if not pool:
                return None
            candidate = pool[int(r() * len(pool))]
            if (self.first_order[candidate] <= day <= self.until[candidate]
                    and self.referred.get(candidate, 0) < MAX_REFERRALS):
                self.referrers.append(candidate)
                self.referred[candidate] = self.referred.get(candidate, 0) + 1
                return candidate
        return None

    # -- rows

    def event(self, cid, day, kind, text, staff, satisfaction=None, order_id=None, data=None) -> None:
        stamp = self.day[day] + self.times[int(self.r() * 720)]
        self.events.append((self.next_event_id(), self.next_uuid(), cid, stamp, kind, text, staff, satisfaction,
                            _ACTIVITY[kind], order_id, data, stamp))

    def styles(self, needs: list) -> str:
        if not needs or self.r() < 0.2:
            return ""
        chosen = {self.choice(STYLES_BY_NEED.get(needs[0], ("minimal", "film")))}
        if self.r() < 0.35:
            chosen.add(self.choice(STYLE_IDS))
        return ",".join(sorted(chosen, key=STYLE_IDS.index))

    @staticmethod
    def needs_text(needs: list) -> str:
        return ",".join(sorted(set(needs), key=NEEDS_ORDER.__getitem__))

    def add_client(self, cid, tags, lost, **values) -> None:
        if lost is not None:
            lost_on, reason = lost
            values.update(lost_on=self.day[lost_on], lost_reason=reason, lost_note=self.choice(LOST_NOTES[reason]))
        else:
            values.update(lost_on=None, lost_reason=None, lost_note=None)
        values.update(id=cid, uuid=self.next_uuid())
        self.rows["client"].append(tuple(values[c] for c in _CLIENT_COLUMNS))
        name_text, key = self.name_keys(values["name"], values["contact_person"])
        contact_text = search_text(None, None, (values["phone"], values["phone_alt"]), values["wechat"],
                                   values["email"], tags)
        # = search_text(name, contact_person, phones, wechat, email, tags): its parts joined in order.
        text = f"{name_text}{SEPARATOR}{contact_text}" if name_text and contact_text else name_text or contact_text
        self.rows["client_search"].append((cid, text, key))
        self.rows["client_tag"].extend((cid, self.tag_ids[t]) for t in tags)

    def name_keys(self, name: str, contact_person: str | None) -> tuple[str, str]:
        """The pinyin search keys and the sort key of a name; a third of the names recur."""
        keys = self.name_cache.get((name, contact_person))
        if keys is None:
            keys = self.name_cache[name, contact_person] = (search_text(name, contact_person), sort_key(name))
        return keys

    def add_tasks(self, cid, orders, children, last_activity, browser) -> None:
        """Open follow-ups due around as_of, where the client's story calls for one."""
        r, as_of = self.r, self.as_of
        tasks = []
        for order in orders[-2:]:
            status = order[8]
            if status == "quoted" and r() < 0.5:
                ordered = date.fromisoformat(order[3]).toordinal()
                tasks.append((ordered + self.randint(3, 7), "跟进报价", f"{NEED_ZH[order[4]]}：{order[5]}"))
            elif status == "booked" and r() < 0.25:
                tasks.append((date.fromisoformat(order[9]).toordinal() - 2, "确认拍摄档期与服装", order[5]))
            elif status == "delivered" and order[3] > self.day[as_of - 60] and r() < 0.12:
                tasks.append((as_of + self.randint(-5, 10), "满意度回访", order[5]))
        for birth, _girl in children:
            if as_of < birth + 365 <= as_of + 45 and r() < 0.4:
                tasks.append((birth + 335, "提醒：宝宝周岁照", "周岁前一个月联系，推荐周岁套系"))
        if last_activity is not None:
            if browser and last_activity > as_of - 30 and r() < 0.2:
                tasks.append((last_activity + self.randint(3, 10), "回访咨询客户", ""))
            elif not browser and as_of - 400 < last_activity < as_of - 330 and r() < 0.1:
                tasks.append((as_of + self.randint(0, 14), "沉睡客户唤醒", "快一年没有联系了"))
        rows = self.rows["task"]
        for due, title, note in tasks:
            created = min(as_of, max(due - 14, as_of - 20))
            rows.append((self.ids["task"](), self.next_uuid(), cid, self.day[due], title, note,
                         self.choice(STAFF_FRONT), None, self.at(created)))


# --------------------------------------------------------------------------- writing

def _secondary_indexes(conn) -> list[tuple[str, str]]:
    """(name, CREATE statement) of the declared indexes on the tables the demo fills
    (not the ones behind PRIMARY KEY or UNIQUE columns, which cannot be dropped)."""
    marks = ", ".join("?" * len(FILLED_TABLES))
    return conn.execute(f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                        f"AND tbl_name IN ({marks}) ORDER BY rowid", FILLED_TABLES).fetchall()


def _write(conn, batch) -> None:
    for sql, rows in batch:
        conn.executemany(sql, rows)


def first_seen_days(rng: random.Random, clients: int, as_of: date) -> list[int]:
    """When each client was first seen, oldest first: over five years, more of them
    lately (the studio grew)."""
    end = as_of.toordinal()
    rand = rng.random
    return sorted(end - HISTORY_DAYS + int(HISTORY_DAYS * rand() ** 0.95) for _ in range(clients))


def generate_demo(db, clients: int, seed: int = 1, *, as_of: date, progress=None) -> DemoSummary:
    """Fill an empty studio database with `clients` demo clients and five years of
    their history up to `as_of`, in one transaction; returns what was written.

    The derived columns are left for services.recompute. `progress(done, total)` is
    called between batches.
    """
    if clients < 0:
        raise ValueError("the number of demo clients cannot be negative")
    conn = db.connection()
    if conn.execute("SELECT EXISTS (SELECT 1 FROM client)").fetchone()[0]:
        raise ValueError("demo data goes into an empty studio database; this one already has clients")
    rng = random.Random(seed)
    old_cache = conn.execute("PRAGMA cache_size").fetchone()[0]
    # The whole demo stays in the page cache until the commit (about 6 KiB a client):
    # random keys (UUIDs, phones) land all over their indexes.
    conn.execute(f"PRAGMA cache_size = {-min(CACHE_CAP_KIB, max(clients * 8, 2000))}")
    try:
        with db.atomic():
            before = conn.total_changes
            conn.executemany("INSERT OR IGNORE INTO tag (name) VALUES (?)", [(t,) for t in TAGS])
            new_tags = conn.total_changes - before
            tag_ids = {name: tid for tid, name in conn.execute(
                f"SELECT id, name FROM tag WHERE name IN ({', '.join('?' * len(TAGS))})", TAGS)}
            studio = _Studio(rng, as_of, tag_ids, new_tags)
            days = first_seen_days(rng, clients, as_of)
            if progress:
                progress(0, clients)
            # The tables' own indexes are built once at the end, from sorted keys, rather than
            # row by row into random places (a third less work at 100,000 clients).
            indexes = _secondary_indexes(conn)
            for name, _sql in indexes:
                conn.execute(f'DROP INDEX "{name}"')
            for cid, first_seen in enumerate(days, 1):
                studio.client(cid, first_seen)
                if cid % BATCH_CLIENTS == 0:
                    _write(conn, studio.take_batch())
                    if progress and cid < clients:
                        progress(cid, clients)
            _write(conn, studio.take_batch())
            for _name, sql in indexes:
                conn.execute(sql)
    finally:
        conn.execute(f"PRAGMA cache_size = {old_cache}")
    if progress:
        progress(clients, clients)
    return studio.summary


def month_ends_before(as_of: date, months: int) -> list[date]:
    """The last days of the `months` months before as_of's month, oldest first."""
    ends, day = [], as_of.replace(day=1)
    for _ in range(months):
        day -= timedelta(days=1)
        ends.append(day)
        day = day.replace(day=1)
    return ends[::-1]


def derive_demo(as_of: date, months: int = HISTORY_MONTHS, progress=None):
    """Derive a freshly generated demo studio as a recompute at each of the past `months`
    month-ends would have (only the clients seen by then), then as of `as_of`, in one
    transaction: every stage move of the year is recorded on its month-end. Returns the
    last recompute's result. `progress(done, total)` counts the recomputes."""
    from lifecrm_gui.store.models import database

    from .recompute import recompute

    days = month_ends_before(as_of, months)
    with database.atomic():
        for done, day in enumerate(days):
            if progress:
                progress(done, len(days) + 1)
            recompute(day, seen_only=True)
        result = recompute(as_of)
    if progress:
        progress(len(days) + 1, len(days) + 1)
    return result
