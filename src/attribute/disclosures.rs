//! The user's list of disclosures: who got which of their details, and when.
//!
//! # TOML (the main form)
//!
//! ```toml
//! [me]                                   # the user's own identities
//! name   = "张伟"
//! phones = ["+86 138 0013 8000", "159 1234 5678"]
//! emails = ["zhangwei@example.com"]
//!
//! [[disclosure]]
//! source   = "阳光家园售楼处"            # required: who got the details
//! date     = "2024-03-10"                # required: a date, or a date and time
//! kind     = "property"                  # optional: a category id
//! phones   = ["+86 138 0013 8000"]       # optional: which of my numbers they got
//! emails   = ["zw.home@example.com"]     # optional: which address or alias they got
//! names    = ["张炜"]                    # optional: the spelling of my name they got
//! keywords = ["阳光家园"]                # optional: words that identify them
//! notes    = "bought flat 12-301"
//! ```
//!
//! `kind` is a category id, or the dealing in everyday words (`real estate`,
//! `hospital`, `job site`, `房地产`, `4S店`, `宽带`).
//!
//! Dates are `YYYY-MM-DD` (also with `/` or `.`, `2024年3月10日`, `March 10, 2024`
//! or `10 Mar 2024`), optionally
//! followed by a time (`2024-03-10 14:30`, `2024-03-10T14:30:00+08:00`), as a
//! string or a TOML date. A time without an offset is read as UTC. Unknown
//! keys are an error, so a misspelt key (`keyword`) is not silently ignored.
//!
//! A list a disclosure leaves out means "not recorded": attribution then
//! assumes the source may have had any of `[me]`'s phones (or e-mails, or the
//! name as written in `[me]`) when the entry lists neither, and that it
//! probably did not get that kind when it lists only the other. An empty
//! list (`phones = []`) says that none of that kind was given. Listing them
//! makes identifiers that only some sources had into evidence.
//!
//! # CSV (for spreadsheet users)
//!
//! A header row naming the columns `source,date,kind,phones,emails,names,keywords,notes`
//! (any order, any case; `source` and `date` are required, the others optional).
//! List cells hold several values separated by `;` or `|`. The row whose
//! `source` is `me` gives the user's own identities: `names` (its first value
//! is the name), `phones` and `emails`; its `date` may be empty. Lines starting
//! with `#` are comments. Spreadsheet files in GBK are decoded too.
//!
//! Phones are normalised with [`crate::normalize::phone::normalize`] in a region
//! passed in (default `CN`; numbers written with `+CC` keep their country);
//! e-mail addresses are lower-cased. Any problem is an [`Error::Input`] naming
//! the file and line.

use std::path::Path;

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use serde::Deserialize;
use toml::Spanned;

use crate::category::Category;
use crate::error::{Error, Position, Result};

/// The region national phone numbers are read in unless the caller says otherwise.
pub const DEFAULT_REGION: &str = "CN";
/// The most disclosures one file may hold.
pub const MAX_DISCLOSURES: usize = 10_000;
/// The most values in one list (phones, e-mails, names, keywords) of one entry.
pub const MAX_LIST_ITEMS: usize = 100;
/// The longest single value, in characters.
pub const MAX_VALUE_CHARS: usize = 500;
/// The largest disclosures file read.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;
/// The shortest keyword, in characters: shorter ones would match almost any text.
pub const MIN_KEYWORD_CHARS: usize = 2;

/// The user's own identities.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Me {
    /// The name as the user writes it.
    pub name: Option<String>,
    /// The user's numbers, normalised.
    pub phones: Vec<String>,
    /// The user's addresses, lower-case.
    pub emails: Vec<String>,
    /// The user's numbers as written (trimmed, at most [`MAX_LIST_ITEMS`]): a
    /// number written with its country code tells the user's region, which
    /// the normalised form (read in the default region) may have lost.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phones_as_written: Vec<String>,
}

