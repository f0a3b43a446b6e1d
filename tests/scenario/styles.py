#!/usr/bin/env python3
"""A third synthetic-person generator for leaktrace, written apart from the
other two (without reading them or leaktrace's attribution code) to measure
attribution on styles it was not built around: other wording, other call-log
dialects (carrier bills, GBK phone backups, US carrier usage exports),
disclosure records that leave lists out, traps such as cold marketing of the
disclosed kind right after a disclosure.

usage: styles.py --seed N --out DIR

Writes DIR/calls.csv, sms.xml, mail.mbox, disclosures.toml, truth.jsonl
(one row per record: file, line or mbox offset, channel, true source or
null) and campaigns.json. Deterministic per seed; standard library only.
"""
import base64
import datetime as dt
import json
import math
import os
import quopri
import re
import random
import sys
import uuid
from email.header import Header
from zoneinfo import ZoneInfo

# ----------------------------------------------------------------------------
# helpers


def pick(r, xs):
    return xs[r.randrange(len(xs))]


def chance(r, p):
    return r.random() < p


def digits(r, n):
    return "".join(str(r.randrange(10)) for _ in range(n))


UTC = dt.timezone.utc

# ----------------------------------------------------------------------------
# Chinese identity

PY = {
    "王": "wang", "李": "li", "张": "zhang", "刘": "liu", "陈": "chen", "杨": "yang", "黄": "huang",
    "赵": "zhao", "周": "zhou", "吴": "wu", "徐": "xu", "孙": "sun", "马": "ma", "胡": "hu",
    "朱": "zhu", "郭": "guo", "何": "he", "罗": "luo", "高": "gao", "林": "lin",
    "伟": "wei", "芳": "fang", "娜": "na", "敏": "min", "静": "jing", "丽": "li", "强": "qiang",
    "磊": "lei", "洋": "yang", "艳": "yan", "勇": "yong", "军": "jun", "杰": "jie", "娟": "juan",
    "涛": "tao", "明": "ming", "秀": "xiu", "英": "ying", "晓": "xiao", "燕": "yan", "志": "zhi",
    "建": "jian", "华": "hua", "海": "hai", "文": "wen", "博": "bo", "子": "zi", "涵": "han",
    "雨": "yu", "桐": "tong", "思": "si", "远": "yuan", "俊": "jun", "佳": "jia", "琪": "qi",
    "欣": "xin", "怡": "yi", "浩": "hao", "宇": "yu", "婷": "ting", "鑫": "xin", "慧": "hui",
}
VAR = {"伟": "炜", "芳": "方", "娜": "纳", "敏": "民", "静": "晶", "丽": "莉", "强": "蔷", "磊": "蕾",
       "洋": "阳", "艳": "燕", "勇": "永", "军": "君", "杰": "洁", "娟": "鹃", "涛": "韬", "明": "铭",
       "英": "瑛", "晓": "小", "燕": "艳", "志": "智", "建": "健", "华": "桦", "文": "雯", "博": "波",
       "子": "紫", "涵": "晗", "雨": "语", "桐": "彤", "思": "斯", "远": "媛", "俊": "骏", "佳": "嘉",
       "琪": "棋", "欣": "馨", "怡": "仪", "浩": "皓", "宇": "羽", "婷": "亭", "鑫": "欣", "慧": "惠",
       "王": "汪", "李": "黎", "张": "章", "刘": "柳", "陈": "程", "杨": "阳", "黄": "王", "徐": "许",
       "周": "邹", "吴": "武", "林": "凌", "胡": "呼", "何": "贺", "罗": "骆"}
GIVEN_M = ["伟", "强", "磊", "勇", "军", "杰", "涛", "明", "志强", "建华", "文博", "浩宇", "俊杰", "思远", "鑫", "海洋"]
GIVEN_F = ["芳", "娜", "敏", "静", "丽", "艳", "娟", "晓燕", "秀英", "子涵", "雨桐", "佳琪", "欣怡", "婷婷", "慧", "海燕"]
SURN = list("王李张刘陈杨黄赵周吴徐孙马胡朱郭何罗高林")

CITIES = [
    dict(city="深圳", code="0755", dists=["南山", "宝安", "龙岗", "福田", "龙华"], sc="+8613800755500"),
    dict(city="上海", code="021", dists=["浦东", "闵行", "嘉定", "松江", "宝山"], sc="+8613800210500"),
    dict(city="杭州", code="0571", dists=["余杭", "萧山", "西湖", "滨江", "拱墅"], sc="+8613800571500"),
    dict(city="成都", code="028", dists=["高新", "武侯", "双流", "郫都", "天府新区"], sc="+8613800280500"),
    dict(city="武汉", code="027", dists=["洪山", "江夏", "东西湖", "汉阳", "武昌"], sc="+8613800270500"),
    dict(city="北京", code="010", dists=["朝阳", "海淀", "昌平", "通州", "大兴"], sc="+8613800100500"),
]
CM = ["134", "135", "136", "137", "138", "139", "147", "150", "151", "152", "157", "158", "159", "178", "182", "183", "187", "188", "198"]
CU = ["130", "131", "132", "155", "156", "166", "175", "176", "185", "186"]
CT = ["133", "153", "173", "177", "180", "181", "189", "191", "199"]


def zh_mobile(r, prefixes=None):
    return pick(r, prefixes or (CM + CU + CT)) + digits(r, 8)


def carrier_of(num):
    p = num[:3]
    if p in CM:
        return "cm"
    if p in CU:
        return "cu"
    return "ct"


def zh_person(r):
    sur = pick(r, SURN)
    male = chance(r, 0.5)
    given = pick(r, GIVEN_M if male else GIVEN_F)
    name = sur + given
    py_s = PY[sur]
    py_g = "".join(PY[c] for c in given)
    city = pick(r, CITIES)
    p1 = zh_mobile(r)
    phones = [p1]
    if chance(r, 0.45):
        phones.append(zh_mobile(r))
    yy = r.choice(["85", "88", "90", "91", "93", "87"])
    style = r.randrange(4)
    if style == 0:
        primary = f"{py_s}{py_g}{yy}@163.com"
    elif style == 1:
        primary = f"{digits(r, 1).replace('0', '3')}{digits(r, 8)}@qq.com"
    elif style == 2:
        primary = f"{py_g}.{py_s}@gmail.com"
    else:
        primary = f"{py_s}_{py_g}{digits(r, 3)}@126.com"
    emails = [primary]
    return dict(lang="zh", name=name, sur=sur, given=given, male=male, py=(py_s, py_g), city=city,
                phones=phones, emails=emails, tz="Asia/Shanghai", carrier=carrier_of(p1))


def zh_name_variant(r, name):
    chars = list(name)
    idx = [i for i, c in enumerate(chars) if c in VAR and i > 0] or [i for i, c in enumerate(chars) if c in VAR]
    i = pick(r, idx)
    chars[i] = VAR[chars[i]]
    return "".join(chars)


# ----------------------------------------------------------------------------
# US identity

FIRST_M = [("Jason", "Jayson"), ("Brian", "Bryan"), ("Kevin", "Kevyn"), ("Daniel", "Danny"), ("Tyler", "Tylor"),
           ("Marcus", "Markus"), ("Steven", "Stephen"), ("Greg", "Gregg")]
FIRST_F = [("Emily", "Emilie"), ("Megan", "Meghan"), ("Sarah", "Sara"), ("Laura", "Lora"), ("Rachel", "Rachael"),
           ("Ashley", "Ashleigh"), ("Kathryn", "Katherine"), ("Allison", "Alison")]
LAST = [("Walsh", "Welsh"), ("Nguyen", "Nguyn"), ("Patel", "Patell"), ("Carter", "Cartor"), ("Brooks", "Brookes"),
        ("Hughes", "Hughs"), ("Romero", "Romaro"), ("Foster", "Forster"), ("Bennett", "Bennet"), ("Kowalski", "Kowalsky")]
US_CITIES = [
    dict(city="Austin", state="TX", codes=["512", "737"], tz="America/Chicago"),
    dict(city="Columbus", state="OH", codes=["614", "380"], tz="America/New_York"),
    dict(city="Denver", state="CO", codes=["303", "720"], tz="America/Denver"),
    dict(city="Portland", state="OR", codes=["503", "971"], tz="America/Los_Angeles"),
    dict(city="Charlotte", state="NC", codes=["704", "980"], tz="America/New_York"),
]
US_OTHER_CODES = ["212", "305", "312", "404", "415", "469", "602", "646", "702", "813", "832", "858", "916", "949"]


def us_num(r, area=None):
    a = area or pick(r, US_OTHER_CODES)
    return a + str(r.randrange(2, 10)) + digits(r, 2) + digits(r, 4)


def us_person(r):
    male = chance(r, 0.5)
    f = pick(r, FIRST_M if male else FIRST_F)
    l = pick(r, LAST)
    city = pick(r, US_CITIES)
    p1 = us_num(r, pick(r, city["codes"]))
    phones = [p1]
    if chance(r, 0.35):
        phones.append(us_num(r, pick(r, city["codes"])))
    style = r.randrange(3)
    if style == 0:
        primary = f"{f[0].lower()}.{l[0].lower()}{digits(r, 2)}@gmail.com"
    elif style == 1:
        primary = f"{f[0][0].lower()}{l[0].lower()}{digits(r, 3)}@gmail.com"
    else:
        primary = f"{f[0].lower()}{l[0].lower()}@outlook.com"
    return dict(lang="en", name=f"{f[0]} {l[0]}", first=f[0], last=l[0], fvar=f[1], lvar=l[1], male=male,
                city=city, phones=phones, emails=[primary], tz=city["tz"],
                carrier=pick(r, ["tmobile", "verizon", "att"]))


# ----------------------------------------------------------------------------
# disclosures catalogue. Each entry builds a concrete disclosure and names the
# campaign categories its leaked data feeds.

ZH_PROJ = ["翡翠公园", "滨江壹号", "云栖湾", "时代悦府", "紫荆花园", "锦绣华庭", "御景台", "青枫雅苑", "澜悦府", "星河湾畔"]
ZH_DEV = ["融信达", "景湖置业", "嘉禾地产", "华庭集团", "云栖置地"]
ZH_CARS = [("广汽丰田", ["卡罗拉", "凯美瑞", "汉兰达"]), ("比亚迪", ["汉EV", "宋PLUS", "海豹"]), ("一汽大众", ["迈腾", "探岳", "速腾"]),
           ("东风日产", ["轩逸", "奇骏"]), ("长安", ["CS75", "逸动"])]
ZH_DEALER_PLACE = ["星辰", "恒通", "锦程", "骏达", "宏远", "远航"]


