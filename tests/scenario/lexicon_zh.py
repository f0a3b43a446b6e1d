"""Chinese (mainland) vocabulary and message templates for simulate.py.

Pure data. Slots in templates are ``{name}`` and are filled by simulate.py:
campaign-level slots (brand, proj, tel, agent, agency, wx, district, school,
model, company, bank, kw, src) stay the same inside one campaign; message-level
slots (url, n, n2, wan, wan2, price, area, rooms, zhe, rate, day, gift, code,
amt, bal, job, salary, express, platform, show, qq, other, month, phase, time,
date) change with every message.

All company, project, hospital and brand names used as leak sources or
marketing senders are invented. Big banks, carriers, couriers and apps appear
only in legitimate notices and in fraud texts that impersonate them, as they do
in real inboxes.
"""

LANG = "zh"

# (surname, pinyin, [misheard / mistyped variants])
SURNAMES = [
    ("张", "zhang", ["章"]), ("王", "wang", ["汪"]), ("李", "li", ["黎"]),
    ("刘", "liu", ["柳"]), ("陈", "chen", ["程"]), ("杨", "yang", ["阳"]),
    ("黄", "huang", ["王"]), ("赵", "zhao", ["照"]), ("周", "zhou", ["邹"]),
    ("吴", "wu", ["伍"]), ("徐", "xu", ["许"]), ("孙", "sun", []),
    ("林", "lin", ["凌"]), ("何", "he", ["贺"]), ("郭", "guo", []),
    ("罗", "luo", []), ("胡", "hu", []), ("朱", "zhu", []), ("高", "gao", []),
    ("梁", "liang", []),
]

# (given name, pinyin, [homophone spellings a clerk might write])
GIVEN_M = [
    ("伟", "wei", ["炜", "玮", "威"]), ("磊", "lei", ["雷"]), ("军", "jun", ["君", "俊"]),
    ("杰", "jie", ["捷"]), ("涛", "tao", ["韬"]), ("明", "ming", ["铭", "鸣"]),
    ("浩", "hao", ["皓", "昊"]), ("宇", "yu", ["雨", "羽"]), ("建华", "jianhua", ["建化", "剑华"]),
    ("晓明", "xiaoming", ["小明", "晓鸣"]), ("志强", "zhiqiang", ["智强", "志彊"]),
    ("俊杰", "junjie", ["俊捷", "军杰"]), ("子轩", "zixuan", ["梓轩", "子宣"]),
    ("文博", "wenbo", ["文波", "文搏"]), ("海峰", "haifeng", ["海锋", "海丰"]),
]
GIVEN_F = [
    ("静", "jing", ["婧", "晶"]), ("敏", "min", ["民", "珉"]), ("丽", "li", ["莉", "俐"]),
    ("芳", "fang", ["方", "芬"]), ("婷", "ting", ["亭"]), ("娜", "na", ["纳"]),
    ("琳", "lin", ["林", "玲"]), ("欣怡", "xinyi", ["心怡", "欣宜"]),
    ("晓燕", "xiaoyan", ["小燕", "晓艳"]), ("佳怡", "jiayi", ["嘉怡", "家怡"]),
    ("雨婷", "yuting", ["宇婷", "雨亭"]), ("思颖", "siying", ["斯颖", "思莹"]),
    ("慧敏", "huimin", ["惠敏", "慧民"]), ("雪梅", "xuemei", ["雪媚", "学梅"]),
]
GIVEN_ANY = ["建国", "志明", "秀英", "桂兰", "春华", "海燕", "国强", "丽娟", "红梅", "永刚",
             "晓东", "文静", "振华", "美玲", "德明", "淑芬", "家豪", "婉清", "一鸣", "子豪"]

# Cities with 8-digit local numbers, so landline blocks look alike everywhere.
CITIES = [
    dict(city="深圳", area="0755", smsc="+8613800755500",
         districts=["南山", "福田", "宝安", "龙华", "罗湖", "龙岗"]),
    dict(city="广州", area="020", smsc="+8613800200500",
         districts=["天河", "海珠", "番禺", "白云", "越秀", "黄埔"]),
    dict(city="上海", area="021", smsc="+8613800210500",
         districts=["浦东", "闵行", "徐汇", "宝山", "杨浦", "松江"]),
    dict(city="北京", area="010", smsc="+8613800100500",
         districts=["朝阳", "海淀", "丰台", "昌平", "通州", "大兴"]),
    dict(city="杭州", area="0571", smsc="+8613800571500",
         districts=["西湖", "滨江", "余杭", "萧山", "拱墅", "上城"]),
    dict(city="成都", area="028", smsc="+8613800280500",
         districts=["武侯", "高新", "锦江", "成华", "双流", "金牛"]),
]
# Other cities whose call centres ring you (all 8-digit local numbers).
CALLCENTRE_AREAS = ["010", "020", "021", "022", "023", "024", "025", "027", "028", "029",
                    "0755", "0571", "0512", "0531", "0532", "0371"]

CARRIERS = {
    "cmcc": dict(name="中国移动", short="10086",
                 prefixes=["134", "135", "136", "137", "138", "139", "147", "150", "151", "152",
                           "157", "158", "159", "178", "182", "183", "184", "187", "188", "198"]),
    "cu": dict(name="中国联通", short="10010",
               prefixes=["130", "131", "132", "155", "156", "166", "175", "176", "185", "186"]),
    "ct": dict(name="中国电信", short="10000",
               prefixes=["133", "153", "173", "177", "180", "181", "189", "191", "199"]),
}
VIRTUAL_PREFIXES = ["170", "171", "162", "165", "167"]   # favourite of fraud callers
FOREIGN_FRAUD = ["+852", "+63", "+855", "+856", "+95", "+60", "+886"]

MY_EMAIL_DOMAINS = ["example.com", "example.net", "example.org"]
ALIAS_WORDS = {
    "property": ["home", "house", "fang"], "automotive": ["car", "che"], "healthcare": ["baby", "bb"],
    "recruitment": ["job", "cv", "zhaopin"], "insurance": ["ins", "baoxian"], "retail": ["shop", "vip", "gym"],
    "education": ["edu", "study"], "renovation": ["deco", "zhuangxiu"], "telecom": ["net", "kd"],
}

# ------------------------------------------------------------------ sources
# kind -> the places a Chinese person gives their number to
SOURCES = {
    "property": [
        dict(name="阳光家园售楼处", kw=["阳光家园"], slug="sunhome",
             notes=["买房 {unit}，填了客户登记表", "签约时留了手机和邮箱", "看房登记，最后买了 {unit}"]),
        dict(name="翠湖天地营销中心", kw=["翠湖天地"], slug="cuihu",
             notes=["买了 {unit}，签合同"]),
        dict(name="锦绣华庭售楼部", kw=["锦绣华庭"], slug="jinxiu",
             notes=["买房 {unit}", "样板间看房登记"]),
        dict(name="滨江壹号院销售中心", kw=["滨江壹号院", "滨江壹号"], slug="binjiang",
             notes=["交定金，{unit}", "售楼处填了意向表"]),
        dict(name="星河湾畔案场", kw=["星河湾畔"], slug="xinghe", notes=["买房登记 {unit}"]),
    ],
    "automotive": [
        dict(name="鹏程汽车4S店(南山店)", kw=["鹏程汽车"], slug="pengcheng",
             notes=["买车，留了身份证复印件", "提车，车牌 {plate}"]),
        dict(name="远航汽车城·吉顺店", kw=["远航汽车城", "吉顺"], slug="jishun",
             notes=["试驾登记后买了车", "买车贷款，填了好几张表"]),
        dict(name="驰达汽车销售服务公司", kw=["驰达汽车"], slug="chidaauto", notes=["买车 {plate}"]),
    ],
    "healthcare": [
        dict(name="安康妇产医院", kw=["安康妇产", "安康"], slug="ankang",
             notes=["老婆生宝宝，产科建档登记", "宝宝出生，办出生证明"]),
        dict(name="仁爱妇儿医院", kw=["仁爱妇儿", "仁爱"], slug="renai",
             notes=["建档+分娩", "生孩子住院登记"]),
        dict(name="慈佑妇产医院", kw=["慈佑"], slug="ciyou", notes=["产检建档，宝宝出生"]),
    ],
    "recruitment": [
        dict(name="职通网", kw=["职通网", "职通"], slug="zhitong",
             notes=["投了几份简历"]),
        dict(name="英才直聘", kw=["英才直聘"], slug="yingcaizp", notes=["上传简历，开了求职意向"]),
        dict(name="前程快聘", kw=["前程快聘"], slug="qckp", notes=["注册账号找工作"]),
    ],
    "insurance": [
        dict(name="泰合保险在线报价", kw=["泰合保险", "泰合"], slug="taihe",
             notes=["网上算了车险报价", "填了重疾险在线报价"]),
        dict(name="安信保险咨询会", kw=["安信保险"], slug="anxin", notes=["商场保险咨询台填了问卷"]),
    ],
    "retail": [
        dict(name="力健健身(海岸城店)", kw=["力健健身", "力健"], slug="lijian",
             notes=["办了年卡", "体验课登记"]),
        dict(name="优品生活超市会员", kw=["优品生活"], slug="youpinlife", notes=["办会员卡"]),
        dict(name="美家乐购物中心会员", kw=["美家乐"], slug="meijiale", notes=["停车办了会员"]),
    ],
    "education": [
        dict(name="国际教育展(会展中心)", kw=["国际教育展", "教育展"], slug="eduexpo",
             notes=["填了留学意向表", "扫码领资料"]),
        dict(name="启航留学讲座", kw=["启航留学"], slug="qihang", notes=["听讲座签到"]),
        dict(name="成人学历提升咨询会", kw=["学历提升咨询会"], slug="xueli", notes=["咨询在职研究生"]),
    ],
    "renovation": [
        dict(name="家居建材博览会", kw=["家博会", "建材博览会"], slug="jiabohui", notes=["抽奖登记，留了电话"]),
        dict(name="美居装饰展厅", kw=["美居装饰"], slug="meiju", notes=["量房预约"]),
    ],
    "telecom": [
        dict(name="营业厅宽带代理点", kw=["宽带代理点"], slug="kuandai", notes=["办宽带"]),
    ],
}

