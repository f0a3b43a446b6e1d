//! Every label, heading and sentence the human-readable reports show, in
//! Simplified Chinese and English, side by side so a translation is never
//! forgotten. Sentences with `{name}` placeholders are filled by [`tf`];
//! texts that are lists keep one item per line (see [`lines`]).

use super::data::Lang;

macro_rules! texts {
    ($( $key:ident => $zh:literal, $en:literal; )*) => {
        /// One text of the report. Each variant's doc is its English text.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Key {
            $( #[doc = $en] $key, )*
        }

        impl Key {
            /// Every key, for checks over the whole table.
            pub const ALL: &'static [Key] = &[$(Key::$key,)*];

            /// The (Chinese, English) texts.
            pub fn pair(self) -> (&'static str, &'static str) {
                match self {
                    $( Key::$key => ($zh, $en), )*
                }
            }
        }
    };
}

texts! {
    HtmlLang => "zh-CN", "en";
    Title => "个人信息泄露来源调查报告", "Personal data leak: source report";
    Generated => "生成时间：{at}（时区 {tz}）", "Generated {at} (time zone {tz})";
    RedactedNote => "本报告已遮盖您本人的电话号码和邮箱地址。", "Your own phone numbers and e-mail addresses are masked in this report.";
    Contents => "目录", "Contents";

    SummaryHeading => "摘要", "Summary";
    FigContacts => "联系过您的号码或地址", "numbers or addresses that contacted you";
    FigLeakDriven => "营销类联系人（通常由信息泄露驱动）", "leak-driven (marketing) contacts";
    FigEvents => "来电、短信和邮件", "incoming calls, texts and e-mails";
    FigFraud => "诈骗类事件", "fraud events";
    FigAttributed => "已归因到来源的事件", "events attributed to a source";
    Period => "时间范围：{from} 至 {to}", "Period covered: {from} to {to}";
    NoPeriod => "没有带时间的事件。", "No dated events.";
    SummarySentence => "共有 {contacts} 个号码或地址联系过您，其中 {leak} 个属于营销类，这类联系通常是因为您的联系方式被泄露或转卖。", "{contacts} numbers or addresses contacted you; {leak} of them are marketing, which usually means your details were passed on or sold.";
    TopSourcesHeading => "最可能的泄露来源", "Most likely sources";
    TopSourceItem => "{source}：可信度 {pct}，已归因 {n} 次联系", "{source}: confidence {pct}, {n} events attributed";
    NoTopSources => "没有任何营销活动能以足够把握归因到您登记的披露对象。", "No campaign could be attributed to any of your disclosures with enough confidence.";

    TimelineHeading => "时间线", "Timeline";
    TimelineCaption => "每周的来电、短信和邮件数，按类别堆叠；竖线标出您把联系方式提供给某一方的日期。", "Contacts per week, stacked by category; vertical lines mark the days you gave your details to someone.";
    ChartLabel => "每周联系次数时间线", "Timeline of contacts per week";
    NoWeeks => "没有带时间的事件，无法绘制时间线。", "No dated events, so there is no timeline to draw.";
    MarkerLabel => "披露：{source}", "Disclosure: {source}";
    MarkersOutside => "不在图表时间范围内的披露：{list}", "Disclosures outside the chart's time range: {list}";
    ChartCut => "图表只显示最近 {n} 周。", "The chart shows only the last {n} weeks.";
    LegendMarker => "竖线：披露日期", "Vertical line: a disclosure";
    WeekCol => "周（周一）", "Week (Monday)";
    TotalCol => "合计", "Total";
    BreakdownCol => "按类别", "By category";
    ChartTooltip => "{week} 这一周 {category}：{n}", "Week of {week}, {category}: {n}";

    SourcesHeading => "按来源分析", "By suspected source";
    SourcesIntro => "您登记的每个披露对象，以及归因于它的营销活动。", "Each disclosure you listed, with the campaigns attributed to it.";
    NoDisclosures => "未提供披露记录文件，因此无法做来源归因。", "No disclosures file was given, so no source could be attributed.";
    SourcesWithout => "没有归因事件的披露对象：{list}", "Disclosures with no attributed events: {list}";
    DisclosedOn => "披露日期", "Disclosed on";
    Dealing => "事由", "Dealing";
    DetailsGiven => "提供的信息", "Details given";
    CampaignsAttributed => "归因的营销活动", "Campaigns attributed";
    EventsLabel => "事件数", "Events";
    CategoriesLabel => "类别", "Categories";
    FirstContact => "首次联系", "First contact";
    DaysAfter => "披露后 {n} 天", "{n} days after the disclosure";
    DaysBefore => "披露前 {n} 天", "{n} days before the disclosure";
    ReasonsLabel => "理由", "Reasons";
    SamplesLabel => "消息样例", "Sample messages";

    LifeHeading => "推断的生活事件", "Inferred life events";
    LifeIntro => "以下根据营销类别随时间的变化推断，可能对应您办理过的事务（如买房、买车、孩子出生），可帮助您回忆当时把联系方式给了谁。", "Inferred from shifts in the marketing you received over time; they may match dealings you had (buying a home or a car, a new child) and help you remember who got your details then.";

    CampaignsHeading => "营销活动", "Campaigns";
    CampaignsIntro => "一个营销活动是很可能出自同一发送方的一组联系：文字相近、号码相关或时间集中。", "A campaign is a group of contacts that probably come from one sender: similar text, related numbers or the same timing.";
    NoCampaigns => "没有营销活动。", "No campaigns.";
    ColId => "编号", "ID";
    ColCategory => "类别", "Category";
    ColSenders => "发送方", "Senders";
    ColFirst => "首次", "First seen";
    ColLast => "最近", "Last seen";
    ColCount => "次数", "Count";
    ColSuspect => "最可能来源", "Top suspect";
    ColScore => "得分", "Score";
    ColGrouping => "分组理由", "Grouping reasons";
    MoreSenders => "等共 {n} 个", "{n} in all";
    Unknown => "未知", "unknown";
    RowsCapped => "仅列出前 {n} 行；完整数据见 report.json 和 evidence.csv。", "Only the first {n} rows are listed; report.json and evidence.csv have them all.";

    ContactsHeading => "联系人", "Contacts";
    NoContacts => "没有联系人。", "No contacts.";
    ColNumber => "号码或地址", "Number or address";
    ColConfidence => "可信度", "Confidence";
    ColNames => "使用的名称", "Names used";

    MethodHeading => "方法与局限", "Method and limits";
    MethodText => "leaktrace 在您自己的电脑上离线读取通话记录、短信和邮件的导出文件，不会上传任何数据。
每次联系都由一个统计模型（朴素贝叶斯）根据文字、号码类型和时间归入一个类别；“可信度”是模型对这个类别的估计概率。分类是统计性的，可能出错，请对照消息样例核对。证据太少时，事件会标为“不确定”。
内容相近、号码相关或时间集中的联系被归为同一个营销活动，表中列出了分组理由。
来源“得分”是一个后验概率：它在您登记的各个披露对象和“未知”之间分配，合计为 100%。它综合了四类证据：标识符证据（对方使用了您只给过某一方的号码、邮箱或名字写法）、名字写法和关键词（如楼盘名、产品名）、时间（首次联系距披露的天数）以及类别亲和度（例如在房产中介之后出现的房产营销）。只有得分超过阈值的营销活动，其事件才会归因到来源。
“未知”始终是候选之一：很多营销和诈骗是群发的，也可能来自多年前的数据泄露或数据贩子，与您最近的任何一次披露都无关。
时间上的相关不等于证明。本报告提供的是调查线索，不是某一方泄露信息的定论；它可以帮助警方和监管部门了解情况，由他们调查核实。", "leaktrace reads your call-log, SMS and e-mail exports offline, on your own computer; nothing is uploaded.
Each contact is put in a category by a statistical model (naive Bayes) from its text, the kind of number and its timing; the \"confidence\" is the model's estimated probability of that category. Classification is statistical and can be wrong: check it against the sample messages. When there is too little evidence an event is marked \"unsure\".
Contacts with similar text, related numbers or the same timing are grouped into one campaign; the table gives the reasons for each group.
A source's \"score\" is a posterior probability shared out over the disclosures you listed and \"unknown\", adding up to 100%. It combines identifier evidence (a number, address or spelling of your name that you gave to only one party), name spellings and keywords (an estate or product name), timing (days from a disclosure to the first contact) and category affinity (property marketing after an estate agent, say). Only a campaign whose score clears a threshold has its events attributed to a source.
\"Unknown\" is always a candidate: much marketing and fraud is sent in bulk, or comes from old breaches and data brokers that have nothing to do with any recent disclosure of yours.
Correlation in time is not proof. This report gives leads for an investigation, not a finding that anyone leaked your data; it helps the police or a regulator understand what happened so they can investigate.";

    CustodyHeading => "证据保全信息", "Chain of custody";
    CustodyIntro => "以下是本报告所用每个输入文件的路径、大小和 SHA-256 哈希值。文件只要有任何改动，哈希值就会不同，因此可以用它证明所用数据未被修改。evidence.csv 的每一行都给出原始文件、行号或字节偏移以及该记录原始字节的 SHA-256，可据此回到原始导出核对。", "Below is every input this report used, with its path, size and SHA-256 hash. Any change to a file changes its hash, so the hashes show the data was not altered. Each row of evidence.csv gives the original file, the line or byte offset, and the SHA-256 of the record's raw bytes, so it can be checked against the original export.";
    ColFile => "文件", "File";
    ColFormat => "格式", "Format";
    ColSize => "大小（字节）", "Size (bytes)";
    ColSeen => "读取", "Seen";
    ColProduced => "生成", "Produced";
    ColMerged => "合并（重复）", "Merged (duplicates)";
    ColSkipped => "跳过", "Skipped";
    NoInputs => "没有输入文件。", "No inputs.";
    SkipsHeading => "跳过的记录及原因", "Skipped records and reasons";
    SkipsMore => "{file}：另有 {n} 条未列出", "{file}: {n} more not listed";
    ErrorsHeading => "输入错误", "Input errors";
    NoneText => "无", "None";
    ToolVersion => "leaktrace 版本", "leaktrace version";
    ModelLabel => "模型", "Model";
    TimezoneLabel => "时区", "Time zone";
    GeneratedAt => "生成时间（UTC）", "Generated at (UTC)";
    DisclosuresFile => "披露记录文件", "Disclosures file";
    RedactedLabel => "已遮盖本人信息", "Own identifiers masked";
    Yes => "是", "yes";
    No => "否", "no";

    ActionsHeading => "您可以做什么", "What you can do";
    NotLegalAdvice => "本节是一般性信息，不构成法律意见。具体情况请咨询律师或有关部门。", "This section is general information, not legal advice. For your own situation, ask a lawyer or the authority concerned.";
    ChinaHeading => "在中国大陆", "In mainland China";
    ChinaActions => "保留证据：不要修改或删除手机上的原始记录和导出文件；对关键短信和来电记录截图；在合法的前提下保存通话录音；记下本报告和各输入文件的 SHA-256 哈希值。
报警：遇到诈骗，或怀疑个人信息被大量出售时，拨打 110 或到当地派出所报案，并提交本报告。
向 12321 网络不良与垃圾信息举报受理中心举报（网站 12321.cn，或拨打 12321）：随附的 12321.csv 已按其要求列出号码、时间、时长、类型和内容。
向 12315 消费者投诉举报热线投诉商家的骚扰营销。
向行业主管部门反映：房产中介向当地住房和城乡建设主管部门；保险、银行、贷款等金融机构向国家金融监督管理总局或其派出机构（热线 12378）。
向疑似来源提出查询：依《个人信息保护法》第四十四、四十五条，您有权知道对方是否处理、向谁提供了您的个人信息，并可查阅、复制。", "Keep the evidence: do not modify or delete the original records on the phone or the exports; take screenshots of key messages and call logs; keep call recordings where that is lawful; note the SHA-256 hashes of this report and of every input.
Report to the police: for fraud, or when you suspect your data is being sold, call 110 or go to the local police station, and hand over this report.
Report to the 12321 Network Bad and Spam Information Reporting Centre (12321.cn, or call 12321): the attached 12321.csv lists the numbers, times, durations, types and content it asks for.
Complain about harassing marketing to the 12315 consumer line.
Tell the sector regulator: the local housing authority for estate agents; the National Financial Regulatory Administration (NFRA, hotline 12378) or its local office for insurers, banks and lenders.
Ask the suspected source: under articles 44 and 45 of the Personal Information Protection Law you may ask whether it processes your personal information and to whom it gave it, and consult and copy it.";
    ChinaLawHeading => "相关法律", "The law";
    ChinaLaw => "《个人信息保护法》：处理个人信息须有合法依据，向他人提供须取得您的单独同意（第二十三条）；第六十九条规定，个人信息权益因处理受到侵害，处理者不能证明自己没有过错的，应当承担损害赔偿等侵权责任（过错推定）。
《刑法》第二百五十三条之一：侵犯公民个人信息罪——违反国家有关规定，向他人出售或者提供公民个人信息，情节严重的。
《刑法》第二百八十六条之一：拒不履行信息网络安全管理义务罪——网络服务提供者经责令改正而拒不改正，致使用户信息泄露，造成严重后果的。
《民法典》第一千零三十四条至第一千零三十九条：自然人的个人信息受法律保护；处理者不得泄露或者篡改其收集、存储的个人信息，未经同意不得向他人非法提供，并应当采取措施确保信息安全。", "Personal Information Protection Law (PIPL): processing needs a lawful basis and giving your data to another party needs your separate consent (art. 23); under art. 69, when processing infringes your rights and the processor cannot prove it was not at fault, it is liable for compensation (presumed fault).
Criminal Law art. 253-1: the crime of infringing citizens' personal information — selling or providing it to others in breach of state rules, where the circumstances are serious.
Criminal Law art. 286-1: the crime of refusing to fulfil information-network security duties — a network service provider that, ordered to correct, refuses and so lets users' information leak with serious consequences.
Civil Code arts. 1034–1039: personal information is protected by law; processors must not leak or alter what they collect and store, must not illegally give it to others without consent, and must keep it secure.";
    OtherHeading => "在其他国家和地区", "Elsewhere";
    OtherActions => "欧盟和欧洲经济区：依 GDPR 第 15 条向疑似来源提出数据主体访问请求（它持有您的哪些数据、从哪里得到、给了谁）；依第 77 条向数据保护监管机构投诉；依第 82 条就所受损害要求赔偿。
英国：向信息专员办公室（ICO，ico.org.uk）投诉；骚扰营销电话和短信还受 PECR 约束；同样可以提出访问请求。
美国：向联邦贸易委员会（FTC，reportfraud.ftc.gov）举报，并把号码登记到全国拒接来电名单（Do Not Call，donotcall.gov）。
其他地区：大多数国家和地区都有个人信息或数据保护监管机构，可以向其投诉，并向疑似来源要求查阅您的数据。", "EU and EEA: send the suspected source a subject-access request under GDPR art. 15 (what data of yours it holds, where it got it, to whom it gave it); complain to a data-protection authority under art. 77; claim compensation for the harm under art. 82.
United Kingdom: complain to the Information Commissioner's Office (ICO, ico.org.uk); marketing calls and texts also fall under PECR; a subject-access request works the same way.
United States: report to the Federal Trade Commission (FTC, reportfraud.ftc.gov) and put your number on the National Do Not Call Registry (donotcall.gov).
Elsewhere: most countries have a privacy or data-protection authority you can complain to, and a right to ask the suspected source for your data.";
    Footer => "由 leaktrace {version} 生成。本报告不构成法律意见。", "Made by leaktrace {version}. This report is not legal advice.";

    ChannelCall => "电话", "Call";
    ChannelSms => "短信", "SMS";
    ChannelEmail => "邮件", "E-mail";
    Unsure => "不确定", "unsure";
    DurationSeconds => "{n}秒", "{n} s";
    ListSep => "、", ", ";
    Col12321Number => "号码", "Number";
    Col12321Time => "时间", "Time";
    Col12321Duration => "时长", "Duration";
    Col12321Type => "类型", "Type";
    Col12321Description => "内容描述", "Description";
    TypeWithCategory => "{channel}（{category}）", "{channel} ({category})";
}