def zh_catalogue(r, P):
    c = P["city"]
    d = pick(r, c["dists"])
    out = {}
    proj = pick(r, ZH_PROJ)
    dev = pick(r, ZH_DEV)
    out["flat"] = dict(source=pick(r, [f"{proj}售楼处", f"{dev}{proj}营销中心", f"{proj}（{dev}）售楼部"]), kind=pick(r, ["property", "property", "房地产", None]),
                       kw=[proj], short=proj, notes=pick(r, [f"看房登记，留了电话", f"交了定金，{pick(r, ['3', '5', '8', '11'])}栋{r.randrange(2, 30)}0{r.randrange(1, 4)}", "签了购房合同"]),
                       leaks=[("property", .8), ("finance", .55), ("renovation", .75), ("retail", .3)], p_leak=.85, p_email=.25)
    brand, models = pick(r, ZH_CARS)
    model = pick(r, models)
    dealer = f"{brand}{d}{pick(r, ZH_DEALER_PLACE)}4S店"
    out["car"] = dict(source=dealer, kind=pick(r, ["automotive", "4S店", "汽车", None]), kw=[model], short=dealer.replace("4S店", ""), car=model,
                      notes=f"买车 {model}", leaks=[("insurance", .9), ("finance", .35), ("automotive", .5)], p_leak=.8, p_email=.2)
    hosp = pick(r, [f"{c['city']}市妇幼保健院", f"{d}区妇幼保健院", f"{c['city']}{pick(r, ['安贝', '美和', '仁爱'])}妇产医院", f"{d}区人民医院"])
    out["birth"] = dict(source=hosp, kind=pick(r, ["healthcare", "医院", None]), kw=[], short=hosp.replace(c["city"], "").replace("市", ""),
                        notes="宝宝出生，建档+住院", leaks=[("education", .8), ("insurance", .55), ("retail", .6), ("healthcare", .35)], p_leak=.8, p_email=.1)
    site = pick(r, ["职通网", "才立方招聘", "猎才网", "好工作网"])
    out["job"] = dict(source=site, kind=pick(r, ["recruitment", "招聘", "job site"]), kw=[], short=site,
                      notes="注册账号、投简历", leaks=[("recruitment", .85), ("education", .4), ("finance", .35)], p_leak=.75, p_email=.8)
    plat = pick(r, ["保多多比价", "安心保在线", "车险通报价"])
    out["insq"] = dict(source=plat, kind=pick(r, ["insurance", "保险"]), kw=[], short=plat.replace("在线", "").replace("报价", ""),
                       notes="在线填表查报价", leaks=[("insurance", .9), ("finance", .45)], p_leak=.8, p_email=.5)
    gym = pick(r, ["乐动健身", "超燃运动馆", "力美健身"]) + f"（{d}店）"
    out["gym"] = dict(source=gym, kind=pick(r, [None, "retail", "healthcare"]), kw=[], short=gym.split("（")[0],
                      notes="办年卡", leaks=[("retail", .6), ("healthcare", .5)], p_leak=.45, p_email=.2)
    school = pick(r, ["贝乐思少儿英语", "小橡树英语", "维多利亚少儿英语"])
    out["kids"] = dict(source=school, kind=pick(r, ["education", "教育"]), kw=[], short=school.replace("少儿英语", "").replace("英语", ""),
                       notes="孩子试听课", leaks=[("education", .85), ("insurance", .35), ("retail", .25)], p_leak=.7, p_email=.3)
    isp = pick(r, ["鹏城宽带", "光速宽带", "长城宽带"])
    out["bb"] = dict(source=isp, kind=pick(r, ["telecom", "宽带"]), kw=[], short=isp.replace("宽带", ""),
                     notes="宽带装机", leaks=[("telecom", .75), ("retail", .35)], p_leak=.55, p_email=.1)
    shop = pick(r, ["优品家居旗舰店", "拼拼乐商城", "童趣母婴网店"])
    out["shop"] = dict(source=shop, kind=pick(r, ["retail", None]), kw=[], short=shop.replace("旗舰店", "").replace("网店", "").replace("商城", ""),
                       notes="网购下单，填了收货电话", leaks=[("retail", .5), ("fraud", .55)], p_leak=.5, p_email=.6)
    lender = pick(r, ["信达小贷", "闪借", "惠民易借"])
    out["loan"] = dict(source=lender, kind=pick(r, ["finance", "金融"]), kw=[], short=lender,
                       notes="申请过一次贷款，没借", leaks=[("finance", .95), ("insurance", .25)], p_leak=.85, p_email=.3)
    reno = pick(r, ["美居装饰", "匠艺家装", "东方雅居装饰"])
    out["reno"] = dict(source=reno, kind=pick(r, ["renovation", "装修"]), kw=[], short=reno.replace("装饰", "").replace("家装", ""),
                       notes="上门量房，报了价", leaks=[("renovation", .7), ("retail", .45)], p_leak=.6, p_email=.2)
    return out


def en_catalogue(r, P):
    c = P["city"]
    out = {}
    comm = pick(r, ["Maple Ridge", "Cedar Hollow", "Willow Creek", "Stonegate", "Aspen Park"])
    out["flat"] = dict(source=f"{comm} Homes sales office", kind=pick(r, ["property", "real estate", None]), kw=[comm], short=comm,
                       notes="model home tour, signed guest book", leaks=[("property", .75), ("finance", .65), ("renovation", .4), ("retail", .3)], p_leak=.85, p_email=.8)
    car = pick(r, [("Honda", "CR-V"), ("Toyota", "RAV4"), ("Ford", "F-150"), ("Subaru", "Outback"), ("Hyundai", "Tucson")])
    dealer = f"{pick(r, ['Lakeside', 'Northgate', 'Summit', 'Riverside'])} {car[0]}"
    out["car"] = dict(source=dealer, kind=pick(r, ["automotive", "car dealer", None]), kw=[car[1]], short=dealer, car=f"{car[0]} {car[1]}",
                      notes=f"bought a 2024 {car[0]} {car[1]}", leaks=[("automotive", .8), ("insurance", .6), ("finance", .4)], p_leak=.85, p_email=.7)
    hosp = pick(r, [f"St. Luke's Women's Center", f"{c['city']} Regional Medical Center", "Mercy Birth Center"])
    out["birth"] = dict(source=hosp, kind=pick(r, ["healthcare", "hospital"]), kw=[], short=hosp.replace("St. ", ""),
                        notes="delivery, registered baby", leaks=[("healthcare", .6), ("retail", .6), ("insurance", .5), ("education", .4)], p_leak=.7, p_email=.5)
    site = pick(r, ["HireLoop", "JobNest", "CareerBridge"])
    out["job"] = dict(source=site, kind=pick(r, ["recruitment", "job site"]), kw=[], short=site,
                      notes="uploaded resume", leaks=[("recruitment", .85), ("education", .35), ("finance", .3)], p_leak=.8, p_email=.95)
    plat = pick(r, ["QuoteNest", "CoverCompare", "SmartQuote Insurance"])
    out["insq"] = dict(source=plat, kind=pick(r, ["insurance"]), kw=[], short=plat.split()[0],
                       notes="online quote form", leaks=[("insurance", .95), ("finance", .4)], p_leak=.9, p_email=.9)
    gym = pick(r, ["IronWorks Fitness", "Peak Athletic Club", "FlexZone Gym"])
    out["gym"] = dict(source=gym, kind=pick(r, [None, "retail"]), kw=[], short=gym.split()[0],
                      notes="membership", leaks=[("retail", .6), ("healthcare", .4)], p_leak=.4, p_email=.8)
    school = pick(r, ["BrightPath Tutoring", "Little Scholars Learning", "Mathnasium-style center"])
    school = school.replace("Mathnasium-style center", "NumberWise Learning Center")
    out["kids"] = dict(source=school, kind="education", kw=[], short=school.split()[0],
                       notes="trial class for my son", leaks=[("education", .85), ("insurance", .2)], p_leak=.6, p_email=.8)
    isp = pick(r, ["FiberLink Internet", "Skyway Broadband", "ClearWave Fiber"])
    out["bb"] = dict(source=isp, kind=pick(r, ["telecom", "internet provider"]), kw=[], short=isp.split()[0],
                     notes="install appointment", leaks=[("telecom", .6), ("retail", .5)], p_leak=.5, p_email=.8)
    shop = pick(r, ["Cedar & Pine Home", "Northwind Outfitters", "BabyNest Shop"])
    out["shop"] = dict(source=shop, kind=pick(r, ["retail", "online shop"]), kw=[], short=shop.split()[0],
                       notes="online order", leaks=[("retail", .6), ("fraud", .4)], p_leak=.5, p_email=1.0)
    lender = pick(r, ["LendRight", "Quickfund Loans", "BrightLoan"])
    out["loan"] = dict(source=lender, kind="finance", kw=[], short=lender.split()[0],
                       notes="personal loan application", leaks=[("finance", .95), ("insurance", .2)], p_leak=.9, p_email=.9)
    reno = pick(r, ["Summit Kitchen & Bath", "Heritage Remodeling", "TrueLine Builders"])
    out["reno"] = dict(source=reno, kind=pick(r, ["renovation", None]), kw=[], short=reno.split()[0],
                       notes="kitchen remodel estimate", leaks=[("renovation", .7), ("finance", .4)], p_leak=.6, p_email=.7)
    return out


# ----------------------------------------------------------------------------
# campaign texts

ZH_OPT = ["回T退订", "拒收请回复R", "退订回TD", "回复TD退订", "退订回N", "回T退订"]
ZH_BRANDS = {
    "property": ["家和置业", "鑫诚房产", "好居地产", "安家置业", "诚达房产经纪", "邻里找房"],
    "finance": ["惠民易贷", "鑫融金服", "快易花", "众信普惠", "金盾融资", "安心借"],
    "renovation": ["匠心家装", "美家装饰工程", "居然好家装", "尚品宅装", "华艺装饰", "木九十整装"],
    "insurance": ["泰安保险代理", "众联保险经纪", "车安保", "平顺保险服务", "康宁保险代理"],
    "education": ["启蒙星早教", "贝贝乐早教中心", "未来星少儿英语", "学而思维教育", "优途职业教育", "童思维美术"],
    "recruitment": ["众才人力", "博睿猎头", "智选人才", "鼎盛人力资源"],
    "retail": ["爱婴坊母婴", "悦家家具城", "童年印象摄影", "优选净水", "好孕来月子会所", "康体营养"],
    "healthcare": ["美丽妈妈产后修复", "瑞康体检", "仁心口腔", "轻塑体态中心"],
    "telecom": ["极速光纤", "宽带通", "智家安防"],
    "automotive": ["车易收二手车", "优驾汽车服务", "车管家贴膜", "速达代驾"],
    "fraud": [],
}
ZH_SMS = {
    "property": [
        "{sig}{greet}，{ment}{dist}地铁口精装现房特价房源到访有礼，首付{n}万起，专车接送看房，详询{phone}。{opt}",
        "{greet}，我是{brand}的置业顾问小{asur}，{ment}您之前关注的{dist}板块这周有{m}套业主急售房源，低于市场价{n}0万，方便的话加我微信{wx}详聊",
        "{sig}{ment}业主您好，您名下房产如有出售/出租意向，我们有大量客户求购，免费评估、快速成交，咨询{phone}。{opt}",
        "{sig}{greet}，{dist}学区房新上{m}套，总价{n}0万起，本周末开放看房，回复1预约。{opt}",
    ],
    "finance": [
        "{sig}{greet}，您有一笔最高{n}0万元的信用额度待领取，年化利率低至3.{m}%，最快当天放款，点击 {link} 激活。{opt}",
        "{sig}{greet}，{ment}恭喜乔迁！新业主专享装修贷/经营贷，额度高、利息低，房产抵押最高可贷评估价7成，详询{phone}。{opt}",
        "{sig}房贷利率下调啦！{greet}，您的房贷可申请转贷置换，月供立省{n}00元，顾问一对一服务，{link} {opt}",
        "{greet}，我是{brand}的客户经理，{ment}您的资质已通过预审，可办理{n}万以内信用贷，无抵押，当天到账，微信同号{wx}",
        "{sig}{greet}，您的车辆可办理车抵贷，不押车，最高{n}万，当天放款，电话{phone}。{opt}",
    ],
    "renovation": [
        "{sig}{greet}，恭喜您喜提新居！{ment}业主专享：全包装修每平米{n}99元起，免费上门量房设计，前{m}名送全屋定制衣柜。{phone} {opt}",
        "{greet}，我是{brand}设计师小{asur}，{ment}了解到您的房子快交房了，我们在您小区有在建工地，周末可以来参观，电话{phone}",
        "{sig}{greet}，装修季大促：旧房翻新/局部改造{n}折起，水电终身质保，预约量房回复1。{opt}",
    ],
    "insurance": [
        "{sig}{greet}，{ment}您的爱车{car}商业险即将到期，现在续保享{n}折优惠，另送免费洗车{m}次，详询{phone}。{opt}",
        "{sig}宝宝出生啦！{ment}新生儿专属少儿医疗险，每年{n}9元起，保障住院、门诊、意外，{link} 投保。{opt}",
        "{greet}，我是{brand}的保险顾问，给您推荐一款百万医疗险，一年{n}9元，最高报销600万，方便的话加微信{wx}",
        "{sig}{greet}，{ment}您的车险报价已生成：交强险+商业险合计{n}{m}00元，比去年省{m}00元，回复1立即投保。{opt}",
        "{sig}{greet}，给孩子一份安心：少儿重疾险限时赠送意外险，{link} 了解详情。{opt}",
    ],
    "education": [
        "{sig}{greet}，{ment}恭喜您喜得贵子！0-3岁早教免费体验课限时预约，感统训练+音乐启蒙，地址{dist}{addr}，预约电话{phone}。{opt}",
        "{sig}{greet}，{ment}暑期少儿英语体验课0元抢，外教小班，{link} 立即预约。{opt}",
        "{sig}{greet}，职场提升：PMP/CPA/一级建造师考证班，报名享早鸟价立减{n}00元，{link} {opt}",
        "{greet}，我是{brand}的课程顾问，{ment}孩子这个阶段正是语言敏感期，本周六有免费公开课，给您留个位置？{phone}",
    ],
    "recruitment": [
        "{greet}，我是{brand}的HR，{ment}我们正在招聘{job}，薪资{n}K-{m}{n}K，方便电话沟通吗？",
        "{sig}{greet}，{ment}您的简历已通过初筛，诚邀您参加{job}岗位面试，回复1确认。{opt}",
        "{sig}{greet}，兼职日结，在家手机操作，每天{n}00+，加微信{wx}了解。{opt}",
    ],
    "retail": [
        "{sig}{greet}，{ment}新生儿奶粉免费试用装已为您预留，凭短信到店领取，{link} {opt}",
        "{sig}宝宝满月照/百天照限时特惠{n}99元，上门拍摄，{phone}。{opt}",
        "{sig}{greet}，{ment}新家入住季，凭房产证享全屋家具{m}折，地址{dist}{addr}。{opt}",
        "{sig}{greet}，{ment}家用净水器0元安装，仅收滤芯费，本月名额{m}个，{phone}。{opt}",
        "{sig}{greet}，会员专享：蛋白粉/代餐买二送一，{link} {opt}",
        "{sig}{greet}，{ment}孩子英语启蒙好帮手：儿童点读笔/学习机限时特惠{n}99元，{link} {opt}",
    ],
    "healthcare": [
        "{sig}{greet}，{ment}产后42天是修复黄金期，盆底肌/腹直肌免费检测，预约{phone}。{opt}",
        "{sig}{greet}，{ment}体态评估+肩颈理疗体验价{n}9元，{link} {opt}",
        "{sig}{greet}，口腔检查0元，种植牙{n}999元起，{phone}。{opt}",
    ],
    "telecom": [
        "{sig}{greet}，{ment}您小区千兆宽带限时优惠，包年{n}88元，免费安装，送IPTV，{phone}。{opt}",
        "{sig}{greet}，{ment}家庭智能摄像头0元安装，手机远程看家，{phone}。{opt}",
    ],
    "automotive": [
        "{sig}{greet}，{ment}您的{car}可享免费检测，高价收车，当天过户，{phone}。{opt}",
        "{sig}{greet}，新车贴膜/隐形车衣限时{m}折，{ment}{dist}店预约{phone}。{opt}",
    ],
    "fraud": [
        "【{shopkw}客服】{greet}，{ment}您购买的商品经检测存在质量问题，我们将为您办理双倍退款，请添加客服QQ{qq}办理",
        "{greet}，{ment}您在{shopkw}的订单因仓库缺货需要退款，请点击 {link} 填写退款信息，逾期失效",
    ],
}
ZH_MENT = {
    "flat": ["{short}业主您好，", "看到您在{short}登记了看房，", "{short}的业主，"],
    "car": ["您在{short}购买的{car}，", "{car}车主您好，", ""],
    "birth": ["{short}新手妈妈专享，", "您在{short}生产的宝宝，"],
    "job": ["看到您在{short}上的简历，", "您在{short}投递的简历，"],
    "insq": ["您在{short}的报价，", "您在{short}查询过的车险，"],
    "gym": ["{short}会员专享，"],
    "kids": ["{short}的家长您好，", "孩子在{short}试听过，"],
    "bb": ["{short}宽带用户您好，"],
    "shop": ["您在{short}下单的"],
    "loan": ["您在{short}的借款申请已预审，", "{short}老用户，"],
    "reno": ["您在{short}咨询的装修，"],
}
ZH_JOBS = ["项目经理", "销售主管", "Java开发工程师", "财务主管", "行政专员", "产品经理", "运营经理"]
ZH_ADDR = ["万象汇3楼", "天街B座2楼", "大悦城4F", "印象城L3", "龙湖天街2F"]

