//! Canaries: details given to one source only (an e-mail alias, a spelling of
//! the name), so that any later contact using them names the leak for certain.
//!
//! [`propose`] makes a plus-address of the user's first e-mail
//! (`user+tag@domain`, the tag an ASCII slug of the source's name, or a short
//! hash for names without one) and a spelling of the name that reads
//! naturally: for a Chinese name one given-name character swapped for a
//! near-homophone used in names (伟→炜), for a Latin name an added middle
//! initial (John Smith → John Q. Smith). Both are checked against every
//! earlier disclosure so no two sources share them. Attribution then treats
//! them as identifiers and spellings only this source had, which is
//! near-conclusive.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::disclosures::{Disclosure, Disclosures};
use crate::category::Category;
use crate::event::sha256_hex;

/// Variants tried before giving up on a collision-free one.
pub const MAX_ATTEMPTS: usize = 32;
/// The longest alias tag taken from a source's name.
pub const MAX_TAG_CHARS: usize = 16;

/// Common given-name characters and near-homophones that are also used in names.
pub const HOMOPHONES: &[(char, &[char])] = &[
    ('伟', &['炜', '玮', '纬']),
    ('丽', &['莉', '俐', '骊']),
    ('明', &['铭', '鸣', '茗']),
    ('静', &['靖', '婧', '菁']),
    ('华', &['桦', '骅', '铧']),
    ('军', &['君', '钧']),
    ('敏', &['珉', '旻', '闽']),
    ('杰', &['洁', '捷', '婕']),
    ('强', &['蔷', '锵']),
    ('芳', &['方', '舫', '昉']),
    ('磊', &['垒', '蕾']),
    ('洋', &['阳', '扬', '杨']),
    ('勇', &['永', '咏']),
    ('艳', &['燕', '雁']),
    ('涛', &['韬', '滔']),
    ('超', &['潮', '朝']),
    ('平', &['萍', '苹', '坪']),
    ('刚', &['钢', '岗']),
    ('辉', &['晖', '徽']),
    ('玲', &['铃', '苓', '羚']),
    ('燕', &['艳', '雁']),
    ('鹏', &['朋', '彭']),
    ('宇', &['雨', '羽', '禹']),
    ('浩', &['皓', '昊', '灏']),
    ('凯', &['恺', '锴']),
    ('健', &['建', '剑']),
    ('林', &['琳', '霖', '麟']),
    ('斌', &['彬', '滨']),
    ('波', &['博', '柏']),
    ('婷', &['亭', '庭', '廷']),
    ('慧', &['惠', '蕙', '卉']),
    ('文', &['雯', '闻', '纹']),
    ('红', &['虹', '鸿', '宏']),
    ('霞', &['侠', '遐']),
    ('梅', &['玫', '湄']),
    ('英', &['瑛', '鹰']),
    ('飞', &['菲', '斐']),
    ('亮', &['靓', '谅']),
    ('峰', &['锋', '丰', '枫']),
    ('晨', &['辰', '宸', '琛']),
    ('欣', &['鑫', '馨', '昕']),
    ('佳', &['嘉', '家']),
    ('怡', &['仪', '宜', '颐']),
    ('琪', &['琦', '淇', '祺']),
    ('子', &['梓', '紫']),
    ('轩', &['宣', '萱']),
    ('涵', &['晗', '含']),
    ('博', &['波', '柏']),
    ('思', &['斯', '丝']),
    ('睿', &['瑞', '锐']),
];

/// Two-character surnames, so the given name is found after them.
const COMPOUND_SURNAMES: [&str; 13] = [
    "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒",
    "夏侯",
];

/// Middle initials tried, rare ones first (less likely to be someone's real one).
const INITIALS: &str = "QXZJKVWYUOIFGHNPLRTBDECMAS";

/// A proposed canary for a new disclosure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Canary {
    /// The plus-address to give the source, if the user has an e-mail address.
    pub email_alias: Option<String>,
    /// The spelling of the name to give the source, if one could be made.
    pub name_variant: Option<String>,
    /// The disclosure to record, with the canary's details.
    pub disclosure: Disclosure,
    /// That disclosure as a TOML entry, for [`append_entry`].
    pub toml_entry: String,
    /// Why a part is missing (no e-mail in `[me]`, a name with no known variant).
    pub notes: Vec<String>,
}

fn taken_names(d: &Disclosures) -> Vec<String> {
    let mut out: Vec<String> =
        d.disclosures.iter().flat_map(|x| x.names.iter()).map(|n| n.to_lowercase()).collect();
    out.extend(d.me.name.iter().map(|n| n.to_lowercase()));
    out
}

