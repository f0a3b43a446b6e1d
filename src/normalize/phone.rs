//! Phone numbers: owns turning a number as a phone, carrier or backup app
//! wrote it into one canonical string, telling what kind of number it is, and
//! the "block" prefix used to cluster neighbouring numbers.
//!
//! # Canonical forms ([`normalize`])
//!
//! | input | output |
//! |---|---|
//! | a subscriber number (mobile, landline) | E.164: `+8613800138000`, `+8675588881234`, `+447700900123` |
//! | CN short codes and service numbers (`95588`, `10086`, `12345`) | the digits as written |
//! | CN SMS ports (`106…`, any length) | the digits as written |
//! | CN toll-free `400`/`800` numbers | the 10 national digits, **without** `+86` (`4001234567`) |
//! | hidden or unknown caller (`""`, `-1`, `-2`, `Private`, `隐藏号码`, …) | the marker [`UNKNOWN`] (`"unknown"`) |
//! | alphanumeric sender ids (`AMAZON`, `VM-HDFCBK`), `*21#` | trimmed, as written |
//!
//! Short codes and toll-free numbers stay national because they only exist
//! inside one country's network: `+8695588` and `95588` must cluster as one
//! sender, and written without `+86` is how every Chinese phone shows them.
//! The same holds when they arrive in E.164 (`+864001234567` → `4001234567`).
//!
//! The rules are a small hand-written subset of the ITU-T E.164 national
//! numbering plans (and of what libphonenumber knows); they cover the regions
//! listed in [`SUPPORTED_REGIONS`]. For other regions only the international
//! forms (`+…`, `00…`) are made canonical; national numbers are kept as digits.

/// The marker [`normalize`] returns for a hidden, withheld or unknown caller.
pub const UNKNOWN: &str = "unknown";

/// Regions (ISO 3166-1 alpha-2) whose national numbers [`normalize`] understands.
pub const SUPPORTED_REGIONS: &[&str] =
    &["CN", "US", "CA", "GB", "HK", "TW", "SG", "AU", "DE", "FR", "IN", "JP"];

/// More digits than this are not a phone number (E.164 allows 15; IP-dialling
/// and SMS-port prefixes add a few): such strings are kept as written.
const MAX_DIGITS: usize = 24;

/// What a normalised number is, for weighting and clustering.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NumberKind {
    /// A mobile subscriber number of the home region.
    Mobile,
    /// A geographic (fixed-line) number of the home region. In the NANP
    /// (US/CA) mobiles share the geographic ranges, so they land here too.
    Landline,
    /// A toll-free or shared-cost number (CN `400`/`800`, US `800`, …).
    TollFree,
    /// A short code or service number (`95588`, `10086`, `12345`, …).
    ServiceShort,
    /// A CN SMS port (`106…`), used by bulk-SMS senders.
    SmsPort,
    /// A CN mobile number of a virtual operator (segments 162, 165, 167, 170, 171),
    /// favoured by fraud and marketing callers.
    VirtualOperator,
    /// A number of another country than the home region.
    International,
    /// Hidden, empty, alphanumeric or not understood.
    Unknown,
}

/// Numbering facts of one region.
struct Plan {
    region: &'static str,
    /// Country calling code, digits only.
    cc: &'static str,
    /// Whether national numbers are dialled with a leading trunk `0`.
    trunk_zero: bool,
    /// International call prefixes, longest first.
    idd: &'static [&'static str],
    /// Shortest national significant number (without trunk prefix).
    min_nsn: usize,
    /// Longest national significant number.
    max_nsn: usize,
}

