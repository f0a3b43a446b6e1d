//! Features found in a message's text that tie senders together: links (host
//! and path), WeChat/QQ ids, numbers to call back, and the sender's signature.

use crate::normalize::phone::normalize;

/// Characters of a text scanned for features; the rest is ignored.
pub const MAX_SCAN_CHARS: usize = 4000;
/// Features of each kind taken from one text; more are ignored (a message
/// with hundreds of links is not better evidence, and this bounds the work).
pub const MAX_FEATURES_PER_KIND: usize = 8;

/// Common hosts whose bare front page says nothing about who sent a link.
const GENERIC_HOSTS: [&str; 6] =
    ["baidu.com", "qq.com", "weixin.qq.com", "google.com", "taobao.com", "jd.com"];

/// The WeChat/QQ words an id follows, lower-case, and whether the id is a QQ number.
const CHAT_TRIGGERS: [(&str, bool); 11] = [
    ("微信号", false),
    ("微信", false),
    ("威信", false),
    ("薇信", false),
    ("v信", false),
    ("weixin", false),
    ("vx", false),
    ("wx", false),
    ("qq号", true),
    ("qq", true),
    ("扣扣", true),
];

fn lower_chars(text: &str) -> Vec<char> {
    text.chars().take(MAX_SCAN_CHARS).flat_map(char::to_lowercase).collect()
}

fn starts_with_at(chars: &[char], i: usize, word: &str) -> bool {
    word.chars().enumerate().all(|(k, w)| chars.get(i + k) == Some(&w))
}

fn is_url_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-._~/%?=&#:+".contains(c)
}

/// Links in `text` as `host/path` (lower-case host without `www.`, no query),
/// for `http(s)://` and `www.` links and bare `host.tld/path` ones (t.cn/AbC).
pub fn links(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().take(MAX_SCAN_CHARS).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() && out.len() < MAX_FEATURES_PER_KIND {
        if !chars.get(i).is_some_and(|&c| is_url_char(c)) {
            i += 1;
            continue;
        }
        let start = i;
        while chars.get(i).is_some_and(|&c| is_url_char(c)) {
            i += 1;
        }
        let run: String = chars.get(start..i).map(|s| s.iter().collect()).unwrap_or_default();
        if let Some(link) = link_of(&run) {
            if !out.contains(&link) {
                out.push(link);
            }
        }
    }
    out
}

fn link_of(run: &str) -> Option<String> {
    let lower = run.to_lowercase();
    let (explicit, rest) = if let Some(r) = lower.strip_prefix("https://") {
        (true, r)
    } else if let Some(r) = lower.strip_prefix("http://") {
        (true, r)
    } else {
        (lower.starts_with("www."), lower.as_str())
    };
    let rest = rest.split(['?', '#']).next().unwrap_or("");
    let (host, path) = match rest.find('/') {
        Some(p) => (rest.get(..p)?, rest.get(p..)?),
        None => (rest, ""),
    };
    let host = host.split(':').next().unwrap_or("").trim_start_matches("www.");
    let labels: Vec<&str> = host.split('.').collect();
    let tld = labels.last()?;
    let valid_host = labels.len() >= 2
        && labels
            .iter()
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        && (2..=6).contains(&tld.len())
        && tld.chars().all(|c| c.is_ascii_alphabetic());
    let path = path.trim_end_matches(['/', '.', ',', ':']);
    // Without a scheme, only host/path forms count: "a.b" alone is too often prose.
    if !valid_host || (!explicit && path.is_empty()) {
        return None;
    }
    if path.is_empty() && GENERIC_HOSTS.contains(&host) {
        return None;
    }
    Some(format!("{host}{path}"))
}