# Which marketing a disclosure of each kind attracts, with weights.
AFFINITY = {
    "property": [("property", 3), ("renovation", 3), ("finance", 2), ("insurance", 1.2)],
    "automotive": [("automotive", 3), ("insurance", 3), ("finance", 1.6)],
    "healthcare": [("education", 2), ("retail", 2), ("insurance", 2), ("healthcare", 2.2)],
    "recruitment": [("recruitment", 4), ("fraud", 2), ("education", 0.8), ("finance", 0.5)],
    "insurance": [("insurance", 4), ("finance", 1.8)],
    "retail": [("retail", 3), ("healthcare", 2), ("finance", 0.8)],
    "education": [("education", 4), ("finance", 1), ("recruitment", 0.6)],
    "renovation": [("renovation", 4), ("finance", 1), ("retail", 1)],
    "telecom": [("telecom", 3), ("finance", 1)],
}

# How marketers address someone in each role (hints, not a mention of the source).
ROLE_GREET = {
    "property": ["业主您好，", "尊敬的业主，"], "automotive": ["车主您好，", "尊敬的车主，"],
    "healthcare": ["宝妈您好，", "亲爱的宝爸宝妈，"], "recruitment": ["您好，"],
    "insurance": ["尊敬的客户，"], "retail": ["亲爱的会员，", "尊敬的会员，"],
    "education": ["家长您好，", "同学您好，"], "renovation": ["业主您好，"], "telecom": ["尊敬的客户，"],
}

# Phrases that give the source away.  {kw} = a keyword of the disclosure.
SRC_PHRASE = {
    "property": ["您在{kw}登记的购房信息显示您已收房，", "了解到您是{kw}的新业主，",
                 "{kw}业主专享：", "您在{kw}留过电话，"],
    "automotive": ["您在{kw}购车已满一个月，", "{kw}车主专享：", "看到您最近在{kw}提了新车，"],
    "healthcare": ["您在{kw}建档的信息显示宝宝已出生，", "恭喜您在{kw}喜得宝宝！", "{kw}宝妈专享福利："],
    "recruitment": ["在{kw}上看到您的简历，", "您在{kw}投递的简历我们已收到，", "通过{kw}了解到您在看机会，"],
    "insurance": ["您在{kw}咨询过保险方案，", "根据您在{kw}填写的报价信息，"],
    "retail": ["作为{kw}会员，", "{kw}会员专享："],
    "education": ["感谢您参加{kw}，", "您在{kw}填写的意向表已收到，"],
    "renovation": ["您在{kw}报名了家装咨询，", "{kw}现场登记客户专享："],
    "telecom": ["您在{kw}办理业务时留的号码，"],
}

GREET_NAMED = ["{full}{title}您好，", "尊敬的{full}{title}：", "{sur}{title}您好，", "{full}{title}，您好！"]
GREET_NAMED_AGENT = ["{sur}哥，", "{sur}姐，", "{full}{title}，", "{sur}总您好，"]
GREET_GENERIC = ["您好，", "尊敬的客户，", "您好！", ""]
GREET_GENERIC_AGENT = ["您好，", "", "打扰了，", "你好，"]
TITLE = {"m": "先生", "f": "女士"}
AGENT_SIBLING = {"m": "哥", "f": "姐"}

BRANDTAG = "【{brand}】"
OPTOUT = [" 退订回T", " 拒收请回复R", " 回TD退订", " 退订回N", " 回T退订", ""]
EMOJI_MKT = ["🎉", "🔥", "🏠", "🎁", "💰", "👉", "✨", "😊", "📞", "🌟"]
EMOJI_FAMILY = ["😀", "😂", "👍", "❤️", "🙏", "😘", "🤣", "👌", "😊"]

# ------------------------------------------------------------------ campaign senders
BRANDS = {
    "property": [("汇城置业", "huicheng"), ("安家置业", "anjiazy"), ("诚信房产", "chengxinfc"),
                 ("鑫源房产经纪", "xinyuanfc"), ("璟园·云玺", "jingyuan"), ("链居地产", "lianju")],
    "renovation": [("匠心装饰", "jiangxin"), ("美宅全屋定制", "meizhai"), ("雅居装饰", "yajuzs"),
                   ("绿居环保除醛", "lvju"), ("东方建材团购", "dfjc"), ("筑家装饰", "zhujia")],
    "insurance": [("安和人寿", "anhelife"), ("鼎盛保险", "dingsheng"), ("瑞丰财险", "ruifeng"),
                  ("安心保", "anxinbao"), ("华鑫人寿", "huaxinlife")],
    "finance": [("易贷通", "yidaitong"), ("金桥小贷", "jinqiao"), ("银信金融", "yinxin"),
                ("惠民消费金融", "huimin"), ("财富快车", "caifukc"), ("鑫融担保", "xinrong")],
    "education": [("小橡树早教", "xiaoxiangshu"), ("启智少儿英语", "qizhi"), ("博学教育", "boxue"),
                  ("远航留学", "yuanhang"), ("优学在线", "youxue"), ("阳光托育", "ygtuoyu")],
    "automotive": [("车易达二手车", "cheyida"), ("驰骋汽车服务", "chicheng"), ("车享汽车美容", "chexiang"),
                   ("顺安车务", "shunan"), ("星途汽车", "xingtu")],
    "healthcare": [("美思产后修复", "meisi"), ("康宁体检", "kangning"), ("伊美医疗美容", "yimei"),
                   ("贝安口腔", "beian"), ("悦月月子会所", "yueyue"), ("健之源", "jianzhiyuan")],
    "recruitment": [("聘优猎头", "pinyou"), ("锐仕人才", "ruishi"), ("汇才人力资源", "huicai"),
                    ("鼎新猎头", "dingxin"), ("卓聘网", "zhuopin")],
    "retail": [("乐童母婴", "letong"), ("悦动健身", "yuedong"), ("宝贝家", "baobeijia"),
               ("云购商城", "yungou"), ("童画儿童摄影", "tonghua"), ("佳品汇", "jiapinhui")],
    "telecom": [("极速宽带", "jisukd"), ("城市光网", "guangwang"), ("靓号网", "lianghao")],
    "fraud": [("兼职联盟", "jianzhi"), ("线上点赞", "dianzan"), ("海外高薪", "haiwai")],
}
PROJECTS = ["汇城·天悦府", "融悦府", "御景湾", "悦澜山", "天玺台", "云峰上院", "金沙湾畔", "紫荆华府",
            "蔚蓝海岸", "龙湖春江", "书香名邸", "国际公馆"]
PHASES = ["二期", "三期", "新一批房源", "A区", "收官楼栋", "首开"]
ROOMS = ["两房", "三房", "四房", "三房两卫", "瞰江三房", "改善四房"]
SCHOOLS = ["第二实验小学", "育才中学", "外国语学校", "明德小学", "实验学校", "第一中学"]
AGENCIES = ["安家置业", "诚信房产", "鑫源房产", "汇城置业", "我家房产", "好房通"]
AGENTS = ["小刘", "小陈", "小王", "小李", "小张", "刘经理", "陈经理", "王顾问", "李姐", "张经理",
          "赵主管", "小周", "黄经理", "林顾问", "小何", "周老师", "吴老师"]
CAR_MODELS = ["星驰SUV", "锐行轿车", "E7纯电版", "途悦MPV", "领航Pro", "新款混动SUV"]
JOBS = ["产品经理", "销售主管", "Java开发工程师", "财务专员", "运营经理", "行政主管", "数据分析师",
        "客服专员", "市场专员", "项目经理", "采购主管"]
COMPANIES = ["卓越网络科技", "远景智能", "鼎盛集团", "恒宇电子", "睿达信息", "蓝海供应链", "嘉禾医药",
             "华腾建设", "星辰互娱"]
GIFTS = ["精美礼品一份", "品牌电饭煲", "五常大米一袋", "食用油一桶", "定制保温杯", "儿童绘本套装",
         "洗车卡", "200元加油卡", "家用药箱", "空气炸锅", "电动牙刷", "婴儿湿巾一箱"]
SHOWS = ["奔跑吧", "中国好声音", "星光大道", "快乐大本营", "乘风破浪"]
EXPRESS = ["顺丰", "中通", "圆通", "韵达", "京东物流", "邮政EMS", "申通", "极兔"]
PLATFORMS = ["淘宝", "拼多多", "京东", "抖音商城"]
SALARIES = ["8000-12000", "1万-1.5万", "6000-9000", "1.2万-2万", "7000+提成", "2万-3万"]
UNIT_FMT = "{b}-{f}0{u}"
PLATE_PREFIX = {"深圳": "粤B", "广州": "粤A", "上海": "沪A", "北京": "京N", "杭州": "浙A", "成都": "川A"}