EN_BRANDS = {
    "property": ["Keystone Realty", "Harbor Point Realty", "Blue Door Realty Group", "HomeSmart Partners"],
    "finance": ["Apex Home Lending", "ClearPath Mortgage", "Rocket Refi Team", "Granite Funding", "QuickCash Direct"],
    "renovation": ["ProShield Roofing", "Evergreen Windows", "BathFit Pros", "Solarize Now"],
    "insurance": ["SafeHarbor Insurance", "Liberty Shield Agency", "FamilyFirst Life", "DriveSure Auto Insurance"],
    "education": ["Bright Minds Academy", "Sylvan-style Tutors", "CodeCamp Pro", "KinderSteps Early Learning"],
    "recruitment": ["TalentBridge Staffing", "Apex Recruiting", "NextHire Partners"],
    "retail": ["BabyBox Samples", "NutriMax Supplements", "HomeGuard Security", "Nestwell Furniture"],
    "healthcare": ["CordSafe Cord Blood", "VitalCare Clinic", "MedAlert Plus"],
    "telecom": ["StreamMax TV", "BoostNet Wireless"],
    "automotive": ["Vehicle Protection Center", "AutoShield Warranty", "CarGuard Direct"],
    "fraud": [],
}
EN_SMS = {
    "property": [
        "{brand}: Hi {fname}, {ment}new listings near you just hit the market under ${n}00k. Want to tour this weekend? Reply STOP to opt out",
        "Hi {fname}, this is {agent} with {brand}. {ment}Are you still looking to buy? I have an off-market 3bd near you. Text back or call {phone}",
        "{brand}: {ment}Thinking of selling? Homes in your area sold for {m}% over asking last month. Free valuation: {link} Txt STOP to end",
    ],
    "finance": [
        "{brand}: {fname}, {ment}rates just dropped. You may qualify to refinance and save ${n}00/mo. See your rate: {link} Reply STOP to opt out",
        "Hi {fname}, {agent} from {brand}. {ment}Your pre-approval for up to ${n}0,000 is ready. Call {phone}. STOP to opt out",
        "{brand}: Need cash fast? Personal loans ${n},000-$50,000, funds next day. Apply: {link} Msg&data rates may apply. Reply STOP to cancel",
        "{brand}: {ment}Lower your auto loan payment by up to ${n}0/mo. Check offers: {link} Reply STOP to stop",
    ],
    "renovation": [
        "{brand}: {fname}, {ment}new homeowners get ${n}00 off a free roof inspection this month. Book: {link} Reply STOP to opt out",
        "Hi {fname}! {agent} with {brand}. {ment}We're doing solar installs in your neighborhood, $0 down. Quick call? {phone} Reply STOP to opt out",
        "{brand}: Spring special - {m}0% off replacement windows. Free in-home estimate {link} STOP to end",
    ],
    "insurance": [
        "{brand}: Hi {fname}, {ment}we found {m} auto insurance rates lower than your current policy. Compare: {link} Reply STOP to opt out",
        "{agent} with {brand} here. {ment}Congrats on the new addition! Protect your family with term life from ${n}/mo. {phone} STOP to opt out",
        "{brand}: {ment}Your quote is ready - save up to ${n}00/yr on home+auto. {link} Txt STOP to cancel",
        "Hi {fname}, {ment}coverage on your {car} can be bundled for less. Call {agent} at {phone}. Reply STOP to unsubscribe",
    ],
    "education": [
        "{brand}: {ment}Free trial class for your child this Saturday! Reading & math, ages 4-12. Book: {link} Reply STOP to opt out",
        "{brand}: Hi {fname}, {ment}enroll now in our infant & toddler program - first month {m}0% off. {phone} STOP to end",
        "{brand}: Level up your career - coding bootcamp scholarships close Friday. {link} Reply STOP to opt out",
    ],
    "recruitment": [
        "Hi {fname}, {agent} from {brand}. {ment}I have a {job} role paying {sal}, remote-friendly. Interested? Reply YES",
        "{brand}: {fname}, {ment}your profile matches {m} open {job} positions. View: {link} Reply STOP to opt out",
    ],
    "retail": [
        "{brand}: {ment}Congrats on your little one! Claim your FREE baby sample box (just pay shipping): {link} Reply STOP to opt out",
        "{brand}: {fname}, {ment}buy 1 get 1 50% off protein & pre-workout today only. {link} STOP to end",
        "{brand}: {ment}New homeowners save {m}0% on smart doorbells + free install. {link} Reply STOP to opt out",
        "{brand}: {ment}Your exclusive {m}0% off code SAVE{n}{m} expires tonight! {link} Reply STOP to unsubscribe",
    ],
    "healthcare": [
        "{brand}: {ment}Bank your baby's cord blood - save $300 with code NEWBORN. {link} Reply STOP to opt out",
        "{brand}: {fname}, {ment}free body composition scan & consult this week. Book {link} STOP to end",
    ],
    "telecom": [
        "{brand}: {ment}Switch & get 300+ channels for ${n}9.99/mo. No contract. {link} Reply STOP to opt out",
        "{brand}: {fname}, unlimited 5G for $2{m}/mo - bring your number. {link} STOP to end",
    ],
    "automotive": [
        "{brand}: {ment}Your {car} factory warranty may be expiring. Extend coverage today - call {phone}. Reply STOP to opt out",
        "{brand}: {fname}, {ment}final notice regarding vehicle service coverage for your {car}. Call {phone} now. STOP to end",
    ],
    "fraud": [
        "{shopkw} Support: {ment}your order #{n}{m}{n}{m}-{m}{n} was charged twice. To receive your refund visit {link}",
        "{shopkw}: {ment}refund of ${n}{m}.{m}0 is pending for your recent order. Confirm your card at {link} within 24h",
    ],
}
EN_MENT = {
    "flat": ["saw you toured {short} - ", "as a {short} buyer, ", "since you visited {short}, "],
    "car": ["about your {car}: ", "congrats on the {car} from {short}! ", ""],
    "birth": ["congrats from all of us - ", "for new {short} parents: "],
    "job": ["I found your resume on {short}. ", "saw your {short} profile - "],
    "insq": ["following up on your {short} quote, ", "re: your {short} request - "],
    "gym": ["{short} members: "],
    "kids": ["as a {short} family, "],
    "bb": ["{short} customers: "],
    "shop": ["your {short} order: "],
    "loan": ["re your {short} application - "],
    "reno": ["following your {short} estimate, "],
}
EN_AGENTS = ["Dana", "Mike", "Jessica", "Tom", "Carla", "Ryan", "Nicole", "Andre", "Bri", "Josh"]
EN_JOBS = ["Project Manager", "Sales Lead", "Data Analyst", "Operations Manager", "Software Engineer", "Account Executive"]


