//! The labels phones and caller-ID apps show for a number (号码标记: 360,
//! Tencent, Sogou and carriers in China; "Scam Likely", "Spam Risk" in the
//! US and UK). They come from a small, well-known vocabulary crowdsourced by
//! millions of users, so they are read by this table rather than learnt
//! (no labelled call log with tags exists to learn from).

use crate::category::Category;

/// How strongly a recognised tag speaks for its categories (a likelihood ratio).
pub const TAG_LR: f64 = 30.0;

/// What a tag points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TagMeaning {
    /// One or a few categories.
    Categories(&'static [Category]),
    /// Someone unsolicited, of no particular category (广告推销, Spam Risk).
    Unsolicited,
}

use Category::*;

/// Tag words and what they mean, most specific first: a tag is matched by
/// the first entry any of whose words it contains.
const TAGS: &[(&[&str], TagMeaning)] = &[
    (
        &["诈骗", "违法", "犯罪", "scam", "fraud", "响一声", "钓鱼"],
        TagMeaning::Categories(&[Fraud]),
    ),
    (&["催收", "催债", "debt collect"], TagMeaning::Categories(&[Harassment])),
    (
        &["房产", "中介", "房屋", "地产", "real estate", "realtor"],
        TagMeaning::Categories(&[Property]),
    ),
    (&["装修", "家装", "建材", "renovation", "remodel"], TagMeaning::Categories(&[Renovation])),
    (&["保险理财"], TagMeaning::Categories(&[Insurance, Finance])),
    (&["保险", "insurance"], TagMeaning::Categories(&[Insurance])),
    (
        &["贷款", "理财", "信用卡", "金融", "股票", "loan", "credit", "debt"],
        TagMeaning::Categories(&[Finance]),
    ),
    (&["教育", "培训", "早教", "留学", "education", "tutor"], TagMeaning::Categories(&[Education])),
    (
        &["汽车", "4s", "车险", "auto", "car dealer", "vehicle"],
        TagMeaning::Categories(&[Automotive]),
    ),
    (
        &["医疗", "医院", "医美", "整形", "health", "medical", "clinic"],
        TagMeaning::Categories(&[Healthcare]),
    ),
    (&["招聘", "猎头", "recruit", "headhunt", "job"], TagMeaning::Categories(&[Recruitment])),
    (
        &[
            "快递",
            "外卖",
            "送餐",
            "出租",
            "网约车",
            "客服",
            "公共服务",
            "银行",
            "政府",
            "delivery",
            "courier",
            "taxi",
            "customer service",
            "doctor",
            "school",
        ],
        TagMeaning::Categories(&[Legit]),
    ),
    (
        &["推销", "营销", "广告", "骚扰", "spam", "telemarket", "nuisance", "robocall", "sales"],
        TagMeaning::Unsolicited,
    ),
];

/// The meaning of a tag, if it is one of the known ones.
pub fn meaning(tag: &str) -> Option<TagMeaning> {
    let t = tag.trim().to_lowercase();
    if t.is_empty() {
        return None;
    }
    TAGS.iter().find(|(words, _)| words.iter().any(|w| t.contains(w))).map(|(_, m)| *m)
}

/// Log-likelihood ratios to add per category (in [`Category::ALL`] order) for `tag`.
pub fn log_ratios(tag: &str) -> Option<[f64; 13]> {
    let m = meaning(tag)?;
    let mut out = [0.0; 13];
    let lr = TAG_LR.ln();
    match m {
        TagMeaning::Categories(cs) => {
            for c in cs {
                out[c.index()] = lr;
            }
        }
        TagMeaning::Unsolicited => {
            for c in Category::ALL.iter().filter(|c| c.is_unsolicited() && **c != Fraud) {
                out[c.index()] = lr;
            }
            out[Fraud.index()] = lr / 2.0;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_tags_are_read() {
        assert_eq!(meaning("房产中介"), Some(TagMeaning::Categories(&[Property])));
        assert_eq!(meaning("诈骗电话"), Some(TagMeaning::Categories(&[Fraud])));
        assert_eq!(meaning("快递送餐"), Some(TagMeaning::Categories(&[Legit])));
        assert_eq!(meaning("广告推销"), Some(TagMeaning::Unsolicited));
        assert_eq!(meaning("Scam Likely"), Some(TagMeaning::Categories(&[Fraud])));
        assert_eq!(meaning("Spam Risk"), Some(TagMeaning::Unsolicited));
        assert_eq!(meaning("保险理财"), Some(TagMeaning::Categories(&[Insurance, Finance])));
        assert_eq!(meaning("被标记1203次"), None);
        assert_eq!(meaning(""), None);
    }

    #[test]
    fn unsolicited_tags_never_favour_legit() {
        let r = log_ratios("骚扰电话").unwrap();
        assert_eq!(r[Legit.index()], 0.0);
        assert!(r[Property.index()] > 0.0);
    }
}