/// The numbers of `raw` as written, trimmed, without empty ones.
fn as_written(raw: &[(String, u64)]) -> Vec<String> {
    raw.iter()
        .map(|(s, _)| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .take(MAX_LIST_ITEMS)
        .collect()
}

/// One disclosure: a source that got some of the user's details on a date.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Disclosure {
    /// Who got the details.
    pub source: String,
    /// When (the day).
    pub date: NaiveDate,
    /// When (the time of day, UTC), if given.
    pub time: Option<NaiveTime>,
    /// What the dealing was about.
    pub kind: Option<Category>,
    /// Which of the user's numbers they got, normalised; empty = not recorded.
    pub phones: Vec<String>,
    /// Which addresses or aliases they got, lower-case; empty = not recorded.
    pub emails: Vec<String>,
    /// The spellings of the user's name they got; empty = not recorded.
    pub names: Vec<String>,
    /// Words that identify them (project, brand, shop).
    pub keywords: Vec<String>,
    /// The user's notes.
    pub notes: Option<String>,
    /// The line of the file the entry starts on, if read from a file.
    pub line: Option<u64>,
    /// The record says no phone number was given (`phones = []`), rather
    /// than leaving the list out.
    #[serde(default)]
    pub no_phones: bool,
    /// The record says no e-mail address was given (`emails = []`).
    #[serde(default)]
    pub no_emails: bool,
}

impl Disclosure {
    /// The instant of the disclosure (the start of its day when no time was given).
    pub fn at(&self) -> DateTime<Utc> {
        self.date.and_time(self.time.unwrap_or(NaiveTime::MIN)).and_utc()
    }

    /// The entry as a TOML `[[disclosure]]` table, ready to append to a file.
    ///
    /// ```
    /// use leaktrace::attribute::disclosures::Disclosures;
    /// let d = Disclosures::from_toml_str("[[disclosure]]\nsource = \"Shop\"\ndate = \"2024-03-10\"\n", "x.toml").unwrap();
    /// let entry = d.disclosures[0].to_toml_entry();
    /// assert!(entry.starts_with("[[disclosure]]\nsource = \"Shop\"\ndate = \"2024-03-10\"\n"));
    /// ```
    pub fn to_toml_entry(&self) -> String {
        let q = |s: &str| toml::Value::String(s.to_string()).to_string();
        let list = |v: &[String]| {
            toml::Value::Array(v.iter().map(|s| toml::Value::String(s.clone())).collect())
                .to_string()
        };
        let mut out = String::from("[[disclosure]]\n");
        out.push_str(&format!("source = {}\n", q(&self.source)));
        let date = match self.time {
            Some(t) => format!("{}T{}", self.date.format("%Y-%m-%d"), t.format("%H:%M:%S")),
            None => self.date.format("%Y-%m-%d").to_string(),
        };
        out.push_str(&format!("date = {}\n", q(&date)));
        if let Some(k) = self.kind {
            out.push_str(&format!("kind = {}\n", q(k.id())));
        }
        for (key, v, said_none) in [
            ("phones", &self.phones, self.no_phones),
            ("emails", &self.emails, self.no_emails),
            ("names", &self.names, false),
            ("keywords", &self.keywords, false),
        ] {
            if !v.is_empty() || said_none {
                out.push_str(&format!("{key} = {}\n", list(v)));
            }
        }
        if let Some(n) = &self.notes {
            out.push_str(&format!("notes = {}\n", q(n)));
        }
        out
    }
}

/// The whole file: the user's identities and every disclosure, in file order.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Disclosures {
    /// The user's own identities.
    pub me: Me,
    /// The disclosures in file order.
    pub disclosures: Vec<Disclosure>,
    /// The region national phone numbers were read in.
    pub region: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    me: Option<RawMe>,
    #[serde(default)]
    disclosure: Vec<Spanned<RawDisclosure>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMe {
    name: Option<Spanned<String>>,
    #[serde(default)]
    phones: Vec<Spanned<String>>,
    #[serde(default)]
    emails: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDisclosure {
    source: Spanned<String>,
    date: Spanned<toml::Value>,
    kind: Option<Spanned<String>>,
    // `None` when the key is left out, `Some([])` for `phones = []`.
    phones: Option<Vec<Spanned<String>>>,
    emails: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    names: Vec<Spanned<String>>,
    #[serde(default)]
    keywords: Vec<Spanned<String>>,
    notes: Option<String>,
}

/// Reads values and reports problems at a line of one file.
struct Reader<'a> {
    file: &'a str,
    region: &'a str,
}