# ----------------------------------------------------------------------------
# the person's year


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed * 7919 + 17)
        r = self.r
        self.seed = seed
        self.P = P = zh_person(r) if chance(r, 0.7) else us_person(r)
        self.zh = P["lang"] == "zh"
        self.tz = ZoneInfo(P["tz"])
        y = pick(r, [2023, 2024])
        m = pick(r, [1, 3, 6, 9])
        self.start = dt.datetime(y, m, 1, tzinfo=self.tz)
        self.end = self.start + dt.timedelta(days=365)
        self.events = []
        self.disclosures = []
        self.campaigns = []
        self.cid = 0
        self.used_times = set()
        self.used_nums = set()

    # --- time helpers
    def at(self, day_offset, hour_lo=9, hour_hi=20):
        r = self.r
        base = self.start + dt.timedelta(days=day_offset)
        while True:
            t = base.replace(hour=r.randrange(hour_lo, hour_hi), minute=r.randrange(60), second=r.randrange(60))
            if t not in self.used_times:
                self.used_times.add(t)
                return t

    def rand_day(self, lo=0, hi=365):
        return self.r.uniform(lo, hi)

    def ev(self, **kw):
        kw.setdefault("src", None)
        kw.setdefault("cid", None)
        if self.start <= kw["t"] < self.end:
            self.events.append(kw)

    def new_cid(self, label):
        self.cid += 1
        return f"c{self.cid:02d}-{label}"

    # --- numbers
    def fresh(self, f):
        for _ in range(100):
            n = f()
            if n not in self.used_nums:
                self.used_nums.add(n)
                return n
        return n

    def block(self):
        """a number block: (prefix, width of rotating tail)"""
        r = self.r
        if self.zh:
            k = r.randrange(4)
            if k == 0:
                return ("0" + self.P["city"]["code"].lstrip("0") + str(r.randrange(2, 9)) + digits(r, 5), 2)
            if k == 1:
                return (pick(r, ["170", "171", "165", "167"]) + digits(r, 6), 2)
            if k == 2:
                return (pick(r, CM + CU + CT) + digits(r, 6), 2)
            return ("0" + pick(r, ["20", "21", "571", "755", "28", "27", "10", "592", "769", "371"]) + str(r.randrange(2, 9)) + digits(r, 4), 3)
        a = pick(r, US_OTHER_CODES + self.P["city"]["codes"])
        return (a + str(r.randrange(2, 10)) + digits(r, 4), 2)

    def from_block(self, blk):
        p, w = blk
        return p + digits(self.r, w)

    def sms_port(self):
        r = self.r
        if self.zh:
            return self.fresh(lambda: pick(r, ["1069", "1065", "1068", "1066"]) + digits(r, r.choice([7, 9, 10])))
        return self.fresh(lambda: str(r.randrange(20000, 99999)) if chance(r, 0.6) else "+1" + us_num(r))

    # --- the person's disclosures
    def make_disclosures(self):
        r, P = self.r, self.P
        cat = zh_catalogue(r, P) if self.zh else en_catalogue(r, P)
        keys = list(cat)
        n = r.randint(4, 9)
        # plausible life: a flat and renovation go together, birth and kids less so
        chosen = r.sample(keys, n)
        # sometimes a second dealing of the same kind (viewed two developments)
        if chance(r, 0.3) and "flat" in chosen:
            cat2 = zh_catalogue(r, P) if self.zh else en_catalogue(r, P)
            if cat2["flat"]["source"] != cat["flat"]["source"]:
                cat["flat2"] = cat2["flat"]
                chosen.append("flat2")
        dates = sorted(r.uniform(15, 300) for _ in chosen)
        r.shuffle(chosen)
        # keep the order sensible: flat before reno before shop
        for key, d in zip(chosen, dates):
            D = dict(cat[key])
            D["key"] = key.rstrip("2")
            D["day"] = d
            if key == "flat2":
                D["day"] = min(d, 330)
            D["date"] = (self.start + dt.timedelta(days=d)).date()
            D["phone"] = P["phones"][0]
            if len(P["phones"]) > 1 and chance(r, 0.35):
                D["phone"] = P["phones"][1]
            D["email"] = None
            D["alias"] = False
            if chance(r, D["p_email"]):
                if chance(r, 0.55):
                    D["email"] = self.alias_for(D)
                    D["alias"] = True
                else:
                    D["email"] = P["emails"][0]
            D["namevar"] = None
            if chance(r, 0.3):
                D["namevar"] = zh_name_variant(r, P["name"]) if self.zh else pick(r, [f"{P['fvar']} {P['last']}", f"{P['first']} {P['lvar']}"])
            D["leaky"] = chance(r, D["p_leak"])
            self.disclosures.append(D)
        self.disclosures.sort(key=lambda D: D["day"])

    def alias_for(self, D):
        r, P = self.r, self.P
        prim = P["emails"][0]
        user, dom = prim.split("@")
        tag = "".join(ch for ch in (D["short"] if not self.zh else D["key"]).lower() if ch.isalnum())[:12] or D["key"]
        if dom in ("gmail.com", "outlook.com") and chance(r, 0.75):
            return f"{user}+{tag}@{dom}"
        if self.zh:
            return f"{P['py'][1]}{P['py'][0]}_{D['key']}{digits(r, 2)}@{pick(r, ['126.com', 'sina.com', '163.com', 'outlook.com'])}"
        return f"{P['first'].lower()}.{tag}@{pick(r, ['proton.me', 'fastmail.com', 'yahoo.com'])}"

    # --- text filling
    def ctx(self, brand, D=None, cat=None, mention=False, name_used=None):
        r, P = self.r, self.P
        ctx = dict(brand=brand, n=r.randint(2, 9), m=r.randint(2, 8), qq=str(r.randint(10 ** 8, 10 ** 10)),
                   wx=pick(r, ["", "wx"]) + zh_mobile(r) if self.zh else "",
                   short=D["short"] if D else "", car=(D.get("car") if D else None) or "", shopkw=D["short"] if D else "")
        if self.zh:
            ctx.update(sig=f"【{brand}】", opt=pick(r, ZH_OPT), dist=pick(r, P["city"]["dists"]), addr=pick(r, ZH_ADDR),
                       asur=pick(r, SURN), job=pick(r, ZH_JOBS))
            nm = name_used or P["name"]
            sur = nm[0]
            g = [f"{sur}{'先生' if P['male'] else '女士'}您好", f"尊敬的{nm}", f"{nm}您好", "您好", "尊敬的客户",
                 "亲爱的业主" if cat in ("property", "renovation") or (D and D["key"] in ("flat", "reno")) else pick(r, ["您好", "亲爱的用户"])]
            ctx["greet"] = pick(r, g if name_used else g[3:] + g[:1])
            if name_used:
                ctx["greet"] = pick(r, g[:3])
            ctx["car"] = ctx["car"] or pick(r, ["爱车", "车辆"])
        else:
            nm = name_used or P["name"]
            ctx.update(fname=nm.split()[0], agent=pick(r, EN_AGENTS), sal=f"${r.randint(7, 14)}0k-${r.randint(15, 19)}0k",
                       job=pick(r, EN_JOBS), car=ctx["car"] or "vehicle")
        ment = ""
        if mention and D:
            ment = pick(r, (ZH_MENT if self.zh else EN_MENT)[D["key"]]).format(**ctx)
        ctx["ment"] = ment
        return ctx

    def link(self, dom):
        r = self.r
        return pick(r, [f"https://{dom}/{digits(r, 4)}", f"http://t.{dom}/{''.join(r.choice('abcdefghjkmnpqrstuvwxyz23456789') for _ in range(6))}",
                        f"{dom}/s/{digits(r, 5)}"])

    # --- campaigns
    def campaign(self, cat, start_day, src=None, D=None, label=None, channels=None, mention=None, brand=None, length=None,
                 intensity=1.0, tagset=None, to_email=None, name_used=None, trap=None, spread=False):
        r, P = self.r, self.P
        pool = (ZH_SMS if self.zh else EN_SMS)[cat]
        cand = topical(list(range(len(pool))), cat, self.zh, D, r)
        bpools = TBRANDS.get(("zh" if self.zh else "en", cat))
        i0 = pick(r, cand)
        bp = (bpools[i0] if bpools else None) or (ZH_BRANDS if self.zh else EN_BRANDS)[cat] or ["x"]
        brand = brand or pick(r, bp)
        same = [i for i in cand if i != i0 and (not bpools or bpools[i] == bpools[i0])]
        templs = [pool[i0]] + ([pool[pick(r, same)]] if same and chance(r, 0.5) else [])
        cid = self.new_cid(label or cat)
        if mention is None:
            mention = D is not None and chance(r, 0.3)
        if name_used is None and D is not None and D.get("namevar") and chance(r, 0.5):
            name_used = D["namevar"]
        if channels is None:
            channels = {}
            if chance(r, 0.8):
                channels["call"] = int(r.randint(3, 22) * intensity) + 1
            if chance(r, 0.75) or not channels:
                channels["sms"] = int(r.randint(2, 10) * intensity) + 1
            if to_email and chance(r, 0.85):
                channels["email"] = int(r.randint(2, 9) * intensity) + 1
        length = length or r.uniform(12, 120)
        dom = "".join(ch for ch in uuid.UUID(int=r.getrandbits(128)).hex[:6]) + pick(r, [".cn", ".com", ".top", ".net"]) if self.zh else \
            brand.lower().replace(" ", "").replace("-", "").replace("&", "")[:14] + pick(r, [".com", ".net", ".co"])
        blk = self.block()
        cb = self.from_block(blk) if self.zh else self.from_block(blk)
        port = self.sms_port()
        sms_from_block = chance(r, 0.35)
        C_templs = templs
        if tagset is None:
            tagset = self.tags_for(cat)
        tagged = set()
        C = dict(cid=cid, src=src, cat=cat, brand=brand, start=start_day, D=D, mention=mention, name_used=name_used,
                 blk=blk, port=port, dom=dom, trap=trap, channels=channels, templs=C_templs)
        self.campaigns.append(C)

        def day_k():
            if spread:
                return start_day + r.uniform(0, length)
            # front-loaded schedule
            return start_day + min(length, r.expovariate(2.5 / length))

        for _ in range(channels.get("call", 0)):
            num = self.from_block(blk)
            if num in tagged or (tagset and chance(r, 0.35)):
                tagged.add(num)
                tag = pick(r, tagset) if tagset else ""
            else:
                tag = ""
            k = r.random()
            if k < 0.45:
                d, dur = "missed", 0
            elif k < 0.6:
                d, dur = "rejected", 0
            else:
                d, dur = "in", r.randint(4, 95)
            self.ev(ch="call", t=self.at(day_k(), 9, 20), num=num, dir=d, dur=dur, name="", tag=tag, src=src, cid=cid)
        for _ in range(channels.get("sms", 0)):
            ctx = self.ctx(brand, D, cat, mention and chance(r, 0.7), name_used if chance(r, 0.8) else None)
            ctx["phone"] = cb if chance(r, 0.7) else self.from_block(blk)
            if not self.zh:
                ctx["phone"] = fmt_us(ctx["phone"])
            ctx["link"] = self.link(dom)
            body = pick(r, templs).format(**ctx)
            addr = self.from_block(blk) if sms_from_block else port
            if self.zh and sms_from_block:
                body = body.replace(ctx["sig"], "")
            self.ev(ch="sms", t=self.at(day_k(), 9, 21), addr=addr, body=body, type=1, contact=None, src=src, cid=cid)
        if channels.get("email"):
            mk = self.mail_maker(cat, brand, dom, D, mention, name_used, templs)
            for i in range(channels["email"]):
                self.ev(ch="email", t=self.at(day_k(), 7, 23), mail=mk(i, to_email), src=src, cid=cid)
        return C

    def tags_for(self, cat):
        if self.zh:
            m = {"property": ["房产中介", "房产中介", "骚扰电话"], "finance": ["贷款理财", "金融理财", "骚扰电话"], "renovation": ["装修公司", "广告推销"],
                 "insurance": ["保险理财", "推销"], "education": ["教育培训", "广告推销"], "recruitment": ["招聘猎头"],
                 "retail": ["广告推销", "推销"], "healthcare": ["广告推销"], "telecom": ["广告推销", "骚扰电话"], "automotive": ["广告推销", "骚扰电话"],
                 "fraud": ["疑似诈骗", "诈骗电话"]}
        else:
            m = {"fraud": ["Scam Likely", "Potential Fraud"], "automotive": ["Scam Likely", "Spam Risk"]}
            return m.get(cat, ["Spam Risk", "Telemarketer", ""])
        return m.get(cat, ["骚扰电话"])

    def mail_maker(self, cat, brand, dom, D, mention, name_used, templs):
        r, P, zh = self.r, self.P, self.zh
        esp = pick(r, ["sendgrid", "mailchimp", "ses", "sendcloud", "own"]) if not zh else pick(r, ["sendcloud", "webpower", "own", "aliyun"])
        charset = "gbk" if zh and chance(r, 0.4) else "utf-8"

        def mk(i, to):
            ctx = self.ctx(brand, D, cat, mention and chance(r, 0.7), name_used)
            ctx["link"] = self.link(dom)
            ctx["phone"] = ""
            if zh:
                subj = pick(r, ZH_SUBJ[cat]).format(**ctx)
                body = pick(r, templs).format(phone=self.from_block(self.block()), **{k: v for k, v in ctx.items() if k != "phone"})
                body = body.replace("{", "")
                greet = ctx["greet"]
                text = f"{greet}：\n\n{body}\n\n更多详情请访问 https://www.{dom}/\n\n此邮件由系统自动发送，请勿直接回复。如不想再收到此类邮件，请点击退订：https://www.{dom}/unsub?u={digits(r, 8)}\n{brand} 版权所有"
            else:
                subj = pick(r, EN_SUBJ[cat]).format(**ctx)
                body = pick(r, templs).format(**{**ctx, "phone": fmt_us(self.from_block(self.block()))})
                body = body.split(" Reply STOP")[0].split(" STOP")[0].split(" Txt STOP")[0]
                text = (f"Hi {ctx.get('fname', 'there')},\n\n{body}\n\nFrom the team at {brand} - we're here to help.\n\n"
                        f"You are receiving this email because you opted in to offers from our partners.\n"
                        f"Unsubscribe: https://{dom}/unsubscribe?id={digits(r, 9)}\n{brand}, {r.randint(100, 9999)} Commerce Pkwy, Suite {r.randint(100, 500)}")
            return dict(frm_name=brand, frm=f"{pick(r, ['news', 'info', 'hello', 'noreply', 'offers'])}@{'mail.' if chance(r, 0.5) else ''}{dom}",
                        to=to, subject=subj, text=text, esp=esp, charset=charset, dom=dom, html=chance(r, 0.5),
                        unsub=f"https://{dom}/u/{digits(r, 10)}")
        return mk

    # --- leak campaigns from disclosures
    def leak_campaigns(self):
        r = self.r
        for D in self.disclosures:
            if not D["leaky"]:
                continue
            nleak = 0
            for cat, p in D["leaks"]:
                if not chance(r, p):
                    continue
                nleak += 1
                delay = min(75, max(2, r.lognormvariate(math.log(14), 0.6)))
                to_email = D["email"]
                if to_email and not chance(r, 0.8):
                    to_email = None
                self.campaign(cat, D["day"] + delay, src=D["source"], D=D, label=f"{D['key']}>{cat}", to_email=to_email,
                              intensity=pick(r, [0.5, 1, 1, 1.5]))
            if nleak == 0:
                cat = D["leaks"][0][0]
                delay = min(75, max(2, r.lognormvariate(math.log(14), 0.6)))
                self.campaign(cat, D["day"] + delay, src=D["source"], D=D, label=f"{D['key']}>{cat}", to_email=D["email"])

    # --- the source's own messages (not a leak)
    def own_messages(self):
        r, P = self.r, self.P
        for D in self.disclosures:
            if not chance(r, 0.6):
                continue
            cid = self.new_cid(f"own:{D['key']}")
            port = self.sms_port()
            srcname = D["source"]
            for i in range(r.randint(1, 4)):
                t = self.at(D["day"] + r.uniform(0, 60 if i else 2))
                if self.zh:
                    body = pick(r, ZH_OWN[D["key"]]).format(short=D["short"], src=srcname, car=D.get("car") or "爱车", code=digits(r, 6), n=r.randint(1, 9))
                    body = f"【{D['short'] if len(D['short']) <= 8 else srcname[:8]}】{body}"
                else:
                    body = f"{D['short']}: " + pick(r, EN_OWN[D["key"]]).format(short=D["short"], car=D.get("car") or "vehicle", code=digits(r, 6), n=r.randint(1, 9))
                self.ev(ch="sms", t=t, addr=port, body=body, type=1, contact=None, cid=cid)
            if D["email"] and chance(r, 0.7):
                dom = ("".join(ch for ch in D["short"].lower() if ch.isalnum() and ch.isascii()) or "svc" + digits(r, 3)) + ".com"
                for i in range(r.randint(1, 3)):
                    t = self.at(D["day"] + r.uniform(0, 40))
                    if self.zh:
                        subj = f"{srcname}：{pick(r, ['服务通知', '订单确认', '欢迎加入', '您的预约信息'])}"
                        text = f"尊敬的{D['namevar'] or P['name']}：\n\n感谢您选择{srcname}。您的信息已登记，如有疑问请致电客服。\n\n{srcname}"
                    else:
                        subj = pick(r, [f"Welcome to {D['short']}", f"Your {D['short']} appointment", f"{D['short']} receipt"])
                        text = f"Hi {(D['namevar'] or P['name']).split()[0]},\n\nThanks for choosing {srcname}. Your details are on file.\n\n{srcname}"
                    self.ev(ch="email", t=t, cid=cid, mail=dict(frm_name=srcname, frm=f"service@{dom}", to=D["email"], subject=subj, text=text,
                                                                esp="own", charset="utf-8", dom=dom, html=False, unsub=None))

    # --- noise
    def noise(self):
        r, P, zh = self.r, self.P, self.zh
        # contacts
        if zh:
            rel = ["妈妈", "爸爸", "老婆" if P["male"] else "老公", "姐", "小舅", "王磊", "李娜", "陈经理", "刘总", "老周", "小赵", "房东", "张老师", "物业"]
        else:
            rel = ["Mom", "Dad", "Jess", "Mike (work)", "Aunt Carol", "Dr. Patel office", "Landlord", "Coach Rob", "Sam", "Kelly", "Brian R", "Chris"]
        contacts = [(nm, self.fresh(lambda: zh_mobile(r) if zh else us_num(r, pick(r, P["city"]["codes"])))) for nm in r.sample(rel, r.randint(7, len(rel)))]
        weights = [r.uniform(0.5, 6) for _ in contacts]
        ncalls = r.randint(160, 420)
        cid = "noise:contacts"
        for _ in range(ncalls):
            nm, num = r.choices(contacts, weights)[0]
            d = r.choices(["in", "out", "missed"], [4, 5, 1])[0]
            self.ev(ch="call", t=self.at(self.rand_day(), 7, 23), num=num, dir=d, dur=0 if d == "missed" else int(r.expovariate(1 / 180)) + 5,
                    name=nm, tag="", cid=cid)
        chat_zh = ["到家了吗", "晚上回来吃饭吗？", "好的", "我在开会，晚点回你", "周末带孩子过来吃饭", "收到", "明天几点到？", "把地址发我一下",
                   "钱转你了，查收一下", "路上堵车，晚十分钟", "今天降温多穿点", "妈说让你回个电话", "这个月房租已转", "报告我发你邮箱了"]
        chat_en = ["On my way", "Can you grab milk?", "Running 10 min late, sorry", "Call me when you can", "Happy birthday!! Dinner Sat?",
                   "ok sounds good", "Did you see the game last night", "Rent sent via Zelle", "Meeting moved to 3pm", "Thanks again for today"]
        for _ in range(r.randint(40, 120)):
            nm, num = r.choices(contacts, weights)[0]
            typ = r.choice([1, 1, 2])
            body = pick(r, chat_zh if zh else chat_en)
            if chance(r, 0.12):
                body += pick(r, ["\U0001F602", "\U0001F44D", "\u2764\ufe0f", "\U0001F60A"])
            self.ev(ch="sms", t=self.at(self.rand_day(), 7, 23), addr=num, body=body, type=typ, contact=nm, cid=cid)
        for _ in range(r.randint(1, 4)):
            grp = r.sample(contacts, 2)
            self.ev(ch="mms", t=self.at(self.rand_day(), 8, 22), addrs=[g[1] for g in grp], frm=grp[0][1], contact=", ".join(g[0] for g in grp),
                    body=pick(r, ["明天聚餐别忘了", "群里说的那家店在哪", "照片发群里了"] if zh else ["Who's bringing chips?", "Pics from Saturday", "See you all at 7"]), cid=cid)
        # bank OTP and notices
        banks = [("招商银行", "95555"), ("工商银行", "95588"), ("建设银行", "95533"), ("支付宝", "95188"), ("美团", "1069" + digits(r, 8)), ("京东", "1069" + digits(r, 8)),
                 ("12306", "12306"), ("滴滴出行", "1069" + digits(r, 9))] if zh else \
            [("Chase", "24273"), ("Bank of America", "73981"), ("Venmo", "86753"), ("Google", "22000"), ("Amazon", "262966"), ("DoorDash", "32275"), ("Uber", "89203")]
        banks = r.sample(banks, 5)
        for _ in range(r.randint(50, 150)):
            b, num = pick(r, banks)
            code = digits(r, 6)
            if zh:
                body = pick(r, [f"【{b}】验证码{code}，您正在进行登录操作，5分钟内有效，请勿泄露给他人。",
                                f"【{b}】您尾号{digits(r, 4)}的账户{r.randint(1, 12)}月{r.randint(1, 28)}日消费人民币{r.randint(5, 900)}.{digits(r, 2)}元。",
                                f"【{b}】{code}（动态验证码），请勿向任何人提供。"])
            else:
                body = pick(r, [f"{b}: Your one-time code is {code}. Don't share it with anyone.", f"{code} is your {b} verification code.",
                                f"{b}: A purchase of ${r.randint(3, 300)}.{digits(r, 2)} was made on card ending {digits(r, 4)}."])
            self.ev(ch="sms", t=self.at(self.rand_day(), 6, 24), addr=num, body=body, type=1, contact=None, cid="noise:otp")
        # carrier
        if zh:
            cn = {"cm": ("10086", "中国移动"), "cu": ("10010", "中国联通"), "ct": ("10000", "中国电信")}[P["carrier"]]
            for i in range(r.randint(12, 30)):
                body = pick(r, [f"【{cn[1]}】尊敬的客户，您好！截至{r.randint(1, 28)}日，您本月已使用流量{r.randint(1, 30)}.{r.randint(0, 9)}GB，套餐剩余{r.randint(1, 20)}GB。",
                                f"【{cn[1]}】您{r.randint(1, 12)}月话费账单已出：套餐及固定费{r.randint(38, 128)}.00元，详情可登录APP查询。",
                                f"【{cn[1]}】5G升级包限时优惠，每月仅需{r.randint(10, 30)}元，回复KT{digits(r, 2)}办理，回复QX取消。"])
                self.ev(ch="sms", t=self.at(self.rand_day(), 8, 21), addr=cn[0], body=body, type=1, contact=None, cid="noise:carrier")
            for _ in range(r.randint(1, 4)):
                self.ev(ch="call", t=self.at(self.rand_day()), num=cn[0], dir="in", dur=r.randint(30, 200), name="", tag="", cid="noise:carrier")
        else:
            cn = {"tmobile": ("456", "FREE T-Mobile Msg"), "verizon": ("900080004101", "Verizon Msg"), "att": ("1111301000", "AT&T Free Msg")}[P["carrier"]]
            for i in range(r.randint(12, 30)):
                body = pick(r, [f"{cn[1]}: Your bill of ${r.randint(45, 140)}.{digits(r, 2)} is ready. Autopay is scheduled.",
                                f"{cn[1]}: You've used {r.randint(50, 95)}% of your high-speed data.", f"{cn[1]}: Upgrade to the new iPhone and get up to $800 off with trade-in."])
                self.ev(ch="sms", t=self.at(self.rand_day(), 8, 21), addr=cn[0], body=body, type=1, contact=None, cid="noise:carrier")
        # courier
        for _ in range(r.randint(15, 50)):
            num = self.fresh(lambda: zh_mobile(r) if zh else us_num(r))
            self.ev(ch="call", t=self.at(self.rand_day(), 9, 20), num=num, dir=pick(r, ["in", "in", "missed"]), dur=r.randint(8, 60), name="",
                    tag=pick(r, ["快递送餐", "快递送餐", ""]) if zh else "", cid="noise:courier")
        for _ in range(r.randint(15, 50)):
            if zh:
                body = pick(r, [f"【菜鸟驿站】您的包裹已到{pick(r, P['city']['dists'])}{pick(r, ['幸福里', '阳光', '锦华'])}驿站，请凭{r.randint(1, 9)}-{r.randint(1, 9)}-{digits(r, 4)}取件。",
                                f"【丰巢】取件码{digits(r, 8)}，您的{pick(r, ['中通', '圆通', '韵达', '顺丰'])}包裹已存入丰巢柜，请及时取件。",
                                f"【顺丰速运】您的快件{digits(r, 12)}正在派送，派送员电话{zh_mobile(r)}。"])
                addr = "1069" + digits(r, 8)
            else:
                body = pick(r, [f"UPS: Your package is out for delivery today. Track: ups.com/t/{digits(r, 10)}",
                                f"Amazon: Your package was delivered. It was left near the front door.", f"FedEx: Scheduled delivery {pick(r, ['Mon', 'Tue', 'Thu'])} for {digits(r, 12)}."])
                addr = pick(r, ["69877", "262966", "46339"])
            self.ev(ch="sms", t=self.at(self.rand_day(), 8, 21), addr=addr, body=body, type=1, contact=None, cid="noise:courier")
        # fraud blasts
        for _ in range(r.randint(8, 25)):
            if zh:
                body = pick(r, [f"【顺丰速运】您的快递因地址不详被退回，请点击 http://sf-{digits(r, 3)}.cc 重新填写地址",
                                f"您的医保卡因涉嫌违规使用已被冻结，请立即联系市医保中心{zh_mobile(r)}解冻，否则将移交公安机关。",
                                f"【ETC服务】您的ETC已失效，请登录 etc-{digits(r, 2)}.top 重新认证，逾期停用。",
                                f"您好，您的个人征信出现异常，需在今天内处理，请回拨0{digits(r, 10)}。",
                                f"【税务局】您有一笔个税退税{r.randint(800, 4000)}元待领取，请点击 http://tax-{digits(r, 3)}.vip 办理"])
                addr = pick(r, ["+852" + digits(r, 8), "1" + pick(r, CM) [1:] + digits(r, 8), "+63" + digits(r, 10), "1069" + digits(r, 8)])
            else:
                body = pick(r, [f"USPS: Your package is on hold due to an incomplete address. Update: usps-redel{digits(r, 2)}.top",
                                f"E-ZPass: You have an unpaid toll of $4.{digits(r, 2)}. Pay now to avoid a late fee: ezpass-{digits(r, 3)}.com",
                                f"Wells Fargo Alert: Unusual sign-in detected. Verify at wf-secure{digits(r, 2)}.info",
                                f"Amazon: Suspicious purchase of iPhone 15 Pro $1,299. If this wasn't you call +1{us_num(r)}"])
                addr = "+1" + us_num(r) if chance(r, 0.7) else "+63" + digits(r, 10)
            self.ev(ch="sms", t=self.at(self.rand_day(), 0, 24), addr=addr, body=body, type=1, contact=None, cid="noise:fraud")
        for _ in range(r.randint(6, 20)):
            num = ("+852" + digits(r, 8) if chance(r, 0.3) else "00" + digits(r, 11) if chance(r, 0.3) else zh_mobile(r)) if zh else \
                ("+1" + us_num(r) if chance(r, 0.6) else us_num(r, pick(r, P["city"]["codes"])))
            self.ev(ch="call", t=self.at(self.rand_day(), 8, 22), num=num, dir=pick(r, ["missed", "in", "rejected"]), dur=r.randint(0, 40),
                    name="Scam Likely" if not zh and chance(r, 0.5) else "", tag=pick(r, ["疑似诈骗", "诈骗电话", ""]) if zh else "", cid="noise:fraud")
        # cold marketing unrelated to any disclosure; sometimes of a kind the person did disclose (trap)
        kinds = [D["kind"] for D in self.disclosures]
        pool = ["finance", "property", "insurance", "education", "retail", "renovation"]
        for i in range(r.randint(2, 4)):
            cat = pick(r, pool)
            start = self.rand_day(0, 330)
            trap = None
            if i == 0 and self.disclosures:
                D = pick(r, self.disclosures)
                cat = D["leaks"][0][0] if D["leaks"][0][0] != "fraud" else "retail"
                start = D["day"] + r.uniform(1, 10)
                trap = f"cold {cat} right after '{D['source']}'"
            self.campaign(cat, start, label=f"cold:{cat}", to_email=P["emails"][0] if chance(r, 0.4) else None, trap=trap,
                          intensity=pick(r, [0.5, 1]))
        # a campaign that began before any disclosure and runs on
        cat = pick(r, ["finance", "property", "insurance"] if zh else ["automotive", "finance", "insurance"])
        first = self.disclosures[0]["day"] if self.disclosures else 30
        C = self.campaign(cat, r.uniform(0, max(1, min(10, first - 5))), label=f"old:{cat}", length=r.uniform(200, 360), spread=True,
                          channels={"call": r.randint(10, 30), "sms": r.randint(2, 8)}, trap="began before every disclosure")
        # make sure its first contact is inside the export window and before the first disclosure
        blk = C["blk"]
        self.ev(ch="call", t=self.at(C["start"], 9, 19), num=self.from_block(blk), dir="in", dur=r.randint(6, 20), name="", tag="", src=None, cid=C["cid"])
        # e-mail noise
        self.mail_noise()

    def mail_noise(self):
        r, P, zh = self.r, self.P, self.zh
        me = P["emails"][0]
        # work / friends
        people = [("陈晓", "chenxiao@company-mail.cn"), ("刘总", "liu.zong@hengda-tech.com"), ("HR部门", "hr@hengda-tech.com"), ("表姐", "xiaomei_88@qq.com")] if zh else \
            [("Mike Torres", "mtorres@brightwave.io"), ("Jess Walker", "jessw88@gmail.com"), ("HR Team", "hr@brightwave.io"), ("Mom", "carol.ann54@yahoo.com")]
        for _ in range(r.randint(15, 50)):
            nm, a = pick(r, people)
            subj = pick(r, ["周报", "下周会议安排", "照片", "Re: 合同修改意见", "报销单"] if zh else ["Weekly sync notes", "Re: Q3 plan", "Photos from the lake", "Lunch Thursday?", "Fwd: insurance card"])
            text = pick(r, ["附件是本周的周报，请查收。", "周三下午三点开会，大家准时参加。", "照片在附件里，挺好看的。"] if zh else
                        ["See notes below.\n\nFrom the meeting: we agreed to ship on Friday.", "Here you go! Let me know if the link doesn't work.", "Sounds great, see you then."])
            self.ev(ch="email", t=self.at(self.rand_day(), 7, 23), cid="noise:people",
                    mail=dict(frm_name=nm, frm=a, to=me, subject=subj, text=text, esp="personal", charset="utf-8", dom=a.split("@")[1], html=False, unsub=None))
        # receipts / newsletters the person signed up for
        svcs = [("京东", "jd-notice.com", "您的订单已发货"), ("12306", "rails12306.cn", "网上购票系统-用户支付通知"), ("网易云音乐", "music-news.cn", "本周推荐歌单"), ("携程旅行", "trip-mail.cn", "订单确认")] if zh else \
            [("Amazon.com", "amazon-notices.com", "Your order has shipped"), ("Netflix", "netflix-mail.com", "New on Netflix this week"), ("Delta Air Lines", "delta-mail.com", "Your trip confirmation"), ("The Morning Brief", "morningbrief.news", "Today's top stories")]
        for _ in range(r.randint(15, 50)):
            nm, dom, subj = pick(r, svcs)
            if zh:
                text = pick(r, [f"尊敬的{P['name']}：\n\n{subj}。订单号 {digits(r, 12)}，商品：{pick(r, ['纸巾 3提', '蓝牙耳机', '儿童绘本套装', '电饭煲', '运动鞋'])}，实付 {r.randint(20, 600)}.00 元。\n预计 {r.randint(1, 3)} 天内送达，可在APP“我的订单”中查看物流。\n\n本邮件由系统自动发出，请勿回复。",
                                f"{subj}\n\n1. {pick(r, ['晴天', '夜曲', '稻香', '后来'])}\n2. {pick(r, ['光年之外', '孤勇者', '起风了'])}\n3. {pick(r, ['平凡之路', '小幸运', '演员'])}\n\n打开APP收听完整歌单。退订请在设置中关闭邮件推送。"])
            else:
                text = pick(r, [f"Hi {P['first']},\n\n{subj}. Order #{digits(r, 3)}-{digits(r, 7)}-{digits(r, 7)}\nItem: {pick(r, ['USB-C cable 2-pack', 'Paper towels, 12 rolls', 'Kids water bottle', 'Running socks'])}\nArriving {pick(r, ['Tuesday', 'Thursday', 'tomorrow'])}.\n\nTrack your package in Your Orders.",
                                f"Good morning.\n\nMarkets: stocks edged higher as investors weighed new inflation data.\nWeather: a cold front moves through the Midwest.\nSports: {pick(r, ['the Nuggets', 'the Buckeyes', 'the Blazers'])} won in overtime.\n\nYou're receiving this because you subscribed. Manage preferences."])
            self.ev(ch="email", t=self.at(self.rand_day(), 6, 24), cid="noise:svc",
                    mail=dict(frm_name=nm, frm=f"no-reply@{dom}", to=me, subject=subj, text=text,
                              esp="ses", charset="utf-8", dom=dom, html=chance(r, 0.5), unsub=f"https://{dom}/unsub" if chance(r, 0.5) else None))
        # old-breach spam
        old = [("代开发票", "【代开各类正规发票】增值税普票、专票，点数优惠，联系Q{q}"), ("澳门新葡京", "首存送{n}8%，注册即送88元，网址 xpj{n}{n}.vip"),
               ("Your account was hacked", "I know your password. Send $1,250 in Bitcoin to bc1q{h} within 48 hours."), ("Re: 高额回报", "稳赚不赔的投资项目，日收益{n}%，加微信咨询")] if zh else \
            [("Your account was hacked", "I know your password is hunter{n}{n}. Send $1,450 in Bitcoin to bc1q{h} within 48 hours."),
             ("Claim your Costco reward", "Congratulations! You were selected for a $100 reward. Complete the survey: costco-rwd{n}.info"),
             ("Cheap meds online", "Viagra, Cialis 80% OFF, no prescription. pharm{n}{n}.ru"), ("Invoice #{n}{n}{n}", "Please see the attached overdue invoice and remit payment today.")]
        for _ in range(r.randint(10, 35)):
            s, b = pick(r, old)
            q = str(r.randint(10 ** 8, 10 ** 9))
            n = r.randint(1, 9)
            h = uuid.UUID(int=r.getrandbits(128)).hex[:24]
            dom = uuid.UUID(int=r.getrandbits(128)).hex[:8] + pick(r, [".ru", ".xyz", ".top", ".info"])
            self.ev(ch="email", t=self.at(self.rand_day(), 0, 24), cid="noise:oldspam",
                    mail=dict(frm_name=pick(r, ["Support", "Admin", "客服", "财务部"]), frm=f"{uuid.UUID(int=r.getrandbits(128)).hex[:7]}@{dom}",
                              to=pick(r, [me, me, "undisclosed-recipients:;"]), subject=s.format(n=n), text=b.format(q=q, n=n, h=h), esp="junk",
                              charset=pick(r, ["gb2312", "utf-8"]) if zh else "utf-8", dom=dom, html=False, unsub=None))

    def build(self):
        self.make_disclosures()
        self.leak_campaigns()
        self.own_messages()
        self.noise()
        self.events.sort(key=lambda e: e["t"])


