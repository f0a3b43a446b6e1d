//! Why a hypothesis (a disclosure, or "unknown") scored as it did: the
//! machine-readable [`Reason`] and its sentence in English or Chinese.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::campaign::Lang;
use crate::category::Category;

/// One piece of evidence for or against one hypothesis.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum Reason {
    /// The standing weight of "a source not on the list" (a bought list, a breach).
    UnknownPrior,
    /// The user listed no disclosures.
    NoDisclosures,
    /// (Unknown hypothesis) other campaigns like this one began away from
    /// every disclosure that could explain them: unrelated ones are common.
    Background {
        /// Such campaigns seen.
        campaigns: usize,
        /// Unrelated campaigns like it expected over the records.
        expected: f64,
    },
    /// The campaign began before every disclosure.
    BeganBeforeAllDisclosures,
    /// Every event of the campaign is one the classifier was unsure of (bare
    /// calls, mostly): grouped, but not enough to name a source.
    OnlyUnsureEvents {
        /// The campaign's events.
        events: usize,
    },
    /// Other campaigns point at this source, so it likely leaked and its
    /// list is out.
    OtherCampaigns {
        /// The likelihood ratio used.
        likelihood_ratio: f64,
    },
    /// Most of the campaign was signed or sent by a listed source itself (its
    /// own notices or offers): first-party contact, not a leak.
    FirstParty {
        /// The source that signed it.
        source: String,
    },
    /// Most of the campaign came from senders the person deals with (their
    /// carrier, their bank, senders of genuine messages), who have the
    /// details through that dealing.
    RelationshipSender {
        /// Events from such senders.
        events: usize,
    },
    /// The campaign reached an identifier this source had and some others did not.
    IdentifierOnlyHere {
        /// The phone number or address.
        identifier: String,
        /// How many listed sources had it.
        holders: usize,
    },
    /// The campaign reached an identifier this source never had.
    IdentifierNotHere {
        /// The phone number or address.
        identifier: String,
    },
    /// The campaign reached one of the user's identifiers, of a kind this
    /// source's record lists none of (probably not given).
    IdentifierKindNotListed {
        /// The phone number or address.
        identifier: String,
    },
    /// (Unknown hypothesis) the identifier drew unsolicited contact before
    /// any listed source had it, so others had it too.
    IdentifierExposed {
        /// The phone number or address.
        identifier: String,
        /// The first such contact (UTC date).
        first_contact: NaiveDate,
    },
    /// (Unknown hypothesis) the campaign reached an identifier given only to listed sources.
    IdentifierOnlyListed {
        /// The phone number or address.
        identifier: String,
    },
    /// The campaign reached one of the user's identifiers that no listed source had.
    IdentifierNoSource {
        /// The phone number or address.
        identifier: String,
    },
    /// The campaign used a spelling of the name this source was given (and
    /// not every spelling is known to every hypothesis).
    NameOnlyHere {
        /// The spelling.
        name: String,
    },
    /// The campaign used a spelling of the name this source never had.
    NameNotHere {
        /// The spelling.
        name: String,
    },
    /// (Unknown hypothesis) the campaign used a spelling given only to listed sources.
    NameOnlyListed {
        /// The spelling.
        name: String,
    },
    /// The campaign's text names one of this source's keywords.
    Keyword {
        /// The keyword.
        keyword: String,
    },
    /// The campaign's text names the source itself.
    SourceNamed {
        /// The name as found.
        name: String,
    },
    /// The disclosure was made after the campaign's first contact (beyond a day's tolerance).
    DisclosedAfterFirstContact {
        /// The disclosure date.
        disclosed: NaiveDate,
        /// The campaign's first contact (UTC date).
        first_seen: NaiveDate,
    },
    /// How soon after the disclosure the campaign began, and what that weighs.
    Onset {
        /// Days from disclosure to first contact.
        days: i64,
        /// The likelihood ratio against "not from this source".
        likelihood_ratio: f64,
    },
    /// The disclosure predates the records, so the onset cannot be seen.
    DisclosedBeforeRecords,
    /// The campaign's category is typical after a dealing of this kind.
    Affinity {
        /// The disclosure's kind.
        kind: Category,
        /// The campaign's category.
        category: Category,
        /// The likelihood ratio used.
        likelihood_ratio: f64,
    },
    /// The campaign's texts are about the life topic this dealing was about
    /// (baby offers after a maternity hospital).
    Topic {
        /// The topic's id ([`super::topic::TOPICS`]).
        topic: String,
        /// The likelihood ratio used.
        likelihood_ratio: f64,
    },
    /// The campaign's category is not typical after a dealing of this kind.
    AffinityMismatch {
        /// The disclosure's kind.
        kind: Category,
        /// The campaign's category.
        category: Category,
    },
}

