//! Call-log CSV, as phones, backup apps and carriers export it: owns finding
//! the header row (English or Chinese names, maybe below a title line),
//! sniffing the delimiter, mapping columns onto [`Event`] fields, and the
//! normalisation of call types.
//!
//! The text is decoded by [`encoding::decode_cow`] (UTF-8 with or without
//! BOM, UTF-16 with BOM, else GB18030; damaged UTF-8 stays UTF-8). Every row
//! becomes an event or a [`RecordError`] naming its line: rows without a
//! readable date (a bill's total row among them) are reported, never dropped
//! silently. Only rows whose every field is empty are passed over, as they
//! are not records.
//!
//! `from` is the number column, the other party whatever the direction —
//! except in caller/callee layouts (`From`/`To`, `主叫`/`被叫`), where the
//! callee of an outgoing call is the other party. A hidden caller (`-2`,
//! `隐藏号码`, an empty cell, …) becomes [`phone::UNKNOWN`]. Date and time in
//! separate columns (`日期`/`时间`, `Call Date`/`Call Time`) are joined, and
//! `a/b/yyyy` dates are read in one order for the whole file
//! ([`DateOrder`]). Identical rows of an export that keeps only minutes are
//! distinct calls ([`Event::repeat_id`]).
//!
//! `raw_sha256` is the SHA-256 of the row's text as decoded to UTF-8, from the
//! csv reader's start position to its end position, without the line
//! terminator (so LF and CRLF copies of an export hash alike).

use super::{IngestOptions, RecordResult};
use crate::error::{Error, Position, RecordError, Result};
use crate::event::{Channel, Direction, Event, sha256_hex};
use crate::normalize::datetime::{self, DateOrder};
use crate::normalize::{encoding, phone};

/// Longest field read, in bytes; a row with a longer field is skipped with a reason.
pub const MAX_FIELD_BYTES: usize = 64 * 1024;
/// Most fields in a row; a row with more is skipped with a reason.
pub const MAX_COLUMNS: usize = 256;
/// How many lines from the top are searched for the header row (carrier
/// exports put a title and a query period above it).
pub const HEADER_SEARCH_LINES: usize = 20;
/// Longest excerpt of a bad value quoted in a reason.
const MAX_QUOTED_CHARS: usize = 40;

/// A column's meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Number,
    Name,
    Type,
    /// A date and time in one column.
    DateTime,
    /// A date alone (`日期`), or a date and time when no time column exists.
    Date,
    /// A time alone (`时间`), or a date and time when no date column exists.
    Time,
    Duration,
    Tag,
    Note,
    Line,
}

const FIELD_COUNT: usize = 10;

impl Field {
    fn index(self) -> usize {
        self as usize
    }

    /// The field names `IngestOptions::columns` may use.
    fn from_option_name(name: &str) -> Option<Field> {
        Some(match name.trim().to_ascii_lowercase().as_str() {
            "number" => Field::Number,
            "name" => Field::Name,
            "type" => Field::Type,
            "time" | "datetime" => Field::DateTime,
            "date" => Field::Date,
            "duration" => Field::Duration,
            "tag" => Field::Tag,
            "note" => Field::Note,
            "line" => Field::Line,
            _ => return None,
        })
    }
}

/// Header names, already in [`header_key`] form (lower-case, no spaces,
/// underscores or units).
const HEADER_NAMES: &[(Field, &[&str])] = &[
    (
        Field::Number,
        &[
            "number",
            "phone",
            "phonenumber",
            "tel",
            "telephone",
            "callnumber",
            "callerid",
            "号码",
            "电话号码",
            "电话",
            "对方号码",
            "来电号码",
            "对端号码",
            "手机号码",
            "from",
            "caller",
            "callingnumber",
            "主叫号码",
            "主叫",
        ],
    ),
    (Field::Name, &["name", "contact", "contactname", "cachedname", "姓名", "联系人", "名称"]),
    (
        Field::Type,
        &["type", "calltype", "通话类型", "类型", "呼叫类型", "通信方式", "通话状态", "direction"],
    ),
    (
        Field::DateTime,
        &[
            "datetime",
            "calltime",
            "starttime",
            "timestamp",
            "通话时间",
            "开始时间",
            "起始时间",
            "呼叫时间",
            "通话日期",
        ],
    ),
    (Field::Date, &["date", "日期"]),
    (Field::Time, &["time", "时间"]),
    (
        Field::Duration,
        &[
            "duration",
            "calllength",
            "通话时长",
            "时长",
            "通信时长",
            "持续时间",
            "minutes",
            "min",
            "mins",
            "分钟",
            "通话分钟",
            "通话分钟数",
        ],
    ),
    (Field::Tag, &["tag", "label", "标记", "号码标记", "标签"]),
    (Field::Note, &["note", "notes", "备注", "remark", "remarks", "comment"]),
    (
        Field::Line,
        &[
            "line",
            "sim",
            "to",
            "本机号码",
            "sim卡",
            "mynumber",
            "simcard",
            "本机",
            "callee",
            "callednumber",
            "被叫号码",
            "被叫",
        ],
    ),
];

const DELIMITERS: [u8; 3] = [b',', b';', b'\t'];