LINK_SHORT = ["t.cn", "dwz.cn", "url.cn", "c.tb.cn", "3.cn", "u.jd.com"]
LINK_PATH_CHARS = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"

# ------------------------------------------------------------------ marketing templates
# category -> families; each family: sms variants, e-mail subjects and e-mail paragraphs.
# agent=True marks a personal salesperson's voice (sent from a mobile, no brand tag).
FAM = {
    "property": [
        dict(sms=["{proj}{phase}火爆加推，建面约{area}㎡{rooms}，首付{wan}万起，{day}示范区开放，到访即送{gift}。详询{tel}",
                  "{proj}准现房清盘特惠，每平直降{n}00元，仅剩最后{n2}套，认购热线{tel}",
                  "{proj}{phase}认筹中，前{n2}名认筹客户额外享{zhe}折，{day}开盘，咨询{tel}"],
             subj=["{proj}{phase}加推｜建面约{area}㎡{rooms}，首付{wan}万起", "最后{n2}套！{proj}清盘特惠",
                   "{day}开放 | {proj}诚邀品鉴"],
             mail=["{proj}位于{district}核心地段，地铁口步行{n}分钟，建面约{area}㎡{rooms}，首付{wan}万起。{day}示范区盛大开放，到访即送{gift}，诚邀您莅临品鉴。",
                   "{proj}{phase}即将入市，主力户型建面约{area}㎡{rooms}，总价{wan2}万起。现在登记可锁定首开优惠，详情请点击：{url}"]),
        dict(agent=True,
             sms=["我是{agency}的{agent}，您关注的{district}那套{area}平的，业主刚降了{n}万，今天挂的新价，周末有空约一下？",
                  "您小区最近成交价又涨了，您那套考虑出手不？我这有客户就要你们那栋的中高层，{agent}",
                  "上次说的那套还在，业主这两天松口了，价格还能再谈，您方便接电话吗？",
                  "{district}刚出了套满五唯一，税费很低，业主急售，先跟您说一声，{agent} {tel}"],
             subj=["{district}好房推荐", "您关注的房源降价了"],
             mail=["您好，我是{agency}的置业顾问{agent}。{district}这边最近有几套性价比很高的房源，{area}㎡左右，总价{wan2}万上下，业主诚心出售。您如果有兴趣，周末可以带您看看，电话{tel}。"]),
        dict(sms=["学区红利！{proj}对口{school}，现房发售，首付{wan}万起住进名校旁，预约看房回1",
                  "{school}划片学区房急售，{area}㎡总价{wan2}万，业主换房急用钱，看房随时联系{tel}"],
             subj=["{school}学区房｜现房发售", "名校旁的家，{proj}现房在售"],
             mail=["孩子上学是大事。{proj}对口{school}，现房发售，{area}㎡{rooms}，首付{wan}万起。名额有限，欢迎预约看房：{url}"]),
        dict(sms=["{proj}地下产权车位限量{n2}个，{wan}万/个，业主专享{zhe}折，先交2万定金即可锁定，详询{tel}",
                  "临街旺铺带租约出售，年回报{rate}%，50年产权，仅{n}铺，电话{tel}",
                  "小区车位最后{n}个，月底涨价，需要的话尽快定，{tel}"],
             subj=["产权车位限量发售", "带租约旺铺，年回报{rate}%"],
             mail=["本项目地下产权车位限量{n2}个发售，单价{wan}万起，业主专享{zhe}折优惠，可办理分期。车位紧张，先到先得。咨询电话：{tel}"]),
        dict(sms=["您所在小区近期有{n}位客户求购，请问您的房子出售吗？回复1可免费评估房价 {url}",
                  "您家房子如果要出租，我们免费帮您托管，租金提前付，空置期我们承担，有意向回个电话{tel}",
                  "房屋托管：{district}整租月租{price}元起，包装修包出租，签约送{gift}，{tel}"],
             subj=["您的房子现在值多少钱？免费估价", "房屋托管，租金提前付"],
             mail=["您所在小区近期成交活跃，已有{n}位买家在我们平台登记求购。如果您有出售或出租的打算，可点击链接免费获取估价报告：{url}"]),
        dict(sms=["海外置业说明会：{day}下午2点，泰国/马来西亚永久产权公寓，总价{wan}万起，包租{n}年，年回报{rate}%，报名{url}",
                  "文旅度假公寓，首付{wan}万起，开发商包租，年回报{rate}%，{day}专车看房，回1报名"],
             subj=["海外置业说明会邀请", "首付{wan}万起，度假公寓包租"],
             mail=["{day}下午2点，我们将在{district}举办海外置业说明会，介绍永久产权公寓投资机会，总价{wan}万起，开发商包租{n}年，年回报约{rate}%。报名链接：{url}"]),
    ],
    "renovation": [
        dict(sms=["{brand}新房装修季，全包{price}元/㎡起，免费上门量房出设计图，前{n2}名签约送{gift}。预约{tel}",
                  "{brand}：半包{price}元/㎡，水电免费升级，{day}前签约再减{n}000元，详询{tel}"],
             subj=["新房装修季｜全包{price}元/㎡起", "{day}前签约立减{n}000元"],
             mail=["{brand}新房装修季火热进行中：全包{price}元/㎡起，免费上门量房，3天出效果图，前{n2}名签约赠送{gift}。预约热线：{tel}"]),
        dict(agent=True,
             sms=["我是{brand}的设计师{agent}，了解到您家新房快交付了，我们在您小区已经做了{n2}户样板间，周末可以带您去参观",
                  "交房前预约量房，水电改造可优惠{n}00元，我是{brand}的{agent}，有空回个电话{tel}",
                  "您好，新房打算什么时候装修呀？我们在您楼下正好有工地，可以过来看看做工"],
             subj=["您家新房的装修方案"],
             mail=["您好，我是{brand}的设计师{agent}。我们已在{district}为{n2}户业主完成装修，附近就有在建工地可参观。交房前量房设计，水电改造可优惠{n}00元。期待您的回复，电话{tel}。"]),
        dict(sms=["{district}新房业主专享·家居建材团购会{day}举行，{n2}大品牌厂价直供，签到即送{gift}，报名{url}",
                  "建材团购：瓷砖地板卫浴门窗{n2}个品牌一站购齐，{day}现场下单再返现，报名回1"],
             subj=["{day}家居建材团购会邀请函", "{n2}大品牌厂价直供"],
             mail=["{day}，{n2}大家居建材品牌联合团购会将在{district}举行：瓷砖、地板、卫浴、门窗、全屋定制一站购齐，厂价直供，签到即送{gift}。报名：{url}"]),
        dict(sms=["{brand}全屋定制{price}元/㎡，橱柜衣柜一站搞定，{day}前下定享{zhe}折，详询{tel}",
                  "{brand}定制衣柜投影面积{price}元/㎡起，环保E0板材，免费设计，{url}"],
             subj=["全屋定制{price}元/㎡起", "橱柜衣柜一站搞定"],
             mail=["{brand}全屋定制限时特惠：投影面积{price}元/㎡起，采用E0级环保板材，免费上门测量设计，{day}前下定享{zhe}折。了解详情：{url}"]),
        dict(sms=["新房除甲醛，CMA检测不合格全额退款，{brand}现在预约享首单{zhe}折，{tel}",
                  "入住前做一次甲醛检测吧，{brand}免费上门检测，治理不达标不收费，{tel}"],
             subj=["入住前，做一次甲醛检测", "新房除醛首单{zhe}折"],
             mail=["新装修的房子甲醛释放期长达3-15年。{brand}提供CMA认证检测，治理不达标全额退款，现在预约享首单{zhe}折。预约电话：{tel}"]),
        dict(sms=["{brand}防水补漏、旧房翻新、局部改造，24小时上门，免费检测，{tel}",
                  "智能家居体验店开业：智能门锁、全屋净水，{day}到店送{gift}，{url}"],
             subj=["智能门锁/全屋净水 开业特惠"],
             mail=["{brand}智能家居体验店开业啦：智能门锁、全屋净水、智能窗帘一站体验，{day}到店即送{gift}。地址详见：{url}"]),
    ],
    "insurance": [
        dict(sms=["{brand}少儿重疾险，每年{price}元起保障{n}0种重疾，出生满28天即可投保，为宝宝添一份安心 {url}",
                  "宝宝的第一份保障：{brand}少儿医疗+重疾组合，年缴{price}元，{day}前投保送{gift}"],
             subj=["宝宝的第一份保障", "每年{price}元起，少儿重疾险"],
             mail=["{brand}少儿重疾险：出生满28天即可投保，每年{price}元起，保障{n}0种重大疾病及轻症，附加少儿医疗。{day}前投保即送{gift}。了解详情：{url}"]),
        dict(sms=["您的爱车保险即将到期，{brand}车险续保商业险低至{zhe}折，还送{gift}，回复1了解",
                  "车险到期提醒：提前续保享{zhe}折优惠，另赠免费洗车{n}次，{tel}"],
             subj=["车险到期提醒｜续保享{zhe}折", "您的车险报价已生成"],
             mail=["您的车辆保险即将到期。{brand}为您生成了续保报价：交强险+商业险低至{zhe}折，另送{gift}。立即查看报价：{url}"]),
        dict(sms=["新房入住，给家一份保障：{brand}家财险{price}元/年，保水管爆裂、盗抢、火灾，详询{tel}",
                  "{brand}房屋综合险，一年{price}元，房屋主体+室内财产+第三者责任，{url}"],
             subj=["给新家一份保障", "家财险{price}元/年"],
             mail=["{brand}家庭财产综合险：每年{price}元，保障房屋主体、室内装潢及财产、水管爆裂及第三者责任。新业主专享一键投保：{url}"]),
        dict(sms=["{brand}年金险，锁定终身{rate}%复利，{day}停售，名额有限，咨询顾问{agent}{tel}",
                  "利率下行，{brand}增额终身寿复利{rate}%写进合同，{day}前投保，{tel}"],
             subj=["{day}停售｜复利{rate}%写进合同", "为家庭锁定长期收益"],
             mail=["{brand}增额终身寿险即将停售：有效保额按{rate}%复利递增，写进合同，终身锁定。{day}前投保还可参加客户答谢会。咨询顾问{agent}，电话{tel}。"]),
        dict(sms=["百万医疗险升级，{price}元/年保{n}00万，不限社保用药，投保链接{url}",
                  "{brand}百万医疗，{price}元起，0免赔方案，投保仅需3分钟 {url}"],
             subj=["{price}元/年，保额{n}00万", "百万医疗险升级"],
             mail=["{brand}百万医疗险全新升级：{price}元/年起，一般医疗和重疾医疗合计保额{n}00万，社保外用药也能报。三分钟在线投保：{url}"]),
        dict(agent=True,
             sms=["我是{brand}的{agent}，之前给您发的方案您看了吗？有疑问随时打我电话{tel}",
                  "我们{brand}{day}下午有个客户答谢会，有精美礼品，您有空过来听听吗",
                  "打扰了，我是保险规划师{agent}，帮您家做了一份保障方案，方便的时候回个电话哈"],
             subj=["您的家庭保障方案"],
             mail=["您好，我是{brand}的保险规划师{agent}。根据您家庭的情况，我做了一份保障方案（重疾+医疗+意外），年缴{price}元左右。您方便的时候回个电话，我详细给您讲讲：{tel}。"]),
    ],
    "finance": [
        dict(sms=["您有一笔{wan}万元装修贷额度待领取，年化低至{rate}%，点击{url}",
                  "您的专属消费贷额度{wan}万已生成，最快3分钟到账，年化利率{rate}%起，{url}"],
             subj=["您有{wan}万元额度待领取", "专属额度已生成"],
             mail=["您的专属信用额度{wan}万元已生成，年化利率低至{rate}%，可用于装修、购车、教育等，最快3分钟到账。立即领取：{url}"]),
        dict(sms=["房贷利率太高？{brand}帮您办理转按揭、房抵经营贷，月供立减{n}00元，咨询{tel}",
                  "{brand}：房产抵押贷款，最高评估价8成，年化{rate}%起，{tel}"],
             subj=["月供立减{n}00元", "房抵贷年化{rate}%起"],
             mail=["还在承受高利率房贷？{brand}提供转按揭及房产抵押经营贷服务，年化{rate}%起，月供最高立减{n}00元。免费测算：{tel}"]),
        dict(sms=["{brand}车主贷：凭行驶证最高可贷{wan}万，当天放款不押车，详询{tel}",
                  "有车就能贷！{brand}车抵贷，不押车不装GPS，{wan}万额度，回1了解"],
             subj=["有车就能贷，最高{wan}万", "车主专享信用贷"],
             mail=["{brand}车主信用贷：凭行驶证即可申请，最高{wan}万元，不押车，当天审批放款，年化{rate}%起。咨询：{tel}"]),
        dict(sms=["您已获得{brand}白金信用卡预审资格，额度最高{wan}万，{day}前申请首年免年费 {url}",
                  "{brand}联名信用卡预审通过，新户首刷送{gift}，点击{url}完成申请"],
             subj=["白金信用卡预审通过", "新户首刷礼：{gift}"],
             mail=["恭喜您获得{brand}白金信用卡预审资格，最高额度{wan}万元，{day}前完成申请首年免年费，新户首刷还送{gift}。立即申请：{url}"]),
        dict(agent=True,
             sms=["{agent}老师的投资交流群，每天免费分享{n}只潜力股，加微信{wx}进群",
                  "老师今天推荐的票已经涨停了，明天还有机会，想了解的加{wx}",
                  "我是{brand}的信贷经理{agent}，经营贷年化{rate}%起，先息后本，有需要随时联系{tel}"],
             subj=["今日牛股内参"],
             mail=["您好，我是{brand}的{agent}。我们的投资交流群每天免费分享市场观点和{n}只潜力股，已有上千位投资者加入。添加微信{wx}即可进群。"]),
        dict(sms=["{brand}稳健理财，7天年化{rate}%，1元起投，新客专享，{url}",
                  "宝宝教育金规划：每月存{price}元，18年后领取{wan}万，{brand}，{tel}"],
             subj=["新客专享：年化{rate}%", "提前规划孩子的教育金"],
             mail=["{brand}稳健理财新客专享：7天期年化{rate}%，1元起投，随时可取。另有教育金规划方案，每月{price}元起。了解更多：{url}"]),
    ],
    "education": [
        dict(sms=["{brand}早教中心，0-3岁宝宝感统课免费体验，{day}还有{n2}个名额，回复1预约",
                  "宝宝{n}个月了吧？{brand}亲子早教体验课0元，{district}中心，预约{tel}"],
             subj=["0-3岁感统课免费体验", "{day}早教体验课还有{n2}个名额"],
             mail=["0-3岁是宝宝大脑发育的关键期。{brand}早教中心提供感统、音乐、艺术等课程，现在预约即可免费体验一节。{day}还有{n2}个名额，预约：{url}"]),
        dict(sms=["{brand}少儿英语，外教一对一试听课0元领取，名额有限 {url}",
                  "{brand}：孩子英语启蒙越早越好，新学员报名送{gift}，{url}"],
             subj=["外教一对一试听课0元领取", "英语启蒙，从现在开始"],
             mail=["{brand}少儿英语：欧美外教一对一，25分钟在线小课，现在可免费领取试听课一节，报名还送{gift}。领取链接：{url}"]),
        dict(sms=["成人本科/在职研究生学历提升，{brand}学费{price}元起，免试入学，学信网可查，咨询{tel}",
                  "学历提升，国家承认学历，{day}截止报名，{brand}，{tel}"],
             subj=["在职学历提升，学信网可查", "{day}报名截止"],
             mail=["{brand}在职学历提升：成人本科、在职研究生，学信网可查，学费{price}元起，周末上课不影响工作。{day}报名截止，咨询：{tel}"]),
        dict(agent=True,
             sms=["我是{brand}的留学顾问{agent}，英美澳港新名校申请，{day}可以给您做一次免费背景评估，方便的话回个电话{tel}",
                  "{agent}这边提醒您，今年港新硕士申请已经开始了，您之前说的方向我整理了几个项目",
                  "您好，我是{brand}的{agent}老师，孩子上学的事考虑得怎么样了？"],
             subj=["您的留学申请评估", "今年硕士申请时间线"],
             mail=["您好，我是{brand}的留学顾问{agent}。今年英美澳港新硕士申请已陆续开放，我为您整理了几个匹配的项目。{day}可以为您做一次免费背景评估，电话{tel}。"]),
        dict(sms=["一级建造师/中级会计考证辅导，{brand}不过退费，本期仅剩{n2}个名额，{tel}",
                  "职业技能证书补贴申领中，考证可领{price}元补贴，{url}"],
             subj=["考证不过退费", "职业技能补贴申领"],
             mail=["{brand}考证班：一级建造师、中级会计、人力资源管理师，签约不过退费，本期仅剩{n2}个名额。详情：{url}"]),
        dict(sms=["{brand}托育园秋季招生，离您家步行{n}分钟，{day}开放日欢迎带宝宝参观，报名{url}",
                  "{brand}：托班/小小班招生中，{day}前报名免{n}00元入园费"],
             subj=["托育园招生｜{day}开放日", "托班招生中"],
             mail=["{brand}托育园秋季招生开始啦！{n2}个月至3岁宝宝均可入托，小班化照护，离您家步行{n}分钟。{day}开放日欢迎参观，报名：{url}"]),
    ],
    "automotive": [
        dict(sms=["您的爱车已到首保时间，{day}前进店保养享工时{zhe}折，预约{tel}",
                  "保养季：机油机滤套餐{price}元，{day}前到店再送{gift}，{tel}"],
             subj=["爱车保养提醒｜工时{zhe}折", "保养套餐{price}元"],
             mail=["您的爱车已接近首次保养里程。{day}前进店保养享工时{zhe}折，机油机滤套餐{price}元起，另送{gift}。预约电话：{tel}"]),
        dict(sms=["{brand}{model}限时钜惠，最高优惠{wan}万，0首付开回家，{day}到店试驾送{gift}",
                  "{brand}{model}全系置换补贴{price}元，{day}周末团购会，{tel}"],
             subj=["{model}限时钜惠，最高优惠{wan}万", "{day}团购会邀请"],
             mail=["{brand}{model}限时钜惠：最高综合优惠{wan}万元，0首付、低月供，{day}到店试驾即送{gift}。预约试驾：{url}"]),
        dict(agent=True,
             sms=["高价收购二手车，您的车现在能卖{wan}万左右，免费上门评估，{tel}",
                  "收车的，您那台车卖不卖？全款现结，过户我们包办，{agent} {tel}",
                  "您好，看到您车在平台上有估价记录，我们这边出价比平台高，方便聊聊吗"],
             subj=["您的爱车估价：{wan}万"],
             mail=["您好，我是{brand}的评估师{agent}。根据您车辆的年份和里程，目前市场收购价约{wan}万元，我们可免费上门评估，全款现结。电话：{tel}"]),
        dict(sms=["新车贴膜/隐形车衣限时特惠{price}元起，{brand}汽车美容，{tel}",
                  "{brand}：新车镀晶+内饰消毒套餐{price}元，{day}前预约送{gift}"],
             subj=["隐形车衣限时特惠", "新车美容套餐{price}元"],
             mail=["{brand}新车护理套餐：隐形车衣、镀晶、贴膜，限时特惠{price}元起，{day}前预约再送{gift}。门店导航：{url}"]),
        dict(sms=["{brand}以旧换新补贴最高{price}元，您的车辆符合条件，回复1了解详情 {url}",
                  "{day}车展特惠，{brand}{model}现车充足，到店有礼，{tel}"],
             subj=["以旧换新补贴最高{price}元"],
             mail=["好消息！{brand}以旧换新补贴最高{price}元，经初步核验您的车辆符合条件。了解详情：{url}"]),
        dict(sms=["违章代办、年检代办、驾驶证换证，{brand}车务一站式服务，加微信{wx}",
                  "您的车辆临近年检，{brand}上门代检，{price}元全包，{tel}"],
             subj=["年检代办，{price}元全包"],
             mail=["{brand}车务：年检代办、违章处理、驾驶证换证一站式服务，上门取送车，{price}元全包。预约：{tel}"]),
    ],
    "healthcare": [
        dict(sms=["{brand}产后修复中心：盆底肌、腹直肌分离免费检测，宝妈专享{zhe}折，预约{tel}",
                  "产后42天是修复黄金期，{brand}免费评估名额剩{n2}个，{url}"],
             subj=["产后修复免费检测", "产后42天，修复黄金期"],
             mail=["产后42天是盆底肌和腹直肌修复的黄金期。{brand}提供免费专业评估，宝妈专享{zhe}折修复疗程，名额仅剩{n2}个。预约：{url}"]),
        dict(sms=["{brand}年度体检套餐{price}元起，含{n2}项检查，{day}前预约送{gift} {url}",
                  "{brand}父母体检节，两人同行一人半价，{tel}"],
             subj=["年度体检套餐{price}元起", "父母体检节：一人半价"],
             mail=["{brand}年度体检套餐{price}元起，含{n2}项检查，全国{n}0家门店通用，{day}前预约送{gift}。立即预约：{url}"]),
        dict(sms=["{brand}水光针体验价{price}元，{day}前到院再送{gift}，详询{tel}",
                  "{brand}：祛斑/光子嫩肤新客{price}元，名医面诊免费，{url}"],
             subj=["水光针体验价{price}元", "名医面诊免费"],
             mail=["{brand}新客专享：水光针体验价{price}元、光子嫩肤{price}元起，名医一对一面诊免费，{day}前到院再送{gift}。预约：{tel}"]),
        dict(sms=["{brand}会员日：深海鱼油、钙片买一送一，营养师一对一咨询专线{tel}",
                  "{brand}：中老年营养套餐限时{zhe}折，包邮到家，{url}"],
             subj=["会员日：买一送一", "营养套餐限时{zhe}折"],
             mail=["{brand}会员日：深海鱼油、钙片、维生素全场买一送一，营养师免费一对一咨询。活动详情：{url}"]),
        dict(sms=["{brand}口腔：种植牙{price}元/颗起，儿童涂氟免费，预约{tel}",
                  "{brand}：洗牙{n}9元，隐形矫正免费面诊，{url}"],
             subj=["种植牙{price}元/颗起", "儿童涂氟免费"],
             mail=["{brand}口腔医院：种植牙{price}元/颗起，洗牙{n}9元，儿童涂氟免费，隐形矫正免费面诊。预约电话：{tel}"]),
        dict(agent=True,
             sms=["我是{brand}的健康顾问{agent}，宝宝出生后42天是产后恢复黄金期，我们有免费评估名额，您看哪天方便？",
                  "{brand}月子会所，星级护理，现在预订享{zhe}折，参观请联系{agent}{tel}",
                  "打扰一下，我是{brand}的{agent}，上次说的产后评估还给您留着名额"],
             subj=["产后恢复免费评估"],
             mail=["您好，我是{brand}的健康顾问{agent}。产后42天到6个月是恢复的关键期，我们为新手妈妈预留了免费评估名额，您看哪天方便？电话{tel}。"]),
    ],
    "recruitment": [
        dict(agent=True,
             sms=["我是{brand}的猎头顾问{agent}，看到您的简历，有个{company}的{job}岗位，年薪{wan}万左右，方便聊聊吗？",
                  "{agent}这边有个{job}的机会，{company}，base{district}，薪资{salary}，感兴趣回个电话{tel}",
                  "您好，还在看机会吗？我这边有几个{job}的职位挺匹配的"],
             subj=["{company}·{job}职位推荐", "职位机会：{job}（年薪{wan}万）"],
             mail=["您好，我是{brand}的猎头顾问{agent}。我们正在为{company}寻找一位{job}，年薪约{wan}万，base{district}。看了您的背景觉得很匹配，方便的话加个微信{wx}或回电{tel}细聊。"]),
        dict(sms=["有{n}家公司查看了您的简历，{company}邀请您面试{job}，立即查看 {url}",
                  "您有{n}条新的职位推荐：{job}/{salary}，点击查看{url}"],
             subj=["{company}邀请您面试", "您有{n}条新的职位推荐"],
             mail=["您好！{company}对您的简历很感兴趣，邀请您面试{job}职位（{salary}）。另外有{n}家企业查看了您的简历，点击查看：{url}"]),
        dict(sms=["{brand}诚聘储备主管，底薪{price}元+高提成，无需经验，包培训，{tel}",
                  "高薪诚聘：客户经理，{salary}，双休，五险一金，{brand}，{tel}"],
             subj=["诚聘储备主管，底薪+高提成", "高薪诚聘客户经理"],
             mail=["{brand}诚聘储备主管/客户经理若干名：底薪{price}元+高提成，无需经验，公司提供系统培训，晋升通道清晰。简历投递或咨询：{tel}"]),
        dict(sms=["我是{company}的HR，您的简历已通过初筛，想约您{day}来公司面试{job}岗位，收到请回复",
                  "{company}人事部：请于{day}上午10点携带简历到{district}办公室参加{job}面试"],
             subj=["面试邀请：{job}", "{company}面试通知"],
             mail=["您好，感谢您关注{company}。您应聘的{job}岗位已通过简历筛选，诚邀您于{day}上午10点参加面试，地点：{district}。如时间不便请回复此邮件。"]),
        dict(sms=["{company}急招{job}，月薪{salary}，五险一金，明天可面试，{tel}",
                  "急聘：{job}，{salary}，{district}，名额{n2}个，电话{tel}"],
             subj=["急招{job}，{salary}"],
             mail=["{company}因业务扩张急招{job}若干名，月薪{salary}，五险一金、带薪年假，可安排明天面试。联系电话：{tel}"]),
        dict(sms=["周末兼职促销员，日结{price}元，{district}各大商场，报名加微信{wx}",
                  "{brand}：兼职/全职均可，时间灵活，{salary}，回1了解"],
             subj=["兼职日结{price}元"],
             mail=["{brand}招募周末兼职促销员，日结{price}元，工作地点在{district}各大商场。报名请加微信{wx}。"]),
    ],
    "retail": [
        dict(sms=["亲爱的会员，{day}会员日全场{zhe}折起，积分翻倍，{url}",
                  "{brand}会员专享：满{price}减{n}0，{day}截止，{url}"],
             subj=["{day}会员日｜全场{zhe}折起", "会员专享：满{price}减{n}0"],
             mail=["{day}是{brand}会员日！全场{zhe}折起，积分翻倍，更有满{price}减{n}0叠加优惠。活动详情：{url}"]),
        dict(sms=["{brand}母婴新客礼：奶粉满{price}减{n}0，纸尿裤买二送一，点击领取 {url}",
                  "宝宝用品清单已为您准备好，{brand}新生儿礼包0元领，{url}"],
             subj=["新生儿礼包0元领", "奶粉满{price}减{n}0"],
             mail=["恭喜您成为新手爸妈！{brand}为您准备了新生儿礼包（湿巾、口水巾、试用装纸尿裤），0元包邮领取：{url}。奶粉满{price}减{n}0，纸尿裤买二送一。"]),
        dict(agent=True,
             sms=["我是{brand}的会籍顾问{agent}，年卡续费特惠{price}元，还送{n}节私教课，这周最后两天",
                  "{agent}提醒您，您的体测报告出来了，私教课体验名额给您留着呢",
                  "好久没来训练了哦，{brand}本月续卡送{n}个月，{agent} {tel}"],
             subj=["年卡续费特惠"],
             mail=["您好，我是{brand}的会籍顾问{agent}。本月年卡续费特惠{price}元，另送{n}节私教课，名额有限。有任何问题可以直接打我电话{tel}。"]),
        dict(sms=["{brand}年中大促，定金{n}0抵{price}，爆款直降，{url}",
                  "{brand}品牌日，爆款低至{zhe}折，{day}零点开抢，{url}"],
             subj=["定金{n}0抵{price}，爆款直降", "品牌日低至{zhe}折"],
             mail=["{brand}年中大促开启：定金{n}0抵{price}，爆款直降，叠加满减券。{day}零点开抢，提前加购：{url}"]),
        dict(sms=["{brand}为您准备了{price}元生日礼券，{day}前到店使用有效",
                  "您有{n}00积分即将过期，立即兑换{gift}：{url}"],
             subj=["您有一张生日礼券待领取", "积分即将过期提醒"],
             mail=["{brand}为您准备了{price}元生日礼券，{day}前到店或线上使用有效。另外，您账户中的{n}00积分即将过期，可兑换{gift}：{url}"]),
        dict(sms=["宝宝百天照特惠：{brand}{price}元全家福套系，赠{gift}，预约{tel}",
                  "{brand}：宝宝满月/百天/周岁照，本月预约送相册，{url}"],
             subj=["宝宝百天照特惠{price}元", "记录宝宝成长每一刻"],
             mail=["宝宝的百天只有一次！{brand}儿童摄影百天/周岁全家福套系{price}元，赠{gift}，本月预约再送精美相册。预约：{tel}"]),
    ],
    "telecom": [
        dict(sms=["尊敬的客户，您已获得5G升级资格，月费仅需{price}元即享{n}0GB流量+{n2}00分钟通话，回复KTLL办理",
                  "您的套餐可免费升级，升级后每月多{n}0GB流量，回复1确认"],
             subj=["5G套餐升级特惠"],
             mail=["尊敬的客户，您已获得5G套餐升级资格：月费{price}元，含{n}0GB流量及{n2}00分钟通话。点击办理：{url}"]),
        dict(sms=["您本月流量已使用{pct}%，推荐您办理{n}GB流量加油包，仅需{price}元，回复JYB办理",
                  "流量不够用？{n}0GB夜间流量包{price}元/月，回复YJ办理"],
             subj=["流量加油包特惠"], mail=["您本月流量已使用{pct}%。现推荐办理{n}GB流量加油包，仅需{price}元。办理：{url}"]),
        dict(sms=["您所在小区已开通千兆宽带，{brand}宽带{price}元/年起，免费上门安装，{tel}",
                  "{brand}：宽带到期了吗？新装千兆宽带送路由器，{price}元/年，{tel}"],
             subj=["千兆宽带{price}元/年起", "新装宽带送路由器"],
             mail=["您所在小区已全面开通千兆光纤宽带。{brand}新装特惠{price}元/年起，免费上门安装，送WiFi6路由器。预约：{tel}"]),
        dict(sms=["尊享靓号：尾号{code4}靓号限时免费领取，{url}",
                  "手机靓号优惠，AABB、ABAB尾号低至{price}元，{url}"],
             subj=["靓号限时免费领取"], mail=["尾号{code4}等靓号限时免费领取，先到先得：{url}"]),
        dict(sms=["合约机0元购！存{price}元话费送新款5G手机，{day}截止，回复1办理",
                  "老用户专享：存{price}送{price}，再送{gift}，{day}截止"],
             subj=["合约机0元购", "存{price}送{price}"], mail=["老用户专享：预存{price}元话费即送新款5G手机，{day}截止。办理：{url}"]),
        dict(sms=["特邀您参加宽带提速活动，免费提速至千兆，回复Y确认",
                  "您是我们的星级客户，专属权益：视频会员{n}个月免费领，{url}"],
             subj=["星级客户专属权益"], mail=["您是我们的星级客户，专属权益：视频会员{n}个月免费领取，宽带免费提速至千兆。领取：{url}"]),
    ],
}