fn taken_emails(d: &Disclosures) -> Vec<String> {
    let mut out: Vec<String> =
        d.disclosures.iter().flat_map(|x| x.emails.iter()).cloned().collect();
    out.extend(d.me.emails.iter().cloned());
    out.iter().map(|e| e.to_lowercase()).collect()
}

/// The alias tag of a source: its ASCII letters and digits, or a short hash.
fn tag(source: &str) -> String {
    let slug: String = source
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .take(MAX_TAG_CHARS)
        .collect();
    if slug.len() >= 3 {
        slug
    } else {
        format!("s{}", sha256_hex(source.as_bytes()).get(..6).unwrap_or("0"))
    }
}

fn email_alias(source: &str, d: &Disclosures, seed: u64) -> Option<String> {
    let first = d.me.emails.first()?;
    let (local, domain) = first.split_once('@')?;
    let local = local.split('+').next().unwrap_or(local);
    let taken = taken_emails(d);
    let base = tag(source);
    (0..MAX_ATTEMPTS)
        .map(|k| {
            if k == 0 {
                base.clone()
            } else {
                let h = sha256_hex(format!("{source}\u{0}{seed}\u{0}{k}").as_bytes());
                format!("{base}{}", h.get(..4).unwrap_or("0"))
            }
        })
        .map(|t| format!("{local}+{t}@{domain}"))
        .find(|a| !taken.contains(a))
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}')
}

fn chinese_variants(name: &str) -> Vec<String> {
    let chars: Vec<char> = name.chars().collect();
    let surname = if chars.len() >= 3 && COMPOUND_SURNAMES.iter().any(|s| name.starts_with(s)) {
        2
    } else {
        1
    };
    let mut out = Vec::new();
    // The last given-name character first: it is the one people mishear.
    for pos in (surname..chars.len()).rev() {
        let Some(&c) = chars.get(pos) else { continue };
        let Some((_, alts)) = HOMOPHONES.iter().find(|(k, _)| *k == c) else { continue };
        for &alt in alts.iter() {
            let mut v = chars.clone();
            if let Some(slot) = v.get_mut(pos) {
                *slot = alt;
            }
            out.push(v.into_iter().collect());
        }
    }
    out
}

fn latin_variants(name: &str) -> Vec<String> {
    let parts: Vec<&str> = name.split_whitespace().collect();
    let (Some(first), Some(last)) = (parts.first(), parts.last()) else { return Vec::new() };
    if parts.len() < 2 {
        return Vec::new();
    }
    let own_middle = parts.get(1).filter(|_| parts.len() > 2).and_then(|m| m.chars().next());
    INITIALS
        .chars()
        .filter(|&i| Some(i) != own_middle.map(|c| c.to_ascii_uppercase()))
        .map(|i| format!("{first} {i}. {last}"))
        .collect()
}

fn name_variant(d: &Disclosures, seed: u64) -> Result<String, String> {
    let Some(name) = d.me.name.as_deref().map(str::trim).filter(|n| !n.is_empty()) else {
        return Err("no name in [me], so no name variant".into());
    };
    let chinese = name.chars().all(is_cjk) && (2..=4).contains(&name.chars().count());
    let mut variants = if chinese { chinese_variants(name) } else { latin_variants(name) };
    if variants.is_empty() {
        return Err(format!("no natural variant of the name '{name}' is known; add one by hand"));
    }
    let len = variants.len();
    variants.rotate_left((seed % len as u64) as usize);
    let taken = taken_names(d);
    variants
        .into_iter()
        .take(MAX_ATTEMPTS)
        .find(|v| !taken.contains(&v.to_lowercase()))
        .ok_or_else(|| format!("every variant of '{name}' tried is already given to a source"))
}

