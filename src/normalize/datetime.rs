//! Dates, times and durations as phones, carriers and backup apps write them:
//! owns reading them into a UTC instant (naive times in the person's time
//! zone) and into a number of seconds.
//!
//! Accepted date-times ([`parse`]):
//!
//! | style | example |
//! |---|---|
//! | ISO 8601 / RFC 3339, `T` or space, seconds and fraction optional, zone optional | `2024-03-05T14:03:07+08:00`, `2024-03-05 14:03`, `2024-03-05T06:03Z` |
//! | year first, `-` `/` `.`, one- or two-digit month and day | `2024/3/5 14:03`, `2024-3-5 14:03:07`, `2024.03.05 14:03` |
//! | Chinese | `2024年3月5日 14:03`, `2024年3月5日 下午2:03`, `2024年3月5日14时03分` |
//! | US month first, 12- or 24-hour clock | `03/05/2024 2:03 PM`, `3/5/2024 14:03` |
//! | European day first with dots | `05.03.2024 14:03` |
//! | English month names (SMS Backup & Restore `readable_date`, RFC 2822) | `Mar 5, 2024 2:03:07 PM`, `Tue, 05 Mar 2024 14:03:07 +0800` |
//! | Unix epoch, seconds (10 digits) or milliseconds (13 digits) | `1709618580`, `1709618580000` |
//! | compact | `20240305140307` |
//!
//! Also Java's `Date.toString()` (`Tue Mar 05 14:03:07 GMT+08:00 2024`),
//! `March 5, 2024 at 2:03 PM`, a weekday anywhere (`2024/3/5 星期二 14:03`),
//! and a zone written as the abbreviation of the person's own zone (`CST` in
//! Shanghai, `EDT` in New York). Two-digit years are refused: `24/03/05`
//! may be either end.
//!
//! With the year last and `/` or `-`, the month comes first (US order) unless
//! the first number is over 12, or the caller says the file is day first
//! ([`DateOrder`]); with dots the day comes first. A date without
//! a time is midnight. Years outside [`MIN_YEAR`]–[`MAX_YEAR`] are refused:
//! such dates in exports are placeholders (`1970-01-01`, `0000-00-00`) or
//! corruption, never a real call.

use chrono::{
    DateTime, Datelike, Duration, FixedOffset, LocalResult, NaiveDate, NaiveDateTime, NaiveTime,
    TimeZone, Utc,
};
use std::fmt;

/// Earliest year accepted.
pub const MIN_YEAR: i32 = 1970;
/// Latest year accepted.
pub const MAX_YEAR: i32 = 2100;
/// Longest date text read; longer text is not a date.
pub const MAX_DATE_CHARS: usize = 64;
/// Longest duration accepted, in seconds (7 days); longer ones are corruption.
pub const MAX_DURATION_S: u64 = 7 * 24 * 3600;

/// Why a date could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateError {
    /// The text is empty.
    Empty,
    /// The text is not a date in any style we know.
    Unreadable,
    /// A date, but its year is outside [`MIN_YEAR`]–[`MAX_YEAR`].
    OutOfRange(i32),
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateError::Empty => f.write_str("no date"),
            DateError::Unreadable => f.write_str("unreadable date"),
            DateError::OutOfRange(y) => {
                write!(f, "date out of range (year {y}, expected {MIN_YEAR}–{MAX_YEAR})")
            }
        }
    }
}

/// How a date written `a/b/yyyy` is read when both `a` and `b` are 12 or less.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DateOrder {
    /// Month first (US), unless the first number is over 12; day first with dots.
    #[default]
    Auto,
    /// Day first (most of the world outside North America): `05/03/2024` is 5 March.
    DayFirst,
    /// Month first: `05/03/2024` is 3 May.
    MonthFirst,
}