# Job scams spawned by a job-site leak (category fraud, source = the job site).
JOB_SCAM = [
    dict(sms=["在家兼职，手机操作，日结{price}元，时间自由，加V：{wx}",
              "宝妈学生兼职，每天1-2小时，日赚{price}+，加微信{wx}"],
         subj=["在家兼职，日结{price}元"], mail=["招聘线上兼职，手机即可操作，日结{price}元，时间自由。详情加微信{wx}。"]),
    dict(sms=["看到您在找工作，我们是{company}，招聘线上点赞员，一单{n}元，多劳多得，下载{url}",
              "点赞关注兼职，一单{n}元，当天结算，注册{url}"],
         subj=["线上点赞员招聘"], mail=["{company}招聘线上点赞员，一单{n}元，多劳多得，当天结算。注册链接：{url}"]),
    dict(sms=["恭喜您通过{company}初试！入职前需办理工牌与培训资料，费用{price}元，请联系{tel}",
              "{company}通知：您已被录取，请先缴纳体检费{price}元，统一安排入职"],
         subj=["录用通知：{company}"], mail=["恭喜您通过{company}初试！入职前需统一办理工牌和培训资料，费用{price}元，请尽快联系{tel}。"]),
    dict(sms=["高薪招聘海外客服，月薪{n}万，包机票包吃住，联系{wx}",
              "东南亚高薪岗位，月入3万+，包吃住，无需经验，{wx}"],
         subj=["海外高薪岗位"], mail=["东南亚高薪客服岗位，月薪{n}万起，包机票、包吃住，无需经验。联系微信{wx}。"]),
    dict(sms=["您的简历已被{company}录用，请在{url}填写入职信息并上传身份证正反面",
              "入职登记：请于今日内在{url}完善银行卡信息以便发放工资"],
         subj=["入职信息登记"], mail=["您的简历已通过{company}审核，请在{url}填写入职信息，并上传身份证正反面及银行卡照片。"]),
]