ZH_SUBJ = {
    "property": ["【{brand}】{dist}精选好房推荐", "{ment}本周急售房源清单", "业主专享：免费房产评估"],
    "finance": ["【{brand}】您的专属额度已到账", "{ment}低息贷款方案", "房贷转贷，月供立省"],
    "renovation": ["【{brand}】新房装修攻略+报价单", "{ment}装修季大促，限时优惠", "免费量房设计预约"],
    "insurance": ["【{brand}】您的保险方案", "{ment}续保优惠通知", "少儿医疗险限时投保"],
    "education": ["【{brand}】免费体验课邀请", "{ment}课程顾问为您推荐", "早教课程限时优惠"],
    "recruitment": ["【{brand}】职位推荐", "{ment}面试邀请", "高薪职位等你来"],
    "retail": ["【{brand}】会员专享福利", "{ment}新品试用申请", "限时折扣"],
    "healthcare": ["【{brand}】健康检测预约", "{ment}免费检测名额"],
    "telecom": ["【{brand}】宽带优惠", "{ment}千兆宽带限时办理"],
    "automotive": ["【{brand}】车主专享服务", "{ment}爱车免费检测"],
    "fraud": ["退款通知", "{ment}订单异常处理"],
}
EN_SUBJ = {
    "property": ["New listings you'll love", "{fname}, homes near you are moving fast", "Your free home value report"],
    "finance": ["You're pre-qualified, {fname}", "Rates just dropped", "Your personalized loan offer"],
    "renovation": ["Exclusive offer for new homeowners", "{fname}, your free estimate is waiting", "Spring savings inside"],
    "insurance": ["Your quote is ready", "{fname}, are you overpaying for insurance?", "Protect your growing family"],
    "education": ["Free trial class - reserve a spot", "{fname}, enrollment closes Friday", "Give your child a head start"],
    "recruitment": ["New jobs matching your profile", "{fname}, a recruiter wants to talk", "Opportunity: {job}"],
    "retail": ["A gift for you, {fname}", "Your exclusive discount", "FREE sample box - claim now"],
    "healthcare": ["Congratulations! A special offer", "Your free consultation"],
    "telecom": ["Switch and save", "{fname}, 300+ channels for less"],
    "automotive": ["IMPORTANT: vehicle coverage notice", "Final notice regarding your {car}"],
    "fraud": ["Refund pending", "Action required: order issue"],
}
ZH_OWN = {
    "flat": ["感谢您莅临{short}，您的置业顾问将持续为您服务。", "您认购的房源已签约，请按期缴纳首付款。"],
    "car": ["您的{car}首保提醒：行驶满5000公里请到店保养，预约电话见店内。", "感谢您选择本店，请对我们的服务进行评价。"],
    "birth": ["您的产检时间为明天上午，请空腹携带就诊卡。", "出生医学证明已可领取，请携带身份证至门诊三楼。"],
    "job": ["您的验证码为{code}，10分钟内有效。", "您有{n}个新的职位推荐，登录查看。"],
    "insq": ["您的报价验证码{code}。", "您的报价已生成，登录查看详情。"],
    "gym": ["您的会员卡已开通，欢迎光临。", "您预约的团课明天19:00开始。"],
    "kids": ["试听课已预约成功，请准时到校。", "孩子的课程反馈已发送，请查收。"],
    "bb": ["装机师傅将于明天上门，请保持电话畅通。", "您的宽带已开通，账号密码已发送。"],
    "shop": ["您的订单已发货，快递单号{code}{n}。", "您的验证码是{code}。"],
    "loan": ["您的验证码{code}，请勿泄露。", "您的借款申请未通过审核。"],
    "reno": ["设计师将于周六上门量房。", "您的报价单已发送至微信。"],
}
EN_OWN = {
    "flat": ["Thanks for visiting our model homes! Your sales counselor will follow up.", "Reminder: your appointment is tomorrow at 11am."],
    "car": ["Thanks for your purchase! Your first service is due at 5,000 miles.", "How did we do? Rate your visit."],
    "birth": ["Reminder: pediatric follow-up tomorrow 9:30am.", "Your patient portal code is {code}."],
    "job": ["Your verification code is {code}.", "{n} new jobs match your search."],
    "insq": ["Your code is {code}.", "Your quotes are ready in your account."],
    "gym": ["Welcome! Your membership is active.", "Your class is booked for tomorrow 6pm."],
    "kids": ["Your trial class is confirmed for Saturday 10am.", "Thanks for visiting - here's your progress report."],
    "bb": ["Your technician arrives tomorrow 8-10am.", "Your service is now active."],
    "shop": ["Your order has shipped! Tracking {code}{n}.", "Your code is {code}."],
    "loan": ["Your code is {code}.", "We're unable to approve your application at this time."],
    "reno": ["Your estimate is ready.", "Your designer visit is confirmed for Tuesday."],
}