impl DateOrder {
    /// The order a region writes `a/b/yyyy` in, for a file whose dates do not
    /// settle it themselves (`CN` and the regions not listed keep [`DateOrder::Auto`]).
    pub fn of_region(region: &str) -> DateOrder {
        const MONTH_FIRST: &[&str] = &["US", "CA", "PH", "PR", "GU", "AS", "VI", "MP", "FM"];
        const DAY_FIRST: &[&str] = &[
            "GB", "IE", "AU", "NZ", "IN", "HK", "MO", "SG", "MY", "ZA", "FR", "DE", "ES", "IT",
            "NL", "BE", "PT", "BR", "AR", "MX", "RU", "TR", "ID", "TH", "VN", "PK", "NG", "KE",
            "EG", "SA", "AE", "IL", "GR", "PL", "SE", "NO", "DK", "FI", "AT", "CH", "CZ",
        ];
        let r = region.trim().to_ascii_uppercase();
        if MONTH_FIRST.contains(&r.as_str()) {
            DateOrder::MonthFirst
        } else if DAY_FIRST.contains(&r.as_str()) {
            DateOrder::DayFirst
        } else {
            DateOrder::Auto
        }
    }

    /// What one written date says about the order of a file's dates: day
    /// first when its first number is over 12, month first when its second
    /// is; `None` when it does not tell (`05/03/2024`, `2024-03-05`).
    pub fn evidence(raw: &str) -> Option<DateOrder> {
        let head = raw.trim().split([' ', 'T']).next().unwrap_or("");
        let nums: Vec<&str> = head.split(['/', '-', '.']).collect();
        let [a, b, c] = nums.as_slice() else { return None };
        if c.len() != 4 || a.len() > 2 || b.len() > 2 {
            return None;
        }
        let (a, b) = (a.parse::<u32>().ok()?, b.parse::<u32>().ok()?);
        match (a > 12, b > 12) {
            (true, false) => Some(DateOrder::DayFirst),
            (false, true) => Some(DateOrder::MonthFirst),
            _ => None,
        }
    }
}

/// Parses a date/time as call logs and SMS exports write it; naive times are in `tz`.
///
/// ```
/// use leaktrace::normalize::datetime::parse;
/// let tz = chrono_tz::Asia::Shanghai;
/// let t = parse("2024年3月5日 下午2:03", tz).unwrap();
/// assert_eq!(t.to_rfc3339(), "2024-03-05T06:03:00+00:00");
/// assert_eq!(parse("1709618580", tz), Some(t));
/// ```
pub fn parse(raw: &str, tz: chrono_tz::Tz) -> Option<DateTime<Utc>> {
    parse_checked(raw, tz).ok()
}

/// Like [`parse`], but says why a date was refused.
pub fn parse_checked(raw: &str, tz: chrono_tz::Tz) -> Result<DateTime<Utc>, DateError> {
    parse_checked_in(raw, tz, DateOrder::Auto)
}

/// Like [`parse_checked`], reading `a/b/yyyy` dates in `order`.
pub fn parse_checked_in(
    raw: &str,
    tz: chrono_tz::Tz,
    order: DateOrder,
) -> Result<DateTime<Utc>, DateError> {
    let s = raw.trim();
    if s.is_empty() {
        return Err(DateError::Empty);
    }
    if s.chars().count() > MAX_DATE_CHARS {
        return Err(DateError::Unreadable);
    }
    let s: String = s.chars().map(fold_width).collect();
    let s = s.trim();
    if s.bytes().all(|b| b.is_ascii_digit()) {
        return parse_all_digits(s, tz);
    }
    let (s, meridiem) = take_meridiem(s);
    let s = chinese_to_ascii(&s);
    let s = s.trim();

    let (date_part, time_part, zone_part) = split_parts(s)?;
    // Java's `Date.toString()` puts the year after the zone:
    // `Tue Mar 05 14:03:07 GMT+08:00 2024`.
    let (date_part, zone_part) = match zone_part.rsplit_once(' ') {
        Some((zone, year)) if year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()) => {
            (format!("{date_part} {year}"), zone.trim())
        }
        _ if zone_part.len() == 4 && zone_part.bytes().all(|b| b.is_ascii_digit()) => {
            (format!("{date_part} {zone_part}"), "")
        }
        _ => (date_part.to_string(), zone_part),
    };
    let (y, m, d) = parse_date(&date_part, order)?;
    if !(MIN_YEAR..=MAX_YEAR).contains(&y) {
        return Err(DateError::OutOfRange(y));
    }
    let date = NaiveDate::from_ymd_opt(y, m, d).ok_or(DateError::Unreadable)?;
    let time = match time_part {
        Some(t) => parse_time(t, meridiem)?,
        None => NaiveTime::MIN,
    };
    let naive = NaiveDateTime::new(date, time);
    if let Some(t) = in_named_zone(naive, zone_part, tz) {
        return Ok(t);
    }
    match parse_zone(zone_part)? {
        Some(offset) => offset.from_local_datetime(&naive).single().map(|t| t.with_timezone(&Utc)),
        None => local_to_utc(naive, tz),
    }
    .ok_or(DateError::Unreadable)
}

