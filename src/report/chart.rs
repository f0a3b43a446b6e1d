//! The timeline: contacts per week stacked by category, with each disclosure
//! as a labelled vertical line, drawn as inline SVG (no scripts, no external
//! references, so it opens offline and prints). Every bar segment is a
//! `<rect class="mark" data-week=… data-category=…>` with a `<title>` tooltip.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use chrono::{Datelike, Duration, NaiveDate};

use super::data::ReportData;
use super::format::{html_escape as esc, truncate};
use super::text::{self, Key, t, tf};
use crate::category::Category;

/// Weeks the chart spans at most (twenty years); older weeks are left out
/// and the chart says so.
pub const MAX_CHART_WEEKS: i64 = 1040;
/// Weeks before the first event a disclosure may lie and still be drawn.
pub const MAX_MARKER_LEAD_WEEKS: i64 = 104;
/// Characters of a disclosure's name written beside its line (the tooltip has all).
const MARKER_LABEL_CHARS: usize = 18;

const WIDTH: f64 = 960.0;
const HEIGHT: f64 = 380.0;
const LEFT: f64 = 44.0;
const RIGHT: f64 = 16.0;
/// Room above the plot for three staggered rows of marker labels.
const TOP: f64 = 58.0;
const BOTTOM: f64 = 30.0;

/// The fill colour of a category (a Tableau-10-like palette, fraud in red,
/// legitimate in grey so the unsolicited stands out).
pub fn color(c: Category) -> &'static str {
    match c {
        Category::Property => "#4e79a7",
        Category::Renovation => "#f28e2b",
        Category::Insurance => "#59a14f",
        Category::Finance => "#76b7b2",
        Category::Education => "#edc948",
        Category::Automotive => "#b07aa1",
        Category::Healthcare => "#ff9da7",
        Category::Recruitment => "#9c755f",
        Category::Retail => "#a0cbe8",
        Category::Telecom => "#8cd17d",
        Category::Fraud => "#d62728",
        Category::Harassment => "#3b3b3b",
        Category::Legit => "#bab0ac",
    }
}

/// The weekly counts merged by week (duplicate rows summed, so there is
/// exactly one mark per week and category) in date order.
pub fn weekly(data: &ReportData) -> Vec<(NaiveDate, [u32; 13])> {
    let mut m: BTreeMap<NaiveDate, [u32; 13]> = BTreeMap::new();
    for w in &data.weeks {
        let slot = m.entry(w.week).or_insert([0; 13]);
        for (a, b) in slot.iter_mut().zip(w.counts.iter()) {
            *a = a.saturating_add(*b);
        }
    }
    m.retain(|_, c| c.iter().any(|&n| n > 0));
    m.into_iter().collect()
}

/// Categories with at least one event in the chart, in [`Category::ALL`] order.
pub fn present(weeks: &[(NaiveDate, [u32; 13])]) -> Vec<Category> {
    Category::ALL.into_iter().filter(|c| weeks.iter().any(|(_, n)| n[c.index()] > 0)).collect()
}

/// The Monday of `d`'s week (or `d` itself at the very start of the calendar).
fn monday(d: NaiveDate) -> NaiveDate {
    add_days(d, -i64::from(d.weekday().num_days_from_monday()))
}

/// `d` moved by `n` days, stopping at the ends of the calendar instead of
/// panicking (a hostile export can carry any date chrono can hold).
pub fn add_days(d: NaiveDate, n: i64) -> NaiveDate {
    d.checked_add_signed(Duration::days(n)).unwrap_or(if n < 0 {
        NaiveDate::MIN
    } else {
        NaiveDate::MAX
    })
}

/// A round step (1, 2 or 5 × 10ⁿ) that cuts `max` into about four ticks.
fn tick_step(max: u32) -> u32 {
    let raw = (f64::from(max) / 4.0).max(1.0);
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0].into_iter().map(|m| m * mag).find(|s| *s >= raw);
    step.unwrap_or(raw).round().max(1.0) as u32
}

