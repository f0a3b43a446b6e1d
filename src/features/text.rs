//! Text tokenisation for Chinese and English alike.

/// The longest word kept; longer runs are noise (base64, hashes).
pub const MAX_WORD_CHARS: usize = 30;
/// The longest text tokenised; the rest of a huge message adds little and costs time.
pub const MAX_TEXT_CHARS: usize = 20_000;
/// The longest signature kept as a token.
const MAX_SIGNATURE_CHARS: usize = 16;

/// Folds full-width ASCII to half-width, the ideographic space to a space,
/// and upper case to lower case.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().take(MAX_TEXT_CHARS) {
        let c = match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            _ => c,
        };
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// True for the CJK ideographs read as unigrams and bigrams.
fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0x20000..=0x2A6DF | 0xF900..=0xFAFF
        | 0x3040..=0x30FF | 0xAC00..=0xD7AF)
}

/// Characters that may appear inside a link, address or word run.
fn is_run_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(
            c,
            '@' | '.' | '_' | '-' | '/' | ':' | '?' | '=' | '&' | '%' | '#' | '+' | '~' | '\''
        )
        || (c.is_alphabetic() && !is_cjk(c))
}

const OPT_OUT: [&str; 10] = [
    "退订",
    "回t",
    "拒收",
    "回复r",
    "reply stop",
    "txt stop",
    "text stop",
    "unsubscribe",
    "opt out",
    "opt-out",
];

/// Top-level domains that make a bare `name.tld/...` run a link.
const TLDS: [&str; 16] = [
    "com", "cn", "net", "org", "cc", "me", "io", "co", "uk", "info", "top", "xyz", "ly", "gl",
    "vip", "app",
];

/// The longest run of ideographs read as one token (`cjk_ngram`).
pub const MAX_CJK_NGRAM: u8 = 3;

/// Calls `sink` with every token of `text` (already or not yet normalised;
/// it is normalised here), ideographs as unigrams and bigrams. Tokens never
/// contain whitespace.
pub fn tokenize(text: &str, sink: &mut dyn FnMut(&str)) {
    tokenize_ngrams(text, 2, sink)
}

/// [`tokenize`], with runs of ideographs read as n-grams of every order up
/// to `cjk_ngram` (1 to [`MAX_CJK_NGRAM`]).
pub fn tokenize_ngrams(text: &str, cjk_ngram: u8, sink: &mut dyn FnMut(&str)) {
    let norm = normalize(text);
    let chars: Vec<char> = norm.chars().collect();
    if OPT_OUT.iter().any(|p| norm.contains(p)) {
        sink("optout");
    }
    signatures(&chars, sink);
    let mut i = 0;
    let mut buf = String::new();
    while i < chars.len() {
        let c = chars[i];
        if is_cjk(c) {
            let start = i;
            while i < chars.len() && is_cjk(chars[i]) {
                i += 1;
            }
            cjk_run(&chars[start..i], cjk_ngram, &mut buf, sink);
        } else if is_run_char(c) {
            let start = i;
            while i < chars.len() && is_run_char(chars[i]) {
                i += 1;
            }
            buf.clear();
            buf.extend(&chars[start..i]);
            let run = std::mem::take(&mut buf);
            ascii_run(&run, sink);
            buf = run;
        } else {
            match c {
                '¥' | '$' | '£' | '€' | '￥' => sink("#cur"),
                '%' => sink("#pct"),
                '!' => sink("#bang"),
                _ => {}
            }
            i += 1;
        }
    }
}

/// The n-grams of a run of ideographs, of every order up to `n`.
fn cjk_run(run: &[char], n: u8, buf: &mut String, sink: &mut dyn FnMut(&str)) {
    let n = usize::from(n.clamp(1, MAX_CJK_NGRAM));
    for k in 0..run.len() {
        buf.clear();
        for &c in run[k..].iter().take(n) {
            buf.push(c);
            sink(buf);
        }
    }
}

/// 【签名】 at either end of a message, and [Brand] prefixes, as `sig:` tokens.
fn signatures(chars: &[char], sink: &mut dyn FnMut(&str)) {
    let mut emit = |inner: &[char]| {
        if !inner.is_empty() && inner.len() <= MAX_SIGNATURE_CHARS {
            let s: String = inner.iter().filter(|c| !c.is_whitespace()).collect();
            sink("sig");
            sink(&format!("sig:{s}"));
        }
    };
    let trimmed: &[char] = trim_ws(chars);
    if let Some(&'【') = trimmed.first()
        && let Some(end) = trimmed.iter().position(|&c| c == '】')
    {
        emit(&trimmed[1..end]);
    }
    if let Some(&'】') = trimmed.last()
        && let Some(start) = trimmed.iter().rposition(|&c| c == '【')
        && start + 1 < trimmed.len()
    {
        emit(&trimmed[start + 1..trimmed.len() - 1]);
    }
}

