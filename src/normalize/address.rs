//! E-mail addresses: owns the one canonical spelling of an address that the
//! rest of leaktrace compares and groups by.

/// Normalises an e-mail address: trimmed, lower-case, without a `mailto:`
/// prefix, angle brackets or a display name (`"Ann" <Ann@Example.COM>` →
/// `ann@example.com`).
///
/// The local part is lower-cased too: RFC 5321 lets it be case-sensitive, but
/// no large provider treats it so, and leaked lists mix cases freely.
///
/// ```
/// use leaktrace::normalize::address::normalize_email;
/// assert_eq!(normalize_email(" <Ann@Example.COM> "), "ann@example.com");
/// assert_eq!(normalize_email("\"Ann\" <ann@example.com>"), "ann@example.com");
/// ```
pub fn normalize_email(raw: &str) -> String {
    let mut s = raw.trim();
    // A display name may contain '<' itself, so the address is in the last pair.
    if let Some(open) = s.rfind('<') {
        let inner = s.get(open + 1..).unwrap_or("");
        s = inner.split('>').next().unwrap_or(inner);
    } else {
        s = s.trim_end_matches('>');
    }
    let s = s.trim();
    let s = match s.get(..7) {
        Some(head) if head.eq_ignore_ascii_case("mailto:") => s.get(7..).unwrap_or(""),
        _ => s,
    };
    s.trim().to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms() {
        assert_eq!(normalize_email("Ann@Example.com"), "ann@example.com");
        assert_eq!(normalize_email("  <ann@example.com>  "), "ann@example.com");
        assert_eq!(normalize_email("Ann <ann@example.com>"), "ann@example.com");
        assert_eq!(normalize_email("\"a<b\" <x@y.cn>"), "x@y.cn");
        assert_eq!(normalize_email("MAILTO:Ann@Example.com"), "ann@example.com");
        assert_eq!(normalize_email("<mailto:ann@example.com>"), "ann@example.com");
        assert_eq!(normalize_email("张三@例子.中国"), "张三@例子.中国");
    }

    #[test]
    fn hostile_input() {
        for raw in ["", "<", ">", "<>", "<<>>", "mailto:", "é<", "<é"] {
            let _ = normalize_email(raw);
        }
        assert_eq!(normalize_email("<>"), "");
    }
}
