//! Small formatting shared by the writers: times in the report's time zone,
//! percentages, and cleaning hostile text for display.

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;

use super::data::ReportData;

/// Longest text shown in one cell or list item of the HTML and Markdown
/// reports; evidence.csv and report.json keep the whole excerpt.
pub const MAX_CELL_CHARS: usize = 400;

/// The report's time zone, or UTC when the name is not understood.
pub fn tz(data: &ReportData) -> Tz {
    data.provenance.timezone.trim().parse::<Tz>().unwrap_or(Tz::UTC)
}

/// `2024-03-05 14:02` in `tz`.
pub fn time(dt: &DateTime<Utc>, tz: Tz) -> String {
    dt.with_timezone(&tz).format("%Y-%m-%d %H:%M").to_string()
}

/// An optional time, or an en dash.
pub fn opt_time(dt: Option<&DateTime<Utc>>, tz: Tz) -> String {
    dt.map(|d| time(d, tz)).unwrap_or_else(|| "–".to_string())
}

/// The calendar day of `dt` in `tz`.
pub fn day(dt: &DateTime<Utc>, tz: Tz) -> NaiveDate {
    dt.with_timezone(&tz).date_naive()
}

/// A probability as a whole percentage (`83%`); NaN shows as a dash.
pub fn pct(p: f64) -> String {
    if p.is_finite() { format!("{:.0}%", (p.clamp(0.0, 1.0) * 100.0)) } else { "–".to_string() }
}

/// True for characters that must not reach a reader's screen as they are:
/// C0/C1 controls (other than tab and newline) and the bidirectional
/// embedding, override and isolate marks that can make hostile text read
/// differently from what it is ("Trojan Source", CVE-2021-42574).
fn is_hidden_control(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
}

/// Text for display: hidden controls dropped, cut at [`MAX_CELL_CHARS`]
/// characters (with an ellipsis). Escaping is the renderer's job.
pub fn clean(s: &str) -> String {
    let mut out = String::with_capacity(s.len().min(MAX_CELL_CHARS * 4));
    for (n, c) in s.chars().filter(|c| !is_hidden_control(*c)).enumerate() {
        if n == MAX_CELL_CHARS {
            out.push('…');
            break;
        }
        out.push(c);
    }
    out
}

/// [`clean`], with every run of whitespace (newlines included) as one space,
/// for table cells and list items.
pub fn one_line(s: &str) -> String {
    clean(s).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `s` escaped for HTML and XML text and attribute values.
pub fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// The first `max` characters of `s`, with an ellipsis when cut.
pub fn truncate(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", s.get(..i).unwrap_or("")),
        None => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_drops_controls_and_caps() {
        assert_eq!(clean("a\u{202E}b\u{0}c\nd"), "abc\nd");
        let long = "长".repeat(MAX_CELL_CHARS + 10);
        let c = clean(&long);
        assert_eq!(c.chars().count(), MAX_CELL_CHARS + 1);
        assert!(c.ends_with('…'));
        assert_eq!(one_line(" a\n\n b\tc "), "a b c");
        assert_eq!(truncate("链家望京店", 2), "链家…");
        assert_eq!(truncate("ab", 2), "ab");
        assert_eq!(html_escape("<a href='x'>&\""), "&lt;a href=&#39;x&#39;&gt;&amp;&quot;");
    }

    #[test]
    fn percentages_and_times() {
        assert_eq!(pct(0.834), "83%");
        assert_eq!(pct(f64::NAN), "–");
        assert_eq!(pct(7.0), "100%");
        let t = DateTime::parse_from_rfc3339("2024-03-05T06:02:00Z").unwrap().with_timezone(&Utc);
        assert_eq!(time(&t, "Asia/Shanghai".parse().unwrap()), "2024-03-05 14:02");
    }
}