/// Proposes a canary for giving details to `source` on `date`. `seed` picks
/// among equally good variants (the same seed gives the same proposal).
///
/// ```
/// use leaktrace::attribute::{canary, Disclosures};
/// let d = Disclosures::from_toml_str("[me]\nname = \"张伟\"\nemails = [\"zw@example.com\"]\n", "d.toml").unwrap();
/// let date = chrono::NaiveDate::from_ymd_opt(2024, 3, 10).unwrap();
/// let c = canary::propose("Maple Grove Realty", date, None, &d, 0);
/// assert_eq!(c.email_alias.as_deref(), Some("zw+maplegroverealty@example.com"));
/// assert!(c.name_variant.is_some_and(|n| n.starts_with('张') && n != "张伟"));
/// ```
pub fn propose(
    source: &str,
    date: NaiveDate,
    kind: Option<Category>,
    disclosures: &Disclosures,
    seed: u64,
) -> Canary {
    let mut notes = Vec::new();
    let email_alias = email_alias(source, disclosures, seed);
    if email_alias.is_none() {
        notes.push("no e-mail address in [me] (or no free alias), so no e-mail canary".to_string());
    }
    let name_variant = match name_variant(disclosures, seed) {
        Ok(v) => Some(v),
        Err(why) => {
            notes.push(why);
            None
        }
    };
    let disclosure = Disclosure {
        source: source.trim().to_string(),
        date,
        time: None,
        kind,
        phones: Vec::new(),
        emails: email_alias.iter().cloned().collect(),
        names: name_variant.iter().cloned().collect(),
        keywords: Vec::new(),
        notes: Some("canary: give this source only these details".to_string()),
        line: None,
        no_phones: false,
        no_emails: false,
    };
    let toml_entry = disclosure.to_toml_entry();
    Canary { email_alias, name_variant, disclosure, toml_entry, notes }
}

/// `existing_toml` with `entry` appended after a blank line; the existing text
/// is kept byte for byte.
pub fn append_entry(existing_toml: &str, entry: &str) -> String {
    let mut out = existing_toml.to_string();
    if !out.is_empty() {
        if !out.ends_with('\n') {
            out.push('\n');
        }
        if !out.ends_with("\n\n") {
            out.push('\n');
        }
    }
    out.push_str(entry);
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "[me]\nname = \"张伟\"\nemails = [\"zw@example.com\"]\n\n[[disclosure]]\nsource = \"阳光家园\"\n\
                        date = \"2024-03-10\"\nemails = [\"zw+s1234ab@example.com\", \"zw+shop@example.com\"]\nnames = [\"张炜\"]";

    fn date() -> NaiveDate {
        NaiveDate::from_ymd_opt(2024, 6, 1).unwrap()
    }

    #[test]
    fn variants_avoid_earlier_disclosures() {
        let d = Disclosures::from_toml_str(FILE, "d.toml").unwrap();
        for seed in 0..10 {
            let c = propose("Shop", date(), Some(Category::Retail), &d, seed);
            let alias = c.email_alias.unwrap();
            assert!(alias.starts_with("zw+shop") && alias.ends_with("@example.com"), "{alias}");
            assert_ne!(alias, "zw+shop@example.com");
            let name = c.name_variant.unwrap();
            assert!(name != "张伟" && name != "张炜" && name.starts_with('张'), "{name}");
        }
        let c = propose("市妇幼保健院", date(), None, &d, 0);
        assert!(c.email_alias.unwrap().starts_with("zw+s"));
    }

    #[test]
    fn latin_names_get_a_middle_initial() {
        let d = Disclosures::from_toml_str("[me]\nname = \"John Smith\"\n", "d.toml").unwrap();
        let c = propose("Maple Grove Realty", date(), None, &d, 0);
        assert_eq!(c.name_variant.as_deref(), Some("John Q. Smith"));
        assert_eq!(c.email_alias, None);
        assert_eq!(c.notes.len(), 1);
        let d = Disclosures::from_toml_str("[me]\nname = \"Cher\"\n", "d.toml").unwrap();
        assert_eq!(propose("X", date(), None, &d, 0).name_variant, None);
    }

    #[test]
    fn appended_entry_parses_and_is_the_only_holder() {
        let d = Disclosures::from_toml_str(FILE, "d.toml").unwrap();
        let c = propose("Shop", date(), Some(Category::Retail), &d, 3);
        let text = append_entry(FILE, &c.toml_entry);
        assert!(text.starts_with(FILE));
        let back = Disclosures::from_toml_str(&text, "d.toml").unwrap();
        assert_eq!(back.disclosures.len(), 2);
        let new = &back.disclosures[1];
        assert_eq!(new.emails, c.email_alias.iter().cloned().collect::<Vec<_>>());
        assert_eq!(new.names, c.name_variant.iter().cloned().collect::<Vec<_>>());
        assert_eq!(new.kind, Some(Category::Retail));
        assert_eq!(append_entry("", "[[disclosure]]"), "[[disclosure]]\n");
        assert_eq!(append_entry("a\n", "b\n"), "a\n\nb\n");
    }
}