# which life topic each template fits (by index); unlisted = generic
TOPICS = {
    "finance": [(), ("home",), ("home",), (), ("car",)],
    "renovation": [("home",), ("home",), ()],
    "insurance": [("car",), ("baby",), (), ("car",), ("kid", "baby")],
    "education": [("baby",), ("kid",), ("job",), ("kid", "baby")],
    "retail": [("baby",), ("baby",), ("home",), ("home",), ("fit",), ("kid",)],
    "healthcare": [("baby",), ("fit",), ()],
    "telecom": [("home",), ("home",)],
    "automotive": [("car",), ("car",)],
}
EN_TOPICS = {
    "finance": [("home",), (), (), ("car",)],
    "renovation": [("home",), ("home",), ("home",)],
    "insurance": [("car",), ("baby",), (), ("car",)],
    "education": [("kid",), ("baby",), ("job",)],
    "retail": [("baby",), ("fit",), ("home",), ()],
    "healthcare": [("baby",), ("fit",)],
    "telecom": [("home",), ()],
    "automotive": [("car",), ("car",)],
}
SRC_TOPIC = {"flat": "home", "reno": "home", "bb": "home", "car": "car", "insq": "car", "birth": "baby", "kids": "kid", "gym": "fit", "job": "job"}


TBRANDS = {
    ("zh", "finance"): [["快易花", "众信普惠", "安心借"], ["惠民易贷", "鑫融金服", "金盾融资"], ["惠民易贷", "鑫融金服", "金盾融资"], ["快易花", "众信普惠", "安心借"], ["车贷通", "速融车贷"]],
    ("zh", "insurance"): [["车安保", "平顺保险服务"], ["康宁保险代理", "宝护少儿保险"], ["泰安保险代理", "众联保险经纪"], ["车安保", "平顺保险服务"], ["康宁保险代理", "宝护少儿保险"]],
    ("zh", "education"): [["启蒙星早教", "贝贝乐早教中心"], ["未来星少儿英语", "童思维美术", "学而思维教育"], ["优途职业教育", "职达考证"], ["未来星少儿英语", "童思维美术", "学而思维教育"]],
    ("zh", "retail"): [["爱婴坊母婴", "宝贝计划母婴"], ["童年印象摄影", "萌宝影像"], ["悦家家具城", "名匠家居"], ["优选净水", "清泉净水"], ["康体营养", "轻卡代餐"], ["童趣学习机", "小书虫点读"]],
    ("zh", "healthcare"): [["美丽妈妈产后修复"], ["轻塑体态中心"], ["仁心口腔"]],
    ("zh", "telecom"): [["极速光纤", "宽带通"], ["智家安防"]],
    ("zh", "automotive"): [["车易收二手车"], ["车管家贴膜"]],
    ("en", "finance"): [["Apex Home Lending", "ClearPath Mortgage", "Rocket Refi Team"], ["Granite Funding", "QuickCash Direct"], ["Granite Funding", "QuickCash Direct"], ["AutoRefi Now", "DriveLow Lending"]],
    ("en", "renovation"): [["ProShield Roofing"], ["Solarize Now", "SunPeak Solar"], ["Evergreen Windows"]],
    ("en", "insurance"): [["DriveSure Auto Insurance", "Liberty Shield Agency"], ["FamilyFirst Life"], ["SafeHarbor Insurance", "Liberty Shield Agency"], ["DriveSure Auto Insurance", "Liberty Shield Agency"]],
    ("en", "education"): [["Bright Minds Academy", "ScholarPrep Tutors"], ["KinderSteps Early Learning"], ["CodeCamp Pro"]],
    ("en", "retail"): [["BabyBox Samples"], ["NutriMax Supplements"], ["HomeGuard Security"], ["Nestwell Furniture", "ShopSmart Deals"]],
    ("en", "healthcare"): [["CordSafe Cord Blood"], ["VitalCare Clinic"]],
    ("en", "telecom"): [["StreamMax TV"], ["BoostNet Wireless"]],
}