impl Reader<'_> {
    fn err(&self, line: u64, msg: impl Into<String>) -> Error {
        Error::input(self.file, Position::line(line), msg)
    }

    fn text(&self, raw: &str, what: &str, line: u64) -> Result<String> {
        let t = raw.trim();
        if t.chars().count() > MAX_VALUE_CHARS {
            return Err(
                self.err(line, format!("{what} is longer than {MAX_VALUE_CHARS} characters"))
            );
        }
        Ok(t.to_string())
    }

    fn phone(&self, raw: &str, line: u64) -> Result<String> {
        let t = self.text(raw, "phone", line)?;
        let n = crate::normalize::phone::normalize(&t, self.region);
        let n = n.trim();
        let phone_chars = n.chars().all(|c| c.is_ascii_digit() || " +-().".contains(c));
        let clean = if phone_chars {
            let digits: String = n.chars().filter(char::is_ascii_digit).collect();
            if n.starts_with('+') { format!("+{digits}") } else { digits }
        } else {
            n.to_string()
        };
        if clean.chars().filter(char::is_ascii_digit).count() < 3 {
            return Err(self.err(line, format!("'{t}' is not a phone number")));
        }
        Ok(clean)
    }

    fn email(&self, raw: &str, line: u64) -> Result<String> {
        let t = self.text(raw, "e-mail", line)?.to_lowercase();
        let t = t.trim_start_matches("mailto:").trim_start_matches('<').trim_end_matches('>');
        match t.split_once('@') {
            Some((local, domain))
                if !local.is_empty() && domain.contains('.') && !domain.contains('@') =>
            {
                Ok(t.to_string())
            }
            _ => Err(self.err(line, format!("'{t}' is not an e-mail address"))),
        }
    }

    fn list<F>(
        &self,
        items: &[(String, u64)],
        what: &str,
        entry_line: u64,
        f: F,
    ) -> Result<Vec<String>>
    where
        F: Fn(&str, u64) -> Result<String>,
    {
        if items.len() > MAX_LIST_ITEMS {
            return Err(self.err(entry_line, format!("more than {MAX_LIST_ITEMS} {what}")));
        }
        let mut out: Vec<String> = Vec::new();
        for (raw, line) in items {
            if raw.trim().is_empty() {
                continue;
            }
            let v = f(raw, *line)?;
            if !out.contains(&v) {
                out.push(v);
            }
        }
        Ok(out)
    }

    fn keyword(&self, raw: &str, line: u64) -> Result<String> {
        let t = self.text(raw, "keyword", line)?;
        if t.chars().count() < MIN_KEYWORD_CHARS {
            return Err(self.err(
                line,
                format!("keyword '{t}' is too short (at least {MIN_KEYWORD_CHARS} characters)"),
            ));
        }
        Ok(t)
    }

    fn kind(&self, raw: &str, line: u64) -> Result<Option<Category>> {
        if raw.trim().is_empty() {
            return Ok(None);
        }
        match raw.parse::<Category>() {
            Ok(c) => Ok(Some(c)),
            Err(e) => {
                kind_from_words(raw).map(Some).ok_or_else(|| self.err(line, format!("kind: {e}")))
            }
        }
    }

    fn date(&self, raw: &str, line: u64) -> Result<(NaiveDate, Option<NaiveTime>)> {
        parse_date(raw).ok_or_else(|| {
            self.err(
                line,
                format!(
                    "'{}' is not a date (expected YYYY-MM-DD, optionally with a time)",
                    raw.trim()
                ),
            )
        })
    }

    /// Builds a disclosure from already split fields.
    fn disclosure(&self, f: Fields, line: u64) -> Result<Disclosure> {
        let source = self.text(&f.source.0, "source", f.source.1)?;
        if source.is_empty() {
            return Err(self.err(f.source.1, "source is empty"));
        }
        let (date, time) = self.date(&f.date.0, f.date.1)?;
        let kind = match &f.kind {
            Some((k, l)) => self.kind(k, *l)?,
            None => None,
        };
        Ok(Disclosure {
            source,
            date,
            time,
            kind,
            phones: self.list(&f.phones, "phones", line, |s, l| self.phone(s, l))?,
            emails: self.list(&f.emails, "emails", line, |s, l| self.email(s, l))?,
            names: self.list(&f.names, "names", line, |s, l| self.text(s, "name", l))?,
            keywords: self.list(&f.keywords, "keywords", line, |s, l| self.keyword(s, l))?,
            notes: f.notes.filter(|n| !n.trim().is_empty()),
            line: Some(line),
            no_phones: f.no_phones,
            no_emails: f.no_emails,
        })
    }
}

