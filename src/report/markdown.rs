//! `report.md`: the same content as the HTML report, as Markdown for e-mail
//! and chat. Text from the inputs is backslash-escaped (CommonMark allows any
//! ASCII punctuation to be escaped), so spam cannot open HTML, links, tables
//! or headings; table cells lose their line breaks. The timeline is a
//! compact per-week table with text bars.

use std::fmt::Write as _;

use super::chart;
use super::content::{self, Block, Table};
use super::data::ReportData;
use super::text::{self, Key, t, tf};
use crate::category::Category;

/// Characters of the longest text bar in the timeline table.
const BAR_WIDTH: u32 = 20;

/// Writes `report.md` for `data`.
pub fn write(data: &ReportData, w: &mut dyn std::io::Write) -> std::io::Result<()> {
    w.write_all(render(data).as_bytes())
}

/// The whole document as a string.
pub fn render(data: &ReportData) -> String {
    let mut s = String::with_capacity(32 * 1024);
    for b in content::build(data) {
        block(data, &b, &mut s);
    }
    s
}

/// `s` with Markdown's inline syntax characters escaped and every line break
/// turned into a space: safe inside a table cell, list item or heading.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '~' | '&' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// One line of a quoted message: escaped, and a leading list or rule marker
/// neutralised so the message keeps its shape as text.
fn quote_line(line: &str) -> String {
    let e = escape(line);
    match e.chars().next() {
        Some('-' | '+' | '=') => format!("\\{e}"),
        _ => e,
    }
}

fn block(data: &ReportData, b: &Block, s: &mut String) {
    match b {
        Block::Heading { level, text, .. } => {
            let hashes = "#".repeat(usize::from((*level).clamp(1, 4)));
            let _ = writeln!(s, "{hashes} {}\n", escape(text));
        }
        Block::Meta(m) | Block::Para(m) => {
            let _ = writeln!(s, "{}\n", escape(m));
        }
        Block::Note(n) => {
            let _ = writeln!(s, "> **{}**\n", escape(n));
        }
        Block::Figures(figs) => {
            for (num, label) in figs {
                let _ = writeln!(s, "- **{}** {}", escape(num), escape(label));
            }
            s.push('\n');
        }
        Block::Facts(facts) => {
            for (k, v) in facts {
                let _ = writeln!(s, "- **{}**: {}", escape(k), escape(v));
            }
            s.push('\n');
        }
        Block::Label(l) => {
            let _ = writeln!(s, "**{}**\n", escape(l));
        }
        Block::List(items) => {
            for i in items {
                let _ = writeln!(s, "- {}", escape(i));
            }
            s.push('\n');
        }
        Block::Quotes(items) => {
            for q in items {
                for line in q.lines() {
                    let _ = writeln!(s, "> {}", quote_line(line));
                }
                s.push('\n');
            }
        }
        Block::Table(table) => render_table(table, s),
        Block::Chart => weekly_table(data, s),
        Block::Footer(f) => {
            let _ = writeln!(s, "---\n\n{}", escape(f));
        }
    }
}

fn render_table(table: &Table, s: &mut String) {
    let row = |cells: &[String], s: &mut String| {
        s.push('|');
        for c in cells {
            let _ = write!(s, " {} |", escape(c));
        }
        s.push('\n');
    };
    row(&table.head, s);
    s.push('|');
    for i in 0..table.head.len() {
        s.push_str(if table.numeric.contains(&i) { "---:|" } else { "---|" });
    }
    s.push('\n');
    for r in &table.rows {
        row(r, s);
    }
    s.push('\n');
}