/// A time followed by the abbreviation of `tz` itself (`CST` in Shanghai,
/// `EDT` in New York in summer), as a phone prints its own zone: read in
/// `tz`. Other names (`CST` read in New York) are not guessed at.
fn in_named_zone(naive: NaiveDateTime, zone: &str, tz: chrono_tz::Tz) -> Option<DateTime<Utc>> {
    use chrono_tz::OffsetName;
    if zone.len() < 2 || !zone.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    // At the autumn fold both readings exist (`01:30 EDT`, `01:30 EST`).
    let candidates = match tz.from_local_datetime(&naive) {
        LocalResult::Single(t) => vec![t],
        LocalResult::Ambiguous(a, b) => vec![a, b],
        LocalResult::None => Vec::new(),
    };
    candidates.into_iter().find_map(|t| {
        let named = t.offset().abbreviation().is_some_and(|a| a.eq_ignore_ascii_case(zone));
        named.then(|| t.with_timezone(&Utc))
    })
}

/// Maps full-width forms to ASCII (`２０２４／３／５`, `１４：０３`).
fn fold_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

fn parse_all_digits(s: &str, tz: chrono_tz::Tz) -> Result<DateTime<Utc>, DateError> {
    let n: i64 = s.parse().map_err(|_| DateError::Unreadable)?;
    let t = match s.len() {
        10 => DateTime::from_timestamp(n, 0),
        13 => DateTime::from_timestamp_millis(n),
        14 => {
            // Sliced by hand: chrono's `%Y` would swallow every digit.
            let part = |r: std::ops::Range<usize>| s.get(r).and_then(|p| p.parse::<u32>().ok());
            let y = s.get(..4).and_then(|p| p.parse::<i32>().ok()).ok_or(DateError::Unreadable)?;
            check_year(y)?;
            let (mo, d, h, mi, se) =
                (part(4..6), part(6..8), part(8..10), part(10..12), part(12..14));
            let date = NaiveDate::from_ymd_opt(y, mo.unwrap_or(0), d.unwrap_or(0));
            let time = NaiveTime::from_hms_opt(h.unwrap_or(99), mi.unwrap_or(99), se.unwrap_or(99));
            date.zip(time).and_then(|(d, t)| local_to_utc(NaiveDateTime::new(d, t), tz))
        }
        _ => None,
    }
    .ok_or(DateError::Unreadable)?;
    check_year(t.year())?;
    Ok(t)
}

fn check_year(y: i32) -> Result<(), DateError> {
    if (MIN_YEAR..=MAX_YEAR).contains(&y) { Ok(()) } else { Err(DateError::OutOfRange(y)) }
}

