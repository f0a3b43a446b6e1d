//! Why events were grouped into one campaign: the machine-readable [`Reason`]
//! (with the counts behind it) and its sentence in English or Chinese.

use serde::{Deserialize, Serialize};

/// The language of a human-readable sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Simplified Chinese.
    Zh,
}

/// The kind of feature that tied events together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkKind {
    /// The same sender (`Event::from`).
    SameSender,
    /// Neighbouring numbers from one block (all but the last two digits), same
    /// category family, close in time.
    NumberBlock,
    /// The same (non free-mail) sending or reply-to domain.
    EmailDomain,
    /// The same mail server host in the Message-ID (the ESP that sent it).
    SendingHost,
    /// The same List-Unsubscribe host.
    UnsubscribeHost,
    /// Near-duplicate text (simhash) after masking names, numbers and links.
    Template,
    /// The same link (host and path) in the text.
    SharedLink,
    /// The same WeChat or QQ id in the text.
    ChatId,
    /// The same call-back number in the text (or a text naming a caller's number).
    CallbackNumber,
    /// The same sender's signature (`【brand】`) in the text.
    Signature,
    /// Events packed in a short time. Never a link on its own, only a reason.
    Burst,
}

/// One reason a campaign's events belong together, with the data behind it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Reason {
    /// Several events came from one sender.
    SameSender {
        /// The sender with most events.
        sender: String,
        /// Its number of events.
        events: usize,
        /// How many senders of the campaign sent more than once.
        senders: usize,
    },
    /// Numbers from one block called or texted in the same category family.
    NumberBlock {
        /// The block: the number without its last two digits.
        block: String,
        /// Distinct numbers of the block in the campaign.
        numbers: usize,
        /// Events tied by the block.
        events: usize,
    },
    /// Mail from (or replying to) one organisation's domain.
    EmailDomain {
        /// The domain with most events.
        domain: String,
        /// Events tied by it.
        events: usize,
    },
    /// Mail sent through one mail host (from the Message-ID).
    SendingHost {
        /// The host.
        host: String,
        /// Events tied by it.
        events: usize,
    },
    /// Mail whose unsubscribe link goes to one host.
    UnsubscribeHost {
        /// The host.
        host: String,
        /// Events tied by it.
        events: usize,
    },
    /// Near-duplicate texts.
    Template {
        /// Events sharing a template.
        events: usize,
    },
    /// Texts with the same link.
    SharedLink {
        /// Host and path of the most shared link.
        link: String,
        /// Events tied by it.
        events: usize,
    },
    /// Texts naming the same WeChat or QQ id.
    ChatId {
        /// The id as shown, e.g. `WeChat abc123`.
        id: String,
        /// Events tied by it.
        events: usize,
    },
    /// Texts giving the same number to call back (or naming a caller).
    CallbackNumber {
        /// The number (digits).
        number: String,
        /// Events tied by it.
        events: usize,
    },
    /// Texts signed by the same sender (`【brand】`).
    Signature {
        /// The signature, without brackets.
        brand: String,
        /// Events tied by it.
        events: usize,
    },
    /// Most events fell within a few days. Supporting detail only.
    Burst {
        /// Events within the window.
        events: usize,
        /// The window in days.
        days: u32,
    },
}

impl Reason {
    /// The link kind this reason reports.
    pub fn kind(&self) -> LinkKind {
        match self {
            Reason::SameSender { .. } => LinkKind::SameSender,
            Reason::NumberBlock { .. } => LinkKind::NumberBlock,
            Reason::EmailDomain { .. } => LinkKind::EmailDomain,
            Reason::SendingHost { .. } => LinkKind::SendingHost,
            Reason::UnsubscribeHost { .. } => LinkKind::UnsubscribeHost,
            Reason::Template { .. } => LinkKind::Template,
            Reason::SharedLink { .. } => LinkKind::SharedLink,
            Reason::ChatId { .. } => LinkKind::ChatId,
            Reason::CallbackNumber { .. } => LinkKind::CallbackNumber,
            Reason::Signature { .. } => LinkKind::Signature,
            Reason::Burst { .. } => LinkKind::Burst,
        }
    }

    /// The number of events this reason ties together.
    pub fn count(&self) -> usize {
        match self {
            Reason::SameSender { events, .. }
            | Reason::NumberBlock { events, .. }
            | Reason::EmailDomain { events, .. }
            | Reason::SendingHost { events, .. }
            | Reason::UnsubscribeHost { events, .. }
            | Reason::Template { events }
            | Reason::SharedLink { events, .. }
            | Reason::ChatId { events, .. }
            | Reason::CallbackNumber { events, .. }
            | Reason::Signature { events, .. }
            | Reason::Burst { events, .. } => *events,
        }
    }