# Fraud blasts: random senders, the main number, all year.  call=True: also as calls.
FRAUD_BLAST = [
    dict(call=True, sms=["您好，我是{express}客服，您的快递在运输中丢失，我们将为您办理{price}元理赔，请添加专员微信{wx}",
                         "【{express}】您的快件因地址不详无法派送，请点击{url}重新填写，逾期退回"]),
    dict(sms=["【ETC服务】您的ETC认证已失效，即将停用，请尽快登录{url}重新认证",
              "【ETC】尊敬的用户，您的ETC卡已过期，请点击{url}更新信息，以免影响通行"]),
    dict(sms=["【医保局】您的医保卡存在异常，已被临时冻结，请点击{url}核实解冻",
              "【社保中心】您的社保补贴{price}元待领取，请点击{url}认证"]),
    dict(call=True, sms=["您名下一张银行卡涉嫌洗钱案件，请立即联系{city}公安局刑侦支队{tel}配合调查，否则将被冻结",
                         "【公安提醒】您的身份信息被他人冒用，涉嫌一宗案件，请于今日联系{tel}"]),
    dict(call=True, sms=["无抵押信用贷，征信不好也能下款，秒批，最高{wan}万，加QQ{qq}",
                         "黑户白户都能下，当天放款{wan}万，不看征信，{url}"]),
    dict(sms=["恭喜您被抽中为《{show}》幸运观众，将获得{price}元奖金及笔记本电脑一台，领奖{url}",
              "您的手机号在本次抽奖中荣获二等奖，奖品已寄出，请点击{url}支付运费"]),
    dict(sms=["【{carrier}】您的积分{n}00分即将清零，可兑换现金{price}元，点击{url}办理",
              "【{carrier}】尊敬的客户，您的话费积分可兑换{price}元现金红包，今日过期，{url}"]),
    dict(call=True, sms=["您在{platform}购买的商品存在质量问题，我们将给予三倍赔偿，请联系客服{tel}",
                         "【{platform}】您的订单因系统问题重复扣款，请联系{tel}办理退款"]),
    dict(sms=["我是你领导，明天上午来我办公室一趟，先加我新微信{wx}",
              "换号了，这是我新号码，存一下，有急事找你帮个忙"]),
    dict(sms=["您的个人征信有不良记录，需在今日内联系{tel}处理，否则将影响贷款买房",
              "【征信中心】您的学生贷款账户未注销，将影响个人征信，请联系{tel}"]),
]