/// Reads a naive time in `tz`. At the autumn fold the earlier instant is
/// taken; in the spring gap the time is read one hour later, as the clock
/// on the phone showed it after jumping.
fn local_to_utc(naive: NaiveDateTime, tz: chrono_tz::Tz) -> Option<DateTime<Utc>> {
    match tz.from_local_datetime(&naive) {
        LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => Some(t.with_timezone(&Utc)),
        LocalResult::None => {
            tz.from_local_datetime(&(naive + Duration::hours(1))).earliest().map(|t| t.to_utc())
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Meridiem {
    Am,
    Pm,
    Noon,
}

/// Removes a 12-hour clock marker (`PM`, `p.m.`, `下午`, …) and says which.
fn take_meridiem(s: &str) -> (String, Option<Meridiem>) {
    const CHINESE: &[(&str, Meridiem)] = &[
        ("上午", Meridiem::Am),
        ("凌晨", Meridiem::Am),
        ("早上", Meridiem::Am),
        ("清晨", Meridiem::Am),
        ("中午", Meridiem::Noon),
        ("下午", Meridiem::Pm),
        ("傍晚", Meridiem::Pm),
        ("晚上", Meridiem::Pm),
    ];
    for (word, m) in CHINESE {
        if s.contains(word) {
            return (s.replacen(word, " ", 1), Some(*m));
        }
    }
    let lower = s.to_ascii_lowercase();
    for (suffix, m) in [("p.m.", Meridiem::Pm), ("a.m.", Meridiem::Am), ("pm", Meridiem::Pm)]
        .into_iter()
        .chain([("am", Meridiem::Am)])
    {
        if let Some(head) = lower.strip_suffix(suffix) {
            // "…2:03 PM" or "…2:03PM", but not the end of a word.
            if head.ends_with(|c: char| c.is_ascii_digit() || c == ' ') {
                return (s.get(..head.len()).unwrap_or(s).to_string(), Some(m));
            }
        }
    }
    (s.to_string(), None)
}

/// `2024年3月5日 14时03分` → `2024-3-5  14:03:`.
fn chinese_to_ascii(s: &str) -> String {
    s.chars()
        .filter_map(|c| match c {
            '年' | '月' => Some('-'),
            '日' | '号' => Some(' '),
            '时' | '点' | '分' | '：' => Some(':'),
            '秒' => None,
            _ => Some(c),
        })
        .collect()
}

/// Splits `date[T ]time[zone]` at the time, which starts with the digits
/// before the first `:`.
fn split_parts(s: &str) -> Result<(&str, Option<&str>, &str), DateError> {
    let Some(colon) = s.find(':') else {
        return Ok((s, None, ""));
    };
    let head = s.get(..colon).ok_or(DateError::Unreadable)?;
    let time_start = head.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if time_start == colon {
        return Err(DateError::Unreadable);
    }
    let date = s.get(..time_start).ok_or(DateError::Unreadable)?.trim_end();
    // `March 5, 2024 at 2:03 PM`.
    let date = match date.len().checked_sub(3).and_then(|i| date.get(i..)) {
        Some(tail) if tail.eq_ignore_ascii_case(" at") => {
            date.get(..date.len() - 3).unwrap_or(date)
        }
        _ => date,
    };
    let date = date.trim_end().trim_end_matches(['T', 't', ',']).trim_end();
    let rest = s.get(time_start..).ok_or(DateError::Unreadable)?;
    let time_len = rest
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, ':' | '.' | ',')))
        .unwrap_or(rest.len());
    let time = rest.get(..time_len).ok_or(DateError::Unreadable)?;
    let zone = rest.get(time_len..).unwrap_or("").trim();
    Ok((date, Some(time), zone))
}

fn month_from_name(tok: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let lower = tok.trim_end_matches('.').to_ascii_lowercase();
    if lower.len() < 3 || !lower.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    MONTHS.iter().position(|m| m.starts_with(&lower)).and_then(|i| u32::try_from(i + 1).ok())
}

/// A weekday name (`Tue`, `Tuesday`, `星期二`, `周二`) or the `at` of
/// `March 5, 2024 at 2:03 PM`: words a date may carry that say nothing more.
fn is_weekday(tok: &str) -> bool {
    const DAYS: [&str; 7] =
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
    let lower = tok.trim_end_matches(['.', ',']).to_ascii_lowercase();
    if lower == "at" {
        return true;
    }
    if let Some(d) = ["星期", "礼拜", "周"].iter().find_map(|p| lower.strip_prefix(p)) {
        // `星期日`: the 日 was read as the date's day marker before this.
        return matches!(d, "" | "一" | "二" | "三" | "四" | "五" | "六" | "日" | "天");
    }
    lower.len() >= 3 && DAYS.iter().any(|d| d.starts_with(&lower))
}

