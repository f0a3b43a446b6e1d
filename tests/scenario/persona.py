#!/usr/bin/env python3
"""persona.py - an independent generator of synthetic people for leaktrace.

Written apart from simulate.py (its own wording, brands, campaign shapes and
export styles) so that attribution can be checked on data it was not tuned on.

    python3 tests/scenario/persona.py --seed N --out DIR [--lang zh|en]

Writes into DIR: calls.csv, sms.xml, mail.mbox, disclosures.toml, truth.jsonl.
Without --lang, odd seeds are Chinese (zh) and even seeds American (en).

Call-log times are naive local times: Asia/Shanghai for zh, America/Chicago
for en (run leaktrace with `--timezone America/Chicago` for en people).
The call-log style (header words, delimiter, encoding, date and duration
formats) is drawn per person from three per language: Z1-Z3, E1-E3.

truth.jsonl has one object per incoming event (received, missed, rejected
and blocked calls; received SMS; every e-mail, all of which are received):
channel, from (as written in the export; for e-mail the address inside the
From header), at_ms, message_id, category, source, campaign.

A person: 1-2 numbers, 1-3 mailboxes (plus-aliases per shop where the
provider allows them, a dedicated shopping/relay address, an old address
that was in a breach), 5-9 disclosures (two of one dealing), of which most
leak into 1-4 campaigns drawn from that dealing; noise with no source (friends,
codes, couriers, bank, carrier bills and offers, newsletters, genuine
messages from the places themselves, fraud, a debt collector, cold lists
that predate every disclosure, sometimes a cold list of a matching kind that
starts just after one, sometimes a dealing the person forgot to write down).

Standard library only; the output is a pure function of (seed, lang).
"""

import argparse
import csv
import datetime as dt
import hashlib
import io
import json
import os
import random
import re
import sys
from email import policy as email_policy
from email.message import EmailMessage
from email.utils import format_datetime, formataddr
from zoneinfo import ZoneInfo

UTC = dt.timezone.utc
ZONES = {"zh": "Asia/Shanghai", "en": "America/Chicago"}
CATEGORIES = ("property", "renovation", "insurance", "finance", "education", "automotive",
              "healthcare", "recruitment", "retail", "telecom", "fraud", "harassment", "legit")


class Blank(dict):
    """format_map helper: unknown placeholders become empty."""

    def __missing__(self, key):
        return ""


def fill(tpl, env):
    return tpl.format_map(Blank(env))


def stable_pick(key, n):
    """A choice that depends only on `key` (not on Python's hash seed)."""
    return int(hashlib.md5(key.encode("utf-8")).hexdigest()[:8], 16) % n


def F(cat, brands, pitch, subj, tags, notes=()):
    return {"cat": cat, "brands": brands, "pitch": pitch, "subj": subj, "tags": tags,
            "notes": list(notes)}


# ---------------------------------------------------------------------------
# Chinese lexicon
# ---------------------------------------------------------------------------

ZH_FLAVOURS = {
    "prop_agent": F("property",
                    [("安居房产", "anju-fc"), ("鑫家地产", "xinjia-dc"), ("好宅置业", "haozhai"),
                     ("城邦房屋", "chengbang")],
                    ["{area}地铁口次新两房业主急售，比同小区挂牌低{n}万，钥匙在我这随时能看",
                     "您的房子最近考虑出售或出租吗？我这边有现成客户在找您这个小区",
                     "{area}学区房本周新上笋盘，满五唯一，税费省一大截",
                     "可以帮您免费评估房子现在的市场价，不收任何费用",
                     "如果想出租我们可以全托管，空置期不收服务费"],
                    ["{area}本周精选笋盘", "您所在小区最新成交价出炉", "{greet}，您的房子现在值多少？"],
                    ["房产中介", "房产中介", "房产中介", "骚扰电话"],
                    ["中介，没兴趣", "问房子卖不卖", "又是中介"]),
    "reno": F("renovation",
              [("匠心整装", "jiangxin-zz"), ("美筑装饰", "meizhu-zs"), ("木言全屋定制", "muyan-dz"),
               ("安家装饰工程", "anjia-zs")],
              ["新房装修免费上门量房出设计方案，本月签约送全屋水电改造",
               "全包装修{n}80元/平起，主材一线品牌，先装修后付款",
               "全屋定制衣柜橱柜限时{n}折，环保E0级板材",
               "交房前后是装修黄金期，现在预约可锁定年前开工名额",
               "老房翻新局部改造，厨卫{n}天完工"],
              ["新房装修预算清单（免费领取）", "{area}交付季·装修补贴来了", "{greet}，您的新家设计方案已生成"],
              ["装修公司", "装修推销", "广告推销", "骚扰电话"],
              ["装修的", "问什么时候交房装修"]),
    "mortgage": F("finance",
                  [("融信金服", "rongxin-jf"), ("安家贷", "anjiadai"), ("汇通信贷", "huitong-xd")],
                  ["有房就能贷，房产抵押经营贷年化低至{r}%，最高可贷{n}00万",
                   "装修贷额度高、审批快，当天出额度，先息后本",
                   "您的房贷可以申请置换，每月月供能省{n}百元",
                   "名下有房产可办理信用贷，不看流水，最快当天放款"],
                  ["房产抵押贷款最新利率", "{greet}，您有一笔低息额度待领取"],
                  ["贷款理财", "金融推销", "骚扰电话"],
                  ["贷款的", "问要不要贷款"]),
    "home_ins": F("insurance",
                  [("平和财险", "pinghe-cx"), ("顺安财产保险", "shunan-cx")],
                  ["新房家财险一年只要{n}9元，水管爆裂、盗抢火灾都能保",
                   "交房后第一年是漏水高发期，推荐您了解一下家庭财产险",
                   "房贷险和家财险组合投保立减{n}0元"],
                  ["新居家财险方案", "您的新家保障还缺这一份"],
                  ["保险理财", "保险推销", "骚扰电话"],
                  ["卖保险的"]),
    "furniture": F("retail",
                   [("梵居家具", "fanju"), ("宜品家电城", "yipin-jd"), ("简木家居", "jianmu")],
                   ["新居入伙家电家具套购满{n}000减{m}00，送货安装全免费",
                    "实木家具工厂直销，样品清仓低至{n}折",
                    "智能家电全屋套餐限时特惠，到店送电饭煲"],
                   ["入伙季家具家电套购清单", "{area}店周末清仓"],
                   ["广告推销"]),
    "car_ins": F("insurance",
                 [("安途车险服务中心", "antu-cx"), ("众保车险", "zhongbao"), ("恒信保险代理", "hengxin-bx")],
                 ["您的爱车车险即将到期，现在续保可享{n}折并送{m}次免费洗车",
                  "车险报价已出，比4S店便宜{n}00元左右",
                  "交强险加商业险组合投保，出险不涨价",
                  "续保送加油卡{n}00元，电子保单当天生效"],
                 ["您的车险报价单", "车险续保优惠方案（限时）", "{greet}，您的爱车保障即将到期"],
                 ["保险理财", "车险推销", "骚扰电话", "保险推销"],
                 ["车险又打来了", "卖车险的"]),
    "used_car": F("automotive",
                  [("车速拍二手车", "chesupai"), ("好车汇", "haochehui"), ("车满意置换中心", "chemanyi")],
                  ["高价回收二手车，免费上门检测，当天过户当天打款",
                   "旧车置换新车最高补贴{n}000元，本周末店庆",
                   "您的车现在能卖多少？30秒免费估价",
                   "精品准新车{n}万公里以内，支持0首付分期"],
                  ["您的爱车最新估价", "置换补贴最后{n}天"],
                  ["汽车推销", "二手车", "广告推销"],
                  ["收车的"]),
    "car_loan": F("finance",
                  [("车e贷", "cheedai"), ("信诚车贷", "xincheng-cd")],
                  ["有车就能贷，车辆抵押不押车，最高可贷车价{n}成",
                   "车贷月供太高？可以帮您转贷降低月供",
                   "凭行驶证即可申请，{n}小时放款"],
                  ["车主专享信用额度", "凭车可贷{n}0万"],
                  ["贷款理财", "金融推销"],
                  ["车贷"]),
    "early_edu": F("education",
                   [("小橙堡早教", "xiaochengbao"), ("童趣岛早教中心", "tongqudao"), ("萌芽感统训练馆", "mengya-gt")],
                   ["0-3岁宝宝免费体验课，感统音乐艺术都有，本周六还有{n}个名额",
                    "新生儿家庭专享：早教月卡{n}99元，送宝宝游泳{m}次",
                    "宝宝大运动发育评估，专业老师一对一，免费",
                    "亲子课程限时团购，满{n}0课时赠送{m}课时"],
                   ["宝宝{n}个月了，这些能力该练起来了", "免费早教体验课邀请函"],
                   ["教育培训", "早教推销", "广告推销"],
                   ["早教的", "问宝宝多大了"]),
    "child_ins": F("insurance",
                   [("护苗少儿保险", "humiao"), ("安心宝贝保险服务", "anxinbaobei")],
                   ["宝宝出生后尽早投保少儿重疾险，每年不到{n}00元",
                    "新生儿医保加商业补充医疗，住院报销最高{n}00万",
                    "少儿教育金，孩子18岁起每年领取"],
                   ["新生儿保险怎么配？一张图看懂", "{greet}，宝宝的保障方案已为您定制"],
                   ["保险理财", "保险推销"],
                   ["少儿保险"]),
    "baby_photo": F("retail",
                    [("宝贝计画儿童摄影", "baobeijihua"), ("萌萌哒新生儿摄影", "mengmengda")],
                    ["新生儿上门拍摄，满月照百天照套餐{n}99元起",
                     "宝宝百天照预约送{n}寸水晶相框",
                     "凭出生证明即可领取免费满月照一套"],
                    ["宝宝百天照预约中", "把宝宝的第一年存起来"],
                    ["广告推销"],
                    ["拍照的"]),
    "formula": F("retail",
                 [("澳滋奶粉", "aozi-milk"), ("贝因成长营", "beiyin")],
                 ["一段奶粉试用装已为您预留，回复地址即可包邮",
                  "妈妈会员专享：奶粉第二罐半价，纸尿裤买{n}送1",
                  "宝宝营养顾问一对一，为您推荐适合的段位"],
                 ["试用装领取通知", "会员专享价即将截止"],
                 ["广告推销", "母婴推销"]),
    "cord_blood": F("healthcare",
                    [("生命源干细胞库", "smy-cells"), ("悦后产后修复中心", "yuehou")],
                    ["产后42天是盆底修复黄金期，免费评估一次",
                     "产后腹直肌分离检测加修复体验价{n}9元",
                     "干细胞储存升级服务，新生儿家庭首年优惠"],
                    ["产后修复免费评估", "新妈妈专享福利"],
                    ["医疗推销", "广告推销"]),
    "headhunter": F("recruitment",
                    [("锐仕猎头", "ruishi-hr"), ("英才汇人力", "yingcaihui"), ("智选人力资源", "zhixuan-hr")],
                    ["看了您的履历，{area}有个{title}岗位年薪{n}0万左右，方便聊聊吗",
                     "某上市公司急招，和您的背景非常匹配，薪资可谈",
                     "我们是专业猎头，目前有{n}个岗位在帮您匹配",
                     "外包驻场岗位，五险一金，双休，下周可面试"],
                    ["【职位推荐】{area}·{title}", "{greet}，一个匹配您背景的机会", "猎头来信：年薪{n}0万+"],
                    ["招聘猎头", "猎头"],
                    ["猎头", "外包岗位不考虑"]),
    "job_scam": F("fraud",
                  [("优选兼职团队", "yxjz-team"), ("居家兼职中心", "jujia-jz")],
                  ["兼职点赞刷单，日结{n}0到{m}00元，手机就能做，加V了解",
                   "招网店客服，居家办公每天2小时，时间自由",
                   "恭喜您通过初筛，请添加导师QQ{qq}领取任务",
                   "高薪打字员无需经验，先培训后上岗"],
                  ["录用通知（居家兼职）", "您的兼职申请已通过"],
                  ["诈骗电话", "疑似诈骗", "骚扰电话"],
                  ["刷单骗子"]),
    "cert_training": F("education",
                       [("学尚职业教育", "xueshang"), ("启航考证", "qihang-kz")],
                       ["人社部认证证书，考下来可领技能补贴{n}00元",
                        "一建二建会计职称考前冲刺班，不过全额退费",
                        "在职提升学历，周末上课，{n}年拿证"],
                       ["今年报考时间已公布", "技能补贴申领最后{n}天"],
                       ["教育培训", "广告推销"],
                       ["考证的"]),
    "medspa": F("healthcare",
                [("颜究所医美", "yanjiusuo"), ("轻塑体型管理", "qingsu")],
                ["体型管理体验卡{n}9元，营养师定制减脂方案",
                 "光子嫩肤水光针新客体验价{n}99元",
                 "免费身体成分检测，送{m}次塑形护理"],
                ["夏日塑形计划开启", "新客专享体验价"],
                ["广告推销", "医美推销"]),
    "supplements": F("retail",
                     [("健能营养", "jianneng"), ("肌研社", "jiyanshe")],
                     ["乳清蛋白粉买二送一，会员专享价{n}9元",
                      "增肌减脂套餐，营养师免费指导",
                      "运动补剂清仓，满{n}00减{m}0"],
                     ["会员专享补剂清单", "增肌季限时特惠"],
                     ["广告推销"]),
    "ins_broker": F("insurance",
                    [("明途保险服务", "mingtu-bx"), ("诚保经纪", "chengbao-jj"), ("安盈保险代理", "anying-bx")],
                    ["百万医疗险每月只要{n}元，住院看病都能报",
                     "重疾险同样保额我们便宜{n}成，免费出方案",
                     "免费帮您做一份家庭保单体检，看看保障缺口",
                     "养老年金险，{n}年交，终身领取"],
                    ["您的保险方案对比报告", "{greet}，医疗险到期别忘了续"],
                    ["保险理财", "保险推销", "骚扰电话"],
                    ["又是保险"]),
    "quick_loan": F("finance",
                    [("速贷通", "sudaitong"), ("信用钱包", "xinyongqb")],
                    ["您有一笔{n}0000元备用金待领取，日息低至万{m}",
                     "凭身份证即可申请，最快{n}分钟到账",
                     "您的借款额度已提升，点击查看"],
                    ["您的额度已到账", "专属低息额度即将失效"],
                    ["贷款理财", "金融推销", "骚扰电话"],
                    ["贷款"]),
    "tutoring": F("education",
                  [("睿思教育", "ruisi-jy"), ("名师1对1", "mingshi11"), ("小状元托管", "xzy-tg")],
                  ["新学期小学{g}年级数学英语同步辅导，试听课免费",
                   "放学后托管加作业辅导，接送全包，本月报名减{n}00",
                   "幼小衔接暑期班火热报名中",
                   "一对一名师辅导，不满意随时换老师"],
                  ["新学期辅导班开班通知", "幼小衔接：家长必看"],
                  ["教育培训", "广告推销", "骚扰电话"],
                  ["补习班"]),
    "student_ins": F("insurance",
                     [("学平险服务中心", "xuepingxian")],
                     ["学生意外险一年只需{n}0元，校内校外都保",
                      "新生入学必备：学平险加意外医疗"],
                     ["新生入学保险指南"],
                     ["保险推销"]),
    "shop_promo": F("retail",
                    [("好物社", "haowushe"), ("惠买多", "huimaiduo"), ("鲜享生活", "xianxiang")],
                    ["您有{n}元无门槛券即将过期，点击领取",
                     "会员日全场{n}折起，积分翻倍",
                     "您关注的商品降价啦，到手价{n}9元",
                     "新人专享首单立减{n}元"],
                    ["{n}元券已到账", "年中大促最后一天", "为你精选的好物清单"],
                    ["广告推销"]),
    "refund_scam": F("fraud",
                     [("快递理赔中心", "kdlp"), ("售后理赔专员", "shlp")],
                     ["您在{shop}购买的商品快递丢失，将为您办理{n}倍理赔，请添加客服处理",
                      "您在{shop}购买的商品检测出质量问题，可申请退款{n}00元，请联系专员",
                      "您的{shop}订单因系统故障被重复扣款，请按提示办理退款"],
                     ["订单异常退款通知", "理赔申请待确认"],
                     ["诈骗电话", "疑似诈骗"],
                     ["假客服"]),
    "consumer_credit": F("finance",
                         [("花享分期", "huaxiang"), ("乐购分期", "legou-fq")],
                         ["您的分期额度提升至{n}0000元", "购物分期0手续费，最长{n}期",
                          "新用户免息{n}0天"],
                         ["您的专属额度提升通知"],
                         ["贷款理财"]),
    "loan_broker": F("finance",
                     [("金桥贷款服务", "jinqiao-dk"), ("融易通金融", "rongyitong")],
                     ["看到您有资金需求，可以帮您对接银行低息产品，年化{r}%起",
                      "公积金社保保单均可贷，额度最高{n}0万",
                      "银行审批没通过？我们有内部渠道",
                      "征信花了也可以办，先审批后收费"],
                     ["银行低息贷款方案", "{greet}，您的贷款方案已匹配"],
                     ["贷款理财", "金融推销", "骚扰电话"],
                     ["贷款中介"]),
    "credit_scam": F("fraud",
                     [("征信修复中心", "zxxf"), ("额度提升服务", "edts")],
                     ["您的征信有逾期记录，可以帮您修复，成功后再付费",
                      "您的信用卡额度可提升至{n}万，需先缴纳验证金",
                      "您的贷款申请需要解冻账户，请联系专员"],
                     ["征信异常处理通知"],
                     ["诈骗电话", "疑似诈骗", "骚扰电话"],
                     ["骗子"]),
    "isp": F("telecom",
             [("星网宽带", "xingwang"), ("天邦光纤", "tianbang")],
             ["千兆光纤宽带包年{n}00元，免费上门安装",
              "宽带快到期了吧？转网送{m}个月，赠路由器",
              "{area}小区宽带升级，千兆入户免费提速"],
             ["千兆宽带特惠"],
             ["广告推销", "宽带推销"],
             ["宽带的"]),
    "stock_tips": F("finance",
                    [("牛股汇", "niuguhui"), ("金牛财经", "jinniu-cj")],
                    ["明日主力资金流入个股已出，加群免费领取",
                     "{n}只潜力股名单已更新，名额有限",
                     "老师直播解盘，带您把握反弹行情"],
                    ["今日涨停复盘"],
                    ["骚扰电话", "股票推荐"]),
    "adult_edu": F("education",
                   [("学历提升中心", "xltsh"), ("开放学历服务站", "kaifang-xl")],
                   ["成人本科学历，免试入学，{n}年拿证",
                    "提升学历可落户考公加薪，报名截止{date}",
                    "自考本科包过班，名额有限"],
                   ["今年学历提升报名通知"],
                   ["教育培训", "骚扰电话"]),
}