HARASS = [
    dict(call=True, sms=["{other}欠款已逾期{n}天，你是其紧急联系人，请转告其今天务必还款，否则后果自负",
                         "{other}的家属是吧？他电话一直不接，麻烦转告他今天下午5点前处理"]),
    dict(call=True, sms=["通知：{other}在我司借款逾期，现已进入司法程序，请督促其尽快处理，联系{tel}",
                         "法务部通知：{other}的欠款案件已立案，请其本人尽快联系{tel}协商"]),
    dict(call=True, sms=["再不还钱，我们将联系你通讯录所有人，{other}你自己看着办",
                         "{other}，最后通知，今天不处理明天上门"]),
]

# The person's own carrier (sender = 10086 / 10010 / 10000).
CARRIER_OFFER = FAM["telecom"][:2] + FAM["telecom"][4:]
CARRIER_NOTICE = [
    "尊敬的客户，您{month}月账单已出，本期消费{amt}元，当前余额{bal}元。",
    "尊敬的客户，您的话费余额已不足{n}0元，为避免影响使用，请及时充值。",
    "尊敬的客户，您本月套餐内通用流量已使用80%，剩余{n}.{n2}GB。",
    "尊敬的客户，您已成功充值{price}元，当前余额{bal}元。",
    "您好，您的{month}月电子发票已开具，可在APP中查看。",
]

