//! Life topics: what a dealing was about, read from the words the user wrote
//! in a disclosure (its source, notes and keywords), and what a campaign is
//! about, read from its texts. A maternity hospital and a gym are both
//! `healthcare` dealings, but baby-formula offers follow only the first; a
//! car dealer and an insurance-quote site both draw insurance calls, but
//! "your new car's policy" follows only the dealer.
//!
//! The topic is finer than the category affinity ([`super::affinity`]) and
//! only ever adds evidence for a disclosure whose own words share a topic
//! with the campaign; a disclosure without topic words is left as it was.
//! The word lists are judgement, written down so they can be argued with.

use super::disclosures::Disclosure;
use super::score::contains_term;
use crate::category::Category;

/// One life topic: its id, English and Chinese names, the words that place a
/// disclosure in it, and the words that place a campaign's texts in it. All
/// lower-case; ASCII words match whole words only.
pub struct Topic {
    /// A stable id.
    pub id: &'static str,
    /// Its name in English.
    pub en: &'static str,
    /// Its name in Chinese.
    pub zh: &'static str,
    /// Words in a disclosure's source, notes or keywords.
    pub dealing: &'static [&'static str],
    /// Words in a campaign's texts.
    pub campaign: &'static [&'static str],
    /// Campaign categories whose texts are about this topic anyway (a
    /// recruitment campaign talks about jobs whoever leaked the number): for
    /// them the topic is no evidence.
    pub implied_by: &'static [Category],
}