def topical(pool, cat, zh, D, r):
    tops = (TOPICS if zh else EN_TOPICS).get(cat)
    if not tops:
        return pool
    if D is None:
        # cold marketing: generic wording or any topic
        return pool
    t = SRC_TOPIC.get(D["key"])
    spec = [p for p, tp in zip(pool, tops) if t and t in tp]
    gen = [p for p, tp in zip(pool, tops) if not tp]
    if spec and (not gen or chance(r, 0.75)):
        return spec
    return gen or pool


def fmt_us(n):
    n = n[-10:]
    return f"({n[:3]}) {n[3:6]}-{n[6:]}"


# ----------------------------------------------------------------------------
# writers


def write_disclosures(g, path):
    P, r = g.P, g.r
    L = []
    if g.zh:
        L.append("# 我把信息给过谁 —— 自己记的")
        fmtp = lambda p: pick(r, [p, f"+86 {p[:3]} {p[3:7]} {p[7:]}", f"{p[:3]}-{p[3:7]}-{p[7:]}"])
    else:
        L.append("# who has my details (my own notes)")
        fmtp = lambda p: pick(r, [f"+1 {fmt_us(p)}", f"+1{p}", f"+1-{p[:3]}-{p[3:6]}-{p[6:]}"])
    L.append("[me]")
    L.append(f'name   = "{P["name"]}"')
    L.append("phones = [" + ", ".join(f'"{fmtp(p)}"' for p in P["phones"]) + "]")
    L.append("emails = [" + ", ".join(f'"{e}"' for e in P["emails"]) + "]")
    L.append("")
    for D in g.disclosures:
        L.append("[[disclosure]]")
        L.append(f'source = "{D["source"]}"')
        d = D["date"]
        if g.zh:
            ds = pick(r, [d.isoformat(), d.isoformat(), f"{d.year}/{d.month}/{d.day}", f"{d.year}年{d.month}月{d.day}日"])
        else:
            ds = pick(r, [d.isoformat(), d.isoformat(), d.strftime("%B %-d, %Y")])
        L.append(f'date = "{ds}"')
        if D["kind"]:
            L.append(f'kind = "{D["kind"]}"')
        if D["phone"] != P["phones"][0] or chance(r, 0.6) or os.environ.get("ALL_PHONES"):
            L.append(f'phones = ["{fmtp(D["phone"])}"]')
        if D["email"] and (D["alias"] or chance(r, 0.6)):
            L.append(f'emails = ["{D["email"]}"]')
        if D["namevar"]:
            L.append(f'names = ["{D["namevar"]}"]')
        if D["kw"] and chance(r, 0.7):
            L.append("keywords = [" + ", ".join(f'"{k}"' for k in D["kw"]) + "]")
        if chance(r, 0.8):
            L.append(f'notes = "{D["notes"]}"')
        L.append("")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(L))


def write_calls(g, path, truth):
    r, P = g.r, g.P
    calls = [e for e in g.events if e["ch"] == "call"]
    zh = g.zh
    style = ["zh_backup", "zh_backup_gbk", "zh_bill"][g.seed % 3] if zh else ["en_android", "en_carrier"][g.seed % 2]
    desc = chance(r, 0.5)
    if style == "zh_bill":
        calls = [e for e in calls if e["dir"] not in ("missed", "rejected")]
    if desc:
        calls = list(reversed(calls))
    rows = []
    enc = "utf-8"
    sep = ","
    if style == "zh_backup":
        sep = pick(r, [",", ",", "\t"])
        head = ["姓名", "号码", "归属地", "通话类型", "通话时间", "通话时长", "号码标记"]
        enc = "utf-8-sig"
        tmap = {"in": "呼入", "out": "呼出", "missed": "未接来电", "rejected": "已拒接"}
        for e in calls:
            n = e["num"]
            if chance(r, 0.3) and n[:1] == "1" and len(n) == 11:
                n = "+86" + n
            loc = P["city"]["city"] if n.startswith("0" + P["city"]["code"].lstrip("0")) or chance(r, 0.4) else pick(r, ["广东广州", "江苏南京", "河南郑州", "未知"])
            loc = "" if n.startswith("+852") or n.startswith("00") else loc
            d = e["dur"]
            rows.append([e["name"], n, loc, tmap[e["dir"]], e["t"].strftime("%Y-%m-%d %H:%M:%S"), f"{d // 3600:02d}:{d % 3600 // 60:02d}:{d % 60:02d}", e["tag"]])
    elif style == "zh_backup_gbk":
        head = ["联系人", "电话号码", "类型", "日期", "时长(秒)", "标记", "备注"]
        enc = "gbk"
        tmap = {"in": "来电", "out": "去电", "missed": "未接", "rejected": "拒接"}
        for e in calls:
            note = ""
            if e["tag"] in ("房产中介",) and chance(r, 0.2):
                note = "又是卖房的"
            rows.append([e["name"], e["num"], tmap[e["dir"]], f"{e['t'].year}/{e['t'].month}/{e['t'].day} {e['t'].strftime('%H:%M')}", str(e["dur"]), e["tag"], note])
    elif style == "zh_bill":
        head = ["起始时间", "通信地点", "通信方式", "对方号码", "通信时长", "通信类型"]
        enc = pick(r, ["utf-8", "gbk"])
        tmap = {"in": "被叫", "out": "主叫"}
        for e in calls:
            d = e["dur"]
            dd = f"{d // 60}分{d % 60}秒" if d >= 60 else f"{d}秒"
            rows.append([e["t"].strftime("%Y-%m-%d %H:%M:%S"), P["city"]["city"], tmap[e["dir"]], e["num"], dd,
                         "本地通话" if not e["num"].startswith(("+", "00")) else "国际通话"])
    elif style == "en_android":
        head = ["Name", "Phone Number", "Call Type", "Date", "Duration"]
        tmap = {"in": "Incoming", "out": "Outgoing", "missed": "Missed", "rejected": "Rejected"}
        for e in calls:
            n = e["num"]
            n = pick(r, [fmt_us(n), "+1" + n[-10:], n[-10:]]) if len(n) == 10 else n
            nm = e["name"] or (e["tag"] if e["tag"] in ("Scam Likely", "Spam Risk", "Potential Fraud") else "")
            d = e["dur"]
            rows.append([nm, n, tmap[e["dir"]], e["t"].strftime("%m/%d/%Y %I:%M:%S %p"), f"{d // 60}m {d % 60}s" if d >= 60 else f"{d}s"])
    else:  # en_carrier
        head = ["Date", "Time", "Number", "Destination", "Minutes", "Type"]
        tmap = {"in": "Incoming", "out": "Outgoing", "missed": "Incoming", "rejected": "Incoming"}
        for e in calls:
            n = e["num"]
            rows.append([e["t"].strftime("%m/%d/%Y"), e["t"].strftime("%I:%M %p"), fmt_us(n) if len(n) == 10 else n,
                         P["city"]["city"].upper() + " " + P["city"]["state"] if e["dir"] == "out" else "INCOMING CL",
                         str(max(1, math.ceil(e["dur"] / 60))), tmap[e["dir"]]])

    def q(v):
        if any(c in v for c in ('"', sep, "\n")):
            return '"' + v.replace('"', '""') + '"'
        return v
    lines = [sep.join(head)] + [sep.join(q(v) for v in row) for row in rows]
    data = "\r\n".join(lines) + "\r\n"
    with open(path, "wb") as f:
        f.write(data.encode(enc))
    for i, e in enumerate(calls):
        truth.append(dict(file=os.path.basename(path), line=i + 2, offset=None, channel="call", source=e["src"], cid=e["cid"]))
    return style


def xml_attr(s):
    out = []
    for ch in s:
        o = ord(ch)
        if ch == "&":
            out.append("&amp;")
        elif ch == "<":
            out.append("&lt;")
        elif ch == ">":
            out.append("&gt;")
        elif ch == '"':
            out.append("&quot;")
        elif ch == "'":
            out.append("&apos;")
        elif ch == "\n":
            out.append("&#10;")
        elif o > 0xFFFF:
            # SMS Backup & Restore writes astral characters as UTF-16 surrogate references
            o -= 0x10000
            out.append(f"&#{0xD800 + (o >> 10)};&#{0xDC00 + (o & 0x3FF)};")
        else:
            out.append(ch)
    return "".join(out)


def readable(g, t):
    if g.zh:
        ap = "上午" if t.hour < 12 else "下午"
        h = t.hour % 12 or 12
        return f"{t.year}年{t.month}月{t.day}日 {ap}{h}:{t.minute:02d}:{t.second:02d}"
    return t.strftime("%b %-d, %Y %-I:%M:%S %p")


def sms_addr(g, a):
    r = g.r
    if g.zh:
        if len(a) == 11 and a[0] == "1" and a[1] in "3456789" and chance(r, 0.5):
            return "+86" + a
        return a
    if len(a) == 10:
        return pick(r, ["+1" + a, a, "+1" + a])
    return a