# Old breach: spam to the main e-mail from before all disclosures.
OLD_SPAM = [
    dict(cat="fraud", sbj=["代开各类正规发票", "发票{n}点优惠"], body=["本公司长期代开各类正规发票（增值税、普通、运输、建筑等），点数优惠，可先验后付。联系电话：{tel} 微信：{wx}"]),
    dict(cat="fraud", sbj=["【系统通知】您的邮箱容量已满", "邮箱账号安全验证"], body=["尊敬的用户：您的邮箱存储空间已满，部分邮件将被退回。请在24小时内点击以下链接升级，否则账号将被停用：{url}"]),
    dict(cat="finance", sbj=["今日涨停预测", "牛股内参第{n2}期"], body=["资深操盘手每日免费分享涨停预测，上周推荐{n}只全部上涨。加QQ群{qq}领取明日名单。"]),
    dict(cat="fraud", sbj=["注册即送{n}8元", "首存翻倍"], body=["新会员注册即送{n}8元体验金，首存翻倍，提款秒到。立即注册：{url}"]),
    dict(cat="healthcare", sbj=["男性健康，重振雄风", "国医秘方"], body=["祖传秘方，无效退款，全国包邮。咨询微信{wx}。"]),
    dict(cat="retail", sbj=["外贸原单，一件代发", "工厂直销{zhe}折"], body=["工厂直销外贸原单服装鞋包，一件代发，无需囤货。详情请访问：{url}"]),
    dict(cat="fraud", sbj=["您的快递包裹待签收", "账户异常登录提醒"], body=["您的账户在异地登录，如非本人操作，请立即点击{url}修改密码并验证身份。"]),
]

# ------------------------------------------------------------------ legitimate traffic
CONTACTS = [
    ("mother", "妈妈"), ("father", "爸爸"), ("spouse", "老婆"), ("spouse_f", "老公"), ("sister", "姐姐"),
    ("brother", "哥哥"), ("friend", "阿杰"), ("friend", "老周"), ("friend", "小雨"),
    ("boss", "李经理"), ("colleague", "小王(同事)"), ("colleague", "刘姐财务"), ("colleague", "陈工"),
    ("landlord", "房东张阿姨"), ("aunt", "小姨"),
]
FAMILY_SMS = {
    "mother": ["周末回来吃饭吗", "天冷了多穿点衣服", "你爸说下周去看你们", "到家了没？", "给你寄了点腊肠，记得收",
               "宝宝这两天吃奶怎么样", "体检报告出来了，没什么事，别担心", "电话打不通，有空回个电话"],
    "father": ["钱收到了，别再转了", "下周三我去复查，你不用请假", "车的保险是不是快到期了", "看到新闻了吗"],
    "spouse": ["下班带瓶酱油回来", "今晚加班，你先吃", "到家了吗", "车停B2了", "明天记得去物业交钥匙押金",
               "宝宝睡了，轻点进门", "周六去看家具吗"],
    "spouse_f": ["我到楼下了", "晚上吃什么", "帮我取下快递，在驿站", "今天早点回来", "周日去我妈那"],
    "sister": ["妈生日那天你能回来吗", "红包收到了吗", "给宝宝买的衣服到了没"],
    "brother": ["周末打球吗", "借你的书什么时候还我", "车我先开走了"],
    "friend": ["今晚打球吗", "周六聚餐，老地方", "到了没，我在门口", "红包收到了没", "下次带你去那家火锅"],
    "boss": ["明早9点例会，别迟到", "方案我发你邮箱了，看下", "下午客户过来，准备一下资料", "出差申请批了"],
    "colleague": ["帮我带个饭，谢谢", "报销单交了吗", "电梯坏了走楼梯", "会议室改到3楼了", "你的快递在前台"],
    "landlord": ["这个月房租记得转一下", "下周有人来修热水器", "合同快到期了，续不续跟我说一声"],
    "aunt": ["过年回来吗", "你妈说你搬新家了，恭喜啊"],
}
MY_REPLIES = ["好的", "收到", "知道了", "马上到", "晚点回你", "嗯嗯", "行", "好的，谢谢", "在路上了", "OK"]

BANKS = [("招商银行", "95555"), ("工商银行", "95588"), ("建设银行", "95533"), ("农业银行", "95599"),
         ("中国银行", "95566"), ("交通银行", "95559")]
BANK_SMS = [
    "您账户{last4}于{md}{hm}收入（工资）人民币{pay}元，余额{bal}元。【{bank}】",
    "【{bank}】您尾号{last4}的卡于{md}{hm}快捷支付{amt}元，余额{bal}元。",
    "【{bank}】您尾号{last4}的信用卡本期账单{amt}元，到期还款日{date}。",
    "【{bank}】您尾号{last4}的账户{md}{hm}转出{amt}元，余额{bal}元，如非本人操作请致电{short}。",
    "【{bank}】您尾号{last4}信用卡{md}消费{amt}元（财付通-美团）。",
]
CODE_APPS = ["支付宝", "淘宝", "京东", "美团", "滴滴出行", "12306", "拼多多", "小红书", "抖音", "饿了么",
             "携程旅行", "哈啰", "高德地图", "个人所得税"]
CODE_ACTIONS = ["登录", "修改密码", "绑定银行卡", "支付", "注册", "身份验证"]
CODE_SMS = [
    "【{app}】验证码{code}，您正在{action}，{n}分钟内有效，请勿泄露给他人。",
    "【{app}】您的验证码是{code}，如非本人操作请忽略本短信。",
    "【{app}】{code}（{action}验证码），请勿告诉他人，客服不会索取此验证码。",
    "验证码：{code}，用于{app}{action}，5分钟内有效。如非本人操作，请忽略。【{app}】",
]
DELIVERY_SMS = [
    "【菜鸟驿站】您的{express}包裹已到{place}，取件码{code4}，请于{time}前领取。",
    "【{express}】快递员{courier}（{tel}）正在为您派送，请保持电话畅通。",
    "【丰巢】您的{express}快件已存入{place}丰巢柜，取件码{code}，超时将收取保管费。",
    "【{express}】您的快件已签收，签收人：{place}，如有疑问请致电{tel}。",
    "【美团外卖】骑手{courier}正在为您配送，预计{time}送达。",
]
DELIVERY_PLACES = ["小区东门驿站", "3栋架空层", "公司前台", "南门快递柜", "地下室快递点", "物业中心"]
SERVICE_SMS = [
    ("12306", "【铁路客服】订单{order}，{full}您已购{date}G{n}{n2}次{seat}号，检票口{n}A。"),
    ("1069{hosp}", "【市人民医院】您已成功预约{date}上午{dept}门诊，就诊序号{n2}号，请携带身份证。"),
    ("95017", "【腾讯】您的微信账号于{hm}在新设备登录，如非本人操作请及时冻结。"),
    ("10690{didi}", "【滴滴出行】您的行程已结束，本次费用{amt}元，感谢乘坐。"),
    ("95598", "【国家电网】您户号尾号{last4}的{month}月电费{amt}元，请及时缴纳。"),
]
DEPTS = ["内科", "皮肤科", "口腔科", "眼科", "骨科"]
SEATS = ["05车08F", "03车12A", "07车02C", "12车15D"]

# Legitimate messages from the disclosure's own organisation (not a leak).
SRC_LEGIT = {
    "property": ["【{kw}物业】尊敬的业主，{date}9:00-17:00小区将停水检修，请提前储水。",
                 "【{kw}物业】您的{month}月物业费{amt}元已出账，可在物业APP缴纳。",
                 "【{kw}】尊敬的业主，您的房屋已完成网签备案，请{date}到售楼处领取资料。"],
    "automotive": ["【{kw}】尊敬的车主，您的新车牌照已办好，请于{date}到店领取。",
                   "【{kw}】您的车辆已预约{date}保养，请按时到店。"],
    "healthcare": ["【{kw}】提醒：宝宝42天体检请于{date}到院，请携带母子健康手册。",
                   "【{kw}】您的出生医学证明已办理完成，请携带身份证到1楼窗口领取。"],
    "recruitment": ["【{kw}】验证码{code}，用于登录，5分钟内有效。", "【{kw}】您的简历已被{company}查看。"],
    "insurance": ["【{kw}】您的报价单号{order}已生成，有效期30天。"],
    "retail": ["【{kw}】您已成功预约{date}的动感单车课。", "【{kw}】会员卡开卡成功，积分{n}00已到账。"],
    "education": ["【{kw}】感谢您的参与，电子资料包下载：{url}"],
    "renovation": ["【{kw}】您的量房预约已确认：{date}。"],
    "telecom": ["【{kw}】您的宽带已安装完成，账号{order}。"],
}

