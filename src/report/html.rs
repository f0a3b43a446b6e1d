//! `report.html`: one self-contained page (inline `<style>` and SVG only; no
//! scripts, fonts, images or links to anything outside the file) that opens
//! offline and prints cleanly to PDF. Every piece of text from the inputs is
//! escaped: spam is hostile input.

use std::fmt::Write as _;

use super::chart;
use super::content::{self, Block, Table};
use super::data::ReportData;
use super::format::html_escape as esc;
use super::text::{Key, t};

/// System fonts only (no web fonts: the file must open offline), with the
/// common Chinese UI fonts of each platform before the generic fallback.
const STYLE: &str = r#"
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1100px; padding: 24px 28px 48px; color: #1d1d1f; background: #fff;
  font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB",
    "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", Roboto,
    "Helvetica Neue", Arial, sans-serif;
  font-size: 15px; line-height: 1.65; }
h1 { font-size: 1.7em; margin: 0 0 .2em; line-height: 1.3; }
h2 { font-size: 1.3em; margin: 2em 0 .6em; padding-bottom: .2em; border-bottom: 2px solid #4e79a7; }
h3 { font-size: 1.08em; margin: 1.4em 0 .4em; }
p { margin: .5em 0; }
.meta { color: #555; margin: .1em 0; font-size: .92em; }
.note { background: #fff6d6; border-left: 4px solid #e0a800; padding: .5em .8em; }
.label { margin: .8em 0 .2em; }
nav { margin: 1.2em 0; padding: .6em 1em; background: #f5f7fa; border-radius: 6px; font-size: .93em; }
nav ol { margin: .3em 0 0; padding-left: 1.4em; columns: 2; }
nav a { color: #234; text-decoration: none; }
.figures { display: flex; flex-wrap: wrap; gap: 10px; margin: .8em 0; }
.fig { flex: 1 1 150px; border: 1px solid #d8dde6; border-radius: 8px; padding: .6em .8em; }
.fig .num { display: block; font-size: 1.9em; font-weight: 700; line-height: 1.2; color: #2b4b73; }
.fig .lbl { display: block; font-size: .88em; color: #444; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15em 1em; margin: .5em 0; }
dl.facts dt { color: #555; } dl.facts dd { margin: 0; overflow-wrap: anywhere; }
blockquote { margin: .4em 0; padding: .4em .8em; border-left: 3px solid #bbb; background: #fafafa;
  white-space: pre-wrap; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; font-size: .88em; margin: .6em 0; }
th, td { border: 1px solid #d8dde6; padding: .3em .45em; text-align: left; vertical-align: top;
  overflow-wrap: anywhere; }
th { background: #eef2f7; }
td.n, th.n { text-align: right; white-space: nowrap; }
tbody tr:nth-child(even) { background: #fafbfc; }
figure.timeline { margin: .8em 0; }
svg.chart { display: block; max-width: 100%; height: auto; font-family: inherit; }
ul.legend { list-style: none; padding: 0; margin: .4em 0; display: flex; flex-wrap: wrap; gap: .3em 1.1em;
  font-size: .9em; }
.chart-note { font-size: .88em; color: #555; }
footer { margin-top: 3em; padding-top: .6em; border-top: 1px solid #ccc; color: #555; font-size: .9em; }
@page { size: A4; margin: 16mm 14mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  nav { display: none; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  tr, .fig, blockquote, dl.facts, figure.timeline { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  .note, th, tbody tr:nth-child(even) { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"#;

/// Writes `report.html` for `data`.
pub fn write(data: &ReportData, w: &mut dyn std::io::Write) -> std::io::Result<()> {
    w.write_all(render(data).as_bytes())
}

/// The whole page as a string.
pub fn render(data: &ReportData) -> String {
    let l = data.lang;
    let blocks = content::build(data);
    let mut s = String::with_capacity(64 * 1024);
    let _ = write!(
        s,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        t(l, Key::HtmlLang),
        esc(t(l, Key::Title))
    );
    let mut toc_done = false;
    for b in &blocks {
        // The contents list goes before the first section.
        if !toc_done && matches!(b, Block::Heading { level: 2, .. }) {
            toc(data, &blocks, &mut s);
            toc_done = true;
        }
        block(data, b, &mut s);
    }
    s.push_str("</body>\n</html>\n");
    s
}

fn toc(data: &ReportData, blocks: &[Block], s: &mut String) {
    let _ = write!(s, "<nav><strong>{}</strong><ol>", esc(t(data.lang, Key::Contents)));
    for b in blocks {
        if let Block::Heading { level: 2, id, text } = b {
            if !id.is_empty() {
                let _ = write!(s, "<li><a href=\"#{id}\">{}</a></li>", esc(text));
            }
        }
    }
    s.push_str("</ol></nav>\n");
}

fn block(data: &ReportData, b: &Block, s: &mut String) {
    match b {
        Block::Heading { level, id, text } => {
            let level = (*level).clamp(1, 4);
            if id.is_empty() {
                let _ = writeln!(s, "<h{level}>{}</h{level}>", esc(text));
            } else {
                let _ = writeln!(s, "<h{level} id=\"{id}\">{}</h{level}>", esc(text));
            }
        }
        Block::Meta(m) => {
            let _ = writeln!(s, "<p class=\"meta\">{}</p>", esc(m));
        }
        Block::Para(p) => {
            let _ = writeln!(s, "<p>{}</p>", esc(p));
        }
        Block::Note(p) => {
            let _ = writeln!(s, "<p class=\"note\">{}</p>", esc(p));
        }
        Block::Figures(figs) => {
            s.push_str("<div class=\"figures\">");
            for (num, label) in figs {
                let _ = write!(
                    s,
                    "<div class=\"fig\"><span class=\"num\">{}</span><span class=\"lbl\">{}</span></div>",
                    esc(num),
                    esc(label)
                );
            }
            s.push_str("</div>\n");
        }
        Block::Facts(facts) => {
            s.push_str("<dl class=\"facts\">");
            for (k, v) in facts {
                let _ = write!(s, "<dt>{}</dt><dd>{}</dd>", esc(k), esc(v));
            }
            s.push_str("</dl>\n");
        }
        Block::Label(text) => {
            let _ = writeln!(s, "<p class=\"label\"><strong>{}</strong></p>", esc(text));
        }
        Block::List(items) => {
            s.push_str("<ul>");
            for i in items {
                let _ = write!(s, "<li>{}</li>", esc(i));
            }
            s.push_str("</ul>\n");
        }
        Block::Quotes(items) => {
            for q in items {
                let _ = writeln!(s, "<blockquote>{}</blockquote>", esc(q));
            }
        }
        Block::Table(table) => render_table(table, s),
        Block::Chart => {
            s.push_str("<figure class=\"timeline\">");
            s.push_str(&chart::svg(data));
            s.push_str(&chart::legend_html(data));
            s.push_str("</figure>\n");
        }
        Block::Footer(text) => {
            let _ = writeln!(s, "<footer>{}</footer>", esc(text));
        }
    }
}

fn render_table(table: &Table, s: &mut String) {
    let class = |i: usize| if table.numeric.contains(&i) { " class=\"n\"" } else { "" };
    let _ = write!(s, "<table class=\"{}\"><thead><tr>", table.class);
    for (i, h) in table.head.iter().enumerate() {
        let _ = write!(s, "<th{}>{}</th>", class(i), esc(h));
    }
    s.push_str("</tr></thead><tbody>\n");
    for row in &table.rows {
        s.push_str("<tr>");
        for (i, cell) in row.iter().enumerate() {
            let _ = write!(s, "<td{}>{}</td>", class(i), esc(cell));
        }
        s.push_str("</tr>\n");
    }
    s.push_str("</tbody></table>\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::category::Category;
    use crate::report::data::Lang;
    use crate::report::testdata::{hostile, sample};
    use crate::report::text::Key;

    /// The attribute part of every real tag (escaped text cannot open one).
    fn tags(html: &str) -> Vec<&str> {
        html.split('<').skip(1).filter_map(|p| p.split_once('>').map(|(tag, _)| tag)).collect()
    }

    #[test]
    fn self_contained_without_external_references() {
        for lang in [Lang::Zh, Lang::En] {
            let html = render(&sample(lang));
            for needle in [
                "src=",
                "href=\"http",
                "href='http",
                "@import",
                "url(",
                "<script",
                "<link",
                "<img",
                "<iframe",
            ] {
                assert!(!html.contains(needle), "{lang:?}: found {needle}");
            }
            for tag in tags(&html) {
                if let Some((_, rest)) = tag.split_once("href=\"") {
                    assert!(rest.starts_with('#'), "non-anchor link: {tag}");
                }
            }
            assert!(html.contains("<meta charset=\"utf-8\">"));
            assert!(html.starts_with("<!DOCTYPE html>"));
        }
        assert!(render(&sample(Lang::Zh)).contains("<html lang=\"zh-CN\">"));
        assert!(render(&sample(Lang::En)).contains("<html lang=\"en\">"));
    }

    #[test]
    fn hostile_text_is_escaped() {
        let mut d = sample(Lang::En);
        hostile(&mut d);
        let html = render(&d);
        assert!(!html.contains("<script>"));
        assert!(!html.contains("<img"));
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
        for tag in tags(&html) {
            assert!(!tag.contains("onerror"), "live handler in {tag}");
        }
    }

    #[test]
    fn one_mark_per_non_zero_week_and_category() {
        let d = sample(Lang::Zh);
        let html = render(&d);
        let mut expected = 0;
        for w in &d.weeks {
            for c in Category::ALL {
                let n = w.counts[c.index()];
                let mark =
                    format!("class=\"mark\" data-week=\"{}\" data-category=\"{}\"", w.week, c.id());
                assert_eq!(html.matches(&mark).count(), usize::from(n > 0), "{mark}");
                expected += usize::from(n > 0);
            }
        }
        assert_eq!(html.matches("class=\"mark\"").count(), expected);
        assert_eq!(expected, 4);
        assert!(html.contains("<title>2024-03-11 这一周 房产中介：2</title>"));
    }

    #[test]
    fn both_languages_render_their_headings() {
        let headings = [
            Key::SummaryHeading,
            Key::TimelineHeading,
            Key::SourcesHeading,
            Key::LifeHeading,
            Key::CampaignsHeading,
            Key::ContactsHeading,
            Key::MethodHeading,
            Key::CustodyHeading,
            Key::ActionsHeading,
        ];
        for lang in [Lang::Zh, Lang::En] {
            let html = render(&sample(lang));
            for k in headings {
                let h = esc(t(lang, k));
                assert!(html.contains(&format!(">{h}</h2>")), "{lang:?} misses {h}");
            }
            assert!(html.contains(&esc(t(lang, Key::NotLegalAdvice))));
        }
        let zh = render(&sample(Lang::Zh));
        for must in [
            "第六十九条",
            "12321",
            "110",
            "12315",
            "第二百五十三条之一",
            "第二百八十六条之一",
            "第一千零三十四条",
        ] {
            assert!(zh.contains(must), "zh misses {must}");
        }
        let en = render(&sample(Lang::En));
        for must in
            ["art. 77", "art. 82", "art. 15", "ICO", "FTC", "Do Not Call", "82%", "10 days after"]
        {
            assert!(en.contains(must), "en misses {must}");
        }
    }

    #[test]
    fn custody_lists_hashes_counts_and_skip_reasons() {
        let mut d = sample(Lang::En);
        d.inputs[0].error = Some("mail.mbox: truncated".into());
        let html = render(&d);
        assert!(html.contains(&"cd".repeat(32)));
        assert!(html.contains("calls.csv:7: unreadable date"));
        assert!(html.contains("mail.mbox: truncated"));
        assert!(html.contains("Asia/Shanghai"));
        assert!(html.contains("2024-04-01T00:00:00+00:00"));
        assert!(html.contains("calllog"));
    }
}