def write_sms(g, path, truth):
    r, P = g.r, g.P
    msgs = [e for e in g.events if e["ch"] in ("sms", "mms")]
    backup_ms = int(g.end.timestamp() * 1000)
    L = ["<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>",
         f"<!--File Created By SMS Backup & Restore v10.{r.randint(14, 20)}.{r.randint(100, 200)} on {g.end.strftime('%d/%m/%Y %H:%M:%S')}-->",
         '<?xml-stylesheet type="text/xsl" href="sms.xsl"?>',
         f'<smses count="{len(msgs)}" backup_set="{uuid.UUID(int=r.getrandbits(128))}" backup_date="{backup_ms}" type="full">']
    sc = P["city"]["sc"] if g.zh else "null"
    for e in msgs:
        ms = int(e["t"].timestamp() * 1000) + r.randrange(1000)
        line = len(L) + 1
        cn = e.get("contact") or "(Unknown)"
        if e["ch"] == "sms":
            typ = e["type"]
            sent = ms - r.randint(1000, 9000) if typ == 1 else 0
            L.append(f'  <sms protocol="0" address="{xml_attr(sms_addr(g, e["addr"]))}" date="{ms}" type="{typ}" subject="null" body="{xml_attr(e["body"])}" '
                     f'toa="null" sc_toa="null" service_center="{sc if typ == 1 else "null"}" read="1" status="-1" locked="0" date_sent="{sent}" sub_id="1" '
                     f'readable_date="{readable(g, e["t"])}" contact_name="{xml_attr(cn)}" />')
        else:
            addrs = "~".join(sms_addr(g, a) for a in e["addrs"])
            L.append(f'  <mms date="{ms}" rr="null" sub="null" ct_t="application/vnd.wap.multipart.related" read_status="null" seen="1" msg_box="1" '
                     f'address="{addrs}" sub_cs="null" resp_st="null" retr_st="null" d_tm="null" text_only="1" exp="null" locked="0" '
                     f'm_id="mavodi-{digits(r, 3)}-{uuid.UUID(int=r.getrandbits(128)).hex[:10]}" st="null" retr_txt_cs="null" retr_txt="null" creator="com.google.android.apps.messaging" '
                     f'date_sent="{ms // 1000}" read="1" m_size="0" rpt_a="null" ct_cls="null" pri="null" sub_id="1" tr_id="{uuid.UUID(int=r.getrandbits(128)).hex[:12]}" '
                     f'resp_txt="null" ct_l="null" m_cls="personal" d_rpt="129" v="18" _id="{r.randint(100, 9999)}" m_type="132" '
                     f'readable_date="{readable(g, e["t"])}" contact_name="{xml_attr(cn)}">')
            L.append("    <parts>")
            L.append(f'      <part seq="0" ct="text/plain" name="null" chset="106" cd="null" fn="null" cid="&lt;text_0&gt;" cl="text_0.txt" ctt_s="null" ctt_t="null" text="{xml_attr(e["body"])}" />')
            L.append("    </parts>")
            L.append("    <addrs>")
            L.append(f'      <addr address="{sms_addr(g, e["frm"])}" type="137" charset="106" />')
            for a in e["addrs"][1:]:
                L.append(f'      <addr address="{sms_addr(g, a)}" type="151" charset="106" />')
            L.append(f'      <addr address="{sms_addr(g, P["phones"][0])}" type="151" charset="106" />')
            L.append("    </addrs>")
            L.append("  </mms>")
        truth.append(dict(file=os.path.basename(path), line=line, offset=None, channel="sms", source=e["src"], cid=e["cid"]))
    L.append("</smses>")
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(L) + "\n")


def enc_header(s, charset):
    try:
        s.encode("ascii")
        return s
    except UnicodeEncodeError:
        label = {"utf-8": "UTF-8", "gbk": "GBK", "gb2312": "GB2312"}[charset]
        raw = s.encode(charset, errors="replace")
        return f"=?{label}?B?{base64.b64encode(raw).decode('ascii')}?="


def render_mail(g, m, t):
    r, P = g.r, g.P
    cs = m["charset"]
    tz_hdr = t.strftime("%a, %d %b %Y %H:%M:%S %z")
    fr = f"{enc_header(m['frm_name'], cs)} <{m['frm']}>" if m["frm_name"] else m["frm"]
    to = m["to"] or P["emails"][0]
    H = []
    if g.takeout:
        H.append(f"X-GM-THRID: {r.randint(10 ** 18, 2 * 10 ** 18)}")
        lab = {"personal": "Inbox,Important", "junk": "Spam", "ses": "Inbox,Category Updates"}.get(m["esp"], "Inbox,Category Promotions")
        if m["esp"] not in ("junk",) and chance(r, 0.6):
            lab += ",Opened"
        H.append(f"X-Gmail-Labels: {lab}")
        H.append(f"Delivered-To: {to if '@' in to else P['emails'][0]}")
    else:
        H.append("X-Mozilla-Status: 0001")
        H.append("X-Mozilla-Status2: 00000000")
    esp = m["esp"]
    bounce = {"sendgrid": f"bounces+{digits(r, 7)}-{digits(r, 4)}@em{digits(r, 4)}.{m['dom']}",
              "mailchimp": f"bounce-mc.us{r.randint(1, 21)}_{digits(r, 8)}.{digits(r, 7)}-{uuid.UUID(int=r.getrandbits(128)).hex[:10]}@mail{r.randint(10, 250)}.atl{r.randint(11, 91)}.mcdlv.net",
              "ses": f"{uuid.UUID(int=r.getrandbits(128)).hex}@amazonses.com",
              "sendcloud": f"bounce_{digits(r, 10)}@sendcloud.org", "webpower": f"bounce-{digits(r, 6)}@mailing.webpower.asia",
              "aliyun": f"bounce@dm.{m['dom']}"}.get(esp, m["frm"])
    H.append(f"Return-Path: <{bounce}>")
    ip = f"{r.randint(20, 220)}.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}"
    relay = {"sendgrid": f"o{r.randint(1, 9)}.ptr{digits(r, 4)}.{m['dom']}", "mailchimp": "mail180-10.suw21.mcdlv.net", "ses": f"a{digits(r, 2)}-{digits(r, 3)}.smtp-out.amazonses.com",
             "sendcloud": f"sc{digits(r, 3)}.sendcloud.org", "webpower": "mta3.webpower.asia"}.get(esp, f"mail.{m['dom']}")
    rt = t.astimezone(UTC) - dt.timedelta(seconds=r.randint(1, 30))
    H.append(f"Received: from {relay} ({relay} [{ip}])\n        by mx.google.com with ESMTPS id {uuid.UUID(int=r.getrandbits(128)).hex[:20]}\n        for <{to if '@' in to else P['emails'][0]}>; {rt.strftime('%a, %d %b %Y %H:%M:%S -0800 (PST)').replace('-0800 (PST)', '+0000 (UTC)')}")
    H.append(f"From: {fr}")
    H.append(f"To: {to}")
    H.append(f"Subject: {enc_header(m['subject'], cs)}")
    H.append(f"Date: {tz_hdr}")
    H.append(f"Message-ID: <{uuid.UUID(int=r.getrandbits(128)).hex[:16]}.{digits(r, 6)}@{relay if esp not in ('personal',) else m['dom']}>")
    if m.get("unsub"):
        H.append(f"List-Unsubscribe: <{m['unsub']}>, <mailto:unsubscribe@{m['dom']}?subject=unsub>")
        if chance(r, 0.5):
            H.append("List-Unsubscribe-Post: List-Unsubscribe=One-Click")
    if esp in ("sendgrid", "mailchimp", "sendcloud", "webpower"):
        H.append(f"X-Campaign-ID: {digits(r, 8)}" if esp != "mailchimp" else f"X-MC-User: {uuid.UUID(int=r.getrandbits(128)).hex[:25]}")
    H.append("MIME-Version: 1.0")
    text = m["text"]
    # mboxo escaping of body lines
    cte_choice = pick(r, ["base64", "quoted-printable", "8bit"]) if cs != "us-ascii" else "7bit"
    if cs in ("gbk", "gb2312"):
        cte_choice = "base64"

    def body_part(ct, payload_text):
        raw = payload_text.encode(cs if cs != "gbk" else "gbk", errors="replace")
        if cte_choice == "base64":
            b = base64.encodebytes(raw).decode("ascii").rstrip("\n")
        elif cte_choice == "quoted-printable":
            b = quopri.encodestring(raw).decode("ascii").rstrip("\n")
        else:
            b = raw.decode(cs if cs != "gbk" else "gbk")
        return [f'Content-Type: {ct}; charset="{cs.upper() if cs != "utf-8" else "UTF-8"}"', f"Content-Transfer-Encoding: {cte_choice}", "", b]

    if m["html"]:
        bnd = f"----=_Part_{digits(r, 6)}_{digits(r, 9)}.{digits(r, 13)}"
        H.append(f'Content-Type: multipart/alternative; \n\tboundary="{bnd}"')
        html = "<html><body>" + "".join(f"<p>{ln}</p>" for ln in m["text"].replace("&", "&amp;").replace("<", "&lt;").split("\n") if ln) + "</body></html>"
        B = ["", f"--{bnd}"] + body_part("text/plain", text) + ["", f"--{bnd}"] + body_part("text/html", html) + ["", f"--{bnd}--", ""]
        body = "\n".join(B)
    else:
        part = body_part("text/plain", text)
        H.extend(part[:2])
        body = "\n" + part[3] + "\n"
    msg = "\n".join(H) + "\n" + body
    return msg.encode("utf-8") if True else None


def write_mbox(g, path, truth):
    r = g.r
    mails = [e for e in g.events if e["ch"] == "email"]
    out = bytearray()
    for e in mails:
        off = len(out)
        t = e["t"].astimezone(UTC)
        if g.takeout:
            sep = f"From {r.randint(10 ** 18, 2 * 10 ** 18)}@xxx {t.strftime('%a %b %d %H:%M:%S +0000 %Y')}\n"
        else:
            sep = f"From - {e['t'].strftime('%a %b %d %H:%M:%S %Y')}\n"
        out += sep.encode()
        msg = render_mail(g, e["mail"], e["t"])
        msg = b"\n".join((b">" + ln if re.match(rb">*From ", ln) else ln) for ln in msg.split(b"\n"))
        out += msg
        if not out.endswith(b"\n\n"):
            out += b"\n"
        truth.append(dict(file=os.path.basename(path), line=None, offset=off, channel="email", source=e["src"], cid=e["cid"]))
    with open(path, "wb") as f:
        f.write(bytes(out))


def main():
    import argparse

    ap = argparse.ArgumentParser(description="a synthetic person, in leaktrace's input formats")
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    seed, outdir = a.seed, a.out
    os.makedirs(outdir, exist_ok=True)
    g = Gen(seed)
    g.takeout = not (g.zh and chance(g.r, 0.2))
    g.build()
    truth = []
    write_disclosures(g, os.path.join(outdir, "disclosures.toml"))
    style = write_calls(g, os.path.join(outdir, "calls.csv"), truth)
    write_sms(g, os.path.join(outdir, "sms.xml"), truth)
    write_mbox(g, os.path.join(outdir, "mail.mbox"), truth)
    # ambiguity: a sourced campaign with no identifying signal, and another disclosure of the same
    # leak-category affinity within 60 days before its onset
    amb = {}
    amb_strict = {}
    for C in g.campaigns:
        if not C["src"]:
            continue
        D = C["D"]
        idsig = C["mention"] or C["name_used"] or (D["alias"] and C["channels"].get("email"))
        rivals = [E for E in g.disclosures if E is not D and any(c == C["cat"] for c, _ in E["leaks"]) and 0 <= C["start"] - E["day"] <= 75]
        amb[C["cid"]] = (not idsig) and bool(rivals)
        # strict: a rival dealing of the same declared kind (or the same catalogue entry) within 60 days before onset
        strict = [E for E in g.disclosures if E is not D and (E["key"] == D["key"] or (E["kind"] and E["kind"] == D["kind"])) and 0 <= C["start"] - E["day"] <= 60]
        amb_strict[C["cid"]] = (not idsig) and bool(strict)
    meta = {C["cid"]: C for C in g.campaigns}
    with open(os.path.join(outdir, "truth.jsonl"), "w", encoding="utf-8") as f:
        for t in truth:
            C = meta.get(t["cid"])
            t["ambiguous"] = amb.get(t["cid"], False)
            t["ambiguous_strict"] = amb_strict.get(t["cid"], False)
            t["trap"] = C["trap"] if C else None
            f.write(json.dumps(t, ensure_ascii=False) + "\n")
    with open(os.path.join(outdir, "campaigns.json"), "w", encoding="utf-8") as f:
        json.dump([dict(cid=C["cid"], src=C["src"], cat=C["cat"], brand=C["brand"], start=str((g.start + dt.timedelta(days=C["start"])).date()),
                        mention=C["mention"], name_used=C["name_used"], channels=C["channels"], trap=C["trap"], ambiguous=amb.get(C["cid"], False))
                   for C in g.campaigns], f, ensure_ascii=False, indent=1)
    n = len(truth)
    ns = sum(1 for t in truth if t["source"])
    print(f"seed {seed}: {g.P['lang']} {g.P['name']} tz={g.P['tz']} calls={style} takeout={g.takeout} disclosures={len(g.disclosures)} records={n} sourced={ns}")


if __name__ == "__main__":
    main()