ZH = {
    "flavours": ZH_FLAVOURS,
    "surnames": [("林", "Lin"), ("陈", "Chen"), ("周", "Zhou"), ("许", "Xu"), ("沈", "Shen"),
                 ("邵", "Shao"), ("罗", "Luo"), ("韩", "Han"), ("唐", "Tang"), ("冯", "Feng"),
                 ("郑", "Zheng"), ("蒋", "Jiang"), ("彭", "Peng"), ("曹", "Cao"), ("潘", "Pan")],
    "given": {
        "f": [("婧", "静", "jing"), ("瑶", "遥", "yao"), ("琳", "林", "lin"), ("悦", "越", "yue"),
              ("欣", "馨", "xin"), ("雯", "文", "wen"), ("婷", "亭", "ting"), ("芸", "云", "yun"),
              ("晗", "涵", "han"), ("怡", "仪", "yi")],
        "m": [("昊", "浩", "hao"), ("涛", "滔", "tao"), ("峰", "锋", "feng"), ("宇", "雨", "yu"),
              ("博", "波", "bo"), ("鹏", "朋", "peng"), ("磊", "垒", "lei"), ("轩", "宣", "xuan"),
              ("哲", "喆", "zhe"), ("凯", "铠", "kai")],
    },
    "cities": [("深圳", "0755", ["南山", "福田", "宝安", "龙华"]),
               ("杭州", "0571", ["西湖", "滨江", "余杭", "拱墅"]),
               ("成都", "028", ["高新", "武侯", "锦江", "天府新区"]),
               ("南京", "025", ["建邺", "鼓楼", "江宁", "栖霞"]),
               ("武汉", "027", ["洪山", "江汉", "光谷", "武昌"]),
               ("西安", "029", ["雁塔", "曲江", "高新", "未央"]),
               ("苏州", "0512", ["园区", "姑苏", "吴中", "相城"])],
    "sources": {
        "flat": [("澜庭·云著售楼处", "lanting-yz", "澜庭云著"), ("金桂湾营销中心", "jinguiwan", "金桂湾"),
                 ("栖霞府售楼部", "qixiafu", "栖霞府"), ("滨江壹号院销售中心", "binjiang1", "滨江壹号院")],
        "car": [("骏途丰田4S店", "juntu-auto", "骏途丰田"), ("恒远别克4S店", "hengyuan-auto", "恒远别克"),
                ("凯晟新能源体验中心", "kaisheng-ev", "凯晟新能源"), ("驰远大众4S店", "chiyuan-vw", "驰远大众")],
        "baby": [("瑞禾妇产医院", "ruihe-fc", "瑞禾妇产"), ("市妇幼保健院产科", "fuyou-bjy", "妇幼保健院"),
                 ("安贝月子中心", "anbei-yz", "安贝月子")],
        "job": [("猎英招聘网", "lieying", "猎英招聘"), ("职达网", "zhida", "职达网"), ("才汇人才网", "caihui", "才汇人才")],
        "gym": [("力健健身会所", "lijian-fit", "力健健身"), ("型动空间健身", "xingdong-fit", "型动空间")],
        "quote": [("惠保通比价平台", "huibaotong", "惠保通"), ("保无忧网", "baowuyou", "保无忧")],
        "school": [("启明实验小学新生登记", "qiming-sx", "启明实验小学"), ("乐思少儿英语试听", "lesi-en", "乐思英语")],
        "shop": [("优品汇商城", "youpinhui", "优品汇"), ("拾光家居旗舰店", "shiguang-jj", "拾光家居"),
                 ("鲜果日记小程序", "xianguo-rj", "鲜果日记")],
        "loan": [("兴联银行消费贷申请", "xinglian-bank", "兴联银行"), ("易借呗贷款平台", "yijiebei", "易借呗")],
        "broadband": [("鹏讯宽带营业厅", "pengxun-kd", "鹏讯宽带"), ("城东移动营业厅宽带办理", "chengdong-yyt", "城东营业厅")],
        "clinic": [("美年康体检中心", "meiniankang", "美年康体检"), ("悦齿口腔诊所", "yuechi-kq", "悦齿口腔")],
    },
    "notes_disc": {
        "flat": ["看房登记，留了手机号", "认购了一套，签了认购书", "参加开盘活动填了表"],
        "car": ["试驾登记", "在店里订了车", "询价留电话"],
        "baby": ["在医院建档生产", "住院生产登记", "入住月子中心"],
        "job": ["注册简历", "更新了简历，公开状态", "投递了几个岗位"],
        "gym": ["办了年卡", "体验课登记"],
        "quote": ["网上车险/医疗险询价", "填了询价表单"],
        "school": ["孩子入学登记", "报名试听课"],
        "shop": ["网购下单，留了收货电话", "注册会员"],
        "loan": ["提交了贷款申请", "申请了消费贷"],
        "broadband": ["办理宽带安装", "登记了安装地址"],
        "clinic": ["做了入职体检", "看牙，登记了资料"],
    },
    "mention": {
        "flat": ["恭喜您在{kw}置业", "看到您在{src}登记了看房信息", "{kw}的业主您好"],
        "car": ["恭喜您在{kw}提车", "看到您在{src}留了购车信息", "{kw}车主您好"],
        "baby": ["恭喜您在{kw}喜得宝宝", "得知您在{src}建档待产"],
        "job": ["看到您在{kw}上的简历", "您在{src}投递的简历我们已看到"],
        "shop": ["感谢您在{kw}下单", "作为{src}的老顾客"],
        "loan": ["关于您在{kw}提交的贷款申请", "看到您在{src}有借款需求"],
        "quote": ["关于您在{kw}提交的保险询价", "看到您在{src}做过保险比价"],
        "school": ["恭喜孩子被{kw}录取", "{kw}的家长您好"],
        "gym": ["作为{kw}的会员", "{kw}会员您好"],
        "broadband": ["看到您在{kw}办理了宽带", "您在{src}登记的地址已可开通"],
        "clinic": ["看到您在{kw}做了体检", "作为{src}的客户"],
    },
    "own": {
        "flat": ["【{kw}】尊敬的{name}业主，您购买的房屋预计于{date}集中交付，请提前准备相关资料。",
                 "【{kw}】{name}您好，您的购房合同网签已完成，备案编号{code}。",
                 "【{kw}】温馨提示：{date}举办业主答谢会，欢迎携家人参加。"],
        "car": ["【{kw}】尊敬的{name}，您的爱车已行驶约{n}000公里，建议近期预约保养。",
                "【{kw}】您预约的{date}保养已确认，服务顾问{agent}。",
                "【{kw}】您的车辆临时号牌将于{date}到期，请及时办理上牌。"],
        "baby": ["【{kw}】{name}您好，请于{date}上午携宝宝到门诊三楼进行42天复查。",
                 "【{kw}】新生儿疫苗接种提醒：{date}，请带好接种本。",
                 "【{kw}】您的出生医学证明已可领取。"],
        "job": ["【{kw}】您投递的“{title}”职位状态更新：HR已查看。",
                "【{kw}】有{n}位HR查看了您的简历，登录APP查看详情。"],
        "shop": ["【{kw}】您的订单已发货，运单号SF{code}。",
                 "【{kw}】您的订单已签收，期待您的评价。"],
        "loan": ["【{kw}】您的贷款申请已受理，申请编号{code}。",
                 "【{kw}】您的贷款已于{date}发放，请注意查收。"],
        "quote": ["【{kw}】您的报价单已生成，登录官网即可查看。"],
        "school": ["【{kw}】家长您好，{date}新生报到，请携带户口本原件。",
                   "【{kw}】本周五下午召开家长会，请准时参加。"],
        "gym": ["【{kw}】您已成功预约{date}的团课，请提前10分钟到场。",
                "【{kw}】您的会员卡将于{date}到期。"],
        "broadband": ["【{kw}】装维工程师{agent}将于{date}上门安装，联系电话{phone}。",
                      "【{kw}】您的宽带账单已出，请及时缴费。"],
        "clinic": ["【{kw}】您的体检报告已出，可登录小程序查看。",
                   "【{kw}】复诊提醒：{date}上午9:30。"],
    },
    "own_subj": ["{kw}通知", "来自{kw}的消息", "【{kw}】服务提醒"],
    "agents": ["小王", "小李", "张经理", "刘顾问", "陈姐", "小周", "何主管", "小吴"],
    "titles": ["产品经理", "运营总监", "高级工程师", "财务经理", "销售主管", "数据分析师"],
    "port_forms": ["【{brand}】{greet_c}{mention_c}{pitch}，{cta}，{optout}",
                   "{greet_c}{mention_c}{pitch}。{cta}【{brand}】{optout}",
                   "【{brand}】{mention_c}{pitch}！{cta} {optout}"],
    "ctas": ["详询{phone}", "戳 {url} 了解", "回复1获取详细方案", "预约热线{phone}", "点击{url}领取"],
    "optouts": ["回T退订", "拒收请回复R", "退订回TD", "回N退订", "回复0000退订"],
    "agent_forms": ["{hello}，我是{brand}的{agent}，{mention_c}{pitch}。有需要随时联系我，微信同号。",
                    "打扰了，{brand}{agent}。{mention_c}{pitch}，您看什么时候方便？",
                    "{hello}，{pitch}。{agent}｜{brand} {phone}"],
    "mail_forms": ["{hello}：\n\n{mention_p}{pitch1}。\n{pitch2}。\n\n{cta_line}\n\n{brand}\n{addr}\n\n"
                   "如不想再收到此类邮件，请点击退订：{unsub}\n",
                   "尊敬的{hello2}：\n\n{mention_p}{pitch1}！\n\n{pitch2}，详情请见：{url}\n\n"
                   "—— {brand} 客户服务中心\n（本邮件由系统自动发送，请勿直接回复。退订：{unsub}）\n"],
    "friend_names": ["妈妈", "爸爸", "老公", "老婆", "王姐", "张涛", "李总", "小区物业", "刘老师",
                     "表哥", "阿杰", "周周", "部门-陈经理", "房东", "大学室友-晓雯", "老同学"],
    "friend_sms": ["晚上回来吃饭吗", "到楼下了", "明天几点出发？", "收到，谢谢", "周末带孩子回来吃饭",
                   "快递我帮你拿了", "会议改到下午三点", "[图片]", "好的没问题", "记得带钥匙",
                   "你那边方便接电话吗", "路上堵车，晚点到", "生日快乐呀！", "钱转你了，查收一下",
                   "下周聚餐定在周六", "方案我发你邮箱了", "降温了多穿点", "已到家"],
    "codes": [("95188", "【支付宝】校验码{c6}，您正在进行付款验证，切勿告知他人。"),
              ("106980096018", "【京东】验证码：{c6}，您正在登录，若非本人操作请忽略。"),
              ("1069070059", "【美团】{c6}（登录验证码），请在5分钟内填写。"),
              ("12306", "【铁路客服】验证码{c6}，用于12306账号核验。"),
              ("106575000199", "【滴滴出行】验证码{c4}，请勿泄露。"),
              ("1068203011", "【淘宝】您的验证码是{c6}，10分钟内有效。")],
    "courier_sms": [("1069007555", "【菜鸟驿站】您的包裹已到{place}驿站，取件码{pick}，请于今日22:00前领取。"),
                    ("95338", "【顺丰速运】您的快件SF{code}正在派送中，派送员{agent}，电话{phone}。"),
                    ("1069117003", "【丰巢】取件码{pick6}，您的快递已存入{place}丰巢柜，超时将收费。"),
                    ("95311", "【中通快递】您的快件已签收，如有疑问请致电95311。")],
    "couriers": ["王师傅", "李师傅", "张师傅", "小赵"],
    "places": ["小区东门", "翠苑二期", "科技园南区", "地铁站B口", "幸福里"],
    "bank_sms": [("95588", "【工商银行】您尾号{last4}卡{md}{hm}支出(快捷支付){amt}元，余额{bal}元。"),
                 ("95555", "【招商银行】您账户{last4}于{md}{hm}入账工资，人民币{amt}元。"),
                 ("95555", "【招商银行】您的信用卡本期账单已出，应还{amt}元，到期还款日{date}。")],
    "carriers": {"cmcc": ("10086", "中国移动"), "cucc": ("10010", "中国联通"), "ctcc": ("10000", "中国电信")},
    "carrier_legit": ["【{carrier}】尊敬的客户，您{month}月账单已出，本月消费{amt}元。",
                      "【{carrier}】温馨提示：您当月套餐内流量已使用80%。",
                      "【{carrier}】您已成功缴费{n}0元，感谢使用。"],
    "carrier_offer": ["【{carrier}】5G升级包特惠：每月仅需{n}元多享{m}0GB流量，回复KT办理。",
                      "【{carrier}】尊敬的客户，您已获得宽带免费提速资格，详询{svc}。",
                      "【{carrier}】家庭融合套餐限时优惠，每月立减{n}0元，回复1了解。",
                      "【{carrier}】您的号码可免费升级为5G套餐，回复Y确认。"],
    "newsletters": [("知行周刊", "zhixing-weekly.com", ["第{n}{m}期：慢下来的城市", "第{n}{m}期：本周值得读的五篇长文"]),
                    ("城市漫步指南", "citywalk.cn", ["周末去哪儿：{area}的{n}条散步路线", "本月展览与市集"]),
                    ("书单来了", "shudan.net", ["这个月我们读了什么", "{n}本适合假期的小说"])],
    "newsletter_body": "你好，\n\n这是本期{name}。{line}\n\n感谢订阅。如需退订请点击：{unsub}\n",
    "newsletter_lines": ["本期我们聊了聊通勤路上的小事。", "附上编辑部的推荐清单。", "欢迎回信告诉我们你的想法。"],
    "receipts": [("滴滴出行", "didi-invoice.com", "您的行程电子发票", "您好，您{md}的行程电子发票已开具，金额{amt}元。"),
                 ("12306", "rails-notice.cn", "网上购票成功通知", "您好，您已成功购买{date}的车票，订单号E{code}。"),
                 ("电费账单", "power-bill.cn", "您的电费账单", "您好，您户号{last4}本期电费{amt}元。")],
    "fraud_sms": ["【ETC服务】您的ETC认证已失效，将影响正常通行，请尽快登录 {url} 重新认证。",
                  "【医保局】您的医保卡因信息不全将于{date}冻结，请点击 {url} 补充资料。",
                  "【{carrier}】尊敬的用户，您的话费积分{n}000即将清零，速兑现金礼包：{url}",
                  "亲，这是你要的照片 {url}",
                  "您已获得无抵押信用贷款{n}0万额度，回复1立即提取。",
                  "【交管12123】您有一条未处理的违章记录，请登录 {url} 查看。",
                  "您的快递因地址不详被退回，请点击 {url} 重新填写。"],
    "fraud_tags": ["诈骗电话", "疑似诈骗", "骚扰电话", "响一声"],
    "fraud_notes": ["说我涉嫌洗钱", "冒充客服", "自称公安局的"],
    "collector_sms": ["{other}在我司的借款已逾期{n}0天，您作为紧急联系人请转告其尽快处理，否则将上门走访。",
                      "通知：{other}欠款案件已进入法务流程，请转告本人于{date}前联系{phone}。"],
    "collector_tags": ["催收", "骚扰电话"],
    "others": ["王建国", "李志强", "赵丽", "孙浩然"],
    "spam_mail": [("fraud", "邮箱容量已满，请立即升级", "您的邮箱存储空间已满，新邮件将被退回。请点击 {url} 验证账户完成扩容。"),
                  ("fraud", "代开各类正规发票", "本公司常年代开增值税发票，税点低，可验证后付款。联系QQ{qq}。"),
                  ("retail", "外贸原单清仓，一件代发", "工厂尾货清仓，全场{n}折起，微店 {url}"),
                  ("finance", "数字货币量化套利，月收益{n}0%", "专业团队，稳定收益，注册即送体验金：{url}"),
                  ("healthcare", "男性健康，私密发货", "进口保健品，私密包装，货到付款。{url}"),
                  ("fraud", "您的账号存在异常登录", "检测到您的账号在异地登录，请在24小时内通过 {url} 完成身份核验。")],
}

# ---------------------------------------------------------------------------
# American lexicon
# ---------------------------------------------------------------------------