/// WeChat and QQ ids named in `text`, as `wechat:<id>` / `qq:<number>`.
///
/// ```
/// use leaktrace::campaign::extract::chat_ids;
/// assert_eq!(chat_ids("加微信：zw_8888 了解详情"), vec!["wechat:zw_8888".to_string()]);
/// assert_eq!(chat_ids("QQ 12345678"), vec!["qq:12345678".to_string()]);
/// ```
pub fn chat_ids(text: &str) -> Vec<String> {
    let chars = lower_chars(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() && out.len() < MAX_FEATURES_PER_KIND {
        let before_ok = i == 0
            || chars
                .get(i - 1)
                .is_some_and(|c| !c.is_ascii_alphanumeric() && *c != '.' && *c != '/');
        let trigger = if before_ok {
            CHAT_TRIGGERS.iter().find(|(t, _)| starts_with_at(&chars, i, t))
        } else {
            None
        };
        let Some(&(t, is_qq)) = trigger else {
            i += 1;
            continue;
        };
        i += t.chars().count();
        let mut skipped = 0;
        while skipped < 3 && chars.get(i).is_some_and(|c| " :：号是-(（【\"“'".contains(*c))
        {
            i += 1;
            skipped += 1;
        }
        let start = i;
        while i - start < 21
            && chars.get(i).is_some_and(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
        {
            i += 1;
        }
        let id: String = chars.get(start..i).map(|s| s.iter().collect()).unwrap_or_default();
        let ok = if is_qq {
            (5..=11).contains(&id.len()) && id.chars().all(|c| c.is_ascii_digit())
        } else {
            (5..=20).contains(&id.len())
        };
        if ok {
            let key = format!("{}:{id}", if is_qq { "qq" } else { "wechat" });
            if !out.contains(&key) {
                out.push(key);
            }
        }
    }
    out
}

/// Numbers in `text` that look like phone numbers (Chinese mobiles, 400/800
/// numbers, landlines with an area code, `+` international numbers, and
/// grouped ten-digit numbers), [`normalize`]d in `region` so they compare
/// equal to senders' numbers. Dates, amounts and codes do not match these shapes.
pub fn callback_numbers(text: &str, region: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().take(MAX_SCAN_CHARS).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() && out.len() < MAX_FEATURES_PER_KIND {
        let c = chars.get(i).copied().unwrap_or(' ');
        let prev_alnum = i > 0 && chars.get(i - 1).is_some_and(|p| p.is_ascii_alphanumeric());
        if !(c.is_ascii_digit() || c == '+') || prev_alnum {
            i += 1;
            continue;
        }
        let plus = c == '+';
        let start = i;
        if plus {
            i += 1;
        }
        let mut digits = String::new();
        let mut grouped = false;
        while let Some(&c) = chars.get(i) {
            if c.is_ascii_digit() {
                digits.push(c);
                i += 1;
            } else if (c == '-' || c == ' ' || c == ')' || c == '(')
                && chars.get(i + 1).is_some_and(|n| n.is_ascii_digit() || *n == ' ')
                && !digits.is_empty()
            {
                grouped = true;
                i += 1;
            } else {
                break;
            }
            if digits.len() > 16 {
                break;
            }
        }
        let next_alnum = chars.get(i).is_some_and(|n| n.is_ascii_alphanumeric());
        if i == start + usize::from(plus) {
            i += 1;
            continue;
        }
        if !next_alnum && looks_like_phone(&digits, plus, grouped) {
            let k = normalize(&format!("{}{digits}", if plus { "+" } else { "" }), region);
            if !out.contains(&k) {
                out.push(k);
            }
        }
    }
    out
}

/// Longest signature read, in characters.
const MAX_SIGNATURE_CHARS: usize = 16;
/// How far from either end of a text a signature may stand, in characters
/// (an emoji before it, an opt-out such as "退订回T" after it).
const SIGNATURE_SLACK: usize = 12;

/// The sender's signature of a Chinese SMS: the `【…】` that opens or closes
/// it, lower-case (`【安居置业】尊敬的业主…` → `安居置业`). Chinese rules require
/// every commercial SMS to carry its sender's registered signature, so one
/// signature is one organisation whatever port it went out through.
/// Brackets in the middle of a text (`【限时特惠】`) are emphasis, not a signature.
///
/// ```
/// use leaktrace::campaign::extract::signature;
/// assert_eq!(signature("【安居置业】新盘开售，退订回T").as_deref(), Some("安居置业"));
/// assert_eq!(signature("新盘开售，详询经理【安居置业】 退订回T").as_deref(), Some("安居置业"));
/// assert_eq!(signature("新盘开售【限时特惠】本周末到访有礼，名额有限先到先得"), None);
/// ```
pub fn signature(text: &str) -> Option<String> {
    let chars: Vec<char> = text.trim().chars().take(MAX_SCAN_CHARS).collect();
    let n = chars.len();
    let mut i = 0;
    while i < n {
        if chars.get(i) != Some(&'【') {
            i += 1;
            continue;
        }
        let close =
            (i + 1..n.min(i + 2 + MAX_SIGNATURE_CHARS)).find(|&k| chars.get(k) == Some(&'】'));
        let Some(close) = close else {
            i += 1;
            continue;
        };
        let at_end = n - close <= SIGNATURE_SLACK;
        if i <= 2 || at_end {
            let name: String = chars.get(i + 1..close)?.iter().collect();
            let name = name.trim().to_lowercase();
            if name.chars().count() >= 2 {
                return Some(name);
            }
        }
        i = close + 1;
    }
    None
}

fn looks_like_phone(d: &str, plus: bool, grouped: bool) -> bool {
    let n = d.len();
    let national = d.strip_prefix("86").filter(|r| r.len() == 11 && !plus).unwrap_or(d);
    let second = national.chars().nth(1).unwrap_or('0');
    if plus {
        return (10..=15).contains(&n);
    }
    (national.len() == 11 && national.starts_with('1') && ('3'..='9').contains(&second))
        || (n == 10 && (d.starts_with("400") || d.starts_with("800")))
        || ((10..=12).contains(&n) && d.starts_with('0') && second != '0')
        || (n == 10 && grouped && !d.starts_with('0') && !d.starts_with('1'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_links() {
        assert_eq!(links("点击 https://t.cn/AbC123?x=1 领取"), vec!["t.cn/AbC123".to_lowercase()]);
        assert_eq!(links("访问 www.Example.com/promo/ 了解"), vec!["example.com/promo"]);
        assert_eq!(links("go to dwz.cn/x9 now"), vec!["dwz.cn/x9"]);
        assert!(links("version 1.2 and e.g. stuff").is_empty());
        assert!(links("https://www.baidu.com/").is_empty());
    }

    #[test]
    fn finds_chat_ids() {
        assert_eq!(chat_ids("加VX: Loan_8899 秒批"), vec!["wechat:loan_8899"]);
        assert_eq!(chat_ids("扣扣号：987654321"), vec!["qq:987654321"]);
        assert!(chat_ids("the vxlan config").is_empty());
        assert!(chat_ids("微信").is_empty());
    }

    #[test]
    fn finds_callback_numbers() {
        let cn = |t: &str| callback_numbers(t, "CN");
        assert_eq!(cn("详询 400-800-1234。"), vec!["4008001234"]);
        assert_eq!(cn("回电13800138000"), vec!["+8613800138000"]);
        assert_eq!(cn("致电 0755-8888 1001"), vec!["+8675588881001"]);
        assert_eq!(callback_numbers("call (415) 555-2671 today", "US"), vec!["+14155552671"]);
        assert_eq!(callback_numbers("ring 07700 900123", "GB"), vec!["+447700900123"]);
        assert!(cn("验证码 123456，金额 20240310 元").is_empty());
    }

    #[test]
    fn finds_signatures() {
        assert_eq!(signature("🎉【华信人寿】您的保单…").as_deref(), Some("华信人寿"));
        assert_eq!(signature("【A】短"), None);
        assert_eq!(signature("no brackets here"), None);
        assert_eq!(signature("【未闭合的签名"), None);
    }

    #[test]
    fn hostile_text_does_not_panic() {
        for t in ["+", "++", "1-", "-1", "微信:", "http://", "://", "a.", ".a/", "qq号-"] {
            let _ = (links(t), chat_ids(t), callback_numbers(t, "CN"), signature(t));
        }
    }
}