const PLANS: &[Plan] = &[
    Plan { region: "CN", cc: "86", trunk_zero: true, idd: &["00"], min_nsn: 10, max_nsn: 11 },
    Plan {
        region: "US",
        cc: "1",
        trunk_zero: false,
        idd: &["011", "00"],
        min_nsn: 10,
        max_nsn: 10,
    },
    Plan {
        region: "CA",
        cc: "1",
        trunk_zero: false,
        idd: &["011", "00"],
        min_nsn: 10,
        max_nsn: 10,
    },
    Plan { region: "GB", cc: "44", trunk_zero: true, idd: &["00"], min_nsn: 9, max_nsn: 10 },
    Plan {
        region: "HK",
        cc: "852",
        trunk_zero: false,
        idd: &["001", "002", "00"],
        min_nsn: 8,
        max_nsn: 8,
    },
    Plan {
        region: "TW",
        cc: "886",
        trunk_zero: true,
        idd: &["002", "005", "006", "007", "009", "00"],
        min_nsn: 8,
        max_nsn: 9,
    },
    Plan {
        region: "SG",
        cc: "65",
        trunk_zero: false,
        idd: &["001", "002", "008", "00"],
        min_nsn: 8,
        max_nsn: 8,
    },
    Plan { region: "AU", cc: "61", trunk_zero: true, idd: &["0011", "00"], min_nsn: 9, max_nsn: 9 },
    Plan { region: "DE", cc: "49", trunk_zero: true, idd: &["00"], min_nsn: 6, max_nsn: 13 },
    Plan { region: "FR", cc: "33", trunk_zero: true, idd: &["00"], min_nsn: 9, max_nsn: 9 },
    Plan { region: "IN", cc: "91", trunk_zero: true, idd: &["00"], min_nsn: 10, max_nsn: 10 },
    Plan { region: "JP", cc: "81", trunk_zero: true, idd: &["010", "00"], min_nsn: 9, max_nsn: 10 },
];

/// Country codes we split off E.164 numbers; three-digit ones first so that
/// `+886…` is not read as `+86`.
const KNOWN_CCS: &[&str] = &["852", "886", "86", "44", "65", "61", "49", "33", "91", "81", "1"];

/// CN IP-dialling prefixes that carriers put in front of a mobile number.
const CN_IP_PREFIXES: &[&str] = &["17951", "17911", "17909", "12593", "11808", "10193"];

/// CN virtual-operator (MVNO) mobile segments.
const CN_VIRTUAL_SEGMENTS: &[&str] = &["162", "165", "167", "170", "171"];

/// What phones, carriers and backup apps write for a caller they cannot show.
const HIDDEN_MARKERS: &[&str] = &[
    "",
    "-1",
    "-2",
    "-3",
    "unknown",
    "private",
    "private number",
    "anonymous",
    "withheld",
    "restricted",
    "unavailable",
    "no caller id",
    "null",
    "未知号码",
    "未知",
    "号码未知",
    "隐藏号码",
    "私人号码",
    "匿名",
    "无号码",
    "号码隐藏",
    "未显示号码",
    "unknown caller",
    "unknown number",
    "private caller",
    "blocked number",
    "no number",
    "not available",
];

fn plan(region: &str) -> Option<&'static Plan> {
    PLANS.iter().find(|p| p.region.eq_ignore_ascii_case(region.trim()))
}

fn plan_for_cc(cc: &str) -> Option<&'static Plan> {
    PLANS.iter().find(|p| p.cc == cc)
}

/// Maps full-width forms (U+FF01–U+FF5E) to ASCII and the ideographic space to a space.
fn fold_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// Punctuation and invisible marks that phones put inside numbers. Android
/// wraps numbers in bidi isolates (U+2066–U+2069) when it exports them.
fn is_separator(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t'
            | '-'
            | '.'
            | '('
            | ')'
            | '/'
            | '\u{00A0}'
            | '\u{2010}'..='\u{2015}'
            | '\u{2212}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
    )
}

fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// Whether the raw text is a marker for a hidden or unknown caller.
pub fn is_hidden(raw: &str) -> bool {
    // Control characters (NUL, escape sequences) are never part of a number
    // or a sender id, and must not reach a terminal or a report.
    let folded: String = raw.chars().filter(|c| !c.is_control()).map(fold_width).collect();
    let t = folded.trim().trim_matches(|c| c == '(' || c == ')' || c == '<' || c == '>');
    HIDDEN_MARKERS.iter().any(|m| m.eq_ignore_ascii_case(t.trim()))
}

/// A number as spreadsheets protect it from being read as a number
/// (`="13800138000"`, `'13800138000`), without the protection.
fn unprotect(s: &str) -> &str {
    if let Some(inner) = s.strip_prefix("=\"").and_then(|r| r.strip_suffix('"')) {
        return inner.trim();
    }
    match s.strip_prefix('\'') {
        Some(rest) if rest.starts_with(|c: char| c.is_ascii_digit() || c == '+') => rest,
        _ => s,
    }
}