/// One entry's fields as text with their lines, whichever format they came from.
struct Fields {
    source: (String, u64),
    date: (String, u64),
    kind: Option<(String, u64)>,
    phones: Vec<(String, u64)>,
    emails: Vec<(String, u64)>,
    names: Vec<(String, u64)>,
    keywords: Vec<(String, u64)>,
    notes: Option<String>,
    no_phones: bool,
    no_emails: bool,
}

/// The category of a dealing described in everyday words rather than by a
/// category id: what people write in a spreadsheet of who got their number
/// (`real estate`, `hospital`, `job site`, `房地产`, `4S店`, `宽带`).
fn kind_from_words(raw: &str) -> Option<Category> {
    const WORDS: &[(Category, &[&str])] = &[
        (
            Category::Property,
            &[
                "real estate",
                "housing",
                "house",
                "home purchase",
                "flat",
                "apartment",
                "rental",
                "rent",
                "letting",
                "lease",
                "leasing",
                "estate agent",
                "developer",
                "房产",
                "房地产",
                "买房",
                "售楼处",
                "楼盘",
                "租房",
                "房屋中介",
                "中介",
            ],
        ),
        (
            Category::Renovation,
            &[
                "decoration",
                "home improvement",
                "interior design",
                "furniture",
                "装修",
                "家装",
                "装饰",
                "建材",
                "家居",
            ],
        ),
        (Category::Insurance, &["insurer", "insurance broker", "保险公司"]),
        (
            Category::Finance,
            &[
                "bank",
                "banking",
                "credit",
                "credit card",
                "mortgage",
                "lending",
                "lender",
                "investment",
                "wealth",
                "brokerage",
                "金融",
                "贷款",
                "银行",
                "信用卡",
                "理财",
                "借贷",
                "证券",
            ],
        ),
        (
            Category::Education,
            &[
                "school",
                "training",
                "tutoring",
                "course",
                "courses",
                "university",
                "college",
                "kindergarten",
                "nursery",
                "教育",
                "培训",
                "学校",
                "早教",
                "幼儿园",
                "留学",
                "课程",
            ],
        ),
        (
            Category::Automotive,
            &[
                "car dealer",
                "dealership",
                "dealer",
                "vehicle",
                "cars",
                "car purchase",
                "car rental",
                "汽车",
                "4s店",
                "车行",
                "买车",
                "二手车",
            ],
        ),
        (
            Category::Healthcare,
            &[
                "hospital",
                "clinic",
                "maternity",
                "birth",
                "dental",
                "dentist",
                "pharmacy",
                "gym",
                "fitness",
                "beauty",
                "医疗",
                "医院",
                "诊所",
                "体检",
                "产科",
                "妇幼",
                "月子",
                "月子中心",
                "健身",
                "口腔",
                "美容",
            ],
        ),
        (
            Category::Recruitment,
            &[
                "job site",
                "job board",
                "job",
                "jobs",
                "hr",
                "employment",
                "career",
                "careers",
                "hiring",
                "求职",
                "招聘网",
                "简历",
                "人才",
                "猎头",
            ],
        ),
        (
            Category::Retail,
            &[
                "shop",
                "shopping",
                "store",
                "e-commerce",
                "ecommerce",
                "online shop",
                "online shopping",
                "membership",
                "零售",
                "购物",
                "网购",
                "电商",
                "商场",
                "会员",
                "超市",
            ],
        ),
        (
            Category::Telecom,
            &[
                "carrier",
                "mobile",
                "mobile operator",
                "broadband",
                "isp",
                "phone plan",
                "internet provider",
                "通信",
                "运营商",
                "移动",
                "联通",
                "电信",
                "宽带",
                "营业厅",
            ],
        ),
    ];
    let t = raw.trim().to_lowercase().replace(['_', '-'], " ");
    let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
    let squashed = t.replace(' ', "");
    WORDS.iter().find_map(|(c, words)| {
        words.iter().any(|w| *w == t || w.replace([' ', '-'], "") == squashed).then_some(*c)
    })
}

