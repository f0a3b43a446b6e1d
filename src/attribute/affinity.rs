//! Which categories of unsolicited contact typically follow a dealing of a
//! given kind: the affinity table, as data.
//!
//! Each row reads "after a dealing of kind K, contacts of category C are
//! typical, with weight w in (0, 1]". The weights are judgement, written down
//! so they can be argued with:
//!
//! | kind | typical follow-up contacts |
//! |---|---|
//! | property (a flat purchase) | property, renovation 1.0; finance (mortgages) 0.7; insurance 0.5 |
//! | renovation | renovation 1.0; property 0.5; retail (furniture, appliances) 0.4; finance 0.3 |
//! | healthcare (e.g. a hospital birth) | healthcare 1.0; education (early education) 0.8; retail (baby products) 0.7; insurance (child insurance) 0.7 |
//! | recruitment (a job site) | recruitment 1.0; fraud (job scams) 0.7; education (training) 0.4 |
//! | automotive (a car purchase) | automotive 1.0; insurance 0.8; finance 0.7 |
//! | education | education 1.0; insurance (student and child cover) 0.5; recruitment (careers services, employers at fairs) 0.4; finance (study loans) 0.3 |
//! | finance (a loan, a card) | finance 1.0; insurance 0.6; harassment (collection) 0.4; fraud 0.3 |
//! | insurance | insurance 1.0; finance 0.6 |
//! | retail (a shop, a membership) | retail 1.0; healthcare (supplements, gyms, clinics of partner brands) 0.4; finance (store cards) 0.3 |
//! | telecom (a carrier shop) | telecom 1.0; finance 0.3 |
//! | fraud, harassment, legit | themselves only |
//!
//! Fraud counts as following a dealing only when its text is about that
//! dealing ([`fits_topic`]): a job scam after a job site, a loan scam after a
//! loan application; fake parcels and impersonated officials go to everyone.

use crate::category::Category;

use Category::*;

/// The affinity table: `(kind, [(category, weight)])`.
pub const AFFINITY: &[(Category, &[(Category, f64)])] = &[
    (Property, &[(Property, 1.0), (Renovation, 1.0), (Finance, 0.7), (Insurance, 0.5)]),
    (Renovation, &[(Renovation, 1.0), (Property, 0.5), (Retail, 0.4), (Finance, 0.3)]),
    (Healthcare, &[(Healthcare, 1.0), (Education, 0.8), (Retail, 0.7), (Insurance, 0.7)]),
    (Recruitment, &[(Recruitment, 1.0), (Fraud, 0.7), (Education, 0.4)]),
    (Automotive, &[(Automotive, 1.0), (Insurance, 0.8), (Finance, 0.7)]),
    (Education, &[(Education, 1.0), (Insurance, 0.5), (Recruitment, 0.4), (Finance, 0.3)]),
    (Finance, &[(Finance, 1.0), (Insurance, 0.6), (Harassment, 0.4), (Fraud, 0.3)]),
    (Insurance, &[(Insurance, 1.0), (Finance, 0.6)]),
    (Retail, &[(Retail, 1.0), (Healthcare, 0.4), (Finance, 0.3)]),
    (Telecom, &[(Telecom, 1.0), (Finance, 0.3)]),
    (Fraud, &[(Fraud, 1.0)]),
    (Harassment, &[(Harassment, 1.0)]),
    (Legit, &[(Legit, 1.0)]),
];

/// The weight of `category` after a dealing of `kind`, 0 when not typical.
///
/// ```
/// use leaktrace::{Category, attribute::affinity::affinity};
/// assert_eq!(affinity(Category::Property, Category::Renovation), 1.0);
/// assert_eq!(affinity(Category::Property, Category::Education), 0.0);
/// ```
pub fn affinity(kind: Category, category: Category) -> f64 {
    AFFINITY
        .iter()
        .find(|(k, _)| *k == kind)
        .and_then(|(_, row)| row.iter().find(|(c, _)| *c == category))
        .map_or(0.0, |(_, w)| *w)
}

/// Words that make a fraud text about a dealing of a kind: job scams follow
/// a job site, loan scams a loan application. Other fraud (fake parcels,
/// impersonated officials) goes to everyone and follows nothing.
pub const FRAUD_TOPICS: &[(Category, &[&str])] = &[
    (
        Recruitment,
        &[
            "兼职",
            "招聘",
            "简历",
            "岗位",
            "面试",
            "入职",
            "录用",
            "求职",
            "找工作",
            "月薪",
            "日结",
            "薪资",
            "工资",
            "工牌",
            "点赞员",
            "job",
            "jobs",
            "hiring",
            "cv",
            "resume",
            "interview",
            "vacancy",
            "vacancies",
            "recruiter",
            "recruiting",
            "salary",
            "payroll",
            "onboarding",
            "part-time",
            "employment",
        ],
    ),
    (
        Finance,
        &[
            "贷款",
            "下款",
            "放款",
            "网贷",
            "额度",
            "征信",
            "loan",
            "loans",
            "lender",
            "credit score",
        ],
    ),
];

/// True when `hay` (lower-case text) is about a dealing of `kind` in the
/// sense of [`FRAUD_TOPICS`].
///
/// ```
/// use leaktrace::{Category, attribute::affinity::fits_topic};
/// assert!(fits_topic(Category::Recruitment, "在家兼职，日结300元"));
/// assert!(!fits_topic(Category::Recruitment, "您的快递丢失，理赔请加微信"));
/// ```
pub fn fits_topic(kind: Category, hay: &str) -> bool {
    FRAUD_TOPICS
        .iter()
        .find(|(k, _)| *k == kind)
        .is_some_and(|(_, words)| words.iter().any(|w| super::score::contains_term(hay, w)))
}

/// The categories typical after `kind` with weight at least `min`, strongest first.
pub fn typical(kind: Category, min: f64) -> Vec<Category> {
    AFFINITY
        .iter()
        .find(|(k, _)| *k == kind)
        .map(|(_, row)| row.iter().filter(|(_, w)| *w >= min).map(|(c, _)| *c).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_a_row_with_itself() {
        for k in Category::ALL {
            assert_eq!(affinity(k, k), 1.0, "{k}");
        }
        assert_eq!(affinity(Healthcare, Education), 0.8);
        assert_eq!(typical(Property, 0.7), vec![Property, Renovation, Finance]);
    }
}