fn trim_ws(chars: &[char]) -> &[char] {
    let start = chars.iter().position(|c| !c.is_whitespace()).unwrap_or(chars.len());
    let end = chars.iter().rposition(|c| !c.is_whitespace()).map_or(start, |e| e + 1);
    &chars[start..end.max(start)]
}

/// A run of Latin letters, digits and link punctuation: a link, an address,
/// a number or words.
fn ascii_run(run: &str, sink: &mut dyn FnMut(&str)) {
    let run =
        run.trim_matches(|c: char| matches!(c, '.' | '-' | '\'' | ':' | '/' | '?' | '&' | '='));
    if run.is_empty() {
        return;
    }
    if let Some(host) = link_host(run) {
        sink("url");
        sink(&format!("url:{host}"));
        return;
    }
    if let Some((local, domain)) = run.split_once('@')
        && !local.is_empty()
        && domain.contains('.')
    {
        sink("email");
        sink(&format!("email:{}", domain.trim_end_matches('.')));
        return;
    }
    if run.ends_with('%') {
        sink("#pct");
    }
    // A number written with dashes (0755-8888-1234) is one phone number.
    if run.bytes().any(|b| b.is_ascii_digit())
        && run.chars().all(|c| c.is_ascii_digit() || c == '-' || c == '+')
    {
        let digits: String = run.chars().filter(char::is_ascii_digit).collect();
        number(&digits, sink);
        return;
    }
    for piece in run.split(|c: char| !(c.is_alphanumeric() || c == '\'')) {
        let piece = piece.trim_matches('\'');
        if piece.is_empty() {
            continue;
        }
        if piece.chars().all(|c| c.is_ascii_digit()) {
            number(piece, sink);
        } else {
            let n = piece.chars().count();
            if (2..=MAX_WORD_CHARS).contains(&n) {
                sink(piece);
                if let Some(stem) = stem(piece) {
                    sink(stem);
                }
            } else if n > MAX_WORD_CHARS {
                sink("#longword");
            }
        }
    }
}

/// A crude English stem (Porter's step 1 in spirit): plural and verb
/// endings dropped, so "loans", "loaned" and "loan" share a token. Emitted
/// beside the word itself, so nothing the exact form says is lost.
fn stem(word: &str) -> Option<&str> {
    if !word.is_ascii() || word.len() < 5 {
        return None;
    }
    for suffix in ["ing", "ies", "ed", "es", "s"] {
        if let Some(base) = word.strip_suffix(suffix)
            && base.len() >= 3
            && !base.ends_with('s')
        {
            return Some(base);
        }
    }
    None
}

/// The host of a link written as `scheme://host/...`, `www.host` or a bare `host.tld/path`.
fn link_host(run: &str) -> Option<String> {
    let rest = if let Some(p) = run.find("://") {
        &run[p + 3..]
    } else if run.starts_with("www.") {
        run
    } else {
        let host = run.split('/').next().unwrap_or("");
        let tld = host.rsplit('.').next().unwrap_or("");
        if !host.contains('.') || host.contains('@') || !TLDS.contains(&tld) {
            return None;
        }
        if host.split('.').any(|l| l.is_empty()) {
            return None;
        }
        run
    };
    let host = rest.split(['/', '?', '#', ':']).next().unwrap_or("");
    let host = host.strip_prefix("www.").unwrap_or(host);
    if host.is_empty() {
        return None;
    }
    Some(host.chars().take(60).collect())
}

const DIGIT_SHAPES: [&str; 12] =
    ["#d1", "#d2", "#d3", "#d4", "#d5", "#d6", "#d7", "#d8", "#d9", "#d10", "#d11", "#d12"];

/// A digit string: a phone number by its type and prefix, or its shape.
fn number(digits: &str, sink: &mut dyn FnMut(&str)) {
    let n = digits.len();
    let kind = if n == 11 && digits.starts_with('1') && !digits.starts_with("10") {
        Some("mobile")
    } else if (digits.starts_with("400") || digits.starts_with("800")) && n == 10 {
        Some("tollfree")
    } else if digits.starts_with("95") && n == 5 {
        Some("95")
    } else if digits.starts_with("106") && n >= 8 {
        Some("106")
    } else if digits.starts_with('0') && (10..=12).contains(&n) {
        Some("landline")
    } else if digits.starts_with("1800") || digits.starts_with("1888") || digits.starts_with("0800")
    {
        Some("tollfree")
    } else {
        None
    };
    match kind {
        Some(k) => {
            sink("tel");
            sink(&format!("tel:{k}"));
            if k == "tollfree" || k == "95" {
                sink(&format!("tel:{}", &digits[..digits.len().min(5)]));
            }
        }
        None => sink(DIGIT_SHAPES[n.clamp(1, 12) - 1]),
    }
}