/// Normalises a header cell: trimmed, lower-case, full-width folded, with a
/// trailing unit such as `(秒)` or `(s)` removed, and without spaces,
/// underscores, dashes, dots and slashes (`Date/Time` → `datetime`).
fn header_key(cell: &str) -> String {
    let folded: String = cell
        .chars()
        .filter(|&c| c != '\u{FEFF}')
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .collect();
    let mut s = folded.trim().trim_matches('"').trim();
    for (open, close) in [('(', ')'), ('[', ']')] {
        if s.ends_with(close) {
            if let Some(i) = s.rfind(open) {
                s = s.get(..i).unwrap_or(s).trim_end();
            }
        }
    }
    s.chars()
        .filter(|c| !matches!(c, ' ' | '_' | '-' | '.' | '/' | '\t'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Where each field is, by column index.
#[derive(Debug, Default, Clone, PartialEq)]
struct Columns {
    idx: [Option<usize>; FIELD_COUNT],
    /// Number of cells in the header row.
    width: usize,
    /// Further call-type columns (`通话类型` beside `呼叫类型`, `Direction`
    /// beside `Status`): the most specific reading of them all is taken.
    more_types: Vec<usize>,
    /// The duration column counts minutes (`Minutes`, `Min`, `时长(分钟)`).
    duration_minutes: bool,
    /// The number and line columns are the caller and the callee (`From`,
    /// `To`; `主叫号码`, `被叫号码`): which is the other party depends on the
    /// direction of the call.
    caller_callee: bool,
    /// A column holds message text (`Message`, `Body`, `短信内容`): the file
    /// is a message export, not a call log.
    has_message: bool,
}

impl Columns {
    fn get(&self, f: Field) -> Option<usize> {
        self.idx.get(f.index()).copied().flatten()
    }

    fn has_time(&self) -> bool {
        [Field::DateTime, Field::Date, Field::Time].iter().any(|&f| self.get(f).is_some())
    }

    fn is_header(&self) -> bool {
        self.get(Field::Number).is_some() && self.has_time() && !self.has_message
    }

    fn score(&self) -> usize {
        self.idx.iter().filter(|i| i.is_some()).count()
    }
}

/// User mappings from `IngestOptions::columns`, checked once.
fn extra_columns(opts: &IngestOptions) -> Result<Vec<(Field, String)>> {
    opts.columns
        .iter()
        .map(|(field, header)| match Field::from_option_name(field) {
            Some(f) => Ok((f, header_key(header))),
            None => Err(Error::Usage(format!(
                "unknown call-log column field '{field}' (expected number, name, type, time, \
                 date, duration, tag, note or line)"
            ))),
        })
        .collect()
}

/// Checks the call-log column mappings of `opts` (`--columns`), so that a
/// wrong field name is a usage error before any input is read.
pub fn check_columns(opts: &IngestOptions) -> Result<()> {
    extra_columns(opts).map(|_| ())
}

/// Header names of the caller and the callee in layouts that give both.
const CALLER_NAMES: &[&str] = &["from", "caller", "callingnumber", "主叫号码", "主叫"];
const CALLEE_NAMES: &[&str] = &["to", "callee", "callednumber", "被叫号码", "被叫"];

/// Whether a header cell counts minutes: `Minutes`, `Min`, `Duration (min)`, `时长(分钟)`.
fn counts_minutes(cell: &str) -> bool {
    let lower = cell.to_lowercase();
    let words: Vec<&str> =
        lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    (words.iter().any(|w| matches!(*w, "min" | "mins" | "minute" | "minutes"))
        || lower.contains("分钟"))
        && !words.iter().any(|w| matches!(*w, "sec" | "secs" | "second" | "seconds"))
        && !lower.contains('秒')
}

/// Whether a cell is a value rather than a column name: carrier bills start
/// with lines such as `手机号码：13800138000,查询时间：2024年03月` or
/// `Phone Number: 469-264-1200`, which name fields but are not a header.
fn is_value_cell(key: &str) -> bool {
    let after_colon = key.split_once(':').map(|(_, v)| v.trim()).unwrap_or("");
    !after_colon.is_empty() || key.bytes().filter(u8::is_ascii_digit).count() >= 5
}

fn map_header(cells: &[String], extra: &[(Field, String)]) -> Columns {
    let mut cols = Columns { width: cells.len(), ..Columns::default() };
    let mut caller = false;
    let mut callee = false;
    for (i, cell) in cells.iter().enumerate() {
        let key = header_key(cell);
        if key.is_empty() || is_value_cell(&key) {
            continue;
        }
        const MESSAGE: [&str; 8] =
            ["message", "body", "text", "sms", "content", "短信内容", "内容", "信息内容"];
        cols.has_message |= MESSAGE.contains(&key.as_str());
        // The person's own mappings win over the built-in names.
        let field = extra
            .iter()
            .find(|(_, h)| *h == key)
            .map(|(f, _)| *f)
            .or_else(|| {
                HEADER_NAMES
                    .iter()
                    .find(|(_, names)| names.contains(&key.as_str()))
                    .map(|(f, _)| *f)
            })
            .or_else(|| fuzzy_field(&key));
        let Some(mut field) = field else { continue };
        if cols.get(field).is_some() {
            // A second column of a meaning: a second time column is the
            // date or the time of a date and time given apart (`Call Date`,
            // `Call Time`; `通话日期`, `通话时间`); a second type column is
            // read beside the first; otherwise the first column wins.
            match field {
                Field::DateTime | Field::Date | Field::Time => {
                    let is_date = key.contains("date") || key.contains("日期");
                    let is_time = key.contains("time") || key.contains("时间");
                    if is_date && cols.get(Field::Date).is_none() {
                        field = Field::Date;
                    } else if is_time && cols.get(Field::Time).is_none() {
                        field = Field::Time;
                    }
                }
                Field::Type => {
                    cols.more_types.push(i);
                    continue;
                }
                _ => {}
            }
        }
        if let Some(slot) = cols.idx.get_mut(field.index()) {
            if slot.is_none() {
                *slot = Some(i);
                if field == Field::Duration {
                    cols.duration_minutes = counts_minutes(cell);
                }
                caller |= field == Field::Number && CALLER_NAMES.contains(&key.as_str());
                callee |= field == Field::Line && CALLEE_NAMES.contains(&key.as_str());
            }
        }
    }
    cols.caller_callee = caller && callee;
    cols
}

/// Header words that name a field inside longer headers (联系人姓名,
/// 号码标识, 通话开始时间, Caller Number), tried in this order so that
/// 本机号码 is the line, not the number, and 通话时长 the duration, not a time.
const HEADER_STEMS: &[(Field, &[&str])] = &[
    (Field::Line, &["本机", "sim", "mynumber", "myline"]),
    (Field::Duration, &["时长", "duration", "秒数", "seconds"]),
    (Field::Tag, &["标记", "标识", "标签", "label", "tag"]),
    (Field::Note, &["备注", "note", "remark", "comment"]),
    (Field::Name, &["姓名", "联系人", "name", "contact"]),
    (Field::Number, &["号码", "电话", "number", "phone", "caller"]),
    (Field::Type, &["类型", "状态", "type", "status"]),
    (Field::DateTime, &["日期时间", "datetime", "时间戳"]),
    (Field::Date, &["日期", "date"]),
    (Field::Time, &["时间", "time"]),
];

/// The field a header names by one of its words, when no exact name matched.
/// Places are no field: `本机通话地` (where the phone was) is not the line,
/// `对方号码归属地` (where the number is registered) not the number, a
/// `Location` column not a date.
fn fuzzy_field(key: &str) -> Option<Field> {
    const PLACES: [&str; 6] = ["location", "place", "city", "region", "area", "country"];
    if key.contains('地') || PLACES.contains(&key) {
        return None;
    }
    HEADER_STEMS.iter().find(|(_, stems)| stems.iter().any(|s| key.contains(s))).map(|(f, _)| *f)
}

fn split_line(line: &str, delimiter: u8) -> Vec<String> {
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(line.as_bytes());
    let mut rec = csv::StringRecord::new();
    match rdr.read_record(&mut rec) {
        Ok(true) if rec.len() <= MAX_COLUMNS => rec.iter().map(str::to_string).collect(),
        _ => Vec::new(),
    }
}

/// The header row found: where it starts, its 0-based line index, the delimiter and columns.
struct Header {
    offset: usize,
    line_index: u64,
    delimiter: u8,
    columns: Columns,
}

fn find_header(text: &str, extra: &[(Field, String)]) -> Option<Header> {
    let mut offset = 0;
    for (line_index, line) in text.split_inclusive('\n').take(HEADER_SEARCH_LINES).enumerate() {
        let start = offset;
        offset += line.len();
        if line.len() > MAX_FIELD_BYTES {
            continue;
        }
        let best = DELIMITERS
            .iter()
            .map(|&d| (d, map_header(&split_line(line.trim_end(), d), extra)))
            .filter(|(_, c)| c.is_header())
            .max_by_key(|(_, c)| (c.score(), c.width));
        if let Some((delimiter, columns)) = best {
            let line_index = u64::try_from(line_index).unwrap_or(u64::MAX);
            return Some(Header { offset: start, line_index, delimiter, columns });
        }
    }
    None
}

/// Normalises a call type, English, Chinese or Android's numeric
/// `CallLog.Calls.TYPE`, to one of `incoming`, `missed`, `rejected`,
/// `blocked`, `outgoing`, `voicemail`. Android's 7 (answered on another
/// device) counts as incoming.
///
/// ```
/// use leaktrace::ingest::calllog::normalize_call_type;
/// assert_eq!(normalize_call_type("未接来电"), Some("missed"));
/// assert_eq!(normalize_call_type("2"), Some("outgoing"));
/// assert_eq!(normalize_call_type("Blocked"), Some("blocked"));
/// assert_eq!(normalize_call_type("Missed call"), Some("missed"));
/// assert_eq!(normalize_call_type("来电拦截"), Some("blocked"));
/// assert_eq!(normalize_call_type("???"), None);
/// ```
pub fn normalize_call_type(raw: &str) -> Option<&'static str> {
    let key = header_key(raw);
    let key = match key.strip_suffix("type") {
        Some(k) if !k.is_empty() => k.to_string(),
        _ => key,
    };
    call_type_word(&key).or_else(|| {
        // `Incoming call`, `Missed calls`, `拒接来电`, `来电拦截`, `呼入未接`.
        const AFFIXES: [&str; 5] = ["calls", "call", "来电", "电话", "呼入"];
        AFFIXES.iter().find_map(|a| {
            let inner = key.strip_suffix(a).or_else(|| key.strip_prefix(a))?;
            (!inner.is_empty()).then(|| call_type_word(inner)).flatten()
        })
    })
}

fn call_type_word(key: &str) -> Option<&'static str> {
    Some(match key {
        "1" | "incoming" | "in" | "inbound" | "received" | "answered" | "来电" | "呼入"
        | "已接" | "已接来电" | "已接听" | "接听" | "被叫" | "7" | "answeredexternally" => {
            "incoming"
        }
        "2" | "outgoing" | "out" | "outbound" | "dialed" | "dialled" | "呼出" | "去电" | "已拨"
        | "已拨电话" | "拨出" | "已拨出" | "主叫" | "placed" => "outgoing",
        "3" | "missed" | "未接" | "未接来电" | "漏接" | "未接听" | "响一声" | "unanswered"
        | "noanswer" | "notanswered" => "missed",
        "4" | "voicemail" | "语音信箱" | "语音留言" => "voicemail",
        "5" | "rejected" | "declined" | "拒接" | "已拒接" | "拒绝" | "已拒绝" => {
            "rejected"
        }
        "6" | "blocked" | "已拦截" | "拦截" | "骚扰拦截" | "黑名单拦截" | "被拦截" => {
            "blocked"
        }
        _ => return None,
    })
}

/// The direction a normalised call type implies: outgoing for `outgoing`,
/// incoming for the others, unknown without a type.
pub fn direction_of(call_type: Option<&str>) -> Direction {
    match call_type {
        Some("outgoing") => Direction::Outgoing,
        Some(_) => Direction::Incoming,
        None => Direction::Unknown,
    }
}

/// A value quoted in a reason, cut to a readable length at a char boundary.
/// Control characters are written as escapes (`\u{1b}`): reasons are
/// printed on the person's terminal, and a hostile file must not be able to
/// send it escape sequences (to hide or fake warnings).
pub(crate) fn quote(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().take(MAX_QUOTED_CHARS) {
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    if s.chars().nth(MAX_QUOTED_CHARS).is_some() {
        out.push('…');
    }
    format!("'{out}'")
}

/// Whether a field holds control characters other than white space (NUL,
/// escape sequences): never part of a real export.
fn has_control(field: &str) -> bool {
    field.chars().any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
}

/// Reads one call-log CSV and hands each row, as an event or a skip reason, to `sink`.
///
/// Fails as a whole only when no header row is found in the first
/// [`HEADER_SEARCH_LINES`] lines, or when `opts.columns` names an unknown field.
pub fn read(
    bytes: &[u8],
    file: &str,
    opts: &IngestOptions,
    sink: &mut dyn FnMut(RecordResult),
) -> Result<()> {
    let extra = extra_columns(opts)?;
    let (text, label) = encoding::decode_cow(bytes);
    let Some(header) = find_header(&text, &extra) else {
        return Err(Error::input(
            file,
            Position::line(1),
            format!(
                "no call-log header found in the first {HEADER_SEARCH_LINES} lines (looked for a \
                 number column: number, phone, phone number, 号码, 电话号码, 对方号码, 来电号码; \
                 and a time column: date, time, date time, 通话时间, 开始时间, 时间, 日期)"
            ),
        ));
    };
    let body = text.get(header.offset..).unwrap_or("");
    let reader_at = |base: usize| {
        csv::ReaderBuilder::new()
            .delimiter(header.delimiter)
            .has_headers(false)
            .flexible(true)
            .from_reader(body.get(base..).unwrap_or("").as_bytes())
    };
    // Byte offset in `body` where the current csv reader started; moves on
    // when reading resumes after a stray quote. That reads the swallowed
    // lines once more, up to the quote that closed them, where the next
    // record starts: each stretch between two quotes is read at most twice,
    // so reading stays linear in the file.
    let mut base = 0usize;
    let mut rdr = reader_at(base);
    let order = date_order(body, &header, opts);
    let ctx = RowContext { file, opts, header: &header, charset: label, order };
    let mut rec = csv::StringRecord::new();
    let mut first = true;
    let mut lines = LineCounter::default();
    // Rows identical to an earlier row of this file, by id.
    let mut repeats: std::collections::HashMap<String, u32> = std::collections::HashMap::new();
    let mut sink = |r: RecordResult| {
        sink(r.map(|mut e| {
            if !has_seconds(&e.at_raw) {
                let n = repeats.entry(e.id.clone()).or_insert(0);
                if *n > 0 {
                    e.id = e.repeat_id(*n);
                }
                *n += 1;
            }
            e
        }))
    };
    loop {
        let before = base + to_usize(rdr.position().byte());
        let read = rdr.read_record(&mut rec);
        let start = rec.position().map_or(before, |p| base + to_usize(p.byte()));
        // After a CRLF the csv reader starts the next record at the '\n';
        // the record really starts after the line break.
        let start = start
            + body.get(start..).map_or(0, |r| r.len() - r.trim_start_matches(['\r', '\n']).len());
        let line = header.line_index + lines.line_at(body.as_bytes(), start);
        match read {
            Ok(false) => break,
            Ok(true) if first => first = false,
            Ok(true) => {
                let end = base + to_usize(rdr.position().byte());
                let raw = body.get(start..end).unwrap_or("").trim_end_matches(['\r', '\n']);
                let multiline = raw.contains('\n');
                let result = ctx.row(&rec, line, raw);
                let why = match &result {
                    _ if !multiline => None,
                    Some(Err(e)) => Some(e.reason.clone()),
                    Some(Ok(_)) if rec.len() != header.columns.width => {
                        Some(format!("{} fields, the header {}", rec.len(), header.columns.width))
                    }
                    Some(Ok(_)) if ctx.is_complete_row(raw.lines().nth(1).unwrap_or(""), line) => {
                        Some("its second line is a complete row".to_string())
                    }
                    _ => None,
                };
                match result {
                    // A bad or misshapen row that spans several lines is, far
                    // more often than a note with line breaks, a stray `"`
                    // that would swallow every row after it (to the next `"`
                    // or the end of the file). Report it, and read on from
                    // its second line, so that the rows after it are not lost.
                    Some(_) if why.is_some() => {
                        let spans = raw.lines().count();
                        sink(Err(RecordError::new(
                            file,
                            Position::line(line),
                            format!(
                                "unbalanced quote: the row would run over {spans} lines ({}); \
                                 reading on from the next line",
                                why.unwrap_or_default()
                            ),
                        )));
                        base = start + raw.find('\n').map_or(raw.len(), |i| i + 1);
                        rdr = reader_at(base);
                    }
                    Some(result) => sink(result),
                    None => {}
                }
            }
            Err(e) => {
                sink(Err(RecordError::new(
                    file,
                    Position::line(line),
                    format!("bad CSV row: {e}"),
                )));
                if base + to_usize(rdr.position().byte()) == before {
                    // No progress: the reader cannot go on.
                    break;
                }
            }
        }
    }
    Ok(())
}

/// Rows scanned for dates that settle whether the file writes `a/b/yyyy`
/// day first or month first.
const DATE_ORDER_SCAN_ROWS: usize = 10_000;

/// The order of the file's `a/b/yyyy` dates: what its own dates show (one
/// `13/03/2024` makes every `05/03/2024` of the file the 5th of March), else
/// the region's habit (also when the file's dates show both orders).
fn date_order(body: &str, header: &Header, opts: &IngestOptions) -> DateOrder {
    let cols = &header.columns;
    let date_cols: Vec<usize> =
        [Field::DateTime, Field::Date, Field::Time].iter().filter_map(|&f| cols.get(f)).collect();
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(header.delimiter)
        .has_headers(true)
        .flexible(true)
        .from_reader(body.as_bytes());
    let (mut day_first, mut month_first) = (false, false);
    for rec in rdr.records().take(DATE_ORDER_SCAN_ROWS).flatten() {
        for v in date_cols.iter().filter_map(|&i| rec.get(i)) {
            match DateOrder::evidence(v) {
                Some(DateOrder::DayFirst) => day_first = true,
                Some(DateOrder::MonthFirst) => month_first = true,
                _ => {}
            }
        }
    }
    match (day_first, month_first) {
        (true, false) => DateOrder::DayFirst,
        (false, true) => DateOrder::MonthFirst,
        // Both orders shown (a merged file): each date that settles itself
        // is read so, the rest by the region's habit.
        _ => DateOrder::of_region(&opts.default_region),
    }
}

/// Whether a written time has seconds (`14:03:07`, `14时03分07秒`, epoch or
/// compact digits), so that two identical rows are one call written twice
/// rather than two calls of one minute.
fn has_seconds(at_raw: &str) -> bool {
    let t = at_raw.trim();
    t.matches([':', '：']).count() >= 2
        || t.contains('秒')
        || (t.len() >= 10 && t.bytes().all(|b| b.is_ascii_digit()))
}

/// Whether a row is a bill's total (`合计`, `小计`, `Total`): its first
/// non-empty cell says so.
fn is_total_row(rec: &csv::StringRecord) -> bool {
    const TOTALS: [&str; 7] = ["合计", "小计", "总计", "total", "subtotal", "grandtotal", "sum"];
    rec.iter()
        .map(header_key)
        .find(|k| !k.is_empty())
        .is_some_and(|k| TOTALS.iter().any(|t| k == *t || (k.starts_with(t) && k.ends_with(':'))))
}

/// Whether a date cell carries a time of day (`14:03`, `2点`, `2 PM`) or is a
/// whole timestamp (epoch digits), not a date alone.
fn has_clock(v: &str) -> bool {
    let lower = v.to_lowercase();
    lower.contains(':')
        || lower.contains('：')
        || lower.contains('时')
        || lower.contains('点')
        || lower.contains("am")
        || lower.contains("pm")
        || lower.contains("上午")
        || lower.contains("下午")
        || (v.len() >= 9 && v.bytes().all(|b| b.is_ascii_digit()))
}

/// Whether a date cell holds no date, only a time of day (`14:03:07`).
fn is_time_only(v: &str) -> bool {
    !v.is_empty()
        && v.bytes().all(|b| b.is_ascii_digit() || b == b':' || b == b'.')
        && v.contains(':')
}

fn to_usize(n: u64) -> usize {
    usize::try_from(n).unwrap_or(usize::MAX)
}

/// 1-based line numbers of byte offsets in one text, counted incrementally:
/// offsets met in increasing order scan the text once. Shared with the XML
/// reader.
#[derive(Debug, Default)]
pub(crate) struct LineCounter {
    counted_to: usize,
    newlines: u64,
}

impl LineCounter {
    /// The 1-based line of byte `offset` of `text`.
    pub(crate) fn line_at(&mut self, text: &[u8], offset: usize) -> u64 {
        let offset = offset.min(text.len());
        let count = |from: usize, to: usize| {
            let chunk = text.get(from..to).unwrap_or_default();
            memchr::memchr_iter(b'\n', chunk).count() as u64
        };
        if offset >= self.counted_to {
            self.newlines += count(self.counted_to, offset);
            self.counted_to = offset;
            self.newlines + 1
        } else {
            // Looking back (rare): count the stretch between, do not move.
            self.newlines - count(offset, self.counted_to) + 1
        }
    }
}

struct RowContext<'a> {
    file: &'a str,
    opts: &'a IngestOptions,
    header: &'a Header,
    /// The encoding label the text was decoded under.
    charset: &'static str,
    /// How the file writes `a/b/yyyy` dates.
    order: DateOrder,
}

impl RowContext<'_> {
    /// Whether `line` (the line after `line_no`) is on its own a complete,
    /// valid row: then a quoted field that ran on into it swallowed a row.
    fn is_complete_row(&self, line: &str, line_no: u64) -> bool {
        let fields = split_line(line, self.header.delimiter);
        fields.len() == self.header.columns.width
            && matches!(self.row(&csv::StringRecord::from(fields), line_no + 1, line), Some(Ok(_)))
    }

    /// Turns one row into an event or a skip reason; `None` for a blank row.
    fn row(&self, rec: &csv::StringRecord, line: u64, raw: &str) -> Option<RecordResult> {
        let pos = Position::line(line);
        let err = |reason: String| Some(Err(RecordError::new(self.file, pos, reason)));
        if rec.len() > MAX_COLUMNS {
            return err(format!(
                "row has {} fields, more than the cap of {MAX_COLUMNS}",
                rec.len()
            ));
        }
        if let Some(big) = rec.iter().find(|f| f.len() > MAX_FIELD_BYTES) {
            return err(format!(
                "a field of {} bytes exceeds the cap of {MAX_FIELD_BYTES} bytes",
                big.len()
            ));
        }
        if rec.iter().all(|f| f.trim().is_empty()) {
            return None;
        }
        let cols = &self.header.columns;
        let get = |f: Field| {
            cols.get(f).and_then(|i| rec.get(i)).map(str::trim).filter(|s| !s.is_empty())
        };
        let mut warnings: Vec<String> =
            encoding::decode_warning(self.charset, raw).into_iter().collect();
        if rec.iter().any(has_control) {
            warnings.push("control characters (such as NUL) in the row".to_string());
        }
        if rec.len() != cols.width {
            warnings.push(format!("row has {} fields, the header {}", rec.len(), cols.width));
        }

        // A date and a time may come in one column or two (`Call Date`,
        // `Call Time`); a column named for the date may hold both.
        let cells: Vec<&str> =
            [Field::DateTime, Field::Date, Field::Time].iter().filter_map(|&f| get(f)).collect();
        let tz = self.opts.timezone;
        let whole = |v: &&&str| {
            has_clock(v)
                && !is_time_only(v)
                && datetime::parse_checked_in(v, tz, self.order).is_ok()
        };
        let at_raw = match cells.iter().find(whole) {
            Some(whole) => whole.to_string(),
            None => match (
                cells.iter().find(|v| !has_clock(v)),
                cells.iter().find(|v| is_time_only(v) || has_clock(v)),
            ) {
                (Some(d), Some(t)) => format!("{d} {t}"),
                (Some(one), None) | (None, Some(one)) => one.to_string(),
                (None, None) if is_total_row(rec) => {
                    return err("a total row of the bill, not a call".to_string());
                }
                (None, None) => return err("no date".to_string()),
            },
        };
        let at = match datetime::parse_checked_in(&at_raw, tz, self.order) {
            Ok(t) => t,
            Err(_) if is_total_row(rec) => {
                return err("a total row of the bill, not a call".to_string());
            }
            Err(e) => return err(format!("{e}: {}", quote(&at_raw))),
        };

        let region = self.opts.default_region.as_str();
        // Of several type columns the most specific reading wins: `Missed`
        // in `Status` says more than `Incoming` in `Direction`. An outgoing
        // call stays outgoing whatever its status (an unanswered call the
        // person made is not a missed call from someone else).
        let mut call_type = None;
        let type_cells = cols.get(Field::Type).into_iter().chain(cols.more_types.iter().copied());
        for t in type_cells.filter_map(|i| rec.get(i)).map(str::trim).filter(|t| !t.is_empty()) {
            match normalize_call_type(t) {
                Some(ct)
                    if call_type.is_none()
                        || ct == "outgoing"
                        || (call_type != Some("outgoing") && ct != "incoming") =>
                {
                    call_type = Some(ct);
                }
                Some(_) => {}
                None if cols.more_types.is_empty() => {
                    warnings.push(format!("unknown call type {}", quote(t)));
                }
                None => {}
            }
        }
        let duration_s = get(Field::Duration).and_then(|d| {
            let s = match d.parse::<f64>() {
                // A bare number in a minutes column (`3`, `0.5`).
                Ok(m) if cols.duration_minutes && m >= 0.0 && m.is_finite() => {
                    let secs = (m * 60.0).round();
                    (secs <= datetime::MAX_DURATION_S as f64).then_some(secs as u64)
                }
                _ => datetime::parse_duration(d),
            };
            if s.is_none() {
                warnings.push(format!("unreadable duration {}", quote(d)));
            }
            s
        });
        let mut number = get(Field::Number).map(|n| phone::normalize(n, region));
        let mut to = get(Field::Line)
            .map(|l| phone::normalize(l, region))
            .filter(|l| !l.is_empty() && l != phone::UNKNOWN);
        if cols.caller_callee {
            // `From`/`To` columns: the other party is the callee of an
            // outgoing call. The person's own numbers say which way it went
            // when no type column does.
            let own = |n: &Option<String>| {
                n.as_ref().is_some_and(|n| self.opts.own_identities.iter().any(|o| o == n))
            };
            if call_type.is_none() && own(&number) {
                call_type = Some("outgoing");
            } else if call_type.is_none() && own(&to) {
                call_type = Some("incoming");
            }
            if call_type == Some("outgoing") {
                std::mem::swap(&mut number, &mut to);
            }
        }
        let from = number.unwrap_or_else(|| {
            // A withheld caller: many exports leave the cell empty.
            warnings.push("no number: a withheld or hidden caller".to_string());
            phone::UNKNOWN.to_string()
        });
        let event = Event {
            channel: Some(Channel::Call),
            direction: direction_of(call_type),
            at: Some(at),
            at_raw,
            from,
            from_name: get(Field::Name).map(str::to_string),
            to,
            call_type: call_type.map(str::to_string),
            duration_s,
            tag: get(Field::Tag).map(str::to_string),
            note: get(Field::Note).map(str::to_string),
            source_file: self.file.to_string(),
            source_line: Some(line),
            raw_sha256: sha256_hex(raw.as_bytes()),
            warnings,
            ..Event::default()
        };
        Some(Ok(event.with_id()))
    }
}