fn cat(c: Category, lang: Lang) -> &'static str {
    match lang {
        Lang::En => c.name_en(),
        Lang::Zh => c.name_zh(),
    }
}

impl Reason {
    /// True for evidence that points at one source specifically (identifier,
    /// name spelling, keyword, source name).
    pub fn is_specific(&self) -> bool {
        matches!(
            self,
            Reason::IdentifierOnlyHere { .. }
                | Reason::NameOnlyHere { .. }
                | Reason::Keyword { .. }
                | Reason::SourceNamed { .. }
        )
    }

    /// The reason as one sentence in `lang`.
    ///
    /// ```
    /// use leaktrace::attribute::Reason;
    /// use leaktrace::campaign::Lang;
    /// let r = Reason::NameOnlyHere { name: "张炜".into() };
    /// assert_eq!(r.text(Lang::En), "addressed the user as 张炜, a spelling this source was given");
    /// ```
    pub fn text(&self, lang: Lang) -> String {
        use Lang::{En, Zh};
        match (self, lang) {
            (Reason::UnknownPrior, En) => {
                "a source not on the list (a resold list, a breach) is always possible".into()
            }
            (Reason::UnknownPrior, Zh) => "始终可能来自清单之外的来源（转卖名单、数据泄露）".into(),
            (Reason::NoDisclosures, En) => "no disclosures were listed".into(),
            (Reason::NoDisclosures, Zh) => "未登记任何信息提供记录".into(),
            (Reason::Background { campaigns, expected }, En) => format!(
                "{campaigns} other campaigns like this one began away from any disclosure that explains them (about {expected:.1} unrelated ones expected)"
            ),
            (Reason::Background { campaigns, expected }, Zh) => format!(
                "另有 {campaigns} 批同类联系开始于任何登记来源都解释不了的时间（预计约 {expected:.1} 批无关联系）"
            ),
            (Reason::BeganBeforeAllDisclosures, En) => {
                "the campaign began before every listed disclosure".into()
            }
            (Reason::BeganBeforeAllDisclosures, Zh) => "该批次早于所有登记的信息提供时间".into(),
            (Reason::OnlyUnsureEvents { events }, En) => format!(
                "all {events} contacts are ones the classifier was unsure of, too little to name a source"
            ),
            (Reason::OnlyUnsureEvents { events }, Zh) => {
                format!("全部 {events} 次联系都无法可靠分类，不足以归因")
            }
            (Reason::OtherCampaigns { likelihood_ratio }, En) => format!(
                "other campaigns point at this source, so its list is likely out ({likelihood_ratio:.1}×)"
            ),
            (Reason::OtherCampaigns { likelihood_ratio }, Zh) => {
                format!("其他批次的联系也指向该来源，其名单很可能已外泄（{likelihood_ratio:.1}×）")
            }
            (Reason::FirstParty { source }, En) => {
                format!("the messages are signed by {source} itself: its own contact, not a leak")
            }
            (Reason::FirstParty { source }, Zh) => {
                format!("消息由{source}自己署名发出：是其本身的联系，不是泄露")
            }
            (Reason::RelationshipSender { events }, En) => format!(
                "{events} contacts came from senders the user deals with (carrier, bank, genuine messages), who have the details anyway"
            ),
            (Reason::RelationshipSender { events }, Zh) => format!(
                "{events} 次联系来自用户本来就有往来的号码（运营商、银行、发过正常通知的号码），它们本就掌握这些信息"
            ),
            (Reason::IdentifierOnlyHere { identifier, holders }, En) => {
                if *holders == 1 {
                    format!("reached {identifier}, which only this source had")
                } else {
                    format!("reached {identifier}, which only {holders} listed sources had")
                }
            }
            (Reason::IdentifierOnlyHere { identifier, holders }, Zh) => {
                if *holders == 1 {
                    format!("联系了 {identifier}，只有该来源知道它")
                } else {
                    format!("联系了 {identifier}，只有 {holders} 个登记来源知道它")
                }
            }
            (Reason::IdentifierNotHere { identifier }, En) => {
                format!("reached {identifier}, which this source never had")
            }
            (Reason::IdentifierNotHere { identifier }, Zh) => {
                format!("联系了 {identifier}，该来源并不知道它")
            }
            (Reason::IdentifierKindNotListed { identifier }, En) => {
                format!("reached {identifier}; this source's record lists none of that kind")
            }
            (Reason::IdentifierKindNotListed { identifier }, Zh) => {
                format!("联系了 {identifier}，该来源的记录里没有这类联系方式")
            }
            (Reason::IdentifierExposed { identifier, first_contact }, En) => format!(
                "{identifier} drew unsolicited contact on {first_contact}, before any listed source had it"
            ),
            (Reason::IdentifierExposed { identifier, first_contact }, Zh) => {
                format!("{identifier} 早在 {first_contact} 就收到骚扰，早于任何登记来源拿到它")
            }
            (Reason::IdentifierOnlyListed { identifier }, En) => {
                format!("reached {identifier}, which was given only to listed sources")
            }
            (Reason::IdentifierOnlyListed { identifier }, Zh) => {
                format!("联系了 {identifier}，它只提供给了登记的来源")
            }
            (Reason::IdentifierNoSource { identifier }, En) => {
                format!("reached {identifier}, which no listed source had")
            }
            (Reason::IdentifierNoSource { identifier }, Zh) => {
                format!("联系了 {identifier}，没有任何登记来源知道它")
            }
            (Reason::NameOnlyHere { name }, En) => {
                format!("addressed the user as {name}, a spelling this source was given")
            }
            (Reason::NameOnlyHere { name }, Zh) => {
                format!("称呼用户为“{name}”，该来源拿到的正是这种写法")
            }
            (Reason::NameNotHere { name }, En) => {
                format!("addressed the user as {name}, a spelling this source never had")
            }
            (Reason::NameNotHere { name }, Zh) => format!("称呼用户为“{name}”，该来源没有这种写法"),
            (Reason::NameOnlyListed { name }, En) => {
                format!("addressed the user as {name}, a spelling given only to listed sources")
            }
            (Reason::NameOnlyListed { name }, Zh) => {
                format!("称呼用户为“{name}”，这种写法只提供给了登记的来源")
            }
            (Reason::Keyword { keyword }, En) => format!("the messages mention {keyword}"),
            (Reason::Keyword { keyword }, Zh) => format!("消息提到“{keyword}”"),
            (Reason::SourceNamed { name }, En) => format!("the messages name the source ({name})"),
            (Reason::SourceNamed { name }, Zh) => format!("消息直接提到了该来源（{name}）"),
            (Reason::DisclosedAfterFirstContact { disclosed, first_seen }, En) => {
                format!("disclosed on {disclosed}, after the first contact on {first_seen}")
            }
            (Reason::DisclosedAfterFirstContact { disclosed, first_seen }, Zh) => {
                format!("信息于 {disclosed} 提供，晚于首次联系（{first_seen}）")
            }
            (Reason::Onset { days, likelihood_ratio }, En) => format!(
                "first contact {days} days after the disclosure (weighs {likelihood_ratio:.2}× against chance)"
            ),
            (Reason::Onset { days, likelihood_ratio }, Zh) => {
                format!("提供信息 {days} 天后首次联系（相对巧合的似然比 {likelihood_ratio:.2}）")
            }
            (Reason::DisclosedBeforeRecords, En) => {
                "disclosed before the records begin, so the onset cannot be seen".into()
            }
            (Reason::DisclosedBeforeRecords, Zh) => {
                "信息提供早于记录开始，无法判断首次联系的时间".into()
            }
            (Reason::Affinity { kind, category, likelihood_ratio }, En) => format!(
                "{} contacts are typical after a {} dealing ({likelihood_ratio:.1}×)",
                cat(*category, En),
                cat(*kind, En).to_lowercase()
            ),
            (Reason::Affinity { kind, category, likelihood_ratio }, Zh) => {
                format!(
                    "{}类事务之后常见{}类联系（{likelihood_ratio:.1}×）",
                    cat(*kind, Zh),
                    cat(*category, Zh)
                )
            }
            (Reason::Topic { topic, likelihood_ratio }, lang) => {
                let t = super::topic::TOPICS.iter().find(|t| t.id == topic);
                match lang {
                    En => format!(
                        "its messages are about {}, as this dealing was ({likelihood_ratio:.1}×)",
                        t.map_or(topic.as_str(), |t| t.en)
                    ),
                    Zh => format!(
                        "其内容涉及{}，与此次事务相同（{likelihood_ratio:.1}×）",
                        t.map_or(topic.as_str(), |t| t.zh)
                    ),
                }
            }
            (Reason::AffinityMismatch { kind, category }, En) => format!(
                "{} contacts are not typical after a {} dealing",
                cat(*category, En),
                cat(*kind, En).to_lowercase()
            ),
            (Reason::AffinityMismatch { kind, category }, Zh) => {
                format!("{}类事务之后通常不会带来{}类联系", cat(*kind, Zh), cat(*category, Zh))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_and_specificity() {
        let r = Reason::Affinity {
            kind: Category::Property,
            category: Category::Renovation,
            likelihood_ratio: 2.0,
        };
        assert_eq!(
            r.text(Lang::En),
            "Renovation contacts are typical after a property dealing (2.0×)"
        );
        assert!(r.text(Lang::Zh).contains("装修"));
        assert!(!r.is_specific());
        assert!(Reason::Keyword { keyword: "x".into() }.is_specific());
    }
}