fn parse_date(s: &str, order: DateOrder) -> Result<(i32, u32, u32), DateError> {
    let sep = s.chars().find(|c| matches!(c, '-' | '/' | '.'));
    let mut nums: Vec<&str> = Vec::with_capacity(3);
    let mut month_word = None;
    for tok in s.split(['-', '/', '.', ' ', ',', '\t']).filter(|t| !t.is_empty()) {
        if tok.bytes().all(|b| b.is_ascii_digit()) && tok.len() <= 4 && nums.len() < 3 {
            nums.push(tok);
        } else if let Some(m) = month_from_name(tok).filter(|_| month_word.is_none()) {
            month_word = Some(m);
        } else if !is_weekday(tok) {
            return Err(DateError::Unreadable);
        }
    }
    let num = |t: &str| t.parse::<u32>().map_err(|_| DateError::Unreadable);
    let year = |t: &str| t.parse::<i32>().map_err(|_| DateError::Unreadable);
    match (month_word, nums.as_slice()) {
        (Some(m), [a, b]) if a.len() == 4 => Ok((year(a)?, m, num(b)?)),
        (Some(m), [a, b]) if b.len() == 4 => Ok((year(b)?, m, num(a)?)),
        (None, [a, b, c]) if a.len() == 4 => Ok((year(a)?, num(b)?, num(c)?)),
        (None, [a, b, c]) if c.len() == 4 => {
            let (first, second) = (num(a)?, num(b)?);
            let y = year(c)?;
            let day_first = match order {
                _ if first > 12 => true,
                _ if second > 12 => false,
                // `05.03.2024` is day first everywhere.
                _ if sep == Some('.') => true,
                DateOrder::DayFirst => true,
                DateOrder::MonthFirst => false,
                DateOrder::Auto => false,
            };
            if day_first { Ok((y, second, first)) } else { Ok((y, first, second)) }
        }
        _ => Err(DateError::Unreadable),
    }
}

fn parse_time(s: &str, meridiem: Option<Meridiem>) -> Result<NaiveTime, DateError> {
    let (hms, frac) = match s.find(['.', ',']) {
        Some(i) => (s.get(..i).unwrap_or(""), s.get(i + 1..).unwrap_or("")),
        None => (s, ""),
    };
    let mut parts: Vec<&str> = hms.split(':').collect();
    if parts.len() > 1 && parts.last() == Some(&"") {
        parts.pop();
    }
    let field = |t: &str| -> Result<u32, DateError> {
        if t.is_empty() || t.len() > 2 {
            return Err(DateError::Unreadable);
        }
        t.parse().map_err(|_| DateError::Unreadable)
    };
    let (mut h, m, sec) = match parts.as_slice() {
        [h] => (field(h)?, 0, 0),
        [h, m] => (field(h)?, field(m)?, 0),
        [h, m, s] => (field(h)?, field(m)?, field(s)?),
        _ => return Err(DateError::Unreadable),
    };
    match meridiem {
        Some(Meridiem::Pm) if h < 12 => h += 12,
        Some(Meridiem::Am) if h == 12 => h = 0,
        Some(Meridiem::Noon) if h < 11 => h += 12,
        _ => {}
    }
    let nanos = if frac.is_empty() {
        0
    } else {
        if !frac.bytes().all(|b| b.is_ascii_digit()) {
            return Err(DateError::Unreadable);
        }
        let digits = frac.get(..frac.len().min(9)).unwrap_or("0");
        let n: u32 = digits.parse().map_err(|_| DateError::Unreadable)?;
        n * 10u32.pow(9 - u32::try_from(digits.len()).unwrap_or(9))
    };
    NaiveTime::from_hms_nano_opt(h, m, sec, nanos).ok_or(DateError::Unreadable)
}

/// `""` → naive; `Z`, `UTC`, `GMT` → UTC; `+08:00`, `+0800`, `+08`, `UTC+8` → that offset.
fn parse_zone(s: &str) -> Result<Option<FixedOffset>, DateError> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    let upper = s.to_ascii_uppercase();
    let rest = upper
        .strip_prefix("UTC")
        .or_else(|| upper.strip_prefix("GMT"))
        .or_else(|| upper.strip_prefix('Z'))
        .unwrap_or(&upper)
        .trim();
    if rest.is_empty() {
        return Ok(FixedOffset::east_opt(0));
    }
    let (sign, digits) = match rest.as_bytes().first() {
        Some(b'+') => (1, rest.get(1..).unwrap_or("")),
        Some(b'-') => (-1, rest.get(1..).unwrap_or("")),
        _ => return Err(DateError::Unreadable),
    };
    let digits: String = digits.chars().filter(|&c| c != ':').collect();
    if digits.is_empty() || digits.len() > 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(DateError::Unreadable);
    }
    let (h, m) = match digits.len() {
        1 | 2 => (digits.parse::<i32>(), Ok(0)),
        3 => (digits.get(..1).unwrap_or("").parse(), digits.get(1..).unwrap_or("").parse()),
        _ => (digits.get(..2).unwrap_or("").parse(), digits.get(2..).unwrap_or("").parse()),
    };
    let (h, m) = (h.map_err(|_| DateError::Unreadable)?, m.map_err(|_| DateError::Unreadable)?);
    if h > 14 || m > 59 {
        return Err(DateError::Unreadable);
    }
    FixedOffset::east_opt(sign * (h * 3600 + m * 60)).map(Some).ok_or(DateError::Unreadable)
}