/// Normalises a phone number to E.164 in `region` (ISO code, e.g. `CN`),
/// keeping short codes, SMS ports and CN toll-free numbers as national digits
/// and returning [`UNKNOWN`] for hidden callers. See the module docs.
///
/// ```
/// use leaktrace::normalize::phone::normalize;
/// assert_eq!(normalize("138 0013 8000", "CN"), "+8613800138000");
/// assert_eq!(normalize("0755-8888 1234", "CN"), "+8675588881234");
/// assert_eq!(normalize("95588", "CN"), "95588");
/// assert_eq!(normalize("07700 900123", "GB"), "+447700900123");
/// assert_eq!(normalize("隐藏号码", "CN"), "unknown");
/// assert_eq!(normalize("=\"13800138000\"", "CN"), "+8613800138000");
/// assert_eq!(normalize("'13800138000", "CN"), "+8613800138000");
/// ```
pub fn normalize(raw: &str, region: &str) -> String {
    if is_hidden(raw) {
        return UNKNOWN.to_string();
    }
    // Control characters (NUL, escape sequences) are never part of a number
    // or a sender id, and must not reach a terminal or a report.
    let folded: String = raw.chars().filter(|c| !c.is_control()).map(fold_width).collect();
    let trimmed = unprotect(folded.trim());
    let body = strip_prefix_ci(trimmed, "tel:").unwrap_or(trimmed).trim();
    let cleaned: String = body.chars().filter(|&c| !is_separator(c)).collect();
    let (plus, digits) = match cleaned.strip_prefix('+') {
        Some(d) => (true, d),
        None => (false, cleaned.as_str()),
    };
    if !all_digits(digits) {
        // An alphanumeric sender id or a service code such as `*21#`.
        return trimmed.to_string();
    }
    if digits.len() > MAX_DIGITS {
        return digits.to_string();
    }
    let home = plan(region);
    if plus {
        return international(digits);
    }
    if let Some(p) = home {
        for idd in p.idd {
            if let Some(rest) = digits.strip_prefix(idd) {
                if rest.len() >= 4 && !rest.starts_with('0') {
                    return international(rest);
                }
            }
        }
        return national(p, digits);
    }
    if let Some(rest) = digits.strip_prefix("00") {
        if rest.len() >= 4 && !rest.starts_with('0') {
            return international(rest);
        }
    }
    digits.to_string()
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    if head.eq_ignore_ascii_case(prefix) { s.get(prefix.len()..) } else { None }
}

/// Splits a known country code off the digits after `+`.
fn split_cc(digits: &str) -> Option<(&'static str, &str)> {
    KNOWN_CCS.iter().find_map(|cc| digits.strip_prefix(cc).map(|rest| (*cc, rest)))
}

/// Canonical form of the digits that follow `+` (or an international prefix).
fn international(digits: &str) -> String {
    let Some((cc, nsn)) = split_cc(digits) else {
        return format!("+{digits}");
    };
    // The "+44 (0)20…" convention: a trunk zero written after the country code.
    let nsn = match plan_for_cc(cc) {
        Some(p) if p.trunk_zero && nsn.len() > p.min_nsn => nsn.strip_prefix('0').unwrap_or(nsn),
        _ => nsn,
    };
    if cc == "86" {
        if let Some(national) = cn_national_only(nsn) {
            return national;
        }
    }
    format!("+{cc}{nsn}")
}

/// CN numbers that exist only inside China and are kept as national digits;
/// `None` for subscriber numbers.
fn cn_national_only(nsn: &str) -> Option<String> {
    // `+86 10 6…` with 10 digits is a Beijing landline, not a 106 SMS port.
    let sms_port = nsn.starts_with("106") && nsn.len() != 10;
    let toll_free = (nsn.starts_with("400") || nsn.starts_with("800")) && nsn.len() == 10;
    let short = nsn.len() <= 8 && (nsn.starts_with('1') || nsn.starts_with('9'));
    (sms_port || toll_free || short).then(|| nsn.to_string())
}

fn is_cn_mobile(d: &str) -> bool {
    d.len() == 11
        && all_digits(d)
        && d.starts_with('1')
        && matches!(d.as_bytes().get(1), Some(b'3'..=b'9'))
}

fn national(p: &Plan, digits: &str) -> String {
    match p.region {
        "CN" => cn_national(digits),
        "US" | "CA" => {
            let first_ok = |s: &str| matches!(s.as_bytes().first(), Some(b'2'..=b'9'));
            if digits.len() == 10 && first_ok(digits) {
                format!("+1{digits}")
            } else if digits.len() == 11
                && digits.starts_with('1')
                && digits.get(1..).is_some_and(first_ok)
            {
                format!("+{digits}")
            } else {
                digits.to_string()
            }
        }
        _ => {
            let nsn = if p.trunk_zero {
                match digits.strip_prefix('0') {
                    Some(n) if !n.starts_with('0') => n,
                    // India also writes mobiles without the trunk zero.
                    _ if p.region == "IN"
                        && digits.len() == 10
                        && matches!(digits.as_bytes().first(), Some(b'6'..=b'9')) =>
                    {
                        digits
                    }
                    _ => return digits.to_string(),
                }
            } else {
                if digits.starts_with('1') {
                    // HK and SG service numbers start with 1.
                    return digits.to_string();
                }
                digits
            };
            if (p.min_nsn..=p.max_nsn).contains(&nsn.len()) {
                format!("+{}{nsn}", p.cc)
            } else {
                digits.to_string()
            }
        }
    }
}