#[cfg(test)]
mod header_stem_tests {
    use super::*;

    #[test]
    fn longer_headers_are_read_by_their_words() {
        let cells: Vec<String> = [
            "电话号码",
            "联系人姓名",
            "通话类型",
            "日期",
            "通话时长",
            "号码标识",
            "备注",
            "本机号码",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let c = map_header(&cells, &[]);
        assert_eq!(c.get(Field::Number), Some(0));
        assert_eq!(c.get(Field::Name), Some(1));
        assert_eq!(c.get(Field::Tag), Some(5));
        assert_eq!(c.get(Field::Line), Some(7));
        assert_eq!(c.get(Field::Duration), Some(4));
        let cells: Vec<String> = ["Caller Number", "Contact Name", "Call Start Time"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let c = map_header(&cells, &[]);
        assert_eq!(
            (c.get(Field::Number), c.get(Field::Name), c.get(Field::Time)),
            (Some(0), Some(1), Some(2))
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> Vec<u8> {
        let path = format!("{}/tests/fixtures/ingest/calllog/{name}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    fn run_with(name: &str, opts: &IngestOptions) -> (Vec<Event>, Vec<RecordError>) {
        let (mut ok, mut bad) = (Vec::new(), Vec::new());
        read(&fixture(name), name, opts, &mut |r| match r {
            Ok(e) => ok.push(e),
            Err(e) => bad.push(e),
        })
        .unwrap_or_else(|e| panic!("{name}: {e}"));
        (ok, bad)
    }

    fn run(name: &str) -> (Vec<Event>, Vec<RecordError>) {
        run_with(name, &IngestOptions::default())
    }

    #[test]
    fn header_keys_and_call_types() {
        assert_eq!(header_key(" 通话时长(秒) "), "通话时长");
        assert_eq!(header_key("Duration (s)"), "duration");
        assert_eq!(header_key("Phone_Number"), "phonenumber");
        assert_eq!(header_key("\u{FEFF}\"Date/Time\""), "datetime");
        assert_eq!(header_key("时长（秒）"), "时长");
        for (raw, want) in [
            ("来电", "incoming"),
            ("呼入", "incoming"),
            ("已接来电", "incoming"),
            ("INCOMING_TYPE", "incoming"),
            ("未接", "missed"),
            ("未接来电", "missed"),
            ("拒接", "rejected"),
            ("已拒接", "rejected"),
            ("已拦截", "blocked"),
            ("拦截", "blocked"),
            ("呼出", "outgoing"),
            ("去电", "outgoing"),
            ("已拨电话", "outgoing"),
            ("Voicemail", "voicemail"),
            ("1", "incoming"),
            ("2", "outgoing"),
            ("3", "missed"),
            ("4", "voicemail"),
            ("5", "rejected"),
            ("6", "blocked"),
        ] {
            assert_eq!(normalize_call_type(raw), Some(want), "{raw}");
        }
        assert_eq!(normalize_call_type("type"), None);
        assert_eq!(direction_of(Some("outgoing")), Direction::Outgoing);
        assert_eq!(direction_of(Some("missed")), Direction::Incoming);
        assert_eq!(direction_of(None), Direction::Unknown);
        assert_eq!(quote(&"x".repeat(100)).chars().count(), MAX_QUOTED_CHARS + 3);
    }
    fn utc(s: &str) -> chrono::DateTime<chrono::Utc> {
        chrono::DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&chrono::Utc)
    }

    #[test]
    fn english_android_export() {
        let (ev, bad) = run("en_android.csv");
        assert!(bad.is_empty(), "{bad:?}");
        assert_eq!(ev.len(), 6);
        let a = &ev[0];
        assert_eq!(a.channel, Some(Channel::Call));
        assert_eq!(a.from, "+8613800138000");
        assert_eq!(a.from_name.as_deref(), Some("Alice"));
        assert_eq!(a.to.as_deref(), Some("+8613900001111"));
        assert_eq!(a.call_type.as_deref(), Some("incoming"));
        assert_eq!(a.direction, Direction::Incoming);
        assert_eq!(a.at, Some(utc("2024-03-05T06:03:07Z")));
        assert_eq!(a.at_raw, "2024-03-05 14:03:07");
        assert_eq!(a.duration_s, Some(125));
        assert_eq!(a.source_file, "en_android.csv");
        assert_eq!(a.source_line, Some(2));
        assert_eq!(
            a.raw_sha256,
            sha256_hex(
                "+86 138 0013 8000,Alice,1,2024-03-05 14:03:07,125,,,+86 139 0000 1111".as_bytes()
            )
        );
        assert_eq!(a.id, a.clone().with_id().id);
        assert!(a.warnings.is_empty());

        let b = &ev[1];
        assert_eq!(b.call_type.as_deref(), Some("missed"));
        assert_eq!(b.tag.as_deref(), Some("房产中介"));
        assert_eq!(b.note.as_deref(), Some("called twice"));
        assert_eq!(b.to, None);
        assert_eq!(b.at, Some(utc("2024-03-05T06:05:00Z")));
        assert_eq!((ev[2].from.as_str(), ev[2].direction), ("95588", Direction::Outgoing));
        assert_eq!(ev[2].at, Some(utc("2024-03-05T06:10:00Z")));
        assert_eq!(
            (ev[3].from.as_str(), ev[3].call_type.as_deref()),
            ("unknown", Some("rejected"))
        );
        let e = &ev[4];
        assert_eq!(e.from_name.as_deref(), Some("Smith, John"));
        assert_eq!(e.call_type.as_deref(), Some("blocked"));
        assert_eq!(e.tag.as_deref(), Some("推销, 保险"));
        assert_eq!(e.note.as_deref(), Some("note with \"quotes\""));
        assert_eq!(e.from, "4001234567");
        assert_eq!(
            (ev[5].from.as_str(), ev[5].call_type.as_deref()),
            ("+861012345678", Some("voicemail"))
        );
        let lines: Vec<_> = ev.iter().map(|e| e.source_line).collect();
        assert_eq!(lines, [2, 3, 4, 5, 6, 7].map(Some));
    }

    #[test]
    fn chinese_utf8_bom_export() {
        let (ev, bad) = run("zh_bom.csv");
        assert!(bad.is_empty(), "{bad:?}");
        assert_eq!(ev.len(), 5);
        assert_eq!(ev[0].from_name.as_deref(), Some("张三"));
        assert_eq!(ev[0].at, Some(utc("2024-03-05T06:03:00Z")));
        assert_eq!(ev[0].duration_s, Some(125));
        assert_eq!(ev[0].to.as_deref(), Some("+8613900001111"));
        assert_eq!(ev[1].call_type.as_deref(), Some("missed"));
        assert_eq!(ev[1].tag.as_deref(), Some("骚扰电话"));
        assert_eq!(ev[2].call_type.as_deref(), Some("outgoing"));
        assert_eq!(ev[2].duration_s, Some(3723));
        assert_eq!(ev[2].at, Some(utc("2024-03-05T01:00:00Z")));
        assert_eq!(ev[2].note.as_deref(), Some("查话费"));
        assert_eq!((ev[3].from.as_str(), ev[3].call_type.as_deref()), ("unknown", Some("blocked")));
        assert_eq!(ev[4].from, "+8675588881234");
        assert_eq!(ev[4].call_type.as_deref(), Some("rejected"));
        assert!(ev.iter().all(|e| e.warnings.is_empty()));
    }

    #[test]
    fn gbk_carrier_bill_with_title_lines() {
        let (ev, bad) = run("carrier_gbk.tsv");
        assert_eq!(ev.len(), 2);
        assert_eq!(ev[0].source_line, Some(4));
        assert_eq!(ev[0].from, "+8613800138000");
        assert_eq!(ev[0].call_type.as_deref(), Some("incoming"));
        assert_eq!(ev[0].duration_s, Some(125));
        assert_eq!(ev[1].from, "+862012345678");
        assert_eq!(ev[1].direction, Direction::Outgoing);
        assert!(ev[0].warnings.iter().any(|w| w.contains("GB18030")));
        // CRLF is not part of the hashed row.
        assert_eq!(
            ev[0].raw_sha256,
            sha256_hex("2024-03-05 14:03:07\t广东深圳\t被叫\t13800138000\t2分5秒\t本地".as_bytes())
        );
        // The total row is reported, not dropped.
        assert_eq!(bad.len(), 1);
        assert_eq!(bad[0].position, Position::line(6));
        assert_eq!(bad[0].reason, "a total row of the bill, not a call");
    }

    #[test]
    fn utf16le_semicolon_european_dates() {
        let opts = IngestOptions {
            default_region: "GB".into(),
            timezone: chrono_tz::Europe::London,
            ..IngestOptions::default()
        };
        let (ev, bad) = run_with("eu_utf16le.csv", &opts);
        assert!(bad.is_empty(), "{bad:?}");
        assert_eq!(ev.len(), 3);
        assert_eq!(ev[0].from, "+447700900123");
        assert_eq!(ev[0].to.as_deref(), Some("+447700900999"));
        assert_eq!(ev[0].at, Some(utc("2024-03-05T14:03:00Z")));
        assert_eq!(ev[0].duration_s, Some(125));
        assert_eq!(ev[1].from, "+447700900124");
        assert_eq!(ev[1].tag.as_deref(), Some("Spam"));
        assert_eq!(ev[2].from, "+49301234567");
        assert_eq!(ev[2].duration_s, Some(125));
        assert_eq!(ev[2].source_line, Some(4));
    }

    #[test]
    fn utf16be_other_header_names() {
        let (ev, bad) = run("zh_utf16be.csv");
        assert!(bad.is_empty(), "{bad:?}");
        assert_eq!(ev.len(), 2);
        assert_eq!(ev[0].from_name.as_deref(), Some("李四"));
        assert_eq!(ev[0].call_type.as_deref(), Some("incoming"));
        assert_eq!(ev[0].duration_s, Some(125));
        assert_eq!(ev[1].from, "4001234567");
        assert_eq!(ev[1].call_type.as_deref(), Some("outgoing"));
        assert_eq!(ev[1].at, Some(utc("2024-03-05T06:03:07Z")));
    }

    #[test]
    fn us_dates_and_durations() {
        let opts = IngestOptions {
            default_region: "US".into(),
            timezone: chrono_tz::America::New_York,
            ..IngestOptions::default()
        };
        let (ev, bad) = run_with("us_dates.csv", &opts);
        assert!(bad.is_empty(), "{bad:?}");
        assert_eq!(ev[0].from, "+12015550123");
        assert_eq!(ev[0].at, Some(utc("2024-03-05T19:03:00Z")));
        assert_eq!(ev[0].duration_s, Some(125));
        assert_eq!(ev[1].from, "+18005550199");
        assert_eq!(ev[1].at, ev[0].at);
        assert_eq!(ev[1].duration_s, Some(125));
        assert_eq!(ev[1].call_type.as_deref(), Some("missed"));
    }

    #[test]
    fn separate_date_and_time_columns_and_duration_styles() {
        let (ev, bad) = run("split_date_time.csv");
        assert!(bad.is_empty(), "{bad:?}");
        let got: Vec<_> = ev.iter().map(|e| (e.at.unwrap().timestamp(), e.duration_s)).collect();
        let t = utc("2024-03-05T06:03:00Z").timestamp();
        assert_eq!(
            got,
            [
                (t + 7, Some(3723)),
                (t, Some(125)),
                (t, Some(125)),
                (t + 7, Some(125)),
                (t, Some(125)),
                (t + 7, Some(125)),
            ]
        );
        assert_eq!(ev[0].at_raw, "2024-03-05 14:03:07");
        assert_eq!(ev[5].at_raw, "2024-03-05 14:03:07");
    }

    #[test]
    fn epoch_dates() {
        let (ev, bad) = run("epoch_android.csv");
        assert!(bad.is_empty(), "{bad:?}");
        assert_eq!(ev.len(), 2);
        assert_eq!(ev[0].at, Some(utc("2024-03-05T06:03:00Z")));
        assert_eq!(ev[0].at, ev[1].at);
        assert_eq!(ev[1].call_type.as_deref(), Some("missed"));
        assert_eq!(ev[0].from_name, None);
    }

    #[test]
    fn malformed_rows_are_reported_with_their_line() {
        let (ev, bad) = run("malformed.csv");
        let lines: Vec<_> = ev.iter().map(|e| e.source_line.unwrap()).collect();
        assert_eq!(lines, [2, 3, 7, 9, 11]);
        // An empty number with a date is a withheld caller, not a bad row.
        assert_eq!(ev[1].from, phone::UNKNOWN);
        assert!(ev[1].warnings.iter().any(|w| w.contains("withheld")), "{:?}", ev[1].warnings);
        let reasons: Vec<_> =
            bad.iter().map(|e| (e.position.line.unwrap(), e.reason.as_str())).collect();
        assert_eq!(reasons.len(), 3, "{reasons:?}");
        assert_eq!(reasons[0], (4, "unreadable date: 'yesterday'"));
        assert_eq!(reasons[1].0, 5);
        assert!(reasons[1].1.contains("out of range"), "{}", reasons[1].1);
        assert_eq!(reasons[2], (6, "no date"));
        assert!(bad.iter().all(|e| e.file == "malformed.csv"));
        let ragged = &ev[2];
        assert_eq!(ragged.call_type, None);
        assert_eq!(ragged.direction, Direction::Unknown);
        assert_eq!(ragged.duration_s, None);
        assert_eq!(ragged.warnings.len(), 3, "{:?}", ragged.warnings);
        // A quoted field spanning two lines: the record starts on line 9.
        assert_eq!(ev[3].at, Some(utc("2024-03-05T06:06:00Z")));
        assert_eq!(
            ev[3].raw_sha256,
            sha256_hex("\"13800138006\",来电,\"2024-03-05\n14:06\",5".as_bytes())
        );
    }

    #[test]
    fn no_header_is_an_input_error() {
        let err = read(
            &fixture("no_header.csv"),
            "no_header.csv",
            &IngestOptions::default(),
            &mut |_| panic!("no record expected"),
        )
        .unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("no_header.csv:line 1: no call-log header found"), "{msg}");
        assert!(read(b"", "empty.csv", &IngestOptions::default(), &mut |_| {}).is_err());
    }

    #[test]
    fn custom_column_mappings() {
        assert!(
            read(&fixture("custom_columns.csv"), "c.csv", &IngestOptions::default(), &mut |_| {})
                .is_err()
        );
        let columns = [
            ("number", "Caller ID Number"),
            ("time", "When"),
            ("type", "Kind"),
            ("duration", "Secs"),
        ]
        .map(|(f, h)| (f.to_string(), h.to_string()))
        .to_vec();
        let opts = IngestOptions { columns, ..IngestOptions::default() };
        let (ev, bad) = run_with("custom_columns.csv", &opts);
        assert!(bad.is_empty());
        assert_eq!(ev.len(), 1);
        assert_eq!(ev[0].call_type.as_deref(), Some("incoming"));
        assert_eq!(ev[0].duration_s, Some(5));
        let opts = IngestOptions {
            columns: vec![("nmber".into(), "X".into())],
            ..IngestOptions::default()
        };
        assert!(matches!(read(b"a", "x.csv", &opts, &mut |_| {}), Err(Error::Usage(_))));
    }

    #[test]
    fn caps_skip_rows_with_a_reason() {
        let mut csv = String::from("号码,时间\n");
        csv.push_str(&format!(
            "13800138000,2024-03-05 14:03,{}\n",
            "x".repeat(MAX_FIELD_BYTES + 1)
        ));
        csv.push_str(&format!("13800138000,2024-03-05 14:03{}\n", ",".repeat(MAX_COLUMNS)));
        csv.push_str("13800138000,2024-03-05 14:03\n");
        let mut out = Vec::new();
        read(csv.as_bytes(), "caps.csv", &IngestOptions::default(), &mut |r| out.push(r)).unwrap();
        assert_eq!(out.len(), 3);
        let e0 = out[0].as_ref().unwrap_err();
        assert!(e0.reason.contains("exceeds the cap"), "{}", e0.reason);
        assert_eq!(e0.position, Position::line(2));
        assert!(out[1].as_ref().unwrap_err().reason.contains("more than the cap"));
        assert_eq!(out[2].as_ref().unwrap().source_line, Some(4));
    }

    #[test]
    fn crlf_and_lf_give_the_same_hash_and_id() {
        let lf = "号码,时间\n13800138000,2024-03-05 14:03\n";
        let crlf = lf.replace('\n', "\r\n");
        let mut got = Vec::new();
        for text in [lf.to_string(), crlf] {
            read(text.as_bytes(), "x.csv", &IngestOptions::default(), &mut |r| {
                got.push(r.unwrap())
            })
            .unwrap();
        }
        assert_eq!(got[0].raw_sha256, got[1].raw_sha256);
        assert_eq!(got[0].id, got[1].id);
        assert_eq!(got[0].direction, Direction::Unknown);
    }

    #[test]
    fn hostile_input_never_panics() {
        let inputs: [&[u8]; 8] = [
            b"\xFF\xFE",
            b"number,date\n\"",
            b"number,date\n\"13800138000,2024-03-05",
            b"number;date\n;;;;\n\xFF\xFF\n",
            b"\xEF\xBB\xBFnumber\tdate\n1\t2\n",
            b"number,date\r\r\r1,2",
            b"number,date\n13800138000,\xE4\xB8",
            b"number,date\n13800138000,99999999999999999999\n",
        ];
        for bytes in inputs {
            let _ = read(bytes, "h.csv", &IngestOptions::default(), &mut |_| {});
        }
    }

    #[test]
    fn every_header_name_of_the_spec_is_recognised() {
        let spec: [(&str, Field); 42] = [
            ("number", Field::Number),
            ("Phone", Field::Number),
            ("PHONE NUMBER", Field::Number),
            ("号码", Field::Number),
            ("电话号码", Field::Number),
            ("对方号码", Field::Number),
            ("来电号码", Field::Number),
            ("Name", Field::Name),
            ("contact", Field::Name),
            ("姓名", Field::Name),
            ("联系人", Field::Name),
            ("名称", Field::Name),
            ("Type", Field::Type),
            ("Call Type", Field::Type),
            ("通话类型", Field::Type),
            ("类型", Field::Type),
            ("呼叫类型", Field::Type),
            ("Date", Field::Date),
            ("Time", Field::Time),
            ("Date Time", Field::DateTime),
            ("date_time", Field::DateTime),
            ("通话时间", Field::DateTime),
            ("开始时间", Field::DateTime),
            ("时间", Field::Time),
            ("日期", Field::Date),
            ("Duration", Field::Duration),
            ("通话时长(秒)", Field::Duration),
            ("时长（秒）", Field::Duration),
            ("duration (s)", Field::Duration),
            ("Tag", Field::Tag),
            ("label", Field::Tag),
            ("标记", Field::Tag),
            ("号码标记", Field::Tag),
            ("Note", Field::Note),
            ("notes", Field::Note),
            ("备注", Field::Note),
            ("Line", Field::Line),
            ("SIM", Field::Line),
            ("to", Field::Line),
            ("本机号码", Field::Line),
            ("SIM卡", Field::Line),
            ("My Number", Field::Line),
        ];
        for (name, field) in spec {
            let cols = map_header(&[name.to_string()], &[]);
            assert_eq!(cols.get(field), Some(0), "{name}");
        }
        // A lone `time` column holding whole date-times is enough.
        let csv = "Number,Time\n13800138000,2024-03-05 14:03\n";
        let mut got = Vec::new();
        read(csv.as_bytes(), "t.csv", &IngestOptions::default(), &mut |r| got.push(r)).unwrap();
        assert_eq!(got[0].as_ref().unwrap().at_raw, "2024-03-05 14:03");
    }

    #[test]
    fn every_cut_of_every_fixture_is_safe() {
        let dir = format!("{}/tests/fixtures/ingest/calllog", env!("CARGO_MANIFEST_DIR"));
        let mut names: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        assert!(names.len() >= 10);
        for name in names {
            let full = fixture(&name);
            for cut in 0..full.len() {
                let mut n = 0;
                let _ = read(&full[..cut], &name, &IngestOptions::default(), &mut |_| n += 1);
                assert!(n <= 10, "{name} cut at {cut}");
            }
        }
    }
}

#[cfg(test)]
mod hostile_tests {
    use super::*;

    fn read_str(text: &str) -> (Vec<Event>, Vec<RecordError>) {
        let (mut ok, mut bad) = (Vec::new(), Vec::new());
        read(text.as_bytes(), "t.csv", &IngestOptions::default(), &mut |r| match r {
            Ok(e) => ok.push(e),
            Err(e) => bad.push(e),
        })
        .unwrap();
        (ok, bad)
    }

    fn read_in(text: &str, region: &str, tz: chrono_tz::Tz) -> (Vec<Event>, Vec<RecordError>) {
        let opts = IngestOptions {
            default_region: region.to_string(),
            timezone: tz,
            own_identities: vec!["+14692641200".to_string()],
            ..IngestOptions::default()
        };
        let (mut ok, mut bad) = (Vec::new(), Vec::new());
        read(text.as_bytes(), "t.csv", &opts, &mut |r| match r {
            Ok(e) => ok.push(e),
            Err(e) => bad.push(e),
        })
        .unwrap();
        (ok, bad)
    }

    /// Export styles met in the wild beyond the fixtures: dates and times in
    /// two columns, bill preambles, minutes, several type columns, place
    /// columns, withheld callers, spreadsheet-protected numbers, caller and
    /// callee columns, day-first files.
    #[test]
    fn more_export_styles() {
        let sh = chrono_tz::Asia::Shanghai;
        let at = |e: &Event| e.at.map(|t| t.to_rfc3339());
        let (ev, bad) = read_in(
            "Call Date,Call Time,Number,Type,Duration\n2024-03-05,14:03:07,13800138000,Incoming call,125\n",
            "CN",
            sh,
        );
        assert!(bad.is_empty(), "{bad:?}");
        assert_eq!(at(&ev[0]).as_deref(), Some("2024-03-05T06:03:07+00:00"));
        assert_eq!(ev[0].call_type.as_deref(), Some("incoming"));
        let (ev, bad) = read_in(
            "对方号码,通话日期,通话时间,呼叫类型,通话时长\n13800138000,2024-03-05,14:03:07,拒接来电,0\n",
            "CN",
            sh,
        );
        assert!(bad.is_empty(), "{bad:?}");
        assert_eq!(at(&ev[0]).as_deref(), Some("2024-03-05T06:03:07+00:00"));
        assert_eq!(ev[0].call_type.as_deref(), Some("rejected"));
        // A preamble line naming 号码 and 时间 with values is not the header.
        let (ev, bad) = read_in(
            "手机号码：13800138000,查询时间：2024年03月\n起始时间,通话时长,呼叫类型,对方号码,本机通话地\n\
             2024-03-05 14:03:07,00:02:05,被叫,13900139000,深圳\n",
            "CN",
            sh,
        );
        assert!(bad.is_empty(), "{bad:?}");
        assert_eq!((ev[0].from.as_str(), ev[0].duration_s), ("+8613900139000", Some(125)));
        assert_eq!(ev[0].to, None, "where the phone was is not the line");
        // Minutes, and a US bill's own words.
        let chicago = chrono_tz::America::Chicago;
        let (ev, bad) = read_in(
            "Date,Time,Number,Destination,Minutes\n03/05/2024,2:03 PM,469-264-1207,Incoming CL,3\n",
            "US",
            chicago,
        );
        assert!(bad.is_empty(), "{bad:?}");
        assert_eq!(ev[0].duration_s, Some(180));
        assert_eq!(at(&ev[0]).as_deref(), Some("2024-03-05T20:03:00+00:00"));
        // Two type columns: the more specific reading wins; unknown words in one are no warning.
        let (ev, _) = read_in(
            "Phone Number,Date,Direction,Status,Duration\n13800138000,2024-03-05 14:03:07,Incoming,Missed,0\n",
            "CN",
            sh,
        );
        assert_eq!(ev[0].call_type.as_deref(), Some("missed"));
        let (ev, _) = read_in(
            "通话类型,对方号码,起始时间,通话时长,呼叫类型\n本地通话,13900139000,2024-03-05 14:03:07,125,被叫\n",
            "CN",
            sh,
        );
        assert_eq!(ev[0].call_type.as_deref(), Some("incoming"));
        assert!(ev[0].warnings.iter().all(|w| !w.contains("call type")), "{:?}", ev[0].warnings);
        // Withheld callers and protected numbers.
        let (ev, bad) = read_in(
            "号码,通话类型,通话时间\n,未接,2024-03-05 14:03:00\n号码隐藏,未接,2024-03-05 14:04:00\n\
             =\"13800138000\",呼入未接,2024-03-05 14:05:00\n'13800138001,来电拦截,2024-03-05 14:06:00\n",
            "CN",
            sh,
        );
        assert!(bad.is_empty(), "{bad:?}");
        let got: Vec<(&str, Option<&str>)> =
            ev.iter().map(|e| (e.from.as_str(), e.call_type.as_deref())).collect();
        assert_eq!(
            got,
            [
                ("unknown", Some("missed")),
                ("unknown", Some("missed")),
                ("+8613800138000", Some("missed")),
                ("+8613800138001", Some("blocked")),
            ]
        );
        // Caller and callee columns: the other party of an outgoing call is the callee.
        let (ev, bad) = read_in(
            "Date,Time,From,To,Duration\n03/05/2024,2:03 PM,(469) 264-1207,(469) 264-1200,0:02:05\n\
             03/05/2024,3:00 PM,(469) 264-1200,(214) 555-0100,0:01:00\n",
            "US",
            chicago,
        );
        assert!(bad.is_empty(), "{bad:?}");
        assert_eq!((ev[0].from.as_str(), ev[0].direction), ("+14692641207", Direction::Incoming));
        assert_eq!(ev[0].to.as_deref(), Some("+14692641200"));
        assert_eq!((ev[1].from.as_str(), ev[1].direction), ("+12145550100", Direction::Outgoing));
        // One day-first date settles the file's order.
        let hk = chrono_tz::Asia::Hong_Kong;
        let (ev, _) = read_in(
            "Number,Type,Date,Duration\n91234567,Incoming,13/03/2024 14:03,125\n91234568,Incoming,05/03/2024 14:03,125\n",
            "CN",
            hk,
        );
        assert_eq!(at(&ev[1]).as_deref(), Some("2024-03-05T06:03:00+00:00"));
    }

    #[test]
    fn repeated_rows_of_a_minute_export_are_distinct_calls() {
        let text = "号码,通话类型,通话时间,通话时长\n13800138000,未接,2024/3/5 14:03,0\n\
                    13800138000,未接,2024/3/5 14:03,0\n";
        let (ev, bad) = read_str(text);
        assert!(bad.is_empty(), "{bad:?}");
        assert_eq!(ev.len(), 2);
        assert_ne!(ev[0].id, ev[1].id);
        // The same export read again gives the same two ids (they merge).
        let (again, _) = read_str(text);
        assert_eq!(again.iter().map(|e| &e.id).collect::<Vec<_>>(), [&ev[0].id, &ev[1].id]);
        // With seconds, an identical row is the same call written twice.
        let (ev, _) = read_str(
            "号码,通话时间\n13800138000,2024/3/5 14:03:07\n13800138000,2024/3/5 14:03:07\n",
        );
        assert_eq!(ev[0].id, ev[1].id);
    }

    #[test]
    fn quoted_values_escape_control_characters() {
        assert_eq!(quote("a\u{1b}[2Jb\0"), "'a\\u{1b}[2Jb\\u{0}'");
        assert_eq!(quote(&"x".repeat(MAX_QUOTED_CHARS)), format!("'{}'", "x".repeat(40)));
        assert!(quote(&"字".repeat(MAX_QUOTED_CHARS + 1)).ends_with("…'"));
    }

    #[test]
    fn a_stray_quote_does_not_swallow_later_rows() {
        let text = "Number,Date,Note\n138001,2024-03-05 14:00,\"stray\n138002,2024-03-05 14:01,\n\
                    138003,\"2024-03-05 14:02,x\n138004,2024-03-05 14:03,\n";
        let (ok, bad) = read_str(text);
        let from: Vec<&str> = ok.iter().map(|e| e.from.as_str()).collect();
        assert_eq!(from, ["138002", "138004"], "{bad:?}");
        assert_eq!(bad.len(), 2);
        assert!(bad.iter().all(|b| b.reason.starts_with("unbalanced quote")), "{bad:?}");
        assert_eq!(bad[0].position, Position::line(2));
        assert_eq!(bad[1].position, Position::line(4));
    }

    #[test]
    fn a_note_with_line_breaks_is_still_one_row() {
        let text = "Number,Date,Note\n138001,2024-03-05 14:00,\"line one\nline two\"\n\
                    138002,2024-03-05 14:01,\n";
        let (ok, bad) = read_str(text);
        assert!(bad.is_empty(), "{bad:?}");
        assert_eq!(ok.len(), 2);
        assert_eq!(ok[0].note.as_deref(), Some("line one\nline two"));
    }
}