/// The chart as an `<svg>` element, or an empty string when no week has events.
pub fn svg(data: &ReportData) -> String {
    let l = data.lang;
    let mut weeks = weekly(data);
    let (Some(first), Some(last)) = (weeks.first().map(|w| w.0), weeks.last().map(|w| w.0)) else {
        return String::new();
    };
    let last = monday(last);
    let mut notes = Vec::new();
    let mut start = monday(first);
    if (last - start).num_weeks() >= MAX_CHART_WEEKS {
        start = add_days(last, -7 * (MAX_CHART_WEEKS - 1));
        weeks.retain(|(w, _)| *w >= start);
        notes.push(tf(l, Key::ChartCut, &[("n", &MAX_CHART_WEEKS.to_string())]));
    }
    let mut end = add_days(last, 7);
    // Disclosures a little before the first event or after the last still
    // belong on the axis: the gap to the first contact is the point.
    let lead_limit = add_days(start, -7 * MAX_MARKER_LEAD_WEEKS);
    let mut markers = Vec::new();
    let mut outside = Vec::new();
    for (d, name) in &data.markers {
        if *d >= lead_limit && *d <= add_days(end, 7 * MAX_MARKER_LEAD_WEEKS) {
            markers.push((*d, name.as_str()));
        } else {
            outside.push(format!("{} ({d})", super::format::one_line(name)));
        }
    }
    if !outside.is_empty() {
        notes.push(tf(l, Key::MarkersOutside, &[("list", &outside.join(t(l, Key::ListSep)))]));
    }
    for (d, _) in &markers {
        if *d < start {
            start = monday(*d);
        }
        if *d >= end {
            end = add_days(monday(*d), 7);
        }
    }
    let n_weeks = (end - start).num_weeks().max(1);
    let plot_w = WIDTH - LEFT - RIGHT;
    let plot_h = HEIGHT - TOP - BOTTOM;
    let bw = plot_w / n_weeks as f64;
    let x_of_day = |d: NaiveDate| LEFT + (d - start).num_days() as f64 / 7.0 * bw;

    let max_total = weeks
        .iter()
        .map(|(_, c)| c.iter().fold(0u32, |a, b| a.saturating_add(*b)))
        .max()
        .unwrap_or(1)
        .max(1);
    let step = tick_step(max_total);
    let y_max = f64::from(max_total.div_ceil(step).saturating_mul(step).max(1));
    let y_of = |v: f64| TOP + plot_h - v / y_max * plot_h;

    let mut s = String::with_capacity(4096 + weeks.len() * 200);
    let _ = write!(
        s,
        r#"<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" role="img" aria-label="{}" font-size="11">"#,
        esc(t(l, Key::ChartLabel))
    );
    // Horizontal grid and y ticks.
    let ticks = (y_max / f64::from(step)).round().clamp(1.0, 20.0) as u32;
    for k in 0..=ticks {
        let v = f64::from(k) * f64::from(step);
        let y = y_of(v);
        let _ = write!(
            s,
            r##"<line class="grid" x1="{LEFT}" x2="{:.1}" y1="{y:.1}" y2="{y:.1}" stroke="#ddd"/><text x="{:.1}" y="{:.1}" text-anchor="end" fill="#555">{v}</text>"##,
            WIDTH - RIGHT,
            LEFT - 4.0,
            y + 4.0
        );
    }
    // Bars.
    for (week, counts) in &weeks {
        let x = x_of_day(*week);
        let mut acc = 0f64;
        for c in Category::ALL {
            let n = counts[c.index()];
            if n == 0 {
                continue;
            }
            let y0 = y_of(acc);
            acc += f64::from(n);
            let y1 = y_of(acc);
            let tip = tf(
                l,
                Key::ChartTooltip,
                &[
                    ("week", &week.to_string()),
                    ("category", text::category(l, c)),
                    ("n", &n.to_string()),
                ],
            );
            let _ = write!(
                s,
                r#"<rect class="mark" data-week="{week}" data-category="{}" x="{x:.2}" y="{y1:.2}" width="{:.2}" height="{:.2}" fill="{}"><title>{}</title></rect>"#,
                c.id(),
                (bw * 0.8).max(0.5),
                (y0 - y1).max(0.5),
                color(c),
                esc(&tip)
            );
        }
    }
    // X axis and its labels.
    let base = y_of(0.0);
    let _ = write!(
        s,
        r##"<line x1="{LEFT}" x2="{:.1}" y1="{base:.1}" y2="{base:.1}" stroke="#333"/>"##,
        WIDTH - RIGHT
    );
    x_labels(&mut s, start, n_weeks, bw, base);
    // Disclosure markers, labels staggered over three rows.
    for (i, (d, name)) in markers.iter().enumerate() {
        let x = x_of_day(*d);
        let row = (i % 3) as f64;
        let ty = 14.0 + row * 14.0;
        let anchor = if x > WIDTH - 160.0 { "end" } else { "start" };
        let dx = if anchor == "end" { -3.0 } else { 3.0 };
        let full = tf(l, Key::MarkerLabel, &[("source", name)]);
        let _ = write!(
            s,
            r##"<g class="marker" data-date="{d}"><title>{} ({d})</title><line x1="{x:.2}" x2="{x:.2}" y1="{:.1}" y2="{base:.1}" stroke="#b00" stroke-width="1.5" stroke-dasharray="4 3"/><text x="{:.2}" y="{ty:.1}" text-anchor="{anchor}" fill="#b00">{}</text></g>"##,
            esc(&full),
            ty - 10.0,
            x + dx,
            esc(&truncate(name, MARKER_LABEL_CHARS))
        );
    }
    s.push_str("</svg>");
    for n in notes {
        let _ = write!(s, r#"<p class="chart-note">{}</p>"#, esc(&n));
    }
    s
}

/// Month labels (`2024-03`) spaced at least 56 units apart, or week labels
/// (`03-11`) when the chart is short.
fn x_labels(s: &mut String, start: NaiveDate, n_weeks: i64, bw: f64, base: f64) {
    let mut last_x = f64::NEG_INFINITY;
    let mut last_month = None;
    for i in 0..n_weeks {
        let week = add_days(start, 7 * i);
        let x = LEFT + i as f64 * bw;
        let label = if n_weeks <= 12 {
            Some(week.format("%m-%d").to_string())
        } else if last_month != Some((week.year(), week.month())) {
            last_month = Some((week.year(), week.month()));
            Some(week.format("%Y-%m").to_string())
        } else {
            None
        };
        if let Some(label) = label.filter(|_| x - last_x >= 56.0) {
            last_x = x;
            let _ = write!(
                s,
                r##"<line x1="{x:.1}" x2="{x:.1}" y1="{base:.1}" y2="{:.1}" stroke="#333"/><text x="{x:.1}" y="{:.1}" fill="#555">{label}</text>"##,
                base + 4.0,
                base + 16.0
            );
        }
    }
}

/// The legend as HTML: one swatch (a tiny SVG, which prints even when
/// browsers drop background colours) per category present, plus the marker.
pub fn legend_html(data: &ReportData) -> String {
    let l = data.lang;
    let mut s = String::from(r#"<ul class="legend">"#);
    for c in present(&weekly(data)) {
        let _ = write!(
            s,
            r#"<li><svg width="12" height="12" aria-hidden="true"><rect width="12" height="12" fill="{}"/></svg> {}</li>"#,
            color(c),
            esc(text::category(l, c))
        );
    }
    if !data.markers.is_empty() {
        let _ = write!(
            s,
            r##"<li><svg width="14" height="12" aria-hidden="true"><line x1="7" x2="7" y1="0" y2="12" stroke="#b00" stroke-width="1.5" stroke-dasharray="3 2"/></svg> {}</li>"##,
            esc(t(l, Key::LegendMarker))
        );
    }
    s.push_str("</ul>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::data::{Lang, WeekRow};
    use crate::report::testdata::sample;

    fn count(hay: &str, needle: &str) -> usize {
        hay.matches(needle).count()
    }

    #[test]
    fn one_mark_per_non_zero_week_and_category() {
        let mut d = sample(Lang::En);
        // A duplicate week row must be merged, not drawn twice.
        let mut extra = [0u32; 13];
        extra[Category::Property.index()] = 3;
        extra[Category::Finance.index()] = 1;
        d.weeks.push(WeekRow { week: "2024-03-11".parse().unwrap(), counts: extra });
        let svg = svg(&d);
        let expected: usize =
            weekly(&d).iter().map(|(_, c)| c.iter().filter(|&&n| n > 0).count()).sum();
        assert_eq!(expected, 5);
        assert_eq!(count(&svg, r#"class="mark""#), expected);
        assert_eq!(
            count(&svg, r#"data-week="2024-03-11" data-category="property""#),
            1,
            "merged week drawn once"
        );
        assert!(svg.contains("Week of 2024-03-11, Property: 5"));
        assert_eq!(count(&svg, r#"class="marker""#), 2);
        assert!(svg.contains("Disclosure: 链家 望京店"));
    }

    #[test]
    fn far_markers_are_listed_not_drawn_and_empty_data_draws_nothing() {
        let mut d = sample(Lang::Zh);
        d.markers.push(("2001-01-01".parse().unwrap(), "<老东家>".into()));
        let svg = svg(&d);
        assert_eq!(count(&svg, r#"class="marker""#), 2);
        assert!(svg.contains("不在图表时间范围内的披露：&lt;老东家&gt; (2001-01-01)"));
        d.weeks.clear();
        assert_eq!(super::svg(&d), "");
    }

    #[test]
    fn steps_are_round() {
        assert_eq!(tick_step(1), 1);
        assert_eq!(tick_step(7), 2);
        assert_eq!(tick_step(33), 10);
        assert!(tick_step(u32::MAX) > 0);
    }

    #[test]
    fn dates_at_the_ends_of_the_calendar_do_not_panic() {
        let mut d = sample(Lang::En);
        let mut c = [0u32; 13];
        c[0] = u32::MAX;
        d.weeks.push(WeekRow { week: NaiveDate::MAX, counts: c });
        d.weeks.push(WeekRow { week: NaiveDate::MIN, counts: c });
        d.markers.push((NaiveDate::MAX, "max".into()));
        d.markers.push((NaiveDate::MIN, "min".into()));
        assert!(svg(&d).contains("class=\"mark\""));
        assert!(crate::report::markdown::render(&d).contains("Disclosure: max"));
        let _ = crate::report::html::render(&d);
    }

    #[test]
    fn long_spans_are_cut() {
        let mut d = sample(Lang::En);
        let mut c = [0u32; 13];
        c[0] = 1;
        d.weeks.push(WeekRow { week: "1990-01-01".parse().unwrap(), counts: c });
        let svg = svg(&d);
        assert!(svg.contains("only the last 1040 weeks"));
        assert!(!svg.contains("1990-01-01"));
    }
}