fn cn_national(digits: &str) -> String {
    let mut d = digits;
    for p in CN_IP_PREFIXES {
        if let Some(rest) = d.strip_prefix(p) {
            let rest = rest.strip_prefix('0').filter(|r| is_cn_mobile(r)).unwrap_or(rest);
            if is_cn_mobile(rest) {
                d = rest;
                break;
            }
        }
    }
    if is_cn_mobile(d) {
        return format!("+86{d}");
    }
    if let Some(m) = d.strip_prefix("86").filter(|m| is_cn_mobile(m)) {
        return format!("+86{m}");
    }
    // A trunk zero before a mobile: how some phones show calls from other cities.
    if let Some(m) = d.strip_prefix('0').filter(|m| is_cn_mobile(m)) {
        return format!("+86{m}");
    }
    if let Some(national) = cn_national_only(d) {
        return national;
    }
    // A landline: trunk 0, a 2- or 3-digit area code, a 7- or 8-digit local number.
    if let Some(rest) = d.strip_prefix('0') {
        if !rest.starts_with('0') && (9..=11).contains(&rest.len()) {
            return format!("+86{rest}");
        }
    }
    d.to_string()
}

/// What kind of number a [`normalize`]d number is, seen from `region`.
///
/// ```
/// use leaktrace::normalize::phone::{kind, NumberKind};
/// assert_eq!(kind("+8617012345678", "CN"), NumberKind::VirtualOperator);
/// assert_eq!(kind("4001234567", "CN"), NumberKind::TollFree);
/// assert_eq!(kind("+447700900123", "CN"), NumberKind::International);
/// ```
pub fn kind(normalised: &str, region: &str) -> NumberKind {
    let n = normalised.trim();
    if n.is_empty() || n == UNKNOWN {
        return NumberKind::Unknown;
    }
    let home = plan(region);
    if let Some(digits) = n.strip_prefix('+') {
        if !all_digits(digits) {
            return NumberKind::Unknown;
        }
        return match (split_cc(digits), home) {
            (Some((cc, nsn)), Some(p)) if cc == p.cc => national_kind(p.region, nsn),
            _ => NumberKind::International,
        };
    }
    if !all_digits(n) {
        return NumberKind::Unknown;
    }
    match home.map(|p| p.region) {
        Some("CN") => {
            if n.starts_with("106") {
                NumberKind::SmsPort
            } else if n.len() == 10 && (n.starts_with("400") || n.starts_with("800")) {
                NumberKind::TollFree
            } else if n.len() <= 8 && (n.starts_with('1') || n.starts_with('9')) {
                NumberKind::ServiceShort
            } else {
                national_kind("CN", n.strip_prefix('0').unwrap_or(n))
            }
        }
        _ if (3..=6).contains(&n.len()) => NumberKind::ServiceShort,
        _ => NumberKind::Unknown,
    }
}

/// Kind of a national significant number of `region`.
fn national_kind(region: &str, nsn: &str) -> NumberKind {
    let starts = |prefixes: &[&str]| prefixes.iter().any(|p| nsn.starts_with(p));
    let (mobile, toll_free): (&[&str], &[&str]) = match region {
        "CN" => {
            if is_cn_mobile(nsn) {
                return if starts(CN_VIRTUAL_SEGMENTS) {
                    NumberKind::VirtualOperator
                } else {
                    NumberKind::Mobile
                };
            }
            if let Some(k) = cn_national_only(nsn) {
                return kind(&k, "CN");
            }
            if (9..=11).contains(&nsn.len()) && !nsn.starts_with('0') {
                return NumberKind::Landline;
            }
            return NumberKind::Unknown;
        }
        "US" | "CA" => (&[], &["800", "833", "844", "855", "866", "877", "888"]),
        "GB" => (&["7"], &["800", "808"]),
        "HK" => (&["5", "6", "9"], &["800"]),
        "TW" => (&["9"], &["80"]),
        "SG" => (&["8", "9"], &["800", "1800"]),
        "AU" => (&["4"], &["1800"]),
        "DE" => (&["15", "16", "17"], &["800"]),
        "FR" => (&["6", "7"], &["80"]),
        "IN" => (&["6", "7", "8", "9"], &["1800"]),
        "JP" => (&["70", "80", "90"], &["120", "800"]),
        _ => return NumberKind::Unknown,
    };
    if starts(toll_free) {
        NumberKind::TollFree
    } else if starts(mobile) {
        NumberKind::Mobile
    } else {
        NumberKind::Landline
    }
}