EN_FLAVOURS = {
    "prop_agent": F("property",
                    [("Brickline Realty", "brickline"), ("CashKey Home Buyers", "cashkeyhomes"),
                     ("Lakefront Realty Partners", "lakefrontrp"), ("Keystone Property Group", "keystonepg")],
                    ["We have a cash buyer looking for homes on your street - would you consider an offer?",
                     "Homes in {area} are selling {n}% over asking right now. Curious what yours is worth?",
                     "I can get you a no-obligation cash offer in 24 hours, no repairs, no showings.",
                     "Thinking of renting it out? We manage properties in {area} with zero vacancy fees."],
                    ["What is your home worth in {area}?", "Cash offer for your property",
                     "New listings near you this week"],
                    ["Telemarketer", "Spam Risk", "Real Estate"],
                    ["realtor again", "wants to buy my house"]),
    "reno": F("renovation",
              [("Apex Windows & Siding", "apexwindows"), ("SunCrest Solar", "suncrestsolar"),
               ("Northstar Roofing", "northstarroof"), ("Evergreen Basements", "evergreenbsmt")],
              ["Free in-home estimate on replacement windows this week only.",
               "Homeowners in {area} are saving ${n}0 a month with $0-down solar.",
               "Your new roof may qualify for a free storm-damage inspection.",
               "Finish your basement for ${n}9 a month with 0% financing."],
              ["Your free home upgrade estimate", "New homeowner? Save on solar",
               "{greet}, claim your free inspection"],
              ["Telemarketer", "Spam Risk", "Potential Spam"],
              ["solar guy", "windows sales"]),
    "mortgage": F("finance",
                  [("Beacon Home Lending", "beaconlending"), ("ClearRate Mortgage", "clearratemtg")],
                  ["Rates just dropped - a refinance could lower your payment by ${n}00 a month.",
                   "Tap your home equity with a HELOC at {r}% intro APR.",
                   "You may be paying too much PMI. We will run the numbers for free."],
                  ["Rate alert: lower your mortgage payment", "Your home equity options"],
                  ["Telemarketer", "Spam Risk"],
                  ["refi call"]),
    "home_ins": F("insurance",
                  [("Shieldstone Home Insurance", "shieldstone"), ("SafeHarbor Home Warranty", "safeharborhw")],
                  ["Your home warranty coverage has not been activated. Activate today to avoid costly repairs.",
                   "New homeowners save up to {n}% by bundling home and auto.",
                   "Protect your HVAC and appliances for ${n}9 a month."],
                  ["Important: home warranty coverage notice", "Bundle and save on your new home"],
                  ["Spam Risk", "Telemarketer", "Insurance Agent"],
                  ["home warranty"]),
    "furniture": F("retail",
                   [("Oakline Furniture Outlet", "oaklinefurniture"), ("Dwell & Co", "dwellandco")],
                   ["Just moved in? Take {n}% off your first room of furniture.",
                    "Floor model clearance this weekend - up to {n}0% off.",
                    "Free delivery on orders over ${n}99."],
                   ["Welcome home: {n}% off furniture", "Clearance weekend starts now"],
                   ["Telemarketer"]),
    "car_ins": F("insurance",
                 [("RoadGuard Auto Insurance", "roadguardins"), ("DriveSure Insurance", "drivesure"),
                  ("Milestone Auto Insurance", "milestoneauto")],
                 ["Drivers in {area} are saving ${n}00 by switching their auto policy.",
                  "Your new vehicle may qualify for a lower rate - get a quote in 2 minutes.",
                  "Bundle your new car with renters or home insurance and save {n}%."],
                 ["Your auto insurance quote is ready", "New car? Check your rate",
                  "{greet}, you could save ${n}00 on car insurance"],
                 ["Insurance Agent", "Spam Risk", "Telemarketer"],
                 ["car insurance again"]),
    "auto_warranty": F("automotive",
                       [("Vehicle Service Department", "vsd-notice"), ("AutoShield Protection", "autoshieldpro")],
                       ["We have been trying to reach you about your vehicle's extended warranty.",
                        "Final notice: your factory warranty may be expiring. Press 1 to speak to a specialist.",
                        "Protect your new car beyond the factory warranty for ${n}9 a month."],
                       ["Final notice: vehicle service contract", "Your vehicle coverage is expiring"],
                       ["Scam Likely", "Spam Risk", "Potential Spam"],
                       ["car warranty robocall"]),
    "used_car": F("automotive",
                  [("CarCash Now", "carcashnow"), ("QuickTrade Autos", "quicktradeautos")],
                  ["We will buy your car for cash - even if you just bought it. Instant offer online.",
                   "Used car prices are at record highs. Your car could be worth ${n},000 more than you think.",
                   "Trade up this weekend: ${n},000 over book value on trade-ins."],
                  ["Your instant cash offer", "Trade-in values are up"],
                  ["Telemarketer", "Spam Risk"],
                  ["wants to buy my car"]),
    "car_loan": F("finance",
                  [("AutoRefi Pros", "autorefipros"), ("Lakeside Auto Finance", "lakesideautofin")],
                  ["Refinance your auto loan and lower your payment by up to ${n}0 a month.",
                   "Pre-approved: auto refinance at {r}% APR.",
                   "Skip your first payment when you refinance with us."],
                  ["You are pre-approved to refinance", "Lower your car payment"],
                  ["Spam Risk", "Telemarketer"]),
    "early_edu": F("education",
                   [("Little Acorns Preschool", "littleacorns"), ("KinderSprouts Daycare", "kindersprouts")],
                   ["Infant room openings for fall - schedule a tour this week.",
                    "Waitlists fill fast in {area}. Reserve your spot for ${n}9.",
                    "Free baby music and movement class every Saturday."],
                   ["Infant care openings in {area}", "Your tour invitation", "{greet}, reserve your spot"],
                   ["Telemarketer"],
                   ["daycare"]),
    "child_ins": F("insurance",
                   [("FamilyFirst Life", "familyfirstlife"), ("Guardian Oak Life", "guardianoak")],
                   ["New parents: term life coverage from ${n} a month, no medical exam.",
                    "Congratulations on your new arrival! Protect your family with a $500,000 policy.",
                    "Start a whole-life policy for your baby at a locked-in rate."],
                   ["Congrats! A gift for new parents", "Protect your growing family"],
                   ["Insurance Agent", "Telemarketer", "Spam Risk"],
                   ["life insurance"]),
    "baby_photo": F("retail",
                    [("Tiny Toes Photography", "tinytoesphoto"), ("Little Moments Studio", "littlemoments")],
                    ["Newborn sessions in your home - book within the 14-day window.",
                     "Free 8x10 with every milestone session.",
                     "Milestone photo packages from ${n}9."],
                    ["Newborn session openings", "Your free milestone print"],
                    ["Telemarketer"]),
    "formula": F("retail",
                 [("BabyBox Club", "babyboxclub"), ("NurtureMilk Formula", "nurturemilk")],
                 ["Your free sample box of formula is ready to ship.",
                  "Members save {n}% on diapers and wipes every month.",
                  "Claim ${n}0 in coupons for new parents."],
                 ["Your free welcome box", "${n}0 in baby coupons inside"],
                 ["Spam Risk"]),
    "cord_blood": F("healthcare",
                    [("CordSafe Family Bank", "cordsafe"), ("BloomWell Postpartum", "bloomwell")],
                    ["It is not too late to store your baby's stem cells - {n}0% off enrollment.",
                     "Pelvic floor recovery program for new moms - free assessment.",
                     "Postpartum lactation consults covered by most plans."],
                    ["A note for new parents", "Your postpartum recovery plan"],
                    ["Telemarketer"]),
    "headhunter": F("recruitment",
                    [("Vantage Staffing", "vantagestaffing"), ("Pinnacle Talent Partners", "pinnacletalent"),
                     ("Crestline Recruiting", "crestlinerecruit")],
                    ["I came across your profile and have a {title} role in {area}, ${n}0k-${m}0k. Open to a quick chat?",
                     "Our client is hiring fast and your background is a strong match.",
                     "Contract-to-hire opportunity, remote-friendly, interviews this week."],
                    ["{title} opportunity - {area}", "Quick question about your next move",
                     "{greet}, your profile stood out"],
                    ["Recruiter", "Telemarketer"],
                    ["recruiter"]),
    "job_scam": F("fraud",
                  [("Global Remote Hiring Team", "grh-team"), ("Remote Staffing Desk", "rsdesk")],
                  ["You have been selected for a remote data-entry position paying ${n}5/hr. Reply YES to start.",
                   "We will mail you a check to buy your home-office equipment.",
                   "Your interview will be held on Telegram with our HR manager.",
                   "Earn ${n}00 a day rating products from home. No experience needed."],
                  ["Job offer: Remote Assistant", "Your application has been approved"],
                  ["Scam Likely", "Spam Risk"],
                  ["job scam"]),
    "cert_training": F("education",
                       [("CodeLaunch Bootcamp", "codelaunch"), ("PMP FastTrack", "pmpfasttrack")],
                       ["Become a software developer in 16 weeks - pay nothing until you are hired.",
                        "Get PMP certified in 30 days, pass guaranteed.",
                        "Upskill in data analytics - ${n}00 scholarship ends Friday."],
                       ["Your scholarship is waiting", "Career change in 16 weeks"],
                       ["Telemarketer"]),
    "medspa": F("healthcare",
                [("Radiance Med Spa", "radiancemedspa"), ("SculptLab", "sculptlab")],
                ["First-time Botox clients: ${n} per unit this month.",
                 "Free body composition scan plus a {m}-session sculpting package.",
                 "Medical weight-loss program from ${n}99 a month."],
                ["Your new-client offer", "Summer body sculpting special"],
                ["Telemarketer", "Spam Risk"]),
    "supplements": F("retail",
                     [("PurePeak Nutrition", "purepeak"), ("IronFuel Supplements", "ironfuel")],
                     ["Members only: whey protein buy 2 get 1.",
                      "Fuel your workouts - {n}0% off pre-workout.",
                      "Free shaker with any order over ${n}9."],
                     ["Gym member exclusive", "Stack and save"],
                     ["Telemarketer"]),
    "ins_broker": F("insurance",
                    [("CareQuote Advisors", "carequoteadv"), ("Liberty Health Options", "libertyhealthopt")],
                    ["You may qualify for a $0 premium health plan. Press 1 to speak with a licensed agent.",
                     "Open enrollment is here - compare plans in {area} in minutes.",
                     "Final expense coverage for ${n}9 a month, guaranteed acceptance."],
                    ["Compare health plans in {area}", "Your plan comparison is ready"],
                    ["Spam Risk", "Insurance Agent", "Telemarketer"],
                    ["health insurance robocall"]),
    "quick_loan": F("finance",
                    [("CashBridge Loans", "cashbridgeloans"), ("SwiftFunds", "swiftfunds")],
                    ["You are approved for up to ${n},500. Funds as soon as tomorrow.",
                     "Bad credit OK - personal loans from ${n}00 to $5,000.",
                     "Your loan offer expires in 48 hours."],
                    ["Approved: up to ${n},500", "Your loan offer expires soon"],
                    ["Spam Risk", "Potential Spam"]),
    "tutoring": F("education",
                  [("StudyNest Tutors", "studynest"), ("Kumquat Learning", "kumquatlearning")],
                  ["Free reading assessment for grades K-3 this month.",
                   "After-school math tutoring from ${n}5 a session.",
                   "Summer bridge program for incoming kindergarteners."],
                  ["Free reading assessment", "Is your child ready for kindergarten?"],
                  ["Telemarketer"]),
    "student_ins": F("insurance",
                     [("ScholarShield Student Accident", "scholarshield")],
                     ["Student accident coverage for the school year - only ${n}0.",
                      "Sports injuries are not always covered by your plan. Enroll today."],
                     ["Student accident coverage enrollment"],
                     ["Insurance Agent"]),
    "shop_promo": F("retail",
                    [("DealDrop", "dealdrop"), ("Shopwise Deals", "shopwisedeals"), ("BrightCart", "brightcart")],
                    ["Your ${n} reward expires tonight.", "Flash sale: up to {n}0% off sitewide.",
                     "Items you might like are back in stock.", "Free shipping on everything, today only."],
                    ["Your ${n} reward is expiring", "Flash sale ends at midnight", "Picked for you"],
                    ["Spam Risk"]),
    "refund_scam": F("fraud",
                     [("Order Support Center", "ordersupport-ctr"), ("Refund Desk", "refund-desk")],
                     ["Your order from {shop} could not be delivered. Confirm your address to receive a refund.",
                      "A duplicate charge of ${n}9.99 was made on your {shop} order. Call to reverse it.",
                      "Your {shop} package is held at customs. Pay the $1.99 release fee."],
                     ["Action required: refund for your order", "Delivery failed"],
                     ["Scam Likely", "Spam Risk"],
                     ["fake refund"]),
    "consumer_credit": F("finance",
                         [("PayLater Plus", "paylaterplus"), ("FlexiCard", "flexicard")],
                         ["Split your next purchase into 4 interest-free payments.",
                          "Your credit limit has been raised to ${n},000.",
                          "Pre-qualified: {n} months 0% APR."],
                         ["You are pre-qualified", "Your spending limit just went up"],
                         ["Spam Risk"]),
    "loan_broker": F("finance",
                     [("LoanMatch Network", "loanmatchnet"), ("Harbor Credit Partners", "harborcredit")],
                     ["We saw your loan inquiry. We can match you with lenders at {r}% APR.",
                      "Consolidate your debt into one low payment.",
                      "Denied elsewhere? We work with all credit types."],
                     ["Lenders are competing for your loan", "{greet}, your loan matches are in"],
                     ["Telemarketer", "Spam Risk"],
                     ["loan broker"]),
    "credit_scam": F("fraud",
                     [("Credit Repair Now", "creditrepairnow"), ("National Debt Relief Center", "ndrc-help")],
                     ["We can remove late payments from your credit report in 30 days.",
                      "You qualify for the federal debt forgiveness program. Press 1.",
                      "Your loan approval is pending a ${n}9 processing fee."],
                     ["Debt forgiveness eligibility notice"],
                     ["Scam Likely", "Spam Risk"],
                     ["scam"]),
    "isp": F("telecom",
             [("Skyline Satellite TV", "skylinesat"), ("Vortex 5G Home Internet", "vortex5g")],
             ["5G home internet for ${n}0 a month, no annual contract.",
              "Switch to satellite TV and get {m} months free.",
              "Fiber just arrived in {area}. Upgrade to gig speed today."],
             ["Faster internet is here", "Switch and save"],
             ["Telemarketer"]),
    "stock_tips": F("finance",
                    [("Wall Street Insider Alerts", "wsinsideralerts"), ("MarketPulse Picks", "marketpulsepicks")],
                    ["This under-the-radar stock could jump {n}00% - free report.",
                     "Join our free trading group for daily picks.",
                     "Our model picked these {n} stocks for next week."],
                    ["Urgent: our next {n}x pick", "Free report inside"],
                    ["Spam Risk"]),
    "adult_edu": F("education",
                   [("Online Degree Finder", "onlinedegreefinder"), ("FlexU Admissions", "flexu-admit")],
                   ["Finish your degree online - credit for work experience.",
                    "Grants may be available. Classes start {date}.",
                    "Get your bachelor's degree in as little as {n} months."],
                   ["Finish your degree online"],
                   ["Telemarketer", "Potential Spam"]),
}