/// The timeline as a table: one row per week with events, a text bar and the
/// breakdown, and a row for each disclosure at its place in time.
fn weekly_table(data: &ReportData, s: &mut String) {
    let l = data.lang;
    let weeks = chart::weekly(data);
    let total = |c: &[u32; 13]| c.iter().fold(0u32, |a, b| a.saturating_add(*b));
    let max = weeks.iter().map(|(_, c)| total(c)).max().unwrap_or(1).max(1);
    let mut markers: Vec<_> = data.markers.iter().collect();
    markers.sort_by_key(|m| m.0);
    let mut markers = markers.into_iter().peekable();
    let _ = writeln!(
        s,
        "| {} | {} | | {} |\n|---|---:|---|---|",
        escape(t(l, Key::WeekCol)),
        escape(t(l, Key::TotalCol)),
        escape(t(l, Key::BreakdownCol))
    );
    let marker_row = |(d, name): &(chrono::NaiveDate, String), s: &mut String| {
        let label = tf(l, Key::MarkerLabel, &[("source", &super::format::one_line(name))]);
        let _ = writeln!(s, "| {d} | | ◆ | **{}** |", escape(&label));
    };
    for (week, counts) in &weeks {
        // A disclosure up to its week's Sunday goes before that week's row.
        while let Some(m) = markers.next_if(|m| m.0 < chart::add_days(*week, 7)) {
            marker_row(m, s);
        }
        let n = total(counts);
        let bar = "█".repeat((n.saturating_mul(BAR_WIDTH).div_ceil(max)).max(1) as usize);
        let parts: Vec<String> = Category::ALL
            .iter()
            .filter(|c| counts[c.index()] > 0)
            .map(|c| format!("{} {}", text::category(l, *c), counts[c.index()]))
            .collect();
        let _ =
            writeln!(s, "| {week} | {n} | {bar} | {} |", escape(&parts.join(t(l, Key::ListSep))));
    }
    for m in markers {
        marker_row(m, s);
    }
    s.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::data::Lang;
    use crate::report::testdata::{hostile, sample};

    #[test]
    fn escaping_keeps_tables_and_markup_inert() {
        assert_eq!(escape("a|b\nc"), "a\\|b c");
        assert_eq!(escape("<script>"), "\\<script\\>");
        assert_eq!(escape("[x](http://e)"), "\\[x\\](http://e)");
        let mut d = sample(Lang::En);
        hostile(&mut d);
        let md = render(&d);
        assert!(!md.contains("<script>"));
        assert!(md.contains("\\<script\\>alert(1)\\</script\\> \\| =HYPERLINK"));
        // Every `<` from the inputs is escaped, so no renderer sees a tag.
        assert!(md.match_indices('<').all(|(i, _)| i > 0 && md.get(i - 1..i) == Some("\\")));
        assert!(md.contains("\\<img src=x onerror=alert(1)\\>"));
        // The quoted sample keeps its lines, each one inert.
        assert!(md.contains("> \\# heading\n"));
        // Every table row still has as many cells as its header.
        for table in md.split("\n\n").filter(|b| b.starts_with('|')) {
            let cols = |line: &str| line.replace("\\|", "").matches('|').count();
            let mut lines = table.lines();
            let head = cols(lines.next().unwrap());
            for line in lines {
                assert_eq!(cols(line), head, "ragged row: {line}");
            }
        }
    }

    #[test]
    fn timeline_table_places_disclosures_in_time() {
        let md = render(&sample(Lang::Zh));
        let a = md.find("| 2024-02-01 | | ◆ | **披露：平安保险** |").unwrap();
        let b = md.find("| 2024-03-01 | | ◆ | **披露：链家 望京店** |").unwrap();
        let c = md.find("| 2024-03-11 | 2 | ").unwrap();
        let d = md.find("| 2024-03-18 | 2 | ").unwrap();
        assert!(a < b && b < c && c < d);
        assert!(md.contains("| 2024-03-18 | 2 | ████████████████████ | 零售促销 1、诈骗 1 |"));
    }

    fn check_snapshot(lang: Lang, name: &str) {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/report")
            .join(name);
        let got = render(&sample(lang));
        if std::env::var_os("LEAKTRACE_BLESS").is_some() {
            std::fs::write(&path, &got).unwrap();
        }
        let want = std::fs::read_to_string(&path).unwrap();
        assert!(got == want, "{name} differs; run with LEAKTRACE_BLESS=1 and review the diff");
    }

    #[test]
    fn snapshot_zh() {
        check_snapshot(Lang::Zh, "small.zh.md");
    }

    #[test]
    fn snapshot_en() {
        check_snapshot(Lang::En, "small.en.md");
    }
}