/// The number with its last two digits dropped, naming the block of 100
/// neighbouring numbers it belongs to (bulk callers rent consecutive
/// numbers). `None` for hidden, alphanumeric or short numbers (fewer than 7 digits).
///
/// ```
/// use leaktrace::normalize::phone::block_prefix;
/// assert_eq!(block_prefix("+8613800138000").as_deref(), Some("+86138001380"));
/// assert_eq!(block_prefix("95588"), None);
/// ```
pub fn block_prefix(normalised: &str) -> Option<String> {
    let n = normalised.trim();
    let digits = n.strip_prefix('+').unwrap_or(n);
    if !all_digits(digits) || digits.len() < 7 {
        return None;
    }
    n.get(..n.len() - 2).map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cn(s: &str) -> String {
        normalize(s, "CN")
    }

    #[test]
    fn cn_mobiles_in_every_dress() {
        for raw in [
            "13800138000",
            "138 0013 8000",
            "138-0013-8000",
            "+86 138 0013 8000",
            "+86-13800138000",
            "(+86)13800138000",
            "008613800138000",
            "8613800138000",
            "013800138000",
            "tel:+86-138-0013-8000",
            "TEL:13800138000",
            "１３８００１３８０００",
            "＋８６　１３８００１３８０００",
            "\u{2066}+86 138 0013 8000\u{2069}",
            "1795113800138000",
            " 138.0013.8000 ",
        ] {
            assert_eq!(cn(raw), "+8613800138000", "{raw}");
        }
    }

    #[test]
    fn cn_landlines() {
        assert_eq!(cn("010-12345678"), "+861012345678");
        assert_eq!(cn("0755 8888 1234"), "+8675588881234");
        assert_eq!(cn("(0571)87654321"), "+8657187654321");
        assert_eq!(cn("0311-1234567"), "+863111234567");
        assert_eq!(cn("+86 (0)755 8888 1234"), "+8675588881234");
        assert_eq!(cn("0086 10 12345678"), "+861012345678");
        // A Beijing landline beginning with 6 is not an SMS port.
        assert_eq!(cn("+861062345678"), "+861062345678");
        // A local number without area code stays as written.
        assert_eq!(cn("8888 1234"), "88881234");
    }

    #[test]
    fn cn_service_numbers_stay_national() {
        for n in ["95588", "10086", "10010", "10000", "12345", "12315", "12321", "110"] {
            assert_eq!(cn(n), n);
            assert_eq!(cn(&format!("+86{n}")), n);
        }
        assert_eq!(cn("1069 0123 4567 89"), "10690123456789");
        assert_eq!(cn("+86106901234567"), "106901234567");
        assert_eq!(cn("10655"), "10655");
        assert_eq!(cn("400-123-4567"), "4001234567");
        assert_eq!(cn("800 123 4567"), "8001234567");
        assert_eq!(cn("+86 400 123 4567"), "4001234567");
    }

    #[test]
    fn hidden_numbers_become_the_marker() {
        for raw in ["", "  ", "-1", "-2", "Unknown", "PRIVATE", "未知号码", "隐藏号码", "(Unknown)"]
        {
            assert_eq!(cn(raw), UNKNOWN, "{raw:?}");
            assert!(is_hidden(raw));
        }
        assert!(!is_hidden("10086"));
    }

    #[test]
    fn other_regions() {
        assert_eq!(normalize("07700 900123", "GB"), "+447700900123");
        assert_eq!(normalize("+44 (0)7700 900123", "CN"), "+447700900123");
        assert_eq!(normalize("0044 7700 900123", "CN"), "+447700900123");
        assert_eq!(normalize("(201) 555-0123", "US"), "+12015550123");
        assert_eq!(normalize("1-201-555-0123", "CA"), "+12015550123");
        assert_eq!(normalize("011 44 7700 900123", "US"), "+447700900123");
        assert_eq!(normalize("9123 4567", "HK"), "+85291234567");
        assert_eq!(normalize("0912-345-678", "TW"), "+886912345678");
        assert_eq!(normalize("8123 4567", "SG"), "+6581234567");
        assert_eq!(normalize("0412 345 678", "AU"), "+61412345678");
        assert_eq!(normalize("0011 86 138 0013 8000", "AU"), "+8613800138000");
        assert_eq!(normalize("030 1234567", "DE"), "+49301234567");
        assert_eq!(normalize("06 12 34 56 78", "FR"), "+33612345678");
        assert_eq!(normalize("98765 43210", "IN"), "+919876543210");
        assert_eq!(normalize("090-1234-5678", "JP"), "+819012345678");
        assert_eq!(normalize("+886 912 345 678", "CN"), "+886912345678");
        assert_eq!(normalize("+852 9123 4567", "cn"), "+85291234567");
        // Unsupported region: only international forms are made canonical.
        assert_eq!(normalize("0044 7700 900123", "ZZ"), "+447700900123");
        assert_eq!(normalize("7700 900123", "ZZ"), "7700900123");
    }

    #[test]
    fn non_numbers_kept_as_written() {
        assert_eq!(cn(" VM-HDFCBK "), "VM-HDFCBK");
        assert_eq!(cn("AMAZON"), "AMAZON");
        assert_eq!(cn("*21#"), "*21#");
        assert_eq!(cn("86+138"), "86+138");
        let long = "1".repeat(40);
        assert_eq!(cn(&long), long);
    }

    #[test]
    fn kinds() {
        assert_eq!(kind("+8613800138000", "CN"), NumberKind::Mobile);
        for seg in ["162", "165", "167", "170", "171"] {
            assert_eq!(kind(&cn(&format!("{seg}12345678")), "CN"), NumberKind::VirtualOperator);
        }
        assert_eq!(kind("+861012345678", "CN"), NumberKind::Landline);
        assert_eq!(kind("+8675588881234", "CN"), NumberKind::Landline);
        assert_eq!(kind("4001234567", "CN"), NumberKind::TollFree);
        assert_eq!(kind("8001234567", "CN"), NumberKind::TollFree);
        assert_eq!(kind("95588", "CN"), NumberKind::ServiceShort);
        assert_eq!(kind("10086", "CN"), NumberKind::ServiceShort);
        assert_eq!(kind("12345", "CN"), NumberKind::ServiceShort);
        assert_eq!(kind("10690123456789", "CN"), NumberKind::SmsPort);
        assert_eq!(kind("+447700900123", "CN"), NumberKind::International);
        assert_eq!(kind("+8613800138000", "US"), NumberKind::International);
        assert_eq!(kind("+447700900123", "GB"), NumberKind::Mobile);
        assert_eq!(kind("+442079460000", "GB"), NumberKind::Landline);
        assert_eq!(kind("+18005550123", "US"), NumberKind::TollFree);
        assert_eq!(kind("+819012345678", "JP"), NumberKind::Mobile);
        assert_eq!(kind(UNKNOWN, "CN"), NumberKind::Unknown);
        assert_eq!(kind("", "CN"), NumberKind::Unknown);
        assert_eq!(kind("AMAZON", "CN"), NumberKind::Unknown);
        assert_eq!(kind("+86abc", "CN"), NumberKind::Unknown);
        assert_eq!(kind("88881234", "CN"), NumberKind::Unknown);
        assert_eq!(kind("+99912345", "ZZ"), NumberKind::International);
    }

    #[test]
    fn block_prefixes() {
        assert_eq!(block_prefix("+8613800138000").as_deref(), Some("+86138001380"));
        assert_eq!(block_prefix("4001234567").as_deref(), Some("40012345"));
        assert_eq!(block_prefix("10086"), None);
        assert_eq!(block_prefix(UNKNOWN), None);
        assert_eq!(block_prefix("AMAZON"), None);
        assert_eq!(block_prefix("+"), None);
        assert_eq!(block_prefix(""), None);
        // Neighbours share a block.
        assert_eq!(block_prefix(&cn("13800138011")), block_prefix(&cn("13800138099")));
    }

    #[test]
    fn hostile_input_never_panics() {
        for raw in ["+", "++", "00", "0", "+0", "tel:", "t", "\u{FF5E}", "０", "+86", "0086", "é"]
        {
            let n = cn(raw);
            let _ = kind(&n, "CN");
            let _ = block_prefix(&n);
        }
    }
}