    /// The reason as one sentence in `lang`.
    ///
    /// ```
    /// use leaktrace::campaign::{Lang, Reason};
    /// let r = Reason::Template { events: 12 };
    /// assert_eq!(r.text(Lang::En), "same template as 12 messages (simhash)");
    /// ```
    pub fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (Reason::SameSender { sender, events, senders }, Lang::En) => {
                if *senders > 1 {
                    format!("{events} contacts from {sender} ({senders} repeat senders)")
                } else {
                    format!("{events} contacts from {sender}")
                }
            }
            (Reason::SameSender { sender, events, senders }, Lang::Zh) => {
                if *senders > 1 {
                    format!("{sender} 联系了 {events} 次（共 {senders} 个号码多次联系）")
                } else {
                    format!("{sender} 联系了 {events} 次")
                }
            }
            (Reason::NumberBlock { block, numbers, events }, Lang::En) => {
                format!("numbers from block {block}xx ({numbers} numbers, {events} contacts)")
            }
            (Reason::NumberBlock { block, numbers, events }, Lang::Zh) => {
                format!("来自同一号段 {block}xx（{numbers} 个号码，{events} 次联系）")
            }
            (Reason::EmailDomain { domain, events }, Lang::En) => {
                format!("same sending domain {domain} ({events} messages)")
            }
            (Reason::EmailDomain { domain, events }, Lang::Zh) => {
                format!("发件域名相同：{domain}（{events} 封）")
            }
            (Reason::SendingHost { host, events }, Lang::En) => {
                format!("sent through the same mail host {host} ({events} messages)")
            }
            (Reason::SendingHost { host, events }, Lang::Zh) => {
                format!("经同一邮件服务器 {host} 发出（{events} 封）")
            }
            (Reason::UnsubscribeHost { host, events }, Lang::En) => {
                format!("same unsubscribe host {host} ({events} messages)")
            }
            (Reason::UnsubscribeHost { host, events }, Lang::Zh) => {
                format!("退订链接指向同一主机 {host}（{events} 封）")
            }
            (Reason::Template { events }, Lang::En) => {
                format!("same template as {events} messages (simhash)")
            }
            (Reason::Template { events }, Lang::Zh) => {
                format!("{events} 条消息使用同一模板（simhash）")
            }
            (Reason::SharedLink { link, events }, Lang::En) => {
                format!("same link {link} ({events} messages)")
            }
            (Reason::SharedLink { link, events }, Lang::Zh) => {
                format!("含相同链接 {link}（{events} 条）")
            }
            (Reason::ChatId { id, events }, Lang::En) => {
                format!("same chat id {id} ({events} messages)")
            }
            (Reason::ChatId { id, events }, Lang::Zh) => {
                format!("含相同的微信/QQ 号 {id}（{events} 条）")
            }
            (Reason::CallbackNumber { number, events }, Lang::En) => {
                format!("same call-back number {number} ({events} contacts)")
            }
            (Reason::CallbackNumber { number, events }, Lang::Zh) => {
                format!("含相同回拨号码 {number}（{events} 次联系）")
            }
            (Reason::Signature { brand, events }, Lang::En) => {
                format!("signed 【{brand}】 ({events} messages)")
            }
            (Reason::Signature { brand, events }, Lang::Zh) => {
                format!("签名均为【{brand}】（{events} 条）")
            }
            (Reason::Burst { events, days }, Lang::En) => {
                format!("{events} contacts within {days} days")
            }
            (Reason::Burst { events, days }, Lang::Zh) => {
                format!("{days} 天内集中联系 {events} 次")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_in_both_languages() {
        let r = Reason::NumberBlock { block: "+8675588881".into(), numbers: 3, events: 5 };
        assert_eq!(r.text(Lang::En), "numbers from block +8675588881xx (3 numbers, 5 contacts)");
        assert!(r.text(Lang::Zh).contains("号段"));
        assert_eq!(r.kind(), LinkKind::NumberBlock);
        assert_eq!(r.count(), 5);
    }

    #[test]
    fn serialises_with_a_kind_tag() {
        let r = Reason::Template { events: 2 };
        let s = serde_json::to_string(&r).unwrap();
        assert_eq!(s, r#"{"kind":"template","events":2}"#);
    }
}