EN = {
    "flavours": EN_FLAVOURS,
    "first": {"f": [("Megan", "Meghan"), ("Kristen", "Kirsten"), ("Sara", "Sarah"), ("Katherine", "Catherine"),
                    ("Ann", "Anne"), ("Allison", "Alison"), ("Jillian", "Gillian")],
              "m": [("Jon", "John"), ("Stephen", "Steven"), ("Geoffrey", "Jeffrey"), ("Brian", "Bryan"),
                    ("Philip", "Phillip"), ("Alan", "Allen"), ("Eric", "Erik")]},
    "nick": {"Megan": "Meg", "Kristen": "Kris", "Sara": "Sadie", "Katherine": "Kate", "Ann": "Annie",
             "Allison": "Ali", "Jillian": "Jill", "Jon": "Jonny", "Stephen": "Steve", "Geoffrey": "Geoff",
             "Brian": "Bri", "Philip": "Phil", "Alan": "Al", "Eric": "Rick"},
    "last": [("Kowalski", "Kowalsky"), ("Lindqvist", "Lindquist"), ("Schaefer", "Schafer"),
             ("Castellano", "Castellanos"), ("Brennan", "Brenan"), ("Haddad", "Hadad"), ("Okafor", "Okafur"),
             ("Petrov", "Petroff"), ("McAllister", "MacAllister")],
    "cities": [("Chicago", ["312", "773", "872"], ["Lincoln Park", "Logan Square", "Evanston", "Oak Park"]),
               ("Minneapolis", ["612", "651"], ["Uptown", "Edina", "St. Paul", "Bloomington"]),
               ("Dallas", ["214", "469", "972"], ["Plano", "Richardson", "Uptown Dallas", "Frisco"]),
               ("Houston", ["713", "281", "832"], ["The Heights", "Katy", "Sugar Land", "Pearland"]),
               ("Kansas City", ["816", "913"], ["Overland Park", "Lee's Summit", "Westport"])],
    "sources": {
        "flat": [("Harborview Townhomes sales office", "harborviewtownhomes", "Harborview"),
                 ("Cedar Point Realty", "cedarpointrealty", "Cedar Point"),
                 ("Lakeshore Flats leasing", "lakeshoreflats", "Lakeshore Flats"),
                 ("Prairie Commons model home", "prairiecommons", "Prairie Commons")],
        "car": [("Riverside Honda", "riversidehonda", "Riverside Honda"),
                ("Northfield Subaru", "northfieldsubaru", "Northfield Subaru"),
                ("Midway Chevrolet", "midwaychevy", "Midway Chevrolet"),
                ("AutoQuote Direct", "autoquotedirect", "AutoQuote")],
        "baby": [("St. Brigid Women's Hospital", "stbrigidwomens", "St. Brigid"),
                 ("Lakeside Birth Center", "lakesidebirth", "Lakeside Birth Center")],
        "job": [("TalentBridge", "talentbridge", "TalentBridge"), ("HireLoop", "hireloop", "HireLoop"),
                ("CareerNest", "careernest", "CareerNest")],
        "gym": [("IronWorks Fitness", "ironworksfit", "IronWorks"), ("Pulse Athletic Club", "pulseathletic", "Pulse Athletic")],
        "quote": [("QuoteHarbor", "quoteharbor", "QuoteHarbor"), ("CoverCompare", "covercompare", "CoverCompare")],
        "school": [("Whitman Elementary enrollment", "whitmanelem", "Whitman Elementary"),
                   ("BrightPath Tutoring trial", "brightpathtutor", "BrightPath")],
        "shop": [("Nestwell Home", "nestwellhome", "Nestwell"), ("TrailPeak Outfitters", "trailpeak", "TrailPeak"),
                 ("Glowbox beauty subscription", "glowboxbeauty", "Glowbox")],
        "loan": [("Summit Federal Credit Union loan application", "summitfcu", "Summit Federal"),
                 ("LendLane", "lendlane", "LendLane")],
        "broadband": [("Brightwave Fiber sign-up", "brightwavefiber", "Brightwave"),
                      ("Metronet Home Internet store", "metrohomenet", "Metronet Home")],
        "clinic": [("ClearSmile Dental", "clearsmiledental", "ClearSmile"),
                   ("Northside Urgent Care", "northsideuc", "Northside Urgent Care")],
    },
    "notes_disc": {
        "flat": ["toured the model unit, signed the guest sheet", "made an offer, gave cell number", "open house sign-in"],
        "car": ["test drive, filled in the credit app", "bought the car here", "online price quote form"],
        "baby": ["delivered here, registration at admission", "pre-registration for delivery"],
        "job": ["created profile, resume public", "applied to 3 jobs", "uploaded resume"],
        "gym": ["annual membership", "free trial pass"],
        "quote": ["auto + home quote comparison form", "health plan quote"],
        "school": ["kindergarten registration", "free trial lesson sign-up"],
        "shop": ["online order", "created account for an order"],
        "loan": ["personal loan application", "prequalification form"],
        "broadband": ["internet install appointment", "signed up in store"],
        "clinic": ["new patient form", "walk-in visit, paperwork"],
    },
    "mention": {
        "flat": ["We noticed you recently bought at {kw}", "We got your details from the {src} open house",
                 "Congrats on your new place at {kw}"],
        "car": ["Congrats on your new car from {kw}", "We have you down as a recent {src} customer",
                "Following up on your visit to {kw}"],
        "baby": ["Congratulations on your new baby at {kw}", "We are reaching out to {src} families"],
        "job": ["I saw your resume on {kw}", "I found you through your {src} profile"],
        "shop": ["This is about your recent {kw} order", "As a valued {src} shopper you get early access"],
        "loan": ["Following up on your {kw} loan application", "We received your details from {src}"],
        "quote": ["You requested a quote on {kw}", "Following up on your {src} comparison"],
        "school": ["We are reaching out to {kw} families", "Thanks for your {src} sign-up"],
        "gym": ["As a {kw} member you qualify", "This offer is for {src} members"],
        "broadband": ["Congrats on your new {kw} service", "Since you signed up with {src}, you qualify"],
        "clinic": ["Following your recent visit to {kw}", "As a {src} patient you qualify"],
    },
    "own": {
        "flat": ["{kw}: Closing documents for your unit are ready to sign. Ref {code}.",
                 "{kw}: Your move-in walkthrough is confirmed for {date}.",
                 "{kw}: Reminder - HOA welcome meeting on {date}."],
        "car": ["{kw}: Your vehicle is due for its {n},000-mile service. Reply BOOK or call us.",
                "{kw}: Your service appointment on {date} is confirmed. Advisor: {agent}.",
                "{kw}: Your permanent plates have arrived and are ready for pickup."],
        "baby": ["{kw}: Reminder - baby's 2-week checkup on {date}.",
                 "{kw}: Your billing statement is available in the patient portal."],
        "job": ["{kw}: A recruiter viewed your profile.", "{kw}: Your application status has changed."],
        "shop": ["{kw}: Your order #{code} has shipped.", "{kw}: Your order #{code} was delivered."],
        "loan": ["{kw}: Your application {code} was received.", "{kw}: Your loan documents are ready to e-sign."],
        "quote": ["{kw}: Your saved quotes are ready to view."],
        "school": ["{kw}: Welcome! Orientation is on {date}.", "{kw}: Early dismissal on {date}."],
        "gym": ["{kw}: You are booked for spin class on {date}.", "{kw}: Your membership renews on {date}."],
        "broadband": ["{kw}: Your technician will arrive {date} between 8 and 12.", "{kw}: Your first bill is ready."],
        "clinic": ["{kw}: Your appointment is {date}. Reply C to confirm.", "{kw}: Your lab results are available."],
    },
    "own_subj": ["A message from {kw}", "{kw} account update", "{kw} notification"],
    "agents": ["Tyler", "Jessica", "Marcus", "Brittany", "Dave", "Ashley", "Kevin", "Monica"],
    "titles": ["Senior Product Manager", "Operations Lead", "Data Analyst", "Account Executive",
               "Project Manager", "Software Engineer"],
    "port_forms": ["{brand}: {greet_c}{mention_c}{pitch} {cta} Reply STOP to opt out.",
                   "{greet_c}{mention_c}{pitch} {cta} -{brand}. Txt STOP to end",
                   "[{brand}] {mention_c}{pitch} {cta} Msg&data rates may apply. STOP to quit."],
    "ctas": ["Call {phone}.", "Details: {url}", "Reply YES for a callback.", "Book now: {url}", "See offer: {url}"],
    "optouts": [""],
    "agent_forms": ["{hello}, this is {agent} with {brand}. {mention_c}{pitch} Text me back anytime.",
                    "{hello}! {agent} from {brand} here. {mention_c}{pitch} Is now a good time for a quick call?",
                    "{pitch} - {agent}, {brand} {phone}"],
    "mail_forms": ["{hello},\n\n{mention_p}{pitch1}\n\n{pitch2}\n\n{cta_line}\n\n- The {brand} team\n{addr}\n\n"
                   "You are receiving this email because you opted in to offers from {brand} or its partners.\n"
                   "Unsubscribe: {unsub}\n",
                   "Dear {hello2},\n\n{mention_p}{pitch1} {pitch2}\n\nLearn more: {url}\n\n"
                   "Sincerely,\n{agent}\n{brand}\n\nTo stop receiving these emails, visit {unsub}\n"],
    "friend_names": ["Mom", "Dad", "Jake (work)", "Priya", "Aunt Linda", "Coach Ray", "Dr. Patel office",
                     "Landlord Mike", "Sis", "Carlos", "Hannah B", "Grandma", "Neighbor Tom", "Nina"],
    "friend_sms": ["running 10 min late", "can you grab milk on the way home?", "Happy birthday!!",
                   "call me when you get a sec", "did you see the game last night", "ok sounds good",
                   "here now, parked out front", "thanks again for dinner", "lol yes", "On my way",
                   "what time is pickup tomorrow?", "sent you the doc", "Love you, drive safe",
                   "can we move to 3?", "Venmo'd you for the tickets"],
    "codes": [("22000", "G-{c6} is your Google verification code."),
              ("86753", "Venmo here! NEVER share this code via call/text. Code: {c6}"),
              ("827222", "Your Uber code: {c4}. Never share this code."),
              ("262966", "{c6} is your Amazon OTP. Do not share it with anyone."),
              ("32665", "{c6} is your Facebook confirmation code"),
              ("24273", "Chase: Your one-time code is {c6}. Don't share it. We'll never call to ask for it.")],
    "courier_sms": [("463397", "FedEx: Your package {code} is scheduled for delivery {date}."),
                    ("69877", "UPS: Your package is out for delivery today. Track at the UPS app."),
                    ("262966", "Amazon: Your package was delivered. It was handed directly to a resident."),
                    ("28777", "USPS: Your item was delivered in or at the mailbox at {hm}.")],
    "couriers": ["Mike", "Dee", "Carlos"],
    "places": ["front door", "mailroom", "side porch"],
    "bank_sms": [("24273", "Chase: A ${amt} debit card transaction was made on {md}."),
                 ("227898", "Capital One: Your statement is ready. Minimum payment ${amt} due {date}."),
                 ("24273", "Chase: Your direct deposit of ${amt} has posted.")],
    "carriers": {"tmo": ("456", "T-Mobile"), "vzw": ("900080", "Verizon"), "att": ("8778", "AT&T")},
    "carrier_legit": ["{carrier}: Your bill of ${amt} is available. Autopay will process on {date}.",
                      "{carrier}: You've used 80% of your high-speed data this cycle.",
                      "{carrier}: Thanks! We received your payment of ${amt}."],
    "carrier_offer": ["{carrier} Free Msg: Add a watch line for just $5/mo. Reply YES to learn more.",
                      "{carrier} Free Msg: Upgrade to our unlimited plan and get the new phone on us. {url}",
                      "{carrier} Free Msg: Home Internet is now available at your address - ${n}0/mo.",
                      "{carrier} Free Msg: Your upgrade is ready. Trade in and save up to ${n}00."],
    "newsletters": [("The Sunday Ledger", "sundayledger.com", ["Issue #{n}{m}: the quiet week", "This week in five charts"]),
                    ("Trailhead Weekly", "trailheadweekly.org", ["{n} trails near {area} to try this weekend", "Gear we actually use"]),
                    ("Neighborhood Notes", "nbhdnotes.news", ["Road closures and a new bakery", "What happened at the council meeting"])],
    "newsletter_body": "Hi there,\n\nThis is {name}. {line}\n\nThanks for reading. Manage your subscription: {unsub}\n",
    "newsletter_lines": ["Here is what we read this week.", "Grab a coffee - this one is a longer issue.",
                         "Reply to this email and tell us what you think."],
    "receipts": [("Uber Receipts", "uber-receipts.example.com", "Your trip receipt", "Thanks for riding. Total: ${amt}."),
                 ("ComEd Billing", "utility-bills.example.com", "Your bill is ready", "Your bill for account ending {last4} is ${amt}."),
                 ("Amtrak", "rail-tickets.example.com", "Your eTicket", "Your trip on {date} is confirmed. Reservation {code}.")],
    "fraud_sms": ["USPS: Your package is on hold due to an incomplete address. Update here: {url}",
                  "E-ZPass: You have an unpaid toll of $4.{nn}. Pay now to avoid a $50 late fee: {url}",
                  "Amazon: A purchase of ${n}99.00 was placed on your account. If this wasn't you call {phone}.",
                  "Hi, is this Linda? We met at the wine tasting last month.",
                  "Wells Fargo Alert: Your card has been locked. Verify at {url}",
                  "[Apple] Your Apple ID has been locked for security reasons. Verify: {url}",
                  "Congratulations! You've won a ${n}00 Walmart gift card. Claim: {url}"],
    "fraud_tags": ["Scam Likely", "Spam Risk", "Potential Fraud"],
    "fraud_notes": ["said my SSN was suspended", "fake IRS", "press 1 robocall"],
    "collector_sms": ["This message is for {other}. Please call {phone} regarding an important business matter.",
                      "{other}, this is a time-sensitive notice from Apex Recovery Services. Call {phone} ref {code}."],
    "collector_tags": ["Debt Collector", "Nuisance Likely"],
    "others": ["Brandon Ellis", "Tanya Morgan", "Luis Ortega", "Rachel Kim"],
    "spam_mail": [("fraud", "I know your password", "I know {oldpw} is your password. I have recorded you. Send $1,450 in Bitcoin to the address below within 48 hours."),
                  ("healthcare", "Cheap meds, no prescription", "Save up to 80% on brand medications. Discreet shipping worldwide: {url}"),
                  ("retail", "Luxury watches 90% off", "Replica watches, best quality, free shipping: {url}"),
                  ("finance", "This crypto could 10x", "Insiders are buying before the listing. Get in now: {url}"),
                  ("fraud", "Invoice #{code} overdue", "Please find your overdue invoice at {url}. Payment is required within 24 hours."),
                  ("fraud", "You have won a $500 gift card", "You were selected in our monthly survey. Claim your reward: {url}")],
}

LEX = {"zh": ZH, "en": EN}

# Dealings: the kind written into disclosures.toml, how online they are, and
# which campaign flavours a sold list of that dealing draws (weights).
DEALINGS = {
    "flat": ("property", 0.3, [("prop_agent", 4), ("reno", 4), ("mortgage", 2), ("home_ins", 1), ("furniture", 1)]),
    "car": ("automotive", 0.3, [("car_ins", 5), ("used_car", 2), ("car_loan", 2), ("auto_warranty", 3)]),
    "baby": ("healthcare", 0.3, [("early_edu", 3), ("child_ins", 2), ("baby_photo", 2), ("formula", 2), ("cord_blood", 1)]),
    "job": ("recruitment", 0.95, [("headhunter", 4), ("job_scam", 2), ("cert_training", 2)]),
    "gym": ("healthcare", 0.6, [("medspa", 3), ("supplements", 2), ("ins_broker", 1)]),
    "quote": ("insurance", 0.95, [("ins_broker", 4), ("car_ins", 2), ("quick_loan", 1)]),
    "school": ("education", 0.5, [("tutoring", 4), ("student_ins", 1), ("cert_training", 1)]),
    "shop": ("retail", 0.95, [("shop_promo", 4), ("refund_scam", 2), ("consumer_credit", 1)]),
    "loan": ("finance", 0.9, [("loan_broker", 4), ("quick_loan", 2), ("credit_scam", 2), ("ins_broker", 1)]),
    "broadband": ("telecom", 0.6, [("isp", 4), ("quick_loan", 1), ("credit_scam", 1)]),
    "clinic": ("healthcare", 0.5, [("medspa", 2), ("ins_broker", 2), ("supplements", 1)]),
}

# How a campaign of a category reaches people: weights of shapes.
#   block: calls from rotating numbers of one block   agent: one person's mobile, calls and texts
#   port: SMS from a bulk port with a signature       mixed: block calls plus port SMS of one brand
#   mail: marketing e-mail                             mailsms: port SMS plus e-mail
SHAPES = {
    "property": {"block": 4, "agent": 5, "port": 1, "mixed": 2, "mail": 1},
    "renovation": {"block": 3, "agent": 2, "port": 2, "mixed": 3, "mail": 1, "mailsms": 1},
    "finance": {"block": 3, "agent": 2, "port": 3, "mixed": 2, "mail": 2, "mailsms": 1},
    "insurance": {"block": 4, "agent": 2, "port": 2, "mixed": 2, "mail": 2, "mailsms": 1},
    "education": {"block": 2, "agent": 2, "port": 3, "mixed": 2, "mail": 2, "mailsms": 1},
    "automotive": {"block": 3, "agent": 3, "port": 2, "mixed": 2, "mail": 1},
    "healthcare": {"block": 1, "agent": 1, "port": 3, "mixed": 2, "mail": 2, "mailsms": 1},
    "recruitment": {"block": 1, "agent": 3, "port": 1, "mixed": 1, "mail": 4},
    "retail": {"port": 4, "mixed": 1, "mail": 4, "mailsms": 2},
    "telecom": {"block": 3, "agent": 1, "port": 2, "mixed": 2, "mail": 1},
    "fraud": {"block": 2, "agent": 2, "port": 3, "mixed": 1, "mail": 2},
}

# ---------------------------------------------------------------------------
# Call-log export styles (one per person)
# ---------------------------------------------------------------------------

def _zh_clock(t):
    half = "上午" if t.hour < 12 else "下午"
    h = t.hour % 12 or 12
    return f"{t.year}年{t.month}月{t.day}日 {half}{h}:{t.minute:02d}"


def _us_clock(t, seconds=True):
    h = t.hour % 12 or 12
    ap = "AM" if t.hour < 12 else "PM"
    return f"{h}:{t.minute:02d}:{t.second:02d} {ap}" if seconds else f"{h}:{t.minute:02d} {ap}"


def _dur_zh_units(s):
    h, rem = divmod(s, 3600)
    m, sec = divmod(rem, 60)
    out = (f"{h}小时" if h else "") + (f"{m}分" if m or h else "") + f"{sec}秒"
    return out


def _dur_en_units(s):
    m, sec = divmod(s, 60)
    return f"{m}m {sec}s" if m else f"{sec}s"


def _dur_clock(s, hours=True):
    h, rem = divmod(s, 3600)
    m, sec = divmod(rem, 60)
    if hours:
        return f"{h:02d}:{m:02d}:{sec:02d}"
    return f"{h}:{m:02d}:{sec:02d}" if h else f"{m}:{sec:02d}"