/// The topics.
pub const TOPICS: &[Topic] = &[
    Topic {
        id: "birth",
        en: "a birth or a baby",
        zh: "生育或婴儿",
        dealing: &[
            "妇产",
            "妇幼",
            "产科",
            "月子",
            "产检",
            "分娩",
            "新生儿",
            "母婴",
            "产房",
            "生孩子",
            "宝宝",
            "婴儿",
            "孕",
            "maternity",
            "women's",
            "womens",
            "obstetric",
            "obstetrics",
            "birth",
            "delivered",
            "newborn",
            "baby",
            "prenatal",
            "antenatal",
            "midwife",
            "pregnancy",
            "labour",
            "labor and delivery",
            "nicu",
        ],
        campaign: &[
            "宝宝",
            "婴儿",
            "新生儿",
            "奶粉",
            "早教",
            "月子",
            "产后",
            "母婴",
            "满月",
            "百天",
            "纸尿裤",
            "宝妈",
            "孕",
            "脐带血",
            "亲子",
            "儿童照",
            "胎毛",
            "baby",
            "babies",
            "infant",
            "infants",
            "newborn",
            "newborns",
            "formula",
            "toddler",
            "toddlers",
            "diaper",
            "diapers",
            "nappies",
            "nappy",
            "postpartum",
            "new mom",
            "new mum",
            "new parents",
            "maternity",
            "stroller",
            "pram",
            "cord blood",
            "milestone",
            "little one",
            "nursery",
        ],
        implied_by: &[],
    },
    Topic {
        id: "child",
        en: "a child",
        zh: "孩子",
        dealing: &[
            "少儿",
            "儿童",
            "幼儿",
            "幼儿园",
            "小学",
            "孩子",
            "早教",
            "亲子",
            "托育",
            "妇产",
            "妇幼",
            "产科",
            "kids",
            "kid's",
            "children",
            "children's",
            "child",
            "junior",
            "toddler",
            "preschool",
            "daycare",
            "nursery",
            "maternity",
            "pediatric",
            "paediatric",
        ],
        campaign: &[
            "少儿",
            "儿童",
            "孩子",
            "宝宝",
            "学生",
            "幼儿",
            "小朋友",
            "家长",
            "kids",
            "child",
            "children",
            "your child",
            "student",
            "students",
            "parents",
            "junior",
            "toddler",
        ],
        implied_by: &[Category::Education],
    },
    Topic {
        id: "home",
        en: "a home",
        zh: "房屋",
        dealing: &[
            "售楼",
            "楼盘",
            "置业",
            "地产",
            "房产",
            "购房",
            "买房",
            "新房",
            "二手房",
            "房屋",
            "公寓",
            "小区",
            "物业",
            "realty",
            "realtor",
            "real estate",
            "homes",
            "property",
            "apartment",
            "apartments",
            "condo",
            "condos",
            "house",
            "flat",
            "open house",
            "home builder",
            "mortgage",
            "closing",
        ],
        campaign: &[
            "业主",
            "新房",
            "装修",
            "家装",
            "收房",
            "交房",
            "全屋定制",
            "房源",
            "楼盘",
            "户型",
            "房贷",
            "家具",
            "homeowner",
            "homeowners",
            "new home",
            "your home",
            "remodel",
            "renovation",
            "kitchen",
            "roof",
            "roofing",
            "mortgage",
            "realtor",
            "listing",
            "move-in",
            "movers",
            "moving",
        ],
        implied_by: &[Category::Property, Category::Renovation],
    },
    Topic {
        id: "car",
        en: "a car",
        zh: "汽车",
        dealing: &[
            "4s",
            "汽车",
            "试驾",
            "购车",
            "车行",
            "车主",
            "新车",
            "二手车",
            "dealer",
            "dealership",
            "motors",
            "auto",
            "autos",
            "car",
            "cars",
            "vehicle",
            "test drive",
            "toyota",
            "honda",
            "ford",
            "chevrolet",
            "nissan",
            "bmw",
            "kia",
            "hyundai",
        ],
        campaign: &[
            "车险",
            "车贷",
            "二手车",
            "置换",
            "车主",
            "爱车",
            "保养",
            "新车",
            "年检",
            "4s",
            "vehicle",
            "car",
            "auto",
            "warranty",
            "trade-in",
            "your ride",
            "test drive",
            "oil change",
            "tires",
            "tyres",
            "mot",
            "dealership",
        ],
        implied_by: &[Category::Automotive],
    },
    Topic {
        id: "job",
        en: "a job search",
        zh: "求职",
        dealing: &[
            "招聘",
            "简历",
            "求职",
            "人才",
            "直聘",
            "猎聘",
            "职",
            "job",
            "jobs",
            "career",
            "careers",
            "talent",
            "resume",
            "cv",
            "hiring",
            "recruit",
            "recruiting",
            "recruitment",
            "staffing",
        ],
        campaign: &[
            "岗位",
            "面试",
            "兼职",
            "猎头",
            "简历",
            "招聘",
            "薪",
            "job",
            "jobs",
            "interview",
            "role",
            "position",
            "resume",
            "cv",
            "recruiter",
            "hiring",
            "salary",
            "vacancy",
            "candidate",
        ],
        implied_by: &[Category::Recruitment, Category::Fraud],
    },
    Topic {
        id: "fitness",
        en: "fitness",
        zh: "健身",
        dealing: &["健身", "瑜伽", "私教", "gym", "fitness", "yoga", "pilates", "crossfit"],
        campaign: &[
            "健身",
            "减脂",
            "减肥",
            "私教",
            "蛋白粉",
            "代餐",
            "增肌",
            "gym",
            "fitness",
            "workout",
            "workouts",
            "protein",
            "whey",
            "supplement",
            "supplements",
            "weight loss",
            "trainer",
            "pre-workout",
            "muscle",
        ],
        implied_by: &[],
    },
    Topic {
        id: "study",
        en: "schooling or a course",
        zh: "学习或课程",
        dealing: &[
            "学校",
            "幼儿园",
            "培训",
            "辅导",
            "补习",
            "课程",
            "教育",
            "学堂",
            "tutoring",
            "school",
            "academy",
            "learning",
            "tutor",
            "course",
            "kindergarten",
            "college",
            "university",
            "preschool",
            "enrolment",
            "enrollment",
        ],
        campaign: &[
            "试听",
            "辅导",
            "补习",
            "课程",
            "学员",
            "家长",
            "升学",
            "学历",
            "考证",
            "tutoring",
            "tutor",
            "lesson",
            "lessons",
            "class",
            "classes",
            "course",
            "courses",
            "enrol",
            "enroll",
            "student",
            "students",
            "exam",
            "certificate",
            "certification",
        ],
        implied_by: &[Category::Education],
    },
    Topic {
        id: "loan",
        en: "credit or a loan",
        zh: "借贷",
        dealing: &[
            "贷款",
            "银行",
            "信用卡",
            "借款",
            "网贷",
            "分期",
            "loan",
            "loans",
            "lender",
            "credit",
            "bank",
            "lending",
        ],
        campaign: &[
            "额度",
            "贷款",
            "下款",
            "借款",
            "信用卡",
            "分期",
            "征信",
            "loan",
            "loans",
            "credit",
            "refinance",
            "debt",
            "lender",
            "apr",
            "pre-approved",
            "preapproved",
        ],
        implied_by: &[Category::Finance, Category::Fraud],
    },
    Topic {
        id: "travel",
        en: "travel",
        zh: "出行",
        dealing: &[
            "酒店",
            "机票",
            "旅行社",
            "航空",
            "旅游",
            "hotel",
            "airline",
            "travel",
            "resort",
            "cruise",
            "booking",
        ],
        campaign: &[
            "旅游",
            "机票",
            "酒店",
            "度假",
            "travel",
            "vacation",
            "flight",
            "flights",
            "hotel",
            "resort",
            "timeshare",
            "cruise",
        ],
        implied_by: &[],
    },
];