/// The text of `key` in `lang`.
pub fn t(lang: Lang, key: Key) -> &'static str {
    let (zh, en) = key.pair();
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// The text of `key` in `lang` with each `{name}` replaced by its value.
/// Values are inserted once, never re-scanned, so a value containing
/// `{name}` (hostile text does) stays as written.
pub fn tf(lang: Lang, key: Key, args: &[(&str, &str)]) -> String {
    let template = t(lang, key);
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(rest.get(..open).unwrap_or(""));
        let after = rest.get(open + 1..).unwrap_or("");
        let close = after.find('}');
        let name = close.and_then(|c| after.get(..c));
        match name.and_then(|n| args.iter().find(|(k, _)| *k == n)) {
            Some((n, v)) => {
                out.push_str(v);
                rest = after.get(n.len() + 1..).unwrap_or("");
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// A list text split into its items (one per line).
pub fn lines(lang: Lang, key: Key) -> impl Iterator<Item = &'static str> {
    t(lang, key).lines().map(str::trim).filter(|l| !l.is_empty())
}

/// The category's name in `lang`.
pub fn category(lang: Lang, c: crate::category::Category) -> &'static str {
    match lang {
        Lang::Zh => c.name_zh(),
        Lang::En => c.name_en(),
    }
}

/// The channel's name in `lang`, from its id (`call`, `sms`, `email`).
pub fn channel(lang: Lang, id: &str) -> &'static str {
    match id {
        "call" => t(lang, Key::ChannelCall),
        "sms" => t(lang, Key::ChannelSms),
        "email" => t(lang, Key::ChannelEmail),
        _ => t(lang, Key::Unknown),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Texts that are rightly the same in both languages.
    const SAME_OK: &[Key] = &[];

    fn placeholders(s: &str) -> Vec<&str> {
        let mut v: Vec<&str> =
            s.split('{').skip(1).filter_map(|p| p.split_once('}').map(|(n, _)| n)).collect();
        v.sort_unstable();
        v
    }

    #[test]
    fn every_text_is_translated_with_the_same_placeholders() {
        for &k in Key::ALL {
            let (zh, en) = k.pair();
            assert!(!zh.trim().is_empty() && !en.trim().is_empty(), "{k:?} empty");
            if !SAME_OK.contains(&k) {
                assert_ne!(zh, en, "{k:?} untranslated");
            }
            assert_eq!(placeholders(zh), placeholders(en), "{k:?} placeholders differ");
            assert_eq!(zh.lines().count(), en.lines().count(), "{k:?} list lengths differ");
        }
    }

    #[test]
    fn chinese_texts_are_chinese() {
        let ascii_ok = [Key::HtmlLang];
        for &k in Key::ALL {
            let zh = k.pair().0;
            if !ascii_ok.contains(&k) && !zh.chars().all(|c| c == '{' || c == '}') {
                assert!(
                    zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
                        || zh.chars().any(|c| "（），、：。".contains(c)),
                    "{k:?} has no Chinese: {zh}"
                );
            }
        }
    }

    #[test]
    fn fill_replaces_once_and_keeps_unknown_braces() {
        let s =
            tf(Lang::En, Key::TopSourceItem, &[("source", "{pct}"), ("pct", "80%"), ("n", "3")]);
        assert_eq!(s, "{pct}: confidence 80%, 3 events attributed");
        assert_eq!(tf(Lang::Zh, Key::DaysAfter, &[]), "披露后 {n} 天");
        assert_eq!(tf(Lang::Zh, Key::DaysAfter, &[("n", "5")]), "披露后 5 天");
    }

    #[test]
    fn lists_split_into_items() {
        assert_eq!(lines(Lang::Zh, Key::ChinaLaw).count(), 4);
        assert!(lines(Lang::En, Key::ChinaLaw).any(|l| l.contains("art. 69")));
        assert!(lines(Lang::Zh, Key::ChinaLaw).any(|l| l.contains("第六十九条")));
        assert_eq!(channel(Lang::Zh, "sms"), "短信");
    }
}