/// All tokens of `text`, collected. Convenient for tests and `--explain`.
pub fn tokens(text: &str) -> Vec<String> {
    let mut v = Vec::new();
    tokenize(text, &mut |t| v.push(t.to_string()));
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has(v: &[String], t: &str) -> bool {
        v.iter().any(|x| x == t)
    }

    #[test]
    fn chinese_unigrams_and_bigrams() {
        let v = tokens("买房");
        assert_eq!(v, vec!["买", "买房", "房"]);
    }

    #[test]
    fn chinese_trigrams_on_request() {
        let mut v = Vec::new();
        tokenize_ngrams("低息贷款", 3, &mut |t| v.push(t.to_string()));
        assert_eq!(v, ["低", "低息", "低息贷", "息", "息贷", "息贷款", "贷", "贷款", "款"]);
        v.clear();
        tokenize_ngrams("贷款", 1, &mut |t| v.push(t.to_string()));
        assert_eq!(v, ["贷", "款"]);
    }

    #[test]
    fn full_width_and_case_are_folded() {
        assert_eq!(normalize("ＶＩＰ　Ｈｅｌｌｏ"), "vip hello");
        let v = tokens("ＶＩＰ会员");
        assert!(has(&v, "vip"));
        assert!(has(&v, "会员"));
    }

    #[test]
    fn english_words_and_apostrophes() {
        let v = tokens("Don't MISS our Sale, 50% off!");
        assert!(has(&v, "don't"));
        assert!(has(&v, "miss"));
        assert!(has(&v, "sale"));
        assert!(has(&v, "#pct"));
        assert!(has(&v, "#d2"));
    }

    #[test]
    fn english_words_also_give_their_stem() {
        let v = tokens("Loans approved, offering refinancing");
        for t in ["loans", "loan", "approved", "approv", "offering", "offer"] {
            assert!(has(&v, t), "missing {t} in {v:?}");
        }
        assert_eq!(stem("class"), None, "no stem that ends in s");
        assert_eq!(stem("cars"), None, "short words kept whole");
    }

    #[test]
    fn links_keep_their_domain() {
        let v = tokens("点击 https://www.Example.com/a?b=1 领取");
        assert!(has(&v, "url:example.com"), "{v:?}");
        let v = tokens("详情 t.cn/A6xYz 查看");
        assert!(has(&v, "url:t.cn"), "{v:?}");
        let v = tokens("visit bit.ly/3abc now");
        assert!(has(&v, "url:bit.ly"));
        assert!(!has(&tokens("e.g. this"), "url"));
    }

    #[test]
    fn phone_numbers_keep_type_and_prefix() {
        let v = tokens("致电13800138000或400-123-4567或0755-88881234，95588");
        assert!(has(&v, "tel:mobile"), "{v:?}");
        assert!(has(&v, "tel:tollfree"));
        assert!(has(&v, "tel:landline"));
        assert!(has(&v, "tel:95588"));
    }

    #[test]
    fn digits_keep_their_shape() {
        let v = tokens("验证码 482913，5分钟内有效");
        assert!(has(&v, "#d6"));
        assert!(has(&v, "#d1"));
    }

    #[test]
    fn signatures_and_opt_out() {
        let v = tokens("【阳光地产】新盘开售，退订回T");
        assert!(has(&v, "sig:阳光地产"), "{v:?}");
        assert!(has(&v, "optout"));
        let v = tokens("尊敬的客户您好【某某银行】");
        assert!(has(&v, "sig:某某银行"));
        let v = tokens("Big sale today. Reply STOP to opt out");
        assert!(has(&v, "optout"));
    }

    #[test]
    fn emails_keep_their_domain() {
        let v = tokens("write to Sales@Agency.co.uk today");
        assert!(has(&v, "email:agency.co.uk"), "{v:?}");
    }

    #[test]
    fn hostile_text_is_bounded_and_never_panics() {
        let long = "a".repeat(100_000);
        let v = tokens(&long);
        assert_eq!(v, vec!["#longword"]);
        for s in
            ["", "【", "】", "【】", "://", "@", "http://", "-", "'''", "\u{FFFD}\0\u{202E}", "1-"]
        {
            let _ = tokens(s);
        }
        let huge = "房".repeat(1_000_000);
        assert!(tokens(&huge).len() <= 2 * MAX_TEXT_CHARS);
    }
}