STYLES = {
    # Chinese phone-backup export, UTF-8 with BOM, one date-time column with seconds
    "Z1": {"header": ["号码", "姓名", "类型", "开始时间", "时长(秒)", "标签", "备注", "SIM卡"],
           "fields": ["num", "name", "type", "dt", "dur", "tag", "note", "line"],
           "delim": ",", "enc": "utf-8-sig", "newest_first": True, "res": 1,
           "dt": lambda t: t.strftime("%Y/%m/%d %H:%M:%S"), "dur": str,
           "types": {"in": "呼入", "missed": "未接来电", "rejected": "已拒接", "blocked": "已拦截", "out": "呼出"}},
    # Tab-separated, separate date and time columns, durations in 分/秒
    "Z2": {"header": ["对方号码", "联系人", "通话状态", "日期", "时间", "通话时长", "号码标记", "备注", "本机号码"],
           "fields": ["num", "name", "type", "date", "time", "dur", "tag", "note", "line"],
           "delim": "\t", "enc": "utf-8", "newest_first": False, "res": 1,
           "date": lambda t: t.strftime("%Y-%m-%d"), "time": lambda t: t.strftime("%H:%M:%S"),
           "dur": _dur_zh_units,
           "types": {"in": "已接来电", "missed": "未接", "rejected": "拒接", "blocked": "拦截", "out": "已拨"}},
    # Semicolon-separated GBK, 年月日 上午/下午 to the minute, h:mm:ss durations
    "Z3": {"header": ["电话", "名称", "呼叫类型", "通话时间", "持续时间", "标记", "备注", "本机"],
           "fields": ["num", "name", "type", "dt", "dur", "tag", "note", "line"],
           "delim": ";", "enc": "gbk", "newest_first": True, "res": 60,
           "dt": _zh_clock, "dur": _dur_clock,
           "types": {"in": "来电", "missed": "未接来电", "rejected": "拒接", "blocked": "骚扰拦截", "out": "去电"}},
    # US export, mm/dd/yyyy h:mm:ss AM/PM, "2m 5s"
    "E1": {"header": ["Phone", "Name", "Call Type", "Date", "Duration", "Label", "Notes", "Line"],
           "fields": ["num", "name", "type", "dt", "dur", "tag", "note", "line"],
           "delim": ",", "enc": "utf-8", "newest_first": True, "res": 1,
           "dt": lambda t: t.strftime("%m/%d/%Y ") + _us_clock(t), "dur": _dur_en_units,
           "types": {"in": "Incoming", "missed": "Missed", "rejected": "Declined", "blocked": "Blocked", "out": "Outgoing"}},
    # Android CallLog dump: numeric types, ISO local time, seconds
    "E2": {"header": ["Number", "Contact Name", "Type", "Call Start Time", "Duration (s)", "Tag", "Note", "My Number"],
           "fields": ["num", "name", "type", "dt", "dur", "tag", "note", "line"],
           "delim": ",", "enc": "utf-8", "newest_first": False, "res": 1,
           "dt": lambda t: t.strftime("%Y-%m-%dT%H:%M:%S"), "dur": str,
           "types": {"in": "1", "out": "2", "missed": "3", "rejected": "5", "blocked": "6"}},
    # Spreadsheet "Unicode text": UTF-16LE, tabs, "Mar 5, 2024" + "2:03 PM" (minutes only), m:ss
    "E3": {"header": ["Caller ID", "Contact", "Direction", "Date", "Time", "Call Length", "Spam Label", "Comment", "SIM"],
           "fields": ["num", "name", "type", "date", "time", "dur", "tag", "note", "line"],
           "delim": "\t", "enc": "utf-16le-bom", "newest_first": False, "res": 60,
           "date": lambda t: f"{t.strftime('%b')} {t.day}, {t.year}", "time": lambda t: _us_clock(t, False),
           "dur": lambda s: _dur_clock(s, hours=False),
           "types": {"in": "Inbound", "out": "Outbound", "missed": "Missed", "rejected": "Rejected", "blocked": "Blocked"}},
}


# ---------------------------------------------------------------------------
# The generator
# ---------------------------------------------------------------------------