/// Parses a date with an optional time; a time with an offset is converted to UTC.
fn parse_date(raw: &str) -> Option<(NaiveDate, Option<NaiveTime>)> {
    let t = raw.trim();
    if let Ok(dt) = DateTime::parse_from_rfc3339(t) {
        let u = dt.with_timezone(&Utc).naive_utc();
        return Some((u.date(), Some(u.time())));
    }
    for f in [
        "%Y-%m-%d",
        "%Y/%m/%d",
        "%Y.%m.%d",
        "%Y年%m月%d日",
        "%Y年%m月%d号",
        "%B %d, %Y",
        "%B %d %Y",
        "%d %B %Y",
        "%b %d, %Y",
        "%b %d %Y",
        "%d %b %Y",
    ] {
        if let Ok(d) = NaiveDate::parse_from_str(t, f) {
            return Some((d, None));
        }
    }
    for f in [
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
        "%Y/%m/%d %H:%M:%S",
        "%Y/%m/%d %H:%M",
    ] {
        if let Ok(dt) = NaiveDateTime::parse_from_str(t, f) {
            return Some((dt.date(), Some(dt.time())));
        }
    }
    // Fractional seconds ("…T14:30:00.5") read without the fraction.
    let no_frac = t.split('.').next().unwrap_or(t);
    if no_frac != t {
        if let Ok(dt) = NaiveDateTime::parse_from_str(no_frac, "%Y-%m-%dT%H:%M:%S") {
            return Some((dt.date(), Some(dt.time())));
        }
    }
    None
}

/// The 1-based line of byte `offset` in `text`.
fn line_at(text: &str, offset: usize) -> u64 {
    let upto = text.as_bytes().get(..offset).unwrap_or(text.as_bytes());
    upto.iter().filter(|&&b| b == b'\n').count() as u64 + 1
}

impl Disclosures {
    /// Reads the TOML form, phones read in [`DEFAULT_REGION`]; `file` names the
    /// input in errors.
    ///
    /// ```
    /// use leaktrace::attribute::disclosures::Disclosures;
    /// let err = Disclosures::from_toml_str("[[disclosure]]\nsource = \"X\"\ndate = \"soon\"\n", "d.toml").unwrap_err();
    /// assert_eq!(err.to_string(), "d.toml:line 3: 'soon' is not a date (expected YYYY-MM-DD, optionally with a time)");
    /// ```
    pub fn from_toml_str(text: &str, file: &str) -> Result<Disclosures> {
        Self::from_toml_str_in(text, file, DEFAULT_REGION)
    }