# Legitimate e-mail: (kind, from display name, local part, domain, subjects, bodies)
LEGIT_MAIL = [
    dict(kind="bank", name="鹏城银行信用卡", local="e-bill", domain="pcbank.com.cn", unsub=False,
         subj=["鹏城银行信用卡电子账单（{month}月）", "您的{month}月信用卡账单"],
         body=["尊敬的{full}{title}：\n您好！您尾号{last4}的信用卡{month}月账单已出，本期应还金额{bill}元，最低还款额{minpay}元，到期还款日为{date}。\n请按时还款，以免影响您的信用记录。"]),
    dict(kind="work", name="{colleague}", local="{colleague_py}", domain="{workdomain}", unsub=False,
         subj=["周报", "Re: 项目进度", "会议纪要 {date}", "下周出差安排", "Fw: 报价单", "Q{n}预算"],
         body=["{full}：\n附件是本周的进度，麻烦看一下，有问题随时沟通。\n\n谢谢\n{colleague}",
               "各位好，\n\n今天会议结论如下：\n1. 方案按第二版推进；\n2. 下周三前提交测试报告；\n3. 预算待财务确认。\n\nFrom now on please put the project code in the subject line.\n\n{colleague}",
               "{full}你好，客户那边又提了几个修改意见，我整理在下面了，明天上午过一下？\n\n{colleague}"]),
    dict(kind="newsletter", name="阅读周刊", local="weekly", domain="yuedu-weekly.cn", unsub=True,
         subj=["阅读周刊第{n2}{n}期：本周值得读的{n}篇文章", "周末书单｜{n}本好书"],
         body=["本期导读：\n1. 城市里的慢生活\n2. 一位老编辑的书单\n3. 如何养成阅读习惯\n\n阅读全文：{url}"]),
    dict(kind="shop", name="云购商城", local="no-reply", domain="yungou-mall.com", unsub=False,
         subj=["您的订单{order}已发货", "订单{order}已签收", "订单{order}支付成功"],
         body=["亲爱的用户：\n您的订单{order}已由{express}发出，运单号{code}{code4}，预计{date}送达。\n查看物流：{url}"]),
    dict(kind="family", name="{relname}", local="{rel_py}", domain="example.net", unsub=False,
         subj=["照片", "过年安排", "转：体检注意事项", "宝宝的照片"],
         body=["上次拍的照片发你了，挑几张洗出来吧。", "过年我们初二回去，你们那边怎么安排？", "这个你看看，挺有用的。"]),
    dict(kind="travel", name="途游旅行", local="service", domain="tuyou-travel.cn", unsub=False,
         subj=["机票预订成功：{date}", "酒店订单确认"],
         body=["尊敬的{full}{title}，您的订单{order}已确认。\n行程：{date}，请提前2小时到达机场办理值机。"]),
]
WORK_DOMAINS = ["corp.example.cn", "mail.example-tech.cn", "example-group.cn"]

# ------------------------------------------------------------------ call log vocabulary
CALL_TYPE = {"in": "来电", "missed": "未接", "rejected": "拒接", "blocked": "已拦截", "out": "呼出"}
TAGS = {
    "property": ["房产中介", "房产中介", "广告推销"], "renovation": ["广告推销", "骚扰电话"],
    "insurance": ["保险理财", "广告推销"], "finance": ["保险理财", "广告推销", "骚扰电话"],
    "education": ["广告推销", "骚扰电话"], "automotive": ["广告推销", "骚扰电话"],
    "healthcare": ["广告推销", "骚扰电话"], "recruitment": ["招聘猎头", "广告推销"],
    "retail": ["广告推销"], "telecom": ["广告推销"], "fraud": ["诈骗电话", "诈骗电话", "骚扰电话"],
    "harassment": ["骚扰电话", "催收电话"], "courier": ["快递送餐"],
}
NOTES = {
    "property": ["卖房的", "中介，问我房子卖不卖", "又是问车位的", "中介，说我小区有人求购"],
    "renovation": ["装修公司", "问装修的，怎么知道我刚收房？", "建材团购"],
    "insurance": ["推销保险", "保险，说是少儿险", "车险续保推销"],
    "finance": ["贷款推销", "说是银行的，推贷款", "理财"],
    "education": ["早教推销", "留学机构", "学历提升"],
    "automotive": ["二手车收购", "卖车膜的", "4S店？推保养"],
    "healthcare": ["产后修复推销", "体检套餐", "医美"],
    "recruitment": ["猎头", "招聘的", "HR约面试"],
    "retail": ["推销会员卡", "健身房续卡"], "telecom": ["营业厅推套餐"],
    "fraud": ["诈骗！冒充公安", "骗子", "说快递丢了，骗子", "别接"],
    "harassment": ["催收，找的不是我", "催收"], "legit": ["快递", "外卖", "物业", "修热水器的"],
}

# readable_date as SMS Backup & Restore writes it on a Chinese phone
def readable_date(dt):
    h = dt.hour
    ampm = "上午" if h < 12 else "下午"
    h12 = h % 12 or 12
    return f"{dt.year}年{dt.month}月{dt.day}日 {ampm}{h12}:{dt.minute:02d}:{dt.second:02d}"


WEEKDAYS = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"]


def fmt_day(rng, today, target):
    """A date as marketers write it relative to `today` (both datetime.date)."""
    same_week = target.isocalendar()[:2] == today.isocalendar()[:2]
    forms = [f"{target.month}月{target.day}日", f"{target.month}月{target.day}日（{WEEKDAYS[target.weekday()]}）"]
    if same_week and target.weekday() >= 5:
        forms.append("本" + WEEKDAYS[target.weekday()])
        forms.append("这个周末")
    if (target - today).days <= 1:
        forms.append("明天")
    return rng.choice(forms)


def fmt_date(d):
    return f"{d.month}月{d.day}日"


# Per-family metadata, parallel to FAM[category]: (kinds of disclosure the
# family fits, or None for any; brands that send it, or None for BRANDS[cat]).
def _B(*xs):
    return list(xs)


FAM_META = {
    "property": [(None, None)] * 6,
    "renovation": [
        (None, _B(("匠心装饰", "jiangxin"), ("雅居装饰", "yajuzs"), ("筑家装饰", "zhujia"))),
        (None, _B(("匠心装饰", "jiangxin"), ("雅居装饰", "yajuzs"), ("筑家装饰", "zhujia"))),
        (None, _B(("东方建材团购", "dfjc"), ("家装联盟", "jzlm"))),
        (None, _B(("美宅全屋定制", "meizhai"), ("尚品定制", "shangpin"))),
        (None, _B(("绿居环保除醛", "lvju"), ("净美环保", "jingmei"))),
        (None, _B(("安居防水补漏", "anjufs"), ("智家体验馆", "zhijia"))),
    ],
    "insurance": [(["healthcare"], None), (["automotive", "insurance"], None),
                  (["property", "renovation", "insurance"], None), (None, None), (None, None), (None, None)],
    "finance": [
        (None, _B(("惠民消费金融", "huimin"), ("易贷通", "yidaitong"))),
        (["property"], _B(("鑫融担保", "xinrong"), ("金桥小贷", "jinqiao"))),
        (["automotive"], _B(("易贷通", "yidaitong"), ("金桥小贷", "jinqiao"), ("车贷通", "chedaitong"))),
        (None, _B(("华信银行", "hxbank"), ("东海银行", "donghaibank"), ("瑞通银行", "ruitongbank"))),
        (None, _B(("财富快车", "caifukc"), ("鑫融担保", "xinrong"))),
        (["healthcare", "retail", "education", "insurance"], _B(("财富快车", "caifukc"), ("银信金融", "yinxin"))),
    ],
    "education": [
        (["healthcare", "retail"], _B(("小橡树早教", "xiaoxiangshu"), ("爱贝早教", "aibei"))),
        (["healthcare", "education", "retail"], _B(("启智少儿英语", "qizhi"),)),
        (["recruitment", "education"], _B(("博学教育", "boxue"), ("优学在线", "youxue"))),
        (["education"], _B(("远航留学", "yuanhang"), ("启程留学", "qicheng"))),
        (["recruitment", "education"], _B(("优学在线", "youxue"), ("博学教育", "boxue"))),
        (["healthcare"], _B(("阳光托育", "ygtuoyu"), ("小橡树托育", "xiaoxiangshu"))),
    ],
    "automotive": [
        (None, _B(("星途汽车4S店", "xingtu"), ("驰骋汽车服务", "chicheng"))),
        (None, _B(("星途汽车", "xingtu"),)),
        (None, _B(("车易达二手车", "cheyida"),)),
        (None, _B(("车享汽车美容", "chexiang"),)),
        (None, _B(("星途汽车", "xingtu"), ("驰骋汽车服务", "chicheng"))),
        (None, _B(("顺安车务", "shunan"),)),
    ],
    "healthcare": [
        (["healthcare"], _B(("美思产后修复", "meisi"),)),
        (None, _B(("康宁体检", "kangning"),)),
        (["retail"], _B(("伊美医疗美容", "yimei"),)),
        (None, _B(("健之源", "jianzhiyuan"),)),
        (None, _B(("贝安口腔", "beian"),)),
        (["healthcare"], _B(("悦月月子会所", "yueyue"), ("美思产后修复", "meisi"))),
    ],
    "recruitment": [
        (None, _B(("聘优猎头", "pinyou"), ("鼎新猎头", "dingxin"), ("锐仕人才", "ruishi"))),
        (None, _B(("卓聘网", "zhuopin"),)),
        (None, _B(("安和人寿", "anhelife"), ("华鑫人寿", "huaxinlife"))),
        (None, _B(("汇才人力资源", "huicai"), ("锐仕人才", "ruishi"))),
        (None, _B(("汇才人力资源", "huicai"),)),
        (None, _B(("汇才人力资源", "huicai"), ("乐聘兼职", "lepin"))),
    ],
    "retail": [
        (None, _B(("佳品汇", "jiapinhui"), ("云购商城", "yungou"))),
        (["healthcare"], _B(("乐童母婴", "letong"), ("宝贝家", "baobeijia"))),
        (["retail"], _B(("悦动健身", "yuedong"),)),
        (None, _B(("云购商城", "yungou"), ("佳品汇", "jiapinhui"))),
        (None, _B(("佳品汇", "jiapinhui"), ("云购商城", "yungou"))),
        (["healthcare"], _B(("童画儿童摄影", "tonghua"),)),
    ],
    "telecom": [
        (None, _B(("通信业务代理", "txdl"),)), (None, _B(("通信业务代理", "txdl"),)),
        (None, _B(("极速宽带", "jisukd"), ("城市光网", "guangwang"))), (None, _B(("靓号网", "lianghao"),)),
        (None, _B(("通信业务代理", "txdl"),)), (None, _B(("城市光网", "guangwang"),)),
    ],
}