class Gen:
    def __init__(self, seed, lang):
        self.seed, self.lang = seed, lang
        self.r = random.Random(f"leaktrace-persona/{lang}/{seed}")
        self.L = LEX[lang]
        self.tz = ZoneInfo(ZONES[lang])
        r = self.r
        self.w0 = dt.date(2023 + (r.random() < 0.5), r.randint(1, 12), r.randint(1, 28))
        self.w1 = self.w0 + dt.timedelta(days=365)
        self.style = STYLES[r.choice(["Z1", "Z2", "Z3"] if lang == "zh" else ["E1", "E2", "E3"])]
        self.style_id = [k for k, v in STYLES.items() if v is self.style][0]
        self.taken = set()
        self.used_brands = []
        self.calls, self.smses, self.mails = [], [], []
        self.streams = []
        self.build_person()
        self.card4 = self.digits(4)
        self.old_password = self.r.choice(["sunshine", "dragon", "iloveyou", "qwerty", "monkey"]) + self.digits(2)
        self.build_disclosures()

    # ----- small helpers -------------------------------------------------
    def zh(self):
        return self.lang == "zh"

    def digits(self, n):
        return "".join(self.r.choice("0123456789") for _ in range(n))

    def token(self, n=10, alphabet="abcdefghijkmnpqrstuvwxyz23456789"):
        return "".join(self.r.choice(alphabet) for _ in range(n))

    def fresh(self, make):
        for _ in range(200):
            x = make()
            if x not in self.taken:
                self.taken.add(x)
                return x
        raise RuntimeError("could not find a fresh number")

    def mobile(self, carrier=None):
        if self.zh():
            pre = {"cmcc": ["134", "135", "136", "137", "138", "139", "150", "151", "152", "157", "158", "159",
                            "182", "183", "187", "188", "198"],
                   "cucc": ["130", "131", "132", "155", "156", "166", "175", "176", "185", "186"],
                   "ctcc": ["133", "153", "173", "177", "180", "181", "189", "199"]}
            c = carrier or self.r.choice(list(pre))
            return self.fresh(lambda: self.r.choice(pre[c]) + self.digits(8))
        return self.fresh(lambda: self.us_number(self.r.choice(self.all_area_codes())))

    def all_area_codes(self):
        return ["312", "773", "872", "612", "651", "214", "469", "972", "713", "281", "832", "816", "913",
                "404", "305", "602", "415", "646", "201", "617", "303", "206"]

    def us_exchange(self):
        while True:
            e = str(self.r.randint(200, 999))
            if e != "555" and e[1:] != "11":
                return e

    def us_number(self, area):
        return area + self.us_exchange() + self.digits(4)

    def local_dt(self, day, profile, fixed=None):
        r = self.r
        if fixed is not None:
            h, base_m = fixed
            minute = max(0, min(59, base_m + r.randint(-9, 9)))
            return dt.datetime.combine(day, dt.time(h, minute, r.randint(0, 59)))
        table = {
            "biz": ([9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20], [7, 10, 9, 2, 5, 9, 9, 8, 6, 3, 2, 1]),
            "sms": ([8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21], [2, 5, 8, 8, 5, 4, 5, 5, 5, 6, 7, 6, 4, 2]),
            "fraud": (list(range(7, 23)), [1] * 16),
            "friend": (list(range(7, 24)), [2, 3, 3, 3, 3, 4, 3, 3, 3, 3, 4, 6, 7, 8, 7, 5, 3]),
            "any": (list(range(6, 24)), [1] * 18),
        }
        hours, w = table[profile]
        h = r.choices(hours, w)[0]
        return dt.datetime.combine(day, dt.time(h, r.randint(0, 59), r.randint(0, 59)))

    def to_utc(self, naive):
        return naive.replace(tzinfo=self.tz).astimezone(UTC)

    def day_text(self, d):
        return f"{d.month}月{d.day}日" if self.zh() else f"{d.strftime('%b')} {d.day}"

    # ----- the person ----------------------------------------------------
    def build_person(self):
        r, L = self.r, self.L
        self.gender = r.choice("fm")
        if self.zh():
            city, area_code, districts = r.choice(L["cities"])
            self.city, self.area_code, self.districts = city, area_code, districts
            sur, sur_py = r.choice(L["surnames"])
            g1, g2 = r.sample(L["given"][self.gender], 2)
            real = sur + g1[0] + g2[0]
            mis = sur + (g1[1] + g2[0] if r.random() < 0.5 else g1[0] + g2[1])
            py_given = (g1[2] + g2[2]).capitalize()
            self.surname = sur
            self.names = {"real": real, "mis": mis, "pinyin": f"{sur_py} {py_given}"}
            self.given_py, self.sur_py = g1[2] + g2[2], sur_py.lower()
            carrier = r.choice(["cmcc", "cmcc", "cucc", "ctcc"])
            self.carrier = carrier
            self.phones = {"P1": self.mobile(carrier)}
            if r.random() < 0.5:
                self.phones["P2"] = self.mobile(r.choice([c for c in ["cmcc", "cucc", "ctcc"] if c != carrier]))
            py = self.given_py
            self.main_email = r.choice([f"{r.randint(10**8, 3 * 10**9)}@qq.com",
                                        f"{self.sur_py}{py}{r.randint(80, 99)}@163.com"])
            self.plus_base = None
            extra = []
            if r.random() < 0.55:
                self.plus_base = f"{py}.{self.sur_py}@outlook.com"
                extra.append(self.plus_base)
            self.dedicated = None
            if r.random() < 0.5:
                self.dedicated = f"{self.sur_py[0]}{py}_shop{r.randint(10, 24)}@126.com"
                extra.append(self.dedicated)
            self.old_email = None
            if len(extra) < 2 and r.random() < 0.6:
                self.old_email = f"{self.sur_py}{py}{r.randint(1980, 1999)}@sina.com"
                extra.append(self.old_email)
        else:
            city, codes, districts = r.choice(L["cities"])
            self.city, self.area_codes, self.districts = city, codes, districts
            first, first_alt = r.choice(L["first"][self.gender])
            last, last_alt = r.choice(L["last"])
            self.surname = last
            self.first = first
            self.names = {"real": f"{first} {last}", "mis1": f"{first_alt} {last}",
                          "mis2": f"{first} {last_alt}", "nick": f"{L['nick'][first]} {last}"}
            self.carrier = r.choice(list(L["carriers"]))
            self.phones = {"P1": self.fresh(lambda: self.us_number(r.choice(codes)))}
            if r.random() < 0.5:
                self.phones["P2"] = self.fresh(lambda: self.us_number(r.choice(self.all_area_codes())))
            base = f"{first.lower()}.{last.lower()}"
            self.main_email = f"{base}@gmail.com" if r.random() < 0.6 else f"{first[0].lower()}{last.lower()}{r.randint(1, 99)}@gmail.com"
            self.plus_base = self.main_email
            extra = []
            self.dedicated = None
            if r.random() < 0.55:
                adj = r.choice(["brisk", "quiet", "amber", "dashed", "velvet", "sunny", "rapid"])
                noun = r.choice(["otter", "scone", "maple", "harbor", "pixel", "comet", "walnut"])
                self.dedicated = f"{adj}-{noun}-{r.randint(0, 9)}{r.choice('abcdefghjk')}@icloud.com"
                extra.append(self.dedicated)
            self.old_email = None
            if r.random() < 0.6:
                self.old_email = f"{first[0].lower()}{last.lower()[:6]}{r.randint(70, 99)}@yahoo.com"
                extra.append(self.old_email)
        self.emails_all = [self.main_email] + extra
        self.district = r.choice(self.districts)

    def spelled(self, key):
        return self.names[key]

    def greet_for(self, spelling, formal=False):
        """(greet, hello, hello2) for a name spelling; spelling None = no name."""
        if self.zh():
            if spelling is None:
                return "", "您好", "客户"
            title = "女士" if self.gender == "f" else "先生"
            if spelling.isascii():
                return spelling, f"{spelling}您好", spelling
            g = spelling + title if self.r.random() < 0.6 else spelling
            return g, f"{g}您好", g
        if spelling is None:
            return "", "Hi there", "Customer"
        first, last = spelling.split(" ", 1)
        title = "Ms." if self.gender == "f" else "Mr."
        if formal:
            return f"{title} {last}", f"Hello {title} {last}", f"{title} {last}"
        return first, f"Hi {first}", spelling

    def title_greet(self, spelling):
        if self.zh():
            g = self.surname + ("女士" if self.gender == "f" else "先生")
            return g, f"{g}您好", g
        last = spelling.split(" ", 1)[1]
        g = ("Ms. " if self.gender == "f" else "Mr. ") + last
        return g, f"Hello {g}", g

    # ----- disclosures ---------------------------------------------------
    def build_disclosures(self):
        r, L = self.r, self.L
        m = r.randint(5, 9)
        dup = r.choice(["car", "flat", "job", "shop", "quote", "clinic"])
        rest = [d for d in DEALINGS if d != dup]
        r.shuffle(rest)
        picks = [dup, dup] + rest[:m - 2]
        lo = self.w0 - dt.timedelta(days=40)
        hi = self.w1 - dt.timedelta(days=55)
        span = (hi - lo).days
        dup_first = lo + dt.timedelta(days=r.randint(0, span - 50))
        dup_second = dup_first + dt.timedelta(days=r.randint(6, 45))
        src_pair = r.sample(L["sources"][dup], 2)
        out = []
        used_src = []
        for i, d in enumerate(picks):
            if i == 0:
                when, src = dup_first, src_pair[0]
            elif i == 1:
                when, src = dup_second, src_pair[1]
            else:
                when = lo + dt.timedelta(days=r.randint(0, span))
                src = r.choice(L["sources"][d])
            used_src.append(src[0])
            kind, online, _ = DEALINGS[d]
            disc = {"dealing": d, "kind": kind, "source": src[0], "slug": src[1], "kw": src[2], "date": when,
                    "dup": i < 2}
            # which phones
            phones = []
            if r.random() < 0.97 - 0.12 * online:
                if "P2" in self.phones and r.random() < 0.45:
                    phones = ["P2"] if r.random() < 0.65 else ["P1", "P2"]
                else:
                    phones = ["P1"]
            # which e-mail address
            emails = []
            if r.random() < 0.15 + 0.8 * online or not phones:
                x = r.random()
                if self.plus_base and x < 0.45:
                    tag = re.sub(r"[^a-z0-9]", "", src[1])[:16]
                    local, dom = self.plus_base.split("@")
                    emails = [f"{local}+{tag}@{dom}"]
                elif self.dedicated and x < 0.75:
                    emails = [self.dedicated]
                else:
                    emails = [self.main_email]
            disc.update(phones=phones, emails=emails, name_key="real",
                        keywords=[src[2]] if r.random() < 0.75 else [],
                        notes=r.choice(L["notes_disc"][d]))
            out.append(disc)
        # who leaks
        for disc in out:
            disc["leaks"] = r.random() < 0.6
        if not (out[0]["leaks"] or out[1]["leaks"]):
            out[r.randint(0, 1)]["leaks"] = True
        while sum(d["leaks"] for d in out) < 3:
            r.choice([d for d in out if not d["leaks"]])["leaks"] = True
        if all(d["leaks"] for d in out):
            r.choice(out[2:])["leaks"] = False
        # one or two sources got a spelling of the name nobody else had (mostly ones that leak)
        variants = ["mis", "pinyin"] if self.zh() else ["mis1", "mis2", "nick"]
        r.shuffle(variants)
        k = 2 if r.random() < 0.4 else 1
        leaking = [d for d in out if d["leaks"]]
        pool = leaking if r.random() < 0.75 and len(leaking) >= k else out
        for disc, var in zip(r.sample(pool, k), variants):
            if self.zh() and disc["dealing"] == "job":
                var = "pinyin"
            disc["name_key"] = var
        for disc in out:
            disc["write_names"] = disc["name_key"] != "real" or r.random() < 0.7
        out.sort(key=lambda d: (d["date"], d["source"]))
        self.disclosures = out

    # ----- number and address makers for campaigns -----------------------
    def block_numbers(self):
        """A rotating block: 100 neighbouring numbers; returns (numbers, kind)."""
        r = self.r
        if self.zh():
            kind = r.choice(["landline", "landline", "virtual", "hotline"])
            if kind == "landline":
                stem = self.area_code + str(r.randint(2, 8)) + self.digits(5)
            elif kind == "virtual":
                stem = r.choice(["170", "171", "165", "167", "162"]) + self.digits(6)
            else:
                stem = "400" + self.digits(5)
        else:
            kind = r.choice(["local", "local", "tollfree", "other"])
            if kind == "local":
                stem = r.choice(self.area_codes) + self.us_exchange() + self.digits(2)
            elif kind == "tollfree":
                stem = r.choice(["800", "833", "844", "855", "866", "877", "888"]) + str(r.randint(200, 999)) + self.digits(2)
            else:
                stem = self.us_number(r.choice(self.all_area_codes()))[:8]
        nums = [stem + f"{i:02d}" for i in range(100)]
        if any(n in self.taken for n in nums):
            return self.block_numbers()
        for n in nums:
            self.taken.add(n)
        return nums, kind

    def port_number(self):
        r = self.r
        if self.zh():
            return self.fresh(lambda: r.choice(["1069", "1065", "1068", "10690"]) + self.digits(r.choice([6, 7, 8, 9])))
        return self.fresh(lambda: r.choice([str(r.randint(20000, 99999)), str(r.randint(200000, 999999)),
                                            r.choice(["833", "844", "855"]) + str(r.randint(200, 999)) + self.digits(4)]))

    def hotline(self):
        if self.zh():
            return self.fresh(lambda: "400" + self.digits(7))
        return self.fresh(lambda: self.r.choice(["800", "866", "888"]) + str(self.r.randint(200, 999)) + self.digits(4))

    def show_phone(self, canon):
        """A number as it is written inside message text."""
        if self.zh():
            if canon.startswith("400"):
                return f"{canon[:3]}-{canon[3:6]}-{canon[6:]}"
            return canon
        if len(canon) == 10:
            if canon[:3] in ("800", "833", "844", "855", "866", "877", "888"):
                return f"1-{canon[:3]}-{canon[3:6]}-{canon[6:]}"
            return f"({canon[:3]}) {canon[3:6]}-{canon[6:]}"
        return canon

    def url_host(self, slug):
        r = self.r
        if self.zh():
            return r.choice([f"{slug}.cn", f"m.{slug}.com", f"{slug}.com.cn", "t.cn", "dwz.cn", f"{slug}.top"])
        return r.choice([f"{slug}.com", f"go.{slug}.com", "bit.ly", f"{slug}.co", f"get{slug}.com"])

    def url(self, host):
        if host in ("t.cn", "dwz.cn", "bit.ly"):
            return f"{host}/{self.token(7, 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789')}"
        return f"{host}/{self.r.choice(['a', 'p', 'go', 'offer', 'm'])}/{self.token(5)}"

    # ----- per-message variables ------------------------------------------
    def env(self, when, extra=None):
        r = self.r
        day = when.date() if isinstance(when, dt.datetime) else when
        fut = day + dt.timedelta(days=r.randint(2, 16))
        e = {
            "n": r.randint(2, 9), "m": r.randint(2, 9), "nn": f"{r.randint(0, 99):02d}",
            "r": f"{r.randint(2, 4)}.{r.randint(1, 9)}",
            "area": self.district, "date": self.day_text(fut), "code": self.digits(r.choice([8, 10, 12])),
            "c6": self.digits(6), "c4": self.digits(4), "pick": f"{r.randint(1, 9)}-{r.randint(1, 5)}-{self.digits(4)}",
            "pick6": self.digits(6), "g": r.randint(1, 6), "title": r.choice(self.L["titles"]),
            "qq": str(r.randint(10**8, 3 * 10**9)), "place": r.choice(self.L["places"]),
            "last4": self.card4, "amt": f"{r.randint(12, 4800)}.{r.randint(0, 99):02d}",
            "bal": f"{r.randint(300, 90000)}.{r.randint(0, 99):02d}",
            "md": self.day_text(day) if self.zh() else f"{day.month}/{day.day}",
            "hm": (f"{when.hour:02d}:{when.minute:02d}" if self.zh() else _us_clock(when, False)) if isinstance(when, dt.datetime) else "",
            "month": day.month, "other": r.choice(self.L["others"]), "oldpw": self.old_password,
            "agent": r.choice(self.L["agents"]),
        }
        if extra:
            e.update(extra)
        return e

    # ----- timing ----------------------------------------------------------
    def sample_days(self, start, end, n, pattern, anchored=True):
        """n sorted dates in [start, end); the first is `start` when anchored."""
        r = self.r
        span = max(1, (end - start).days)
        offs = [0.0] if anchored else [r.uniform(0, min(span - 0.01, 20))]
        if pattern == "steady":
            offs += [r.uniform(0, span) for _ in range(n - 1)]
        elif pattern == "decay":
            offs += [min(span - 0.01, r.expovariate(1.0 / max(1.0, span * 0.35))) for _ in range(n - 1)]
        else:  # burst: agents ring several times over a day or two, then go quiet
            k = max(1, min(n, int(n / r.uniform(2.0, 4.5)) + 1))
            centres = [0.0] + [min(span - 1.0, r.expovariate(1.0 / max(1.0, span * 0.4))) for _ in range(k - 1)]
            for _ in range(n - 1):
                c = r.choice(centres)
                offs.append(min(span - 0.01, c + r.choice([0, 0, 0, 0, 1, 1, 2, 3])))
        offs.sort()
        return [start + dt.timedelta(days=int(o)) for o in offs]

    # ----- records ---------------------------------------------------------
    def add_call(self, local, num, ctype, dur=0, tag="", note="", name="", line="P1", truth=None):
        self.calls.append({"local": local, "num": num, "ctype": ctype, "dur": dur, "tag": tag, "note": note,
                           "name": name, "line": self.phones.get(line, self.phones["P1"]), "truth": truth})

    def add_sms(self, local, addr, body, box=1, contact="(Unknown)", line="P1", truth=None):
        utc = self.to_utc(local) + dt.timedelta(milliseconds=self.r.randint(0, 999))
        self.smses.append({"utc": utc, "addr": addr, "body": body, "box": box, "contact": contact,
                           "sub": 2 if line == "P2" and "P2" in self.phones else 1, "truth": truth})

    def add_mail(self, local, spec, truth):
        self.mails.append({"utc": self.to_utc(local), "spec": spec, "truth": truth})

    def stream(self, cid, weight, minimum, gen, leak=False):
        self.streams.append({"cid": cid, "weight": weight, "min": minimum, "gen": gen, "leak": leak})

    def call_outcome(self, progress, blocker=True):
        w = [0.36, 0.15 + 0.15 * progress, 0.39 - 0.2 * progress, (0.10 + 0.12 * progress) if blocker else 0]
        return self.r.choices(["missed", "rejected", "in", "blocked"], w)[0]

    def spam_duration(self, ctype):
        if ctype != "in":
            return 0
        return int(min(400, 3 + self.r.expovariate(1 / 22.0)))

    # ----- marketing campaigns (leaked lists and cold lists) ---------------
    def new_campaign(self, cid, flavour_id, *, source=None, onset, end, phones, email, spelling,
                     mention_dealing=None, mention_src=None, weight=1.0, minimum=3, shape=None):
        r, L = self.r, self.L
        flav = L["flavours"][flavour_id]
        cat = flav["cat"]
        free = [b for b in flav["brands"] if b[0] not in self.used_brands]
        brand = r.choice(free or flav["brands"])
        self.used_brands.append(brand[0])
        shapes = dict(SHAPES[cat])
        if not phones:
            shapes = {k: v for k, v in shapes.items() if k == "mail"}
        if not email:
            shapes = {k: v for k, v in shapes.items() if k not in ("mail", "mailsms")}
        if not shapes:
            shapes = {"port": 1} if phones else {"mail": 1}
        if self.zh():  # Chinese marketers text and ring far more than they e-mail
            shapes = {k: (v * 0.6 if k.startswith("mail") else v) for k, v in shapes.items()}
        if shape is None or shape not in shapes:
            shape = r.choices(list(shapes), list(shapes.values()))[0]
        c = {"cid": cid, "flav": flav, "cat": cat, "brand": brand[0], "slug": brand[1], "shape": shape,
             "phones": phones, "email": email, "spelling": spelling, "onset": onset, "end": end,
             "agent": r.choice(L["agents"]), "tags": {}, "tag_p": r.uniform(0.15, 0.75) if cat != "fraud" else 0.8,
             "pitches": r.sample(flav["pitch"], min(len(flav["pitch"]), r.randint(1, 3))),
             "port_form": r.choice(L["port_forms"]), "cta": r.choice(L["ctas"]), "optout": r.choice(L["optouts"]),
             "agent_form": r.choice(L["agent_forms"]), "mail_form": r.choice(L["mail_forms"]),
             "host": self.url_host(brand[1]),
             "truth": {"category": cat, "source": source["source"] if source else None, "campaign": cid}}
        if shape in ("block", "mixed"):
            nums, _ = self.block_numbers()
            c["block"] = r.sample(nums, r.randint(4, 40))
            c["block_w"] = [r.paretovariate(1.2) for _ in c["block"]]
        if shape == "agent":
            c["agents"] = [self.mobile() for _ in range(1 if r.random() < 0.7 else 2)]
        if shape in ("port", "mixed", "mailsms"):
            c["ports"] = [self.port_number() for _ in range(1 if r.random() < 0.7 else 2)]
        if cat == "fraud" and shape in ("port", "mixed", "mailsms"):
            c["ports"] = [self.mobile() for _ in range(r.randint(5, 30))]
        weight *= {"agent": 0.45, "block": 1.0, "mixed": 1.1, "port": 1.0, "mail": 0.9, "mailsms": 1.0}[shape]
        if cat == "fraud":
            weight *= 0.5
        c["cta_phone"] = c["agents"][0] if shape == "agent" else self.hotline() if r.random() < 0.6 else self.mobile()
        if spelling is None:
            c["greet"] = "none"
        else:
            x = r.random()
            full = 0.45 if source and source["name_key"] != "real" else 0.3
            c["greet"] = "full" if x < full else "title" if x < full + 0.25 else "none"
        c["mention"] = None
        if mention_dealing and r.random() < 0.25:
            kw = mention_src["kw"] if r.random() < 0.7 else mention_src["source"]
            c["mention"] = fill(r.choice(L["mention"][mention_dealing]), {"kw": kw, "src": mention_src["source"]})
            c["mention_p"] = r.uniform(0.35, 0.9)
            c["mention_kw"] = kw
        if flavour_id == "refund_scam":
            c["shop"] = (mention_src or {}).get("kw") or r.choice(["淘宝", "京东", "拼多多"] if self.zh() else ["Amazon", "Walmart", "Target"])
        c["pattern"] = {"block": "burst", "agent": "burst", "mixed": "burst"}.get(shape, r.choice(["steady", "decay"]))
        if shape in ("mail", "mailsms"):
            self.setup_mail_sender(c)
        self.stream(cid, weight, minimum, lambda n, c=c: self.emit_campaign(c, n), leak=source is not None)
        return c

    def setup_mail_sender(self, c):
        r = self.r
        slug = c["slug"]
        personal = c["cat"] in ("recruitment", "property") and r.random() < 0.5
        if c["cat"] == "fraud":
            dom = r.choice(["gmail.com", "outlook.com"] if not self.zh() else ["163.com", "sina.com", "outlook.com"])
            if r.random() < 0.3:
                dom = slug + r.choice(["-service.com", "-support.top", "-hr.net"])
            local = re.sub(r"[^a-z0-9]", "", slug) + str(r.randint(10, 999))
            personal = True
        elif self.zh():
            dom = r.choice(["", "mail.", "edm.", "e."]) + slug + "." + r.choice(["com", "cn", "com.cn"])
            local = r.choice(["service", "edm", "news", "market", "noreply"])
        else:
            dom = r.choice(["", "e.", "mail.", "em."]) + slug + "." + r.choice(["com", "co", "net", "us"])
            local = r.choice(["hello", "offers", "news", "team", "info", "no-reply"])
        if personal and c["cat"] != "fraud":
            local = c["agent"].lower() if not self.zh() else "hr" + self.digits(3)
            dom = slug + ".com"
        c["from"] = (c["brand"] if not personal or self.zh() else f"{c['agent']} | {c['brand']}", f"{local}@{dom}")
        c["domain"] = dom.split("@")[-1]
        c["personal"] = personal
        c["unsub_host"] = r.choice([f"list.{c['domain']}", c["domain"], f"u.{re.sub(r'^(mail|edm|e|em)[.]', '', c['domain'])}"])
        c["send_at"] = (r.randint(8, 20), r.randint(0, 59))
        c["cte"] = r.choices(["base64", "quoted-printable", "8bit"], [5, 3, 2] if self.zh() else [2, 4, 4])[0]
        c["html"] = r.random() < 0.4
        c["tzoff"] = r.choice([480, 480, 0] if self.zh() else [-300, -240, -360, 0])

    def emit_campaign(self, c, n):
        r = self.r
        start = max(c["onset"], self.w0)
        end = min(c["end"], self.w1)
        if (end - start).days < 2:
            end = min(self.w1, start + dt.timedelta(days=3))
        days = self.sample_days(start, end, n, c["pattern"], anchored=c["onset"] >= self.w0)
        span = max(1, (end - start).days)
        mix = {"block": [("call", 1)], "agent": [("call", 7), ("sms", 3)], "port": [("sms", 1)],
               "mixed": [("call", 6), ("sms", 4)], "mail": [("email", 1)], "mailsms": [("sms", 1), ("email", 1)]}[c["shape"]]
        replied = False
        for day in days:
            ch = r.choices([m[0] for m in mix], [m[1] for m in mix])[0]
            prog = (day - start).days / span
            line = self.pick_line(c["phones"])
            if ch == "call":
                self.campaign_call(c, day, prog, line)
            elif ch == "sms":
                local = self.local_dt(day, "sms" if c["shape"] != "agent" else "biz")
                addr = r.choice(c["ports"]) if c.get("ports") else r.choice(c["agents"])
                body = self.render_sms(c, local)
                self.add_sms(local, addr, body, line=line, truth=c["truth"])
                if c.get("ports") and not replied and r.random() < 0.08:
                    replied = True
                    self.add_sms(local + dt.timedelta(minutes=r.randint(1, 90)), addr,
                                 r.choice(["T", "TD", "R", "N"] if self.zh() else ["STOP", "Stop", "STOP ALL"]),
                                 box=2, line=line)
            else:
                local = self.local_dt(day, None, fixed=c["send_at"])
                self.add_mail(local, self.campaign_mail(c, local), c["truth"])

    def pick_line(self, phones):
        if not phones:
            return "P1"
        if len(phones) == 2:
            return "P1" if self.r.random() < 0.6 else "P2"
        return phones[0]

    def campaign_call(self, c, day, prog, line):
        r = self.r
        local = self.local_dt(day, "biz")
        if c.get("block"):
            num = r.choices(c["block"], c["block_w"])[0]
        else:
            num = r.choice(c["agents"])
        ctype = self.call_outcome(prog)
        if num not in c["tags"]:
            tag = ""
            if r.random() < c["tag_p"]:
                tag = r.choice(c["flav"]["tags"])
                if self.zh() and r.random() < 0.25:
                    tag += f"（{r.randint(3, 900)}人标记）"
            c["tags"][num] = tag
        note = ""
        x = r.random()
        if x < 0.035 and c["flav"]["notes"]:
            note = r.choice(c["flav"]["notes"])
        elif x < 0.05 and c["mention"] and ctype == "in":
            note = f"说是从{c['mention_kw']}拿到的号码" if self.zh() else f"said they got my number from {c['mention_kw']}"
        elif x < 0.06 and c["greet"] == "full" and ctype == "in":
            note = f"叫我{c['spelling']}" if self.zh() else f"asked for {c['spelling']}"
        self.add_call(local, num, ctype, self.spam_duration(ctype), c["tags"][num], note, "", line, c["truth"])
        if c["shape"] == "agent" and ctype == "missed" and r.random() < 0.06:
            self.add_call(local + dt.timedelta(minutes=r.randint(5, 240)), num, "out", r.randint(0, 70), line=line)

    def greeting(self, c):
        if c["greet"] == "full":
            return self.greet_for(c["spelling"], formal=self.r.random() < 0.3)
        if c["greet"] == "title":
            return self.title_greet(c["spelling"])
        return self.greet_for(None)

    def mention_now(self, c):
        if c["mention"] and self.r.random() < c["mention_p"]:
            return c["mention"]
        return ""

    def render_sms(self, c, local):
        r = self.r
        e = self.env(local, {"brand": c["brand"], "agent": c["agent"], "phone": self.show_phone(c["cta_phone"]),
                             "url": self.url(c["host"]), "shop": c.get("shop", "")})
        greet, hello, _ = self.greeting(c)
        m = self.mention_now(c)
        pitch = fill(r.choice(c["pitches"]), e)
        if self.zh():
            e.update(greet_c=greet + "，" if greet else "", mention_c=m + "，" if m else "")
        else:
            hi = "Hello" if greet.startswith(("Mr.", "Ms.")) else "Hi"
            e.update(greet_c=f"{hi} {greet}! " if greet else "", mention_c=m + ". " if m else "")
        e.update(pitch=pitch, hello=hello, cta=fill(c["cta"], e), optout=c["optout"])
        form = c["agent_form"] if c["shape"] == "agent" else c["port_form"]
        return re.sub(r"\s+$", "", fill(form, e))

    def campaign_mail(self, c, local):
        r, L = self.r, self.L
        e = self.env(local, {"brand": c["brand"], "agent": c["agent"], "phone": self.show_phone(c["cta_phone"]),
                             "url": "https://" + self.url(c["host"]), "shop": c.get("shop", "")})
        greet, hello, hello2 = self.greeting(c)
        m = self.mention_now(c)
        subjects = c["flav"]["subj"] if greet else [s for s in c["flav"]["subj"] if "{greet}" not in s] or ["{brand}"]
        e["greet"] = greet
        subject = fill(r.choice(subjects), e)
        p1, p2 = (r.sample(c["flav"]["pitch"], 2) if len(c["flav"]["pitch"]) > 1 else c["flav"]["pitch"] * 2)
        tok = self.token(16)
        unsub = f"https://{c['unsub_host']}/unsubscribe?u={tok}"
        e.update(hello=hello, hello2=hello2, pitch1=fill(p1, e), pitch2=fill(p2, e),
                 mention_p=(m + "。" if self.zh() else m + ". ") if m else "",
                 cta_line=fill(r.choice(L["ctas"]), e), unsub=unsub,
                 addr=(f"{self.city}市{self.r.choice(self.districts)}区{r.randint(1, 300)}号" if self.zh()
                       else f"{r.randint(100, 9999)} {r.choice(['Commerce', 'Lake', 'Market', 'Industrial'])} St, Suite {r.randint(100, 900)}"))
        if c["personal"]:
            e.update(greet_c="", mention_c=(m + "，" if self.zh() else m + ". ") if m else "",
                     pitch=fill(p1, e))
            body = fill(c["agent_form"] if c["cat"] != "fraud" else L["agent_forms"][0], e)
            body += "\n\n" + (fill(p2, e)) + "\n\n" + c["agent"] + "\n" + c["brand"] + "\n"
            lu = None
        else:
            body = fill(c["mail_form"], e)
            lu = f"<mailto:unsub-{tok[:10]}@{c['unsub_host']}>, <{unsub}>"
        to_disp = None
        if c["greet"] == "full" and r.random() < 0.5:
            to_disp = c["spelling"]
        return {"from": c["from"], "to": (to_disp, c["email"]), "subject": subject, "body": body,
                "html": c["html"], "cte": c["cte"], "lu": lu, "tzoff": c["tzoff"],
                "msgid": f"{self.token(12)}.{self.digits(6)}@{c['domain']}",
                "label": "Inbox,Category Promotions" if not c["personal"] else "Inbox"}

    # ----- the plan: leaks ------------------------------------------------
    def plan_leaks(self):
        r = self.r
        k = 0
        for di, d in enumerate(self.disclosures):
            if not d["leaks"]:
                continue
            draws = [(f, w) for f, w in DEALINGS[d["dealing"]][2] if f in self.L["flavours"]]
            count = min(len(draws), r.choice([1, 2, 2, 3, 3, 4]))
            chosen = []
            while len(chosen) < count:
                f = r.choices([x[0] for x in draws], [x[1] for x in draws])[0]
                if f not in chosen:
                    chosen.append(f)
            for f in chosen:
                k += 1
                lag = int(min(150, max(1, r.lognormvariate(2.9, 0.8))))
                onset = d["date"] + dt.timedelta(days=lag)
                if onset > self.w1 - dt.timedelta(days=8):
                    onset = d["date"] + dt.timedelta(days=r.randint(1, max(1, (self.w1 - d["date"]).days - 8)))
                end = onset + dt.timedelta(days=r.randint(25, 260))
                email = d["emails"][0] if d["emails"] else None
                self.new_campaign(f"L{k:02d}-{f}", f, source=d, onset=onset, end=end, phones=list(d["phones"]),
                                  email=email, spelling=self.names[d["name_key"]], mention_dealing=d["dealing"],
                                  mention_src=d, weight=r.lognormvariate(0, 0.6))

    # ----- the plan: noise ------------------------------------------------
    def plan_noise(self):
        r, L = self.r, self.L
        w0, w1 = self.w0, self.w1
        self.plan_friends(0.27)
        self.plan_simple_sms("N-codes", L["codes"], 0.09, "any")
        self.plan_couriers(0.07)
        self.plan_simple_sms("N-bank", L["bank_sms"], 0.07, "any")
        svc, cname = L["carriers"][self.carrier]
        self.plan_carrier(svc, cname)
        self.plan_newsletters(0.06)
        self.plan_receipts(0.03)
        self.plan_own(0.06)
        self.plan_fraud(0.12)
        self.plan_collector(0.025)
        self.plan_old_breach(0.04)
        # cold marketing that was going on before any disclosure
        pool = ["stock_tips", "adult_edu", "ins_broker", "quick_loan", "prop_agent", "reno", "medspa", "shop_promo"]
        for i, f in enumerate(r.sample(pool, r.randint(2, 3))):
            onset = w0 - dt.timedelta(days=r.randint(10, 200))
            email = self.main_email if r.random() < 0.4 else None
            self.new_campaign(f"N-cold{i + 1}-{f}", f, onset=onset, end=w1 + dt.timedelta(days=30), phones=["P1"],
                              email=email, spelling=self.names["real"] if r.random() < 0.3 else None,
                              weight=0.035 * r.uniform(0.6, 1.4), minimum=4)
        # cold marketing of a matching kind that happens to start after a disclosure
        if r.random() < 0.4:
            d = r.choice(self.disclosures)
            draws = [f for f, _ in DEALINGS[d["dealing"]][2] if f in L["flavours"]]
            f = r.choice(draws)
            onset = min(d["date"] + dt.timedelta(days=r.randint(3, 40)), w1 - dt.timedelta(days=10))
            self.new_campaign(f"N-coldmatch-{f}", f, onset=onset, end=onset + dt.timedelta(days=r.randint(30, 120)),
                              phones=["P1"], email=None, spelling=None, weight=0.02, minimum=3)
        # a dealing the person forgot to write down: its campaigns have no source
        if r.random() < 0.5:
            used = [d["dealing"] for d in self.disclosures]
            spare = [x for x in DEALINGS if x not in used] or list(DEALINGS)
            dealing = r.choice(spare)
            draws = [f for f, _ in DEALINGS[dealing][2] if f in L["flavours"]]
            f = r.choice(draws)
            when = w0 + dt.timedelta(days=r.randint(0, 250))
            onset = when + dt.timedelta(days=r.randint(5, 60))
            self.new_campaign(f"N-forgot-{f}", f, onset=onset, end=onset + dt.timedelta(days=r.randint(40, 200)),
                              phones=["P1"], email=self.main_email if r.random() < 0.3 else None,
                              spelling=self.names["real"], weight=0.03, minimum=3)

    def plan_friends(self, weight):
        r, L = self.r, self.L
        names = r.sample(L["friend_names"], r.randint(6, 11))
        contacts = [(nm, self.mobile(), r.lognormvariate(0, 0.8)) for nm in names]
        tot = sum(c[2] for c in contacts)

        def gen(n):
            shares = [max(1, int(n * c[2] / tot)) for c in contacts]
            shares[-1] = max(1, n - sum(shares[:-1]))
            for (nm, num, w), k in zip(contacts, shares):
                truth = {"category": "legit", "source": None, "campaign": f"N-friend-{stable_pick(nm, 10**6):06d}"}
                for _ in range(k):
                    day = w0 + dt.timedelta(days=r.randint(0, 364))
                    local = self.local_dt(day, "friend")
                    line = "P1" if "P2" not in self.phones or r.random() < 0.85 else "P2"
                    if r.random() < 0.5:
                        ct = "in" if r.random() < 0.8 else "missed"
                        self.add_call(local, num, ct, r.randint(15, 1500) if ct == "in" else 0, name=nm,
                                      line=line, truth=truth)
                        if ct == "missed" and r.random() < 0.7:
                            self.add_call(local + dt.timedelta(minutes=r.randint(2, 60)), num, "out",
                                          r.randint(20, 900), name=nm, line=line)
                    else:
                        self.add_sms(local, num, r.choice(L["friend_sms"]), contact=nm, line=line, truth=truth)
                        if r.random() < 0.6:
                            self.add_sms(local + dt.timedelta(minutes=r.randint(1, 40)), num,
                                         r.choice(L["friend_sms"]), box=2, contact=nm, line=line)
                    if r.random() < 0.5:  # the person's own calls out
                        self.add_call(self.local_dt(w0 + dt.timedelta(days=r.randint(0, 364)), "friend"), num,
                                      "out", r.randint(10, 1800), name=nm, line=line)
        w0 = self.w0
        self.stream("N-friends", weight, len(contacts), gen)

    def plan_simple_sms(self, cid, table, weight, profile, category="legit"):
        r = self.r

        def gen(n):
            for _ in range(n):
                sender, tpl = r.choice(table)
                local = self.local_dt(self.w0 + dt.timedelta(days=r.randint(0, 364)), profile)
                body = fill(tpl, self.env(local, {"phone": self.show_phone(self.mobile()), "agent": r.choice(self.L["couriers"])}))
                self.add_sms(local, sender, body, line="P1",
                             truth={"category": category, "source": None, "campaign": f"{cid}-{sender}"})
        self.stream(cid, weight, 3, gen)

    def plan_couriers(self, weight):
        r, L = self.r, self.L
        drivers = [self.mobile() for _ in range(r.randint(4, 9))]

        def gen(n):
            for _ in range(n):
                local = self.local_dt(self.w0 + dt.timedelta(days=r.randint(0, 364)), "biz")
                if r.random() < 0.6:
                    sender, tpl = r.choice(L["courier_sms"])
                    body = fill(tpl, self.env(local, {"phone": self.show_phone(r.choice(drivers)),
                                                       "agent": r.choice(L["couriers"])}))
                    self.add_sms(local, sender, body, truth={"category": "legit", "source": None,
                                                             "campaign": f"N-courier-{sender}"})
                else:
                    num = r.choice(drivers)
                    ct = "in" if r.random() < 0.75 else "missed"
                    tag = ("快递送餐" if self.zh() else "Delivery") if r.random() < 0.3 else ""
                    self.add_call(local, num, ct, r.randint(8, 70) if ct == "in" else 0, tag=tag,
                                  truth={"category": "legit", "source": None, "campaign": "N-courier-calls"})
        self.stream("N-couriers", weight, 3, gen)

    def plan_carrier(self, svc, cname):
        r, L = self.r, self.L

        def bills(n):
            for i in range(n):
                day = self.w0 + dt.timedelta(days=min(364, int(i * 365 / max(1, n)) + r.randint(0, 5)))
                local = self.local_dt(day, "sms")
                body = fill(r.choice(L["carrier_legit"]), self.env(local, {"carrier": cname}))
                self.add_sms(local, svc, body, truth={"category": "legit", "source": None, "campaign": "N-carrier-bill"})

        def offers(n):
            callers = [svc] if self.zh() else [self.hotline()]
            for _ in range(n):
                local = self.local_dt(self.w0 + dt.timedelta(days=r.randint(0, 364)), "biz")
                truth = {"category": "telecom", "source": None, "campaign": "N-carrier-offer"}
                if r.random() < 0.75:
                    body = fill(r.choice(L["carrier_offer"]),
                                self.env(local, {"carrier": cname, "svc": svc, "url": self.url(f"{re.sub('[^a-z]', '', cname.lower()) or 'carrier'}.com")}))
                    self.add_sms(local, svc, body, truth=truth)
                else:
                    ct = self.call_outcome(0.3, blocker=False)
                    self.add_call(local, r.choice(callers), ct, self.spam_duration(ct), truth=truth)
        self.stream("N-carrier-bill", 0.03, 4, bills)
        self.stream("N-carrier-offer", 0.04, 3, offers)

    def legit_mail(self, local, display, addr, to, subject, body, lu=None, label="Inbox"):
        r = self.r
        return {"from": (display, addr), "to": (None, to), "subject": subject, "body": body,
                "html": r.random() < 0.3, "cte": r.choice(["quoted-printable", "base64", "8bit"]),
                "lu": lu, "tzoff": 480 if self.zh() else r.choice([-300, -360, 0]),
                "msgid": f"{self.token(20)}@{addr.split('@')[1]}", "label": label}

    def plan_newsletters(self, weight):
        r, L = self.r, self.L
        subs = r.sample(L["newsletters"], r.randint(1, 3))

        def gen(n):
            for i in range(n):
                name, dom, subjects = subs[i % len(subs)]
                day = self.w0 + dt.timedelta(days=r.randint(0, 364))
                local = self.local_dt(day, None, fixed=(7 + stable_pick(dom, 4), 30))
                e = self.env(local)
                tok = self.token(12)
                body = fill(L["newsletter_body"], dict(e, name=name, line=r.choice(L["newsletter_lines"]),
                                                        unsub=f"https://{dom}/manage?t={tok}"))
                if not self.zh() and r.random() < 0.3:
                    body = "From the editor:\n" + body
                self.add_mail(local, self.legit_mail(local, name, f"newsletter@{dom}", self.main_email,
                                                     fill(r.choice(subjects), e), body,
                                                     lu=f"<https://{dom}/unsub?t={tok}>", label="Inbox,Category Updates"),
                              {"category": "legit", "source": None, "campaign": f"N-news-{dom}"})
        self.stream("N-newsletters", weight, 3, gen)

    def plan_receipts(self, weight):
        r, L = self.r, self.L

        def gen(n):
            for _ in range(n):
                name, dom, subj, tpl = r.choice(L["receipts"])
                local = self.local_dt(self.w0 + dt.timedelta(days=r.randint(0, 364)), "any")
                e = self.env(local)
                self.add_mail(local, self.legit_mail(local, name, f"noreply@{dom}", self.main_email, subj, fill(tpl, e)),
                              {"category": "legit", "source": None, "campaign": f"N-receipt-{dom}"})
        self.stream("N-receipts", weight, 2, gen)

    def plan_own(self, weight):
        """Genuine messages from a place the person dealt with: legit, no source."""
        r, L = self.r, self.L
        chosen = [d for d in self.disclosures if r.random() < 0.55]
        for d in chosen:
            cid = f"N-own-{d['slug']}"
            mode = []
            if d["phones"]:
                mode.append("sms")
                if d["dealing"] in ("flat", "car", "broadband"):
                    mode.append("rep")
            if d["emails"]:
                mode.append("mail")
            if not mode:
                continue
            mode = r.choice(mode)
            port = self.port_number() if self.zh() or r.random() < 0.6 else self.hotline()
            rep = self.mobile()
            rep_name = (f"{d['kw']}{r.choice(L['agents'])}" if self.zh() else f"{r.choice(L['agents'])} ({d['kw']})") \
                if r.random() < 0.6 else ""
            dom = f"{d['slug']}.{'com' if not self.zh() else r.choice(['com', 'cn'])}"

            def gen(n, d=d, mode=mode, port=port, rep=rep, rep_name=rep_name, dom=dom, cid=cid):
                start = max(self.w0, d["date"] + dt.timedelta(days=r.randint(0, 10)))
                end = min(self.w1, start + dt.timedelta(days=r.randint(30, 300)))
                truth = {"category": "legit", "source": None, "campaign": cid}
                line = d["phones"][0] if d["phones"] else "P1"
                for day in self.sample_days(start, end, n, "steady"):
                    local = self.local_dt(day, "biz")
                    e = self.env(local, {"kw": d["kw"], "name": self.names[d["name_key"]],
                                         "phone": self.show_phone(rep)})
                    text = fill(r.choice(L["own"][d["dealing"]]), e)
                    if mode == "sms":
                        self.add_sms(local, port, text, line=line, truth=truth)
                    elif mode == "rep":
                        if r.random() < 0.6:
                            ct = "in" if r.random() < 0.7 else "missed"
                            self.add_call(local, rep, ct, r.randint(20, 400) if ct == "in" else 0, name=rep_name,
                                          line=line, truth=truth)
                        else:
                            if self.zh():
                                text = f"{d['kw']}{e['agent']}：" + re.sub(r"^【[^】]*】", "", text)
                            else:
                                text = f"Hi, it's {e['agent']} at {d['kw']}. " + text.split(": ", 1)[-1]
                            self.add_sms(local, rep, text, contact=rep_name or "(Unknown)", line=line, truth=truth)
                    else:
                        body = text + ("\n\n" + d["source"] + "\n")
                        self.add_mail(local, self.legit_mail(local, d["kw"], f"{r.choice(['noreply', 'service', 'notice'])}@{dom}",
                                                             d["emails"][0], fill(r.choice(L["own_subj"]), e), body),
                                      truth)
            self.stream(cid, weight / max(1, len(chosen)), 2, gen)

    def fraud_number(self):
        r = self.r
        if self.zh():
            k = r.random()
            if k < 0.3:
                return self.fresh(lambda: r.choice(["+852", "+853", "+63", "+855", "+60", "+886"]) + self.digits(r.randint(8, 10)))
            if k < 0.45:
                return "HIDDEN"
            if k < 0.6:
                return self.fresh(lambda: "95" + self.digits(r.randint(3, 6)))
            return self.mobile()
        k = r.random()
        if k < 0.45:  # neighbour spoofing: same area code and exchange as the person
            p1 = self.phones["P1"]
            return self.fresh(lambda: p1[:6] + self.digits(4))
        if k < 0.6:
            return "HIDDEN"
        if k < 0.75:
            return self.fresh(lambda: r.choice(["+234", "+44", "+63", "+92", "+1876"]) + self.digits(r.randint(8, 10)))
        return self.mobile()

    def plan_fraud(self, weight):
        r, L = self.r, self.L

        def calls(n):
            truth = {"category": "fraud", "source": None, "campaign": "N-fraud-calls"}
            for _ in range(n):
                local = self.local_dt(self.w0 + dt.timedelta(days=r.randint(0, 364)), "fraud")
                num = self.fraud_number()
                ct = self.call_outcome(r.random())
                tag = r.choice(L["fraud_tags"]) if num != "HIDDEN" and r.random() < 0.55 else ""
                note = r.choice(L["fraud_notes"]) if ct == "in" and r.random() < 0.1 else ""
                self.add_call(local, num, ct, self.spam_duration(ct), tag=tag, note=note,
                              line=r.choice(list(self.phones)), truth=truth)

        phish = r.sample(L["fraud_sms"], r.randint(3, len(L["fraud_sms"])))

        def sms(n):
            _, cname = L["carriers"][self.carrier]
            hosts = {}
            for _ in range(n):
                tpl = r.choice(phish)
                local = self.local_dt(self.w0 + dt.timedelta(days=r.randint(0, 364)), "fraud")
                if tpl not in hosts:
                    hosts[tpl] = self.token(r.randint(5, 9)) + r.choice([".top", ".xyz", ".cc", ".vip", ".info", ".com"])
                sender = self.fraud_number()
                if sender == "HIDDEN":
                    sender = self.mobile()
                body = fill(tpl, self.env(local, {"url": "http://" + hosts[tpl] + "/" + self.token(4),
                                                   "carrier": cname, "phone": self.show_phone(self.hotline())}))
                self.add_sms(local, sender, body, line=r.choice(list(self.phones)),
                             truth={"category": "fraud", "source": None,
                                    "campaign": f"N-phish-{stable_pick(tpl, 10**5):05d}"})

        def mail(n):
            entries = [x for x in L["spam_mail"] if x[0] == "fraud"]
            for _ in range(n):
                cat, subj, body = r.choice(entries)
                local = self.local_dt(self.w0 + dt.timedelta(days=r.randint(0, 364)), "any")
                e = self.env(local, {"url": "http://" + self.token(8) + ".top/" + self.token(5)})
                dom = self.token(6) + r.choice([".top", ".ru", ".xyz", ".info"])
                spec = self.legit_mail(local, r.choice(["Account Security", "Service Desk", "安全中心" if self.zh() else "Billing"]),
                                       f"{self.token(6)}@{dom}", self.main_email, fill(subj, e), fill(body, e), label="Spam")
                self.add_mail(local, spec, {"category": "fraud", "source": None,
                                            "campaign": f"N-phishmail-{stable_pick(subj, 10**5):05d}"})
        self.stream("N-fraud-calls", weight * 0.45, 4, calls)
        self.stream("N-fraud-sms", weight * 0.4, 4, sms)
        self.stream("N-fraud-mail", weight * 0.15, 2, mail)

    def plan_collector(self, weight):
        r, L = self.r, self.L
        nums = [self.mobile() for _ in range(r.randint(2, 4))]
        other = r.choice(L["others"])
        start = self.w0 + dt.timedelta(days=r.randint(20, 300))

        def gen(n):
            truth = {"category": "harassment", "source": None, "campaign": "N-collector"}
            tags = {x: (r.choice(L["collector_tags"]) if r.random() < 0.5 else "") for x in nums}
            for day in self.sample_days(start, min(self.w1, start + dt.timedelta(days=r.randint(20, 50))), n, "burst"):
                local = self.local_dt(day, "fraud")
                num = r.choice(nums)
                if r.random() < 0.7:
                    ct = self.call_outcome(0.5)
                    self.add_call(local, num, ct, self.spam_duration(ct), tag=tags[num], truth=truth)
                else:
                    body = fill(r.choice(L["collector_sms"]), self.env(local, {"other": other, "phone": self.show_phone(num)}))
                    self.add_sms(local, num, body, truth=truth)
        self.stream("N-collector", weight, 3, gen)

    def plan_old_breach(self, weight):
        r, L = self.r, self.L
        to = self.old_email or self.main_email

        def gen(n):
            for _ in range(n):
                cat, subj, body = r.choice(L["spam_mail"])
                local = self.local_dt(self.w0 + dt.timedelta(days=r.randint(0, 364)), "any")
                e = self.env(local, {"url": "http://" + self.token(7) + r.choice([".ru", ".cn", ".top", ".biz"]) + "/" + self.token(4)})
                dom = self.token(r.randint(5, 9)) + r.choice([".com", ".net", ".biz", ".info"])
                spec = self.legit_mail(local, r.choice(["", "Support", "VIP Club", "客服中心" if self.zh() else "Offers"]),
                                       f"{self.token(7)}@{dom}", to, fill(subj, e), fill(body, e), label="Spam")
                if r.random() < 0.25:
                    spec["msgid"] = None
                self.add_mail(local, spec, {"category": cat, "source": None,
                                            "campaign": f"N-oldbreach-{stable_pick(subj, 10**5):05d}"})
        self.stream("N-oldbreach", weight, 3, gen)

    # ----- allocation -------------------------------------------------------
    @staticmethod
    def allocate(total, streams):
        tw = sum(s["weight"] for s in streams) or 1.0
        raw = [total * s["weight"] / tw for s in streams]
        n = [max(s["min"], int(x)) for s, x in zip(streams, raw)]
        order = sorted(range(len(streams)), key=lambda i: -(raw[i] - int(raw[i])))
        i = 0
        while sum(n) < total:
            n[order[i % len(order)]] += 1
            i += 1
        while sum(n) > total:
            j = max(range(len(n)), key=lambda k: n[k] - streams[k]["min"])
            if n[j] <= streams[j]["min"]:
                break
            n[j] -= 1
        return n

    def run(self):
        r = self.r
        self.plan_leaks()
        self.plan_noise()
        total = r.randint(650, 1450)
        share = r.uniform(0.37, 0.48)
        leak = [s for s in self.streams if s["leak"]]
        noise = [s for s in self.streams if not s["leak"]]
        nl = round(total * share)
        for s, n in zip(leak, self.allocate(nl, leak)):
            s["gen"](n)
        for s, n in zip(noise, self.allocate(total - nl, noise)):
            s["gen"](n)
        self.finalise()

    # ----- formatting numbers as the exports write them ----------------------
    HIDDEN = {"Z1": "隐藏号码", "Z2": "未知号码", "Z3": "-2", "E1": "Private", "E2": "-2", "E3": "Unknown"}

    def fmt_call(self, c):
        st = self.style_id
        if c == "HIDDEN":
            return self.HIDDEN[st]
        if self.zh():
            if c.startswith("+"):
                return "00" + c[1:] if st == "Z1" else c
            if len(c) == 11 and c[0] == "1" and c[1] in "3456789":
                if st == "Z2":
                    return "+86" + c if stable_pick(c, 10) < 4 else c
                if st == "Z3":
                    return f"{c[:3]} {c[3:7]} {c[7:]}"
                return c
            if c.startswith("0"):
                a = 3 if c[1] in "12" else 4
                if st == "Z2":
                    return f"{c[:a]}-{c[a:]}"
                if st == "Z3":
                    return f"{c[:a]} {c[a:a + 4]} {c[a + 4:]}"
                return c
            if c.startswith("400") and len(c) == 10 and st != "Z1":
                return f"{c[:3]}-{c[3:6]}-{c[6:]}"
            return c
        if len(c) == 10 and c.isdigit():
            if st == "E1":
                return f"({c[:3]}) {c[3:6]}-{c[6:]}"
            if st == "E2":
                return "+1" + c
            return f"{c[:3]}-{c[3:6]}-{c[6:]}"
        return c

    def fmt_sms(self, c):
        if self.zh():
            if len(c) == 11 and c[0] == "1" and c[1] in "3456789" and stable_pick(c + "/sms", 10) < 6:
                return "+86" + c
            return c
        if len(c) == 10 and c.isdigit():
            return "+1" + c
        return c

    def fmt_own(self, c, how):
        if self.zh():
            return [f"+86 {c[:3]} {c[3:7]} {c[7:]}", f"{c[:3]}-{c[3:7]}-{c[7:]}", c][how % 3]
        return [f"({c[:3]}) {c[3:6]}-{c[6:]}", f"+1 {c[:3]}-{c[3:6]}-{c[6:]}", f"{c[:3]}.{c[3:6]}.{c[6:]}"][how % 3]

    # ----- finishing: unique times ---------------------------------------------
    def finalise(self):
        res = self.style["res"]
        used = set()
        for c in sorted(self.calls, key=lambda x: x["local"]):
            w = c["local"].replace(microsecond=0)
            if res == 60:
                w = w.replace(second=0)
            while w in used:
                w += dt.timedelta(seconds=res)
            used.add(w)
            c["w"] = w
            c["at_ms"] = int(self.to_utc(w).timestamp()) * 1000
        used = set()
        for m in sorted(self.smses, key=lambda x: x["utc"]):
            t = m["utc"]
            while int(t.timestamp()) in used:
                t += dt.timedelta(seconds=1)
            used.add(int(t.timestamp()))
            m["utc"] = t
            m["at_ms"] = int(t.timestamp() * 1000)
        used = set()
        for m in sorted(self.mails, key=lambda x: x["utc"]):
            t = m["utc"].replace(microsecond=0)
            while t in used:
                t += dt.timedelta(seconds=1)
            used.add(t)
            m["utc"] = t
            m["at_ms"] = int(t.timestamp()) * 1000

    # ----- writers -------------------------------------------------------------
    def write_calls(self, path):
        st = self.style
        buf = io.StringIO()
        w = csv.writer(buf, delimiter=st["delim"], lineterminator="\r\n" if not self.zh() else "\n")
        w.writerow(st["header"])
        rows = sorted(self.calls, key=lambda c: c["w"], reverse=st["newest_first"])
        for c in rows:
            c["from"] = self.fmt_call(c["num"])
            cells = []
            for f in st["fields"]:
                cells.append({"num": c["from"], "name": c["name"], "type": st["types"][c["ctype"]],
                              "dt": st["dt"](c["w"]) if "dt" in st else "",
                              "date": st["date"](c["w"]) if "date" in st else "",
                              "time": st["time"](c["w"]) if "time" in st else "",
                              "dur": st["dur"](c["dur"]), "tag": c["tag"], "note": c["note"],
                              "line": self.fmt_call(c["line"])}[f])
            w.writerow(cells)
        text = buf.getvalue()
        if st["enc"] == "utf-16le-bom":
            data = b"\xff\xfe" + text.encode("utf-16-le")
        else:
            data = text.encode(st["enc"])
        with open(path, "wb") as f:
            f.write(data)

    @staticmethod
    def xml_attr(s):
        return (s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
                .replace("'", "&apos;").replace("\n", "&#10;").replace("\r", "&#13;"))

    def readable(self, utc):
        t = utc.astimezone(self.tz)
        if self.zh():
            half = "上午" if t.hour < 12 else "下午"
            return f"{t.year}年{t.month}月{t.day}日 {half}{t.hour % 12 or 12}:{t.minute:02d}:{t.second:02d}"
        return f"{t.strftime('%b')} {t.day}, {t.year} {_us_clock(t)}"

    def write_sms(self, path):
        r = self.r
        items = sorted(self.smses, key=lambda m: m["utc"])
        backup = self.to_utc(dt.datetime.combine(self.w1, dt.time(21, 14, 8)))
        sc = "+86138" + self.area_code.lstrip("0").ljust(4, "0") + "500" if self.zh() else "null"
        out = ["<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>",
               f"<!--File Created By SMS Backup & Restore v10.18.305 on {backup.astimezone(self.tz).strftime('%d/%m/%Y %H:%M:%S')}-->",
               '<?xml-stylesheet type="text/xsl" href="sms.xsl"?>',
               f'<smses count="{len(items)}" backup_set="{hashlib.md5(f"{self.lang}{self.seed}".encode()).hexdigest()}" '
               f'backup_date="{int(backup.timestamp() * 1000)}" type="full">']
        for m in items:
            m["from"] = self.fmt_sms(m["addr"])
            sent = m["box"] == 2
            date_sent = 0 if sent else max(0, m["at_ms"] - r.randint(0, 4000)) // 1000 * 1000
            a = self.xml_attr
            out.append(
                f'  <sms protocol="0" address="{a(m["from"])}" date="{m["at_ms"]}" type="{m["box"]}" subject="null" '
                f'body="{a(m["body"])}" toa="null" sc_toa="null" service_center="{"null" if sent else sc}" '
                f'read="1" status="-1" locked="0" date_sent="{date_sent}" sub_id="{m["sub"]}" '
                f'readable_date="{a(self.readable(m["utc"]))}" contact_name="{a(m["contact"])}" />')
        out.append("</smses>")
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write("\n".join(out) + "\n")

    POLICY = email_policy.default.clone(linesep="\n", max_line_length=78)

    def build_mail(self, m):
        sp = m["spec"]
        msg = EmailMessage(policy=self.POLICY)
        dom = sp["from"][1].split("@")[1]
        when_sender = m["utc"].astimezone(dt.timezone(dt.timedelta(minutes=sp["tzoff"])))
        hops = self.r.randint(0, 2)
        for i in range(hops):
            t = (m["utc"] + dt.timedelta(seconds=self.r.randint(1, 20) * (hops - i))).astimezone(UTC)
            msg["Received"] = (f"from mta{self.r.randint(1, 40)}.{dom} (mta{self.r.randint(1, 40)}.{dom} "
                               f"[{self.r.randint(11, 223)}.{self.r.randint(0, 255)}.{self.r.randint(0, 255)}.{self.r.randint(1, 254)}]) "
                               f"by mx.mail.example with ESMTPS id {self.token(12)}; {format_datetime(t)}")
        to_disp, to_addr = sp["to"]
        msg["Delivered-To"] = to_addr
        disp, addr = sp["from"]
        msg["From"] = formataddr((disp, addr)) if disp else addr
        msg["To"] = formataddr((to_disp, to_addr)) if to_disp else to_addr
        msg["Subject"] = sp["subject"]
        msg["Date"] = format_datetime(when_sender)
        if sp["msgid"]:
            msg["Message-ID"] = f"<{sp['msgid']}>"
        if sp["lu"]:
            msg["List-Unsubscribe"] = sp["lu"]
            if self.r.random() < 0.6:
                msg["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
        if not self.zh():
            msg["X-Gmail-Labels"] = sp["label"]
        body = sp["body"]
        cte = sp["cte"]
        if cte in ("8bit", "7bit") and not body.isascii():
            cte = "8bit"
        elif cte in ("8bit", "7bit"):
            cte = "7bit"
        msg.set_content(body, subtype="plain", charset="utf-8", cte=cte)
        if sp["html"]:
            paras = "".join(f"<p>{self.xml_attr(p).replace('&#10;', '<br>')}</p>" for p in body.split("\n\n"))
            msg.add_alternative(f"<html><body>{paras}</body></html>", subtype="html", charset="utf-8", cte=cte)
            msg.set_boundary(f"----=_Part_{self.digits(6)}_{self.digits(9)}.{self.digits(13)}")
        return msg.as_bytes(policy=self.POLICY)

    def write_mbox(self, path):
        items = sorted(self.mails, key=lambda m: m["utc"])
        with open(path, "wb") as f:
            for m in items:
                m["from"] = m["spec"]["from"][1]
                m["message_id"] = m["spec"]["msgid"]
                raw = self.build_mail(m)
                env = m["spec"]["from"][1] if self.zh() else f"{self.r.randint(10**18, 10**19 - 1)}@xxx"
                f.write(f"From {env} {m['utc'].strftime('%a %b %d %H:%M:%S +0000 %Y')}\n".encode())
                for line in raw.split(b"\n"):
                    if re.match(rb"^>*From ", line):
                        line = b">" + line
                    f.write(line + b"\n")
                if not raw.endswith(b"\n"):
                    f.write(b"\n")

    def write_disclosures(self, path):
        q = lambda s: json.dumps(s, ensure_ascii=False)
        ql = lambda xs: "[" + ", ".join(q(x) for x in xs) + "]"
        me_phones = [self.fmt_own(v, i) for i, v in enumerate(self.phones.values())]
        lines = ["# What I gave to whom, as best I remember.", "[me]", f"name = {q(self.names['real'])}",
                 f"phones = {ql(me_phones)}", f"emails = {ql(self.emails_all)}", ""]
        for d in self.disclosures:
            how = self.r.randint(0, 2)
            lines += ["[[disclosure]]", f"source = {q(d['source'])}", f"date = {q(d['date'].isoformat())}",
                      f"kind = {q(d['kind'])}"]
            if d["phones"]:
                lines.append(f"phones = {ql([self.fmt_own(self.phones[p], how) for p in d['phones']])}")
            if d["emails"]:
                lines.append(f"emails = {ql(d['emails'])}")
            if d["write_names"]:
                lines.append(f"names = {ql([self.names[d['name_key']]])}")
            if d["keywords"]:
                lines.append(f"keywords = {ql(d['keywords'])}")
            lines += [f"notes = {q(d['notes'])}", ""]
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(lines))

    def write_truth(self, path):
        rows = []
        for c in self.calls:
            if c["truth"]:
                rows.append({"channel": "call", "from": c["from"], "at_ms": c["at_ms"], "message_id": None, **c["truth"]})
        for m in self.smses:
            if m["truth"]:
                rows.append({"channel": "sms", "from": m["from"], "at_ms": m["at_ms"], "message_id": None, **m["truth"]})
        for m in self.mails:
            rows.append({"channel": "email", "from": m["from"], "at_ms": m["at_ms"], "message_id": m["message_id"], **m["truth"]})
        keys = ["channel", "from", "at_ms", "message_id", "category", "source", "campaign"]
        rows.sort(key=lambda x: (x["at_ms"], x["channel"]))
        with open(path, "w", encoding="utf-8") as f:
            for row in rows:
                assert row["category"] in CATEGORIES, row
                f.write(json.dumps({k: row[k] for k in keys}, ensure_ascii=False) + "\n")
        return rows

    def write(self, out):
        os.makedirs(out, exist_ok=True)
        self.write_calls(os.path.join(out, "calls.csv"))
        self.write_sms(os.path.join(out, "sms.xml"))
        self.write_mbox(os.path.join(out, "mail.mbox"))
        self.write_disclosures(os.path.join(out, "disclosures.toml"))
        return self.write_truth(os.path.join(out, "truth.jsonl"))


def main(argv=None):
    ap = argparse.ArgumentParser(description="Write one synthetic person for leaktrace.")
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--lang", choices=["zh", "en"], help="default: zh for odd seeds, en for even")
    a = ap.parse_args(argv)
    lang = a.lang or ("zh" if a.seed % 2 else "en")
    g = Gen(a.seed, lang)
    g.run()
    rows = g.write(a.out)
    sourced = sum(1 for x in rows if x["source"])
    by = {}
    for x in rows:
        by[x["channel"]] = by.get(x["channel"], 0) + 1
    print(f"seed {a.seed} lang {lang} zone {ZONES[lang]} style {g.style_id}: {len(rows)} incoming events "
          f"({', '.join(f'{k} {v}' for k, v in sorted(by.items()))}), sourced {sourced} "
          f"({sourced / max(1, len(rows)):.1%}), disclosures {len(g.disclosures)} "
          f"(leaking {sum(d['leaks'] for d in g.disclosures)})", file=sys.stderr)


if __name__ == "__main__":
    main()