/// Parses a call duration into seconds: `125`, `2:05`, `00:02:05`, `2分5秒`,
/// `1小时2分3秒`, `125秒`, `2m 5s`, `125s`, `1h 2m`. Negative, unreadable or
/// longer than [`MAX_DURATION_S`] → `None`.
///
/// ```
/// use leaktrace::normalize::datetime::parse_duration;
/// assert_eq!(parse_duration("2分5秒"), Some(125));
/// assert_eq!(parse_duration("00:02:05"), Some(125));
/// assert_eq!(parse_duration("-3"), None);
/// ```
pub fn parse_duration(raw: &str) -> Option<u64> {
    let s: String = raw.trim().chars().map(fold_width).collect();
    let s = s.trim();
    if s.is_empty() || s.len() > MAX_DATE_CHARS {
        return None;
    }
    let secs = if s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse::<u64>().ok()?
    } else if s.contains(':') {
        clock_duration(s)?
    } else {
        unit_duration(s)?
    };
    (secs <= MAX_DURATION_S).then_some(secs)
}

fn small(t: &str) -> Option<u64> {
    if t.is_empty() || t.len() > 9 || !t.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    t.parse().ok()
}

/// `m:ss` or `h:mm:ss`.
fn clock_duration(s: &str) -> Option<u64> {
    let parts: Vec<&str> = s.split(':').collect();
    match parts.as_slice() {
        [m, sec] => {
            let sec = small(sec)?;
            (sec < 60).then_some(small(m)? * 60 + sec)
        }
        [h, m, sec] => {
            let (m, sec) = (small(m)?, small(sec)?);
            (m < 60 && sec < 60).then_some(small(h)? * 3600 + m * 60 + sec)
        }
        _ => None,
    }
}

/// A sequence of number + unit, Chinese or English; a bare trailing number
/// counts as seconds (`2分5`).
fn unit_duration(s: &str) -> Option<u64> {
    let mut total: u64 = 0;
    let mut rest = s;
    let mut any = false;
    while !rest.is_empty() {
        rest = rest.trim_start();
        let n_len = rest.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(rest.len());
        let (n, tenths) = decimal(rest.get(..n_len)?)?;
        rest = rest.get(n_len..)?.trim_start();
        let u_len = rest.find(|c: char| c.is_ascii_digit() || c == ' ').unwrap_or(rest.len());
        let unit = rest.get(..u_len)?.to_ascii_lowercase();
        rest = rest.get(u_len..)?;
        let mult = match unit.trim_end_matches(',') {
            "" if any => 1,
            "s" | "sec" | "secs" | "second" | "seconds" | "秒" | "秒钟" => 1,
            "m" | "min" | "mins" | "minute" | "minutes" | "分" | "分钟" => 60,
            "h" | "hr" | "hrs" | "hour" | "hours" | "小时" | "时" | "钟头" => 3600,
            _ => return None,
        };
        // `0.5 min`, `1.5 minutes` (US carrier bills): tenths of the unit.
        let part = n.checked_mul(mult)?.checked_add(tenths.checked_mul(mult)? / 10)?;
        total = total.checked_add(part)?;
        any = true;
    }
    any.then_some(total)
}