/// The topics a disclosure's own words put it in.
pub fn of_disclosure(x: &Disclosure) -> Vec<&'static Topic> {
    let mut hay = x.source.to_lowercase();
    for k in &x.keywords {
        hay.push(' ');
        hay.push_str(&k.to_lowercase());
    }
    if let Some(n) = &x.notes {
        hay.push(' ');
        hay.push_str(&n.to_lowercase());
    }
    TOPICS.iter().filter(|t| t.dealing.iter().any(|w| contains_term(&hay, w))).collect()
}

/// The topics a campaign of `category` with lower-case texts `hay` is
/// about, beyond what its category implies: at least [`MIN_TOPIC_WORDS`]
/// different words of the topic appear, so that one passing mention ("a
/// safe home for your family") does not make a topic.
pub fn of_campaign(hay: &str, category: Option<Category>) -> Vec<&'static Topic> {
    TOPICS
        .iter()
        .filter(|t| category.is_none_or(|c| !t.implied_by.contains(&c)))
        .filter(|t| t.campaign.iter().filter(|w| contains_term(hay, w)).count() >= MIN_TOPIC_WORDS)
        .collect()
}

/// Different topic words a campaign's texts must hold.
pub const MIN_TOPIC_WORDS: usize = 2;

#[cfg(test)]
mod tests {
    use super::*;

    fn disclosure(source: &str, notes: Option<&str>) -> Disclosure {
        Disclosure {
            source: source.into(),
            date: chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap_or_default(),
            time: None,
            kind: None,
            phones: vec![],
            emails: vec![],
            names: vec![],
            keywords: vec![],
            notes: notes.map(str::to_string),
            line: None,
            no_phones: false,
            no_emails: false,
        }
    }

    fn ids(v: &[&Topic]) -> Vec<&'static str> {
        v.iter().map(|t| t.id).collect()
    }

    #[test]
    fn dealings_by_their_words() {
        let h = disclosure("St. Brigid Women's Hospital", Some("delivered here"));
        assert_eq!(ids(&of_disclosure(&h)), ["birth"]);
        assert_eq!(ids(&of_disclosure(&disclosure("乐思少儿英语试听", None))), ["child"]);
        assert_eq!(ids(&of_disclosure(&disclosure("IronWorks Fitness", None))), ["fitness"]);
        assert_eq!(ids(&of_disclosure(&disclosure("慈佑妇产医院", None))), ["birth", "child"]);
        assert!(of_disclosure(&disclosure("Acme Ltd", None)).is_empty());
    }

    #[test]
    fn campaigns_need_two_words() {
        let formula = "purepeak: baby formula 20% off, free diapers with every order";
        assert_eq!(ids(&of_campaign(formula, Some(Category::Retail))), ["birth"]);
        let whey = "whey protein buy 2 get 1, fuel your workouts";
        assert_eq!(ids(&of_campaign(whey, None)), ["fitness"]);
        assert!(of_campaign("a safe home for your family", None).is_empty());
        assert_eq!(ids(&of_campaign("宝宝满月照套餐，百天照8折", None)), ["birth"]);
    }

    #[test]
    fn a_category_that_implies_the_topic_is_no_evidence() {
        let scam = "刷单兼职日结300，岗位多，加微信";
        assert_eq!(ids(&of_campaign(scam, None)), ["job"]);
        assert!(of_campaign(scam, Some(Category::Fraud)).is_empty());
        assert!(of_campaign(scam, Some(Category::Recruitment)).is_empty());
    }
}
