//! Keys for the cheap links between senders: phone number blocks, e-mail
//! organisation domains, and the lists of shared domains (free mail,
//! bulk-mail providers) that must never tie unrelated senders together.

use crate::category::Category;
use crate::normalize::phone::block_prefix;

/// Shortest national number (digits) that is a phone number rather than a short code.
const MIN_BLOCK_DIGITS: usize = 10;

/// Free-mail providers: anyone can send from them, so a shared domain says nothing.
const FREE_MAIL: [&str; 34] = [
    "gmail.com",
    "googlemail.com",
    "qq.com",
    "foxmail.com",
    "163.com",
    "126.com",
    "yeah.net",
    "sina.com",
    "sina.cn",
    "sohu.com",
    "aliyun.com",
    "139.com",
    "189.cn",
    "wo.cn",
    "21cn.com",
    "tom.com",
    "outlook.com",
    "hotmail.com",
    "live.com",
    "msn.com",
    "yahoo.com",
    "ymail.com",
    "icloud.com",
    "me.com",
    "mac.com",
    "aol.com",
    "gmx.com",
    "gmx.de",
    "web.de",
    "mail.ru",
    "yandex.ru",
    "proton.me",
    "protonmail.com",
    "zoho.com",
];

/// First labels of free-mail brands with many country domains (yahoo.co.jp, hotmail.fr).
const FREE_MAIL_BRANDS: [&str; 5] = ["yahoo", "hotmail", "outlook", "live", "gmx"];

/// Bulk-mail providers (ESPs) shared by thousands of unrelated clients: their
/// hosts in Message-ID or List-Unsubscribe would merge every newsletter.
const SHARED_ESP: [&str; 16] = [
    "list-manage.com",
    "mailchimp.com",
    "mcsv.net",
    "rsgsv.net",
    "mcdlv.net",
    "sendgrid.net",
    "sendgrid.com",
    "amazonses.com",
    "mailgun.org",
    "mailgun.net",
    "sparkpostmail.com",
    "sendinblue.com",
    "mailjet.com",
    "hubspotemail.net",
    "google.com",
    "exacttarget.com",
];

/// Second-level labels under which organisations register (example.com.cn, example.co.uk).
const PUBLIC_SECOND_LEVEL: [&str; 8] = ["com", "net", "org", "gov", "edu", "co", "ac", "ne"];

/// The organisation's domain of a host: the last two labels, or three under a
/// country's public second level (`mail.example.com.cn` → `example.com.cn`).
pub fn org_domain(host: &str) -> Option<String> {
    let host = host.trim().trim_end_matches('.').to_lowercase();
    let labels: Vec<&str> = host.split('.').collect();
    if labels.len() < 2 || labels.iter().any(|l| l.is_empty()) {
        return None;
    }
    let n = labels.len();
    let tld = labels.get(n - 1)?;
    let second = labels.get(n - 2)?;
    let take = if n >= 3 && tld.len() == 2 && PUBLIC_SECOND_LEVEL.contains(second) { 3 } else { 2 };
    Some(labels.get(n - take..)?.join("."))
}

/// True when `domain` is a free-mail provider.
pub fn is_free_mail(domain: &str) -> bool {
    let Some(org) = org_domain(domain) else { return false };
    FREE_MAIL.contains(&org.as_str())
        || org.split('.').next().is_some_and(|first| FREE_MAIL_BRANDS.contains(&first))
}

/// True when `domain` belongs to a bulk-mail provider shared by unrelated senders.
pub fn is_shared_esp(domain: &str) -> bool {
    org_domain(domain).is_some_and(|org| SHARED_ESP.contains(&org.as_str()))
}

/// The domain after the last `@` of an address, lower-cased, without `>` or spaces.
pub fn domain_of(address: &str) -> Option<String> {
    let (_, d) = address.rsplit_once('@')?;
    let d: String = d
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '.' || *c == '-')
        .collect::<String>()
        .to_lowercase();
    if d.contains('.') { Some(d) } else { None }
}

/// The block of a sender: its number without the last two digits
/// ([`block_prefix`]), for subscriber numbers only — E.164 numbers (`+…`,
/// as [`crate::normalize::phone::normalize`] writes mobiles and landlines)
/// long enough to be mobiles or landlines. Callers rotate through
/// neighbouring numbers (0755-8888-10xx); short codes, SMS ports and sender
/// ids have no block, because neighbouring ports belong to unrelated clients
/// of one gateway.
pub fn block_of(number: &str) -> Option<String> {
    let digits = number.trim().strip_prefix('+')?;
    if digits.len() < MIN_BLOCK_DIGITS || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    block_prefix(number.trim())
}

/// Category families: neighbouring numbers are one campaign only when they
/// sell the same kind of thing.
pub fn family(c: Category) -> u8 {
    match c {
        Category::Property | Category::Renovation => 0,
        Category::Insurance | Category::Finance => 1,
        Category::Education => 2,
        Category::Automotive => 3,
        Category::Healthcare => 4,
        Category::Recruitment => 5,
        Category::Retail => 6,
        Category::Telecom => 7,
        Category::Fraud | Category::Harassment => 8,
        Category::Legit => 9,
    }
}

/// Senders that are placeholders for a hidden number, never one sender.
pub fn is_placeholder_sender(from: &str) -> bool {
    let f = from.trim().to_lowercase();
    !f.chars().any(char::is_alphanumeric)
        || matches!(
            f.as_str(),
            "unknown"
                | "private"
                | "anonymous"
                | "withheld"
                | "restricted"
                | "-1"
                | "-2"
                | "-3"
                | "未知"
                | "未知号码"
                | "私人号码"
                | "unavailable"
                | "null"
                | "0"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn org_domains() {
        assert_eq!(org_domain("mail.example.com").as_deref(), Some("example.com"));
        assert_eq!(org_domain("news.example.com.cn").as_deref(), Some("example.com.cn"));
        assert_eq!(org_domain("localhost"), None);
        assert_eq!(org_domain("a..b"), None);
    }

    #[test]
    fn free_mail_and_esps() {
        assert!(is_free_mail("gmail.com"));
        assert!(is_free_mail("vip.qq.com"));
        assert!(is_free_mail("yahoo.co.jp"));
        assert!(!is_free_mail("sunshine-homes.cn"));
        assert!(is_shared_esp("us1.list-manage.com"));
    }

    #[test]
    fn blocks() {
        assert_eq!(block_of("+8675588881001").as_deref(), Some("+86755888810"));
        assert_eq!(block_of("10086"), None);
        assert_eq!(block_of("+86123"), None);
        assert_eq!(block_of("+8613800138000").as_deref(), Some("+86138001380"));
    }

    #[test]
    fn placeholders() {
        assert!(is_placeholder_sender(""));
        assert!(is_placeholder_sender("-1"));
        assert!(is_placeholder_sender("Unknown"));
        assert!(!is_placeholder_sender("+8613800138000"));
    }
}