/// `12` → (12, 0); `1.5` → (1, 5): a whole number with at most one decimal.
fn decimal(t: &str) -> Option<(u64, u64)> {
    match t.split_once('.') {
        None => Some((small(t)?, 0)),
        Some((whole, frac)) if frac.len() == 1 => Some((small(whole)?, small(frac)?)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono_tz::Tz;

    const SH: Tz = chrono_tz::Asia::Shanghai;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).map(|t| t.with_timezone(&Utc)).unwrap()
    }

    #[test]
    fn every_style_reads_the_same_instant() {
        // 2024-03-05 14:03 in Shanghai is 06:03 UTC.
        let want = utc("2024-03-05T06:03:00Z");
        for raw in [
            "2024-03-05T14:03",
            "2024-03-05 14:03",
            "2024-03-05T14:03:00",
            "2024-03-05 14:03:00.000",
            "2024-03-05T14:03:00+08:00",
            "2024-03-05T14:03:00+0800",
            "2024-03-05T14:03+08",
            "2024-03-05T06:03:00Z",
            "2024-03-05T06:03Z",
            "2024-03-05 06:03:00 UTC",
            "2024-03-05T01:03:00-05:00",
            "2024/3/5 14:03",
            "2024-3-5 14:03",
            "2024年3月5日 14:03",
            "2024年3月5日 下午2:03",
            "2024年3月5日下午2:03",
            "2024年03月05日 14时03分",
            "2024.03.05 14:03",
            "03/05/2024 2:03 PM",
            "03/05/2024 2:03PM",
            "3/5/2024 14:03",
            "05.03.2024 14:03",
            "Mar 5, 2024 2:03:00 PM",
            "5 March 2024 14:03",
            "Tue, 05 Mar 2024 14:03:00 +0800",
            "1709618580",
            "1709618580000",
            "20240305140300",
            "２０２４／３／５　１４：０３",
            "Tue Mar 05 14:03:00 GMT+08:00 2024",
            "Tue Mar 05 14:03:00 CST 2024",
            "2024-03-05 14:03 CST",
            "Tuesday, March 5, 2024 at 2:03 PM",
            "2024/3/5 星期二 14:03",
        ] {
            assert_eq!(parse(raw, SH), Some(want), "{raw}");
        }
    }

    #[test]
    fn seconds_fractions_and_edges() {
        assert_eq!(parse("2024-3-5 14:03:07", SH), Some(utc("2024-03-05T06:03:07Z")));
        assert_eq!(parse("2024-03-05 14:03:07.5", SH), Some(utc("2024-03-05T06:03:07.5Z")));
        assert_eq!(parse("2024-03-05", SH), Some(utc("2024-03-04T16:00:00Z")));
        assert_eq!(parse("13/05/2024 09:00", SH), Some(utc("2024-05-13T01:00:00Z")));
        assert_eq!(parse("2024年3月5日 上午12:30", SH), Some(utc("2024-03-04T16:30:00Z")));
        assert_eq!(parse("2024年3月5日 中午12:30", SH), Some(utc("2024-03-05T04:30:00Z")));
        assert_eq!(parse("2024年3月5日 晚上8点", SH), Some(utc("2024-03-05T12:00:00Z")));
        assert_eq!(parse("3/5/2024 12:15 AM", chrono_tz::UTC), Some(utc("2024-03-05T00:15:00Z")));
    }

    #[test]
    fn naive_times_use_the_zone_including_dst() {
        let ny = chrono_tz::America::New_York;
        assert_eq!(parse("2024-07-01 12:00", ny), Some(utc("2024-07-01T16:00:00Z")));
        // The spring gap: 02:30 did not exist, read as 03:30 EDT.
        assert_eq!(parse("2024-03-10 02:30", ny), Some(utc("2024-03-10T07:30:00Z")));
        // The autumn fold: the earlier (EDT) instant.
        assert_eq!(parse("2024-11-03 01:30", ny), Some(utc("2024-11-03T05:30:00Z")));
    }

    #[test]
    fn refusals_say_why() {
        assert_eq!(parse_checked("", SH), Err(DateError::Empty));
        assert_eq!(parse_checked("1969-12-31 23:00", SH), Err(DateError::OutOfRange(1969)));
        assert_eq!(parse_checked("2101-01-01", SH), Err(DateError::OutOfRange(2101)));
        assert_eq!(parse_checked("0000-00-00 00:00:00", SH), Err(DateError::OutOfRange(0)));
        assert_eq!(parse_checked("9999999999999", SH), Err(DateError::OutOfRange(2286)));
        for bad in [
            "yesterday",
            "2024-02-30 10:00",
            "2024-13-01",
            "25:00",
            "2024-03-05 25:00",
            "2024-03-05 14:03:07:09",
            "12345",
            "2024-03-05 14:03 +99:00",
            "Mar Apr 2024",
            "1/2/3",
            ":",
            "T:",
            "下午",
            "ｘ",
        ] {
            assert_eq!(parse_checked(bad, SH), Err(DateError::Unreadable), "{bad}");
        }
        assert_eq!(parse_checked(&"2".repeat(100), SH), Err(DateError::Unreadable));
        assert!(DateError::OutOfRange(1969).to_string().contains("1969"));
    }

    #[test]
    fn day_and_month_order() {
        let may3 = utc("2024-05-03T01:00:00Z");
        let mar5 = utc("2024-03-05T01:00:00Z");
        assert_eq!(parse_checked_in("05/03/2024 09:00", SH, DateOrder::DayFirst), Ok(mar5));
        assert_eq!(parse_checked_in("05/03/2024 09:00", SH, DateOrder::MonthFirst), Ok(may3));
        assert_eq!(parse_checked_in("05/03/2024 09:00", SH, DateOrder::Auto), Ok(may3));
        // A number over 12 settles it whatever the order.
        assert_eq!(
            parse_checked_in("13/05/2024 09:00", SH, DateOrder::MonthFirst).ok(),
            Some(utc("2024-05-13T01:00:00Z"))
        );
        assert_eq!(DateOrder::evidence("13/03/2024 14:03"), Some(DateOrder::DayFirst));
        assert_eq!(DateOrder::evidence("03/13/2024"), Some(DateOrder::MonthFirst));
        assert_eq!(DateOrder::evidence("05/03/2024"), None);
        assert_eq!(DateOrder::evidence("2024-03-13"), None);
        assert_eq!(DateOrder::of_region("hk"), DateOrder::DayFirst);
        assert_eq!(DateOrder::of_region("US"), DateOrder::MonthFirst);
        assert_eq!(DateOrder::of_region("CN"), DateOrder::Auto);
        // Dots are day first whatever the order; two-digit years are refused.
        assert_eq!(parse_checked_in("05.03.2024 09:00", SH, DateOrder::MonthFirst), Ok(mar5));
        assert_eq!(parse_checked("24/03/05 14:03", SH), Err(DateError::Unreadable));
        assert_eq!(DateOrder::evidence("24/03/05"), None);
        assert_eq!(parse("2024/3/10 星期日 14:03", SH), Some(utc("2024-03-10T06:03:00Z")));
        let ny = chrono_tz::America::New_York;
        assert_eq!(parse("2024-11-03 01:30 EST", ny), Some(utc("2024-11-03T06:30:00Z")));
        assert_eq!(parse("2024-11-03 01:30 EDT", ny), Some(utc("2024-11-03T05:30:00Z")));
        // A zone name that is not the person's own zone is not guessed at.
        let ny = chrono_tz::America::New_York;
        assert_eq!(parse_checked("2024-03-05 14:03 CST", ny), Err(DateError::Unreadable));
        assert_eq!(parse("2024-07-05 14:03 EDT", ny), Some(utc("2024-07-05T18:03:00Z")));
    }

    #[test]
    fn durations() {
        for (raw, want) in [
            ("125", 125),
            ("2:05", 125),
            ("00:02:05", 125),
            ("2分5秒", 125),
            ("1小时2分3秒", 3723),
            ("125秒", 125),
            ("2m 5s", 125),
            ("2m5s", 125),
            ("125s", 125),
            ("1h 2m", 3720),
            ("2分钟5秒", 125),
            ("2分5", 125),
            ("0", 0),
            (" 12 ", 12),
            ("１２５", 125),
            ("0.5 Minutes", 30),
            ("1.5 min", 90),
            ("2 min 5 sec", 125),
        ] {
            assert_eq!(parse_duration(raw), Some(want), "{raw}");
        }
        for bad in [
            "",
            "-3",
            "-1:00",
            "abc",
            "2x",
            "1:75",
            "1:2:3:4",
            "604801",
            "8天",
            "99999999999999999999",
            "1:60:00",
            "s",
            "分",
        ] {
            assert_eq!(parse_duration(bad), None, "{bad}");
        }
        assert_eq!(parse_duration("604800"), Some(MAX_DURATION_S));
    }
}