    /// Reads the TOML form, phones read in `region` (ISO 3166, e.g. `CN`).
    pub fn from_toml_str_in(text: &str, file: &str, region: &str) -> Result<Disclosures> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let r = Reader { file, region };
        let raw: RawFile = toml::from_str(text).map_err(|e| {
            let line = e.span().map_or(1, |s| line_at(text, s.start));
            r.err(line, format!("not a valid disclosures file: {}", e.message().trim()))
        })?;
        let ln = |start: usize| line_at(text, start);
        let pairs = |v: &[Spanned<String>]| {
            v.iter().map(|s| (s.get_ref().clone(), ln(s.span().start))).collect::<Vec<_>>()
        };
        let me = match raw.me {
            Some(m) => Me {
                name: match &m.name {
                    Some(n) => Some(r.text(n.get_ref(), "name", ln(n.span().start))?)
                        .filter(|n| !n.is_empty()),
                    None => None,
                },
                phones: r.list(&pairs(&m.phones), "phones", 1, |s, l| r.phone(s, l))?,
                emails: r.list(&pairs(&m.emails), "emails", 1, |s, l| r.email(s, l))?,
                phones_as_written: as_written(&pairs(&m.phones)),
            },
            None => Me::default(),
        };
        if raw.disclosure.len() > MAX_DISCLOSURES {
            let line = raw.disclosure.get(MAX_DISCLOSURES).map_or(1, |d| ln(d.span().start));
            return Err(r.err(line, format!("more than {MAX_DISCLOSURES} disclosures")));
        }
        let mut disclosures = Vec::with_capacity(raw.disclosure.len());
        for d in &raw.disclosure {
            let line = ln(d.span().start);
            let v = d.get_ref();
            let date = match v.date.get_ref() {
                toml::Value::String(s) => s.clone(),
                toml::Value::Datetime(dt) => dt.to_string(),
                other => other.to_string(),
            };
            let fields = Fields {
                source: (v.source.get_ref().clone(), ln(v.source.span().start)),
                date: (date, ln(v.date.span().start)),
                kind: v.kind.as_ref().map(|k| (k.get_ref().clone(), ln(k.span().start))),
                phones: pairs(v.phones.as_deref().unwrap_or_default()),
                emails: pairs(v.emails.as_deref().unwrap_or_default()),
                names: pairs(&v.names),
                keywords: pairs(&v.keywords),
                notes: v.notes.clone(),
                no_phones: v.phones.as_ref().is_some_and(Vec::is_empty),
                no_emails: v.emails.as_ref().is_some_and(Vec::is_empty),
            };
            disclosures.push(r.disclosure(fields, line)?);
        }
        Ok(Disclosures { me, disclosures, region: region.to_string() })
    }

    /// Reads the CSV form (see the module doc), phones read in [`DEFAULT_REGION`].
    pub fn from_csv_str(text: &str, file: &str) -> Result<Disclosures> {
        Self::from_csv_str_in(text, file, DEFAULT_REGION)
    }

    /// Reads the CSV form, phones read in `region`.
    pub fn from_csv_str_in(text: &str, file: &str, region: &str) -> Result<Disclosures> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let r = Reader { file, region };
        let mut rdr = csv::ReaderBuilder::new()
            .flexible(true)
            .trim(csv::Trim::All)
            .from_reader(text.as_bytes());
        let csv_err = |e: csv::Error| {
            let line = e.position().map_or(1, |p| p.line());
            r.err(line, format!("not a valid disclosures CSV: {e}"))
        };
        let headers = rdr.headers().map_err(csv_err)?.clone();
        let col = |name: &str| headers.iter().position(|h| h.trim().eq_ignore_ascii_case(name));
        for h in headers.iter() {
            let known =
                ["source", "date", "kind", "phones", "emails", "names", "keywords", "notes"];
            if !known.contains(&h.trim().to_lowercase().as_str()) {
                return Err(
                    r.err(1, format!("unknown column '{h}' (expected {})", known.join(", ")))
                );
            }
        }
        let (Some(c_source), Some(c_date)) = (col("source"), col("date")) else {
            return Err(r.err(1, "the header must name the columns source and date"));
        };
        let mut me = Me::default();
        let mut disclosures = Vec::new();
        for rec in rdr.records() {
            let rec = rec.map_err(csv_err)?;
            let line = rec.position().map_or(1, |p| p.line());
            let cell = |c: Option<usize>| c.and_then(|c| rec.get(c)).unwrap_or("").to_string();
            let list = |c: Option<usize>| -> Vec<(String, u64)> {
                cell(c).split([';', '|', '；']).map(|s| (s.to_string(), line)).collect()
            };
            let source = cell(Some(c_source));
            // Comments are skipped here, not by the csv reader, whose line
            // numbers would then stop counting them.
            if rec.iter().all(|f| f.is_empty()) || rec.get(0).is_some_and(|f| f.starts_with('#')) {
                continue;
            }
            if source.eq_ignore_ascii_case("me") {
                let names =
                    r.list(&list(col("names")), "names", line, |s, l| r.text(s, "name", l))?;
                me.name = names.into_iter().next();
                me.phones = r.list(&list(col("phones")), "phones", line, |s, l| r.phone(s, l))?;
                me.phones_as_written = as_written(&list(col("phones")));
                me.emails = r.list(&list(col("emails")), "emails", line, |s, l| r.email(s, l))?;
                continue;
            }
            if disclosures.len() >= MAX_DISCLOSURES {
                return Err(r.err(line, format!("more than {MAX_DISCLOSURES} disclosures")));
            }
            let fields = Fields {
                source: (source, line),
                date: (cell(Some(c_date)), line),
                kind: Some((cell(col("kind")), line)),
                phones: list(col("phones")),
                emails: list(col("emails")),
                names: list(col("names")),
                keywords: list(col("keywords")),
                notes: Some(cell(col("notes"))),
                no_phones: false,
                no_emails: false,
            };
            disclosures.push(r.disclosure(fields, line)?);
        }
        Ok(Disclosures { me, disclosures, region: region.to_string() })
    }

    /// Reads a file: `.csv` as CSV, anything else as TOML; phones in [`DEFAULT_REGION`].
    pub fn load(path: &Path) -> Result<Disclosures> {
        Self::load_in(path, DEFAULT_REGION)
    }

    /// Reads a file like [`Disclosures::load`], phones read in `region`.
    pub fn load_in(path: &Path, region: &str) -> Result<Disclosures> {
        let file = path.display().to_string();
        let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
        if meta.len() > MAX_FILE_BYTES {
            return Err(Error::input(
                &file,
                Position::default(),
                format!("larger than {MAX_FILE_BYTES} bytes"),
            ));
        }
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        let text = crate::normalize::encoding::decode_guess(&bytes);
        let is_csv = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("csv"));
        if is_csv {
            Self::from_csv_str_in(&text, &file, region)
        } else {
            Self::from_toml_str_in(&text, &file, region)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"
[me]
name   = "张伟"
phones = ["+86 138 0013 8000", "+86 159 1234 5678"]
emails = ["ZhangWei@Example.com"]

[[disclosure]]
source   = "阳光家园售楼处"
date     = "2024-03-10"
kind     = "property"
phones   = ["+86 138 0013 8000"]
emails   = ["zw.home@example.com"]
names    = ["张炜"]
keywords = ["阳光家园"]
notes    = "bought flat 12-301"

[[disclosure]]
source = "Maple Grove Realty"
date   = 2024-05-01T09:30:00
kind   = "insurance"

[[disclosure]]
source = "Said none"
date   = "2024-06-01"
phones = []
emails = ["zw+none@example.com"]
"#;

    #[test]
    fn toml_reads_and_normalises() {
        let d = Disclosures::from_toml_str(SAMPLE, "d.toml").unwrap();
        assert_eq!(d.me.name.as_deref(), Some("张伟"));
        assert_eq!(d.me.phones, vec!["+8613800138000", "+8615912345678"]);
        assert_eq!(d.me.emails, vec!["zhangwei@example.com"]);
        assert_eq!(d.disclosures.len(), 3);
        let a = &d.disclosures[0];
        assert_eq!(a.date, NaiveDate::from_ymd_opt(2024, 3, 10).unwrap());
        assert_eq!(a.kind, Some(Category::Property));
        assert_eq!(a.names, vec!["张炜"]);
        assert_eq!(a.line, Some(7));
        let b = &d.disclosures[1];
        assert_eq!(b.time, NaiveTime::from_hms_opt(9, 30, 0));
        assert!(b.phones.is_empty());
        assert!(!b.no_phones, "a list left out is not 'none'");
        assert!(d.disclosures[2].no_phones && !d.disclosures[2].no_emails);
        assert_eq!(d.region, "CN");
    }

    #[test]
    fn kinds_in_everyday_words_and_dates_in_words() {
        for (kind, want) in [
            ("real estate", Category::Property),
            ("Real-Estate", Category::Property),
            ("hospital", Category::Healthcare),
            ("4S店", Category::Automotive),
            ("job_site", Category::Recruitment),
            ("宽带", Category::Telecom),
            ("Insurance", Category::Insurance),
        ] {
            let t = format!(
                "[[disclosure]]\nsource = \"A\"\ndate = \"2024-01-01\"\nkind = \"{kind}\"\n"
            );
            let d = Disclosures::from_toml_str(&t, "d.toml").unwrap();
            assert_eq!(d.disclosures[0].kind, Some(want), "{kind}");
        }
        for (date, want) in [
            ("March 10, 2024", "2024-03-10"),
            ("10 Mar 2024", "2024-03-10"),
            ("2024年3月10号", "2024-03-10"),
            ("2024/3/10", "2024-03-10"),
        ] {
            let (d, t) = parse_date(date).unwrap_or_else(|| panic!("{date}"));
            assert_eq!(d.to_string(), want, "{date}");
            assert_eq!(t, None);
        }
        assert_eq!(parse_date("10/03/2024"), None, "day and month order unknown: refused");
    }

    #[test]
    fn toml_errors_name_the_line() {
        let broken = "[me]\nname = \"x\"\n\n[[disclosure]]\nsource = \"A\"\ndate = \"2024-01-01\"\nphones = [\"1\", \n";
        let e = Disclosures::from_toml_str(broken, "d.toml").unwrap_err().to_string();
        assert!(e.starts_with("d.toml:line "), "{e}");
        let missing = "[[disclosure]]\nsource = \"A\"\n\n[[disclosure]]\nsource = \"B\"\ndate = \"2024-01-01\"\n";
        let e = Disclosures::from_toml_str(missing, "d.toml").unwrap_err().to_string();
        assert!(e.starts_with("d.toml:line 1") && e.contains("date"), "{e}");
        let typo = "[[disclosure]]\nsource = \"A\"\ndate = \"2024-01-01\"\nkeyword = [\"x\"]\n";
        let e = Disclosures::from_toml_str(typo, "d.toml").unwrap_err().to_string();
        assert!(e.contains("line 4") && e.contains("keyword"), "{e}");
        let kind = "[[disclosure]]\nsource = \"A\"\ndate = \"2024-01-01\"\nkind = \"weather\"\n";
        let e = Disclosures::from_toml_str(kind, "d.toml").unwrap_err().to_string();
        assert!(e.starts_with("d.toml:line 4: kind: unknown category"), "{e}");
        let mail = "[[disclosure]]\nsource = \"A\"\ndate = \"2024-01-01\"\nemails = [\n  \"ok@a.com\",\n  \"nope\"]\n";
        let e = Disclosures::from_toml_str(mail, "d.toml").unwrap_err().to_string();
        assert_eq!(e, "d.toml:line 6: 'nope' is not an e-mail address");
    }

    #[test]
    fn csv_reads_me_row_and_lists() {
        let csv = "source,date,kind,phones,emails,names,keywords,notes\n\
                   me,,,+86 138 0013 8000;+86 159 1234 5678,zw@example.com,张伟,,\n\
                   # a comment\n\
                   阳光家园售楼处,2024-03-10,property,+86 138 0013 8000,zw.home@example.com,张炜,阳光家园|12-301,flat\n";
        let d = Disclosures::from_csv_str(csv, "d.csv").unwrap();
        assert_eq!(d.me.name.as_deref(), Some("张伟"));
        assert_eq!(d.me.phones.len(), 2);
        assert_eq!(d.disclosures.len(), 1);
        assert_eq!(d.disclosures[0].keywords, vec!["阳光家园", "12-301"]);
        assert_eq!(d.disclosures[0].line, Some(4));
        let bad = "source,date\nShop,yesterday\n";
        let e = Disclosures::from_csv_str(bad, "d.csv").unwrap_err().to_string();
        assert!(e.starts_with("d.csv:line 2: 'yesterday'"), "{e}");
        assert!(Disclosures::from_csv_str("source,when\n", "d.csv").is_err());
    }

    #[test]
    fn entry_round_trips() {
        let d = Disclosures::from_toml_str(SAMPLE, "d.toml").unwrap();
        for x in &d.disclosures {
            let back = Disclosures::from_toml_str(&x.to_toml_entry(), "e.toml").unwrap();
            let mut y = back.disclosures[0].clone();
            y.line = x.line;
            assert_eq!(&y, x);
        }
    }

    #[test]
    fn fixtures_parse() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/disclosures");
        let t = Disclosures::load(&dir.join("example.toml")).unwrap();
        let c = Disclosures::load(&dir.join("example.csv")).unwrap();
        assert_eq!(t.disclosures.len(), c.disclosures.len());
        assert_eq!(t.me, c.me);
        let e = Disclosures::load(&dir.join("malformed.toml")).unwrap_err().to_string();
        assert!(e.contains("malformed.toml:line 5"), "{e}");
    }

    #[test]
    fn hostile_inputs_do_not_panic() {
        for t in [
            "",
            "\u{feff}",
            "[[disclosure]]",
            "me = 3",
            "[[disclosure]]\nsource=1\ndate=2",
            "\"\n\n",
        ] {
            let _ = Disclosures::from_toml_str(t, "x");
            let _ = Disclosures::from_csv_str(t, "x");
        }
    }
}
