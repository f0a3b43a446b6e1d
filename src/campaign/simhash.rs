//! Template detection: masking the parts of a message that change from one
//! recipient to the next, a 64-bit simhash of what is left, and a banded index
//! that finds near-duplicates without comparing all pairs.
//!
//! Simhash is Charikar's ("Similarity estimation techniques from rounding
//! algorithms", STOC 2002); the banded lookup is the table scheme of Manku,
//! Jain and Das Sarma ("Detecting near-duplicates for web crawling", WWW 2007):
//! split the 64 bits into 4 bands of 16; two hashes within Hamming distance 3
//! agree exactly on at least one band (pigeonhole), so only hashes sharing a
//! band value are compared.

use std::collections::HashMap;

/// Characters of a message read for its template; the rest is ignored.
pub const MAX_TEMPLATE_CHARS: usize = 2000;
/// Masked texts shorter than this (in characters) get no template: short
/// replies ("ok", "好的") would all look alike.
pub const MIN_TEMPLATE_CHARS: usize = 12;
/// Hashes kept per band bucket for comparison. Bounds the work per message
/// whatever the input; a message whose buckets are full still links to the
/// kept ones.
pub const MAX_BAND_BUCKET: usize = 64;

/// The default largest Hamming distance between two templates' hashes.
pub const DEFAULT_MAX_DISTANCE: u32 = 3;

const NAME_MASK: char = 'N';
const NUMBER_MASK: char = '#';
const LINK_MASK: char = 'U';
const HONORIFIC_MASK: char = 'H';

/// Honorifics that differ only by the recipient's sex.
const GENDERED: [&str; 3] = ["先生", "女士", "小姐"];

/// Honorifics that follow a Chinese name (张先生, 李女士, 王总).
const HONORIFICS: [&str; 9] = ["先生", "女士", "小姐", "老师", "同学", "经理", "家长", "总", "哥"];
/// Words after which a Chinese name follows (尊敬的张伟：).
const NAME_LEADS: [&str; 3] = ["尊敬的", "亲爱的", "您好"];
/// Words after which a Latin name follows, up to the next comma.
const LATIN_LEADS: [&str; 5] = ["dear ", "hi ", "hello ", "hey ", "attn "];

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}')
}

/// Characters that end a Chinese name when reading backwards from an honorific.
fn ends_name(c: char) -> bool {
    !is_cjk(c) || "的您你好尊敬亲爱致给位".contains(c)
}

/// Case-insensitive equality of two characters, cheap in the common cases
/// (equal, ASCII, caseless CJK): `mask` asks it at every position of a text.
fn same_char(c: char, w: char) -> bool {
    if c == w {
        return true;
    }
    if c.is_ascii() || w.is_ascii() {
        return c.eq_ignore_ascii_case(&w);
    }
    (c.is_uppercase() || w.is_uppercase()) && c.to_lowercase().eq(w.to_lowercase())
}

fn starts_with_at(chars: &[char], i: usize, word: &str) -> bool {
    let mut k = i;
    for w in word.chars() {
        match chars.get(k) {
            Some(&c) if same_char(c, w) => k += 1,
            _ => return false,
        }
    }
    true
}

fn is_link_start(chars: &[char], i: usize) -> bool {
    starts_with_at(chars, i, "http://")
        || starts_with_at(chars, i, "https://")
        || starts_with_at(chars, i, "www.")
}

fn is_link_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-._~:/?#[]@!$&'*+,;=%".contains(c)
}

/// The text with names, numbers, links and e-mail addresses masked, so that one
/// template sent to different people (or with different numbers) reads the same.
///
/// ```
/// use leaktrace::campaign::simhash::mask;
/// assert_eq!(mask("张伟先生您好，回电138 0013 8000"), mask("李娜女士您好，回电139-1234-5678"));
/// ```
pub fn mask(text: &str) -> String {
    let chars: Vec<char> = text.chars().take(MAX_TEMPLATE_CHARS).collect();
    let mut out: Vec<char> = Vec::with_capacity(chars.len());
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        if is_link_start(&chars, i) {
            while chars.get(i).is_some_and(|&c| is_link_char(c)) {
                i += 1;
            }
            out.push(LINK_MASK);
            continue;
        }
        if c.is_ascii_digit() || ('０'..='９').contains(&c) {
            // A run of digits with the separators numbers are written with.
            while chars.get(i).is_some_and(|&c| {
                c.is_ascii_digit() || ('０'..='９').contains(&c) || c == '-' || c == ' '
            }) {
                i += 1;
            }
            out.push(NUMBER_MASK);
            if chars.get(i.wrapping_sub(1)) == Some(&' ') {
                out.push(' ');
            }
            continue;
        }
        if c == '@' {
            // An e-mail address: drop the local part already copied, skip the domain.
            while out.last().is_some_and(|&p| p.is_ascii_alphanumeric() || "._+-".contains(p)) {
                out.pop();
            }
            i += 1;
            while chars.get(i).is_some_and(|&c| c.is_ascii_alphanumeric() || ".-".contains(c)) {
                i += 1;
            }
            out.push('E');
            continue;
        }
        if let Some(h) = HONORIFICS.iter().find(|h| starts_with_at(&chars, i, h)) {
            // Up to three CJK characters before an honorific are a name.
            let mut taken = 0;
            while taken < 3 && out.last().is_some_and(|&p| !ends_name(p) && p != NAME_MASK) {
                out.pop();
                taken += 1;
            }
            if taken > 0 {
                out.push(NAME_MASK);
            }
            // Gendered honorifics vary with the recipient, like the name.
            if GENDERED.contains(h) {
                out.push(HONORIFIC_MASK);
            } else {
                out.extend(h.chars());
            }
            i += h.chars().count();
            continue;
        }
        if let Some(lead) = NAME_LEADS.iter().find(|l| starts_with_at(&chars, i, l)) {
            out.extend(lead.chars());
            i += lead.chars().count();
            let start = i;
            while i < start + 4
                && chars.get(i).is_some_and(|&c| !ends_name(c))
                && !HONORIFICS.iter().any(|h| starts_with_at(&chars, i, h))
            {
                i += 1;
            }
            if i > start {
                out.push(NAME_MASK);
            }
            continue;
        }
        let at_word_start = i == 0 || chars.get(i - 1).is_some_and(|c| !c.is_alphanumeric());
        if at_word_start {
            if let Some(lead) = LATIN_LEADS.iter().find(|l| starts_with_at(&chars, i, l)) {
                out.extend(lead.chars());
                i += lead.chars().count();
                let start = i;
                let mut words = 0;
                while let Some(&c) = chars.get(i) {
                    if c == ',' || c == '!' || c == '\n' || c == ':' || words > 4 {
                        break;
                    }
                    if c == ' ' {
                        words += 1;
                    }
                    i += 1;
                }
                if i > start {
                    out.push(NAME_MASK);
                }
                continue;
            }
        }
        out.extend(c.to_lowercase());
        i += 1;
    }
    // Collapse whitespace so spacing differences do not change the hash.
    let mut s = String::with_capacity(out.len());
    let mut space = false;
    for c in out {
        if c.is_whitespace() {
            space = true;
        } else {
            if space && !s.is_empty() {
                s.push(' ');
            }
            space = false;
            s.push(c);
        }
    }
    s
}

/// FNV-1a with a SplitMix64 finaliser: a fixed 64-bit hash, the same on every
/// run and platform (std's hashers promise neither).
fn hash64(chars: &[char]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &c in chars {
        for b in (c as u32).to_le_bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    h ^= h >> 30;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^= h >> 27;
    h = h.wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}

/// Charikar's simhash of a masked text over its character 3-shingles, or
/// `None` when the text is too short to be a template.
///
/// ```
/// use leaktrace::campaign::simhash::{mask, simhash};
/// let a = simhash(&mask("【阳光家园】张伟先生您好，阳光家园二期开盘，详询138 0013 8000")).unwrap();
/// let b = simhash(&mask("【阳光家园】李娜女士您好，阳光家园二期开盘，详询139 1234 5678")).unwrap();
/// assert!((a ^ b).count_ones() <= 3);
/// ```
pub fn simhash(masked: &str) -> Option<u64> {
    let chars: Vec<char> = masked.chars().collect();
    if chars.len() < MIN_TEMPLATE_CHARS {
        return None;
    }
    let mut weights = [0i32; 64];
    for shingle in chars.windows(3) {
        let h = hash64(shingle);
        for (bit, w) in weights.iter_mut().enumerate() {
            if (h >> bit) & 1 == 1 {
                *w += 1;
            } else {
                *w -= 1;
            }
        }
    }
    let mut out = 0u64;
    for (bit, w) in weights.iter().enumerate() {
        if *w > 0 {
            out |= 1 << bit;
        }
    }
    Some(out)
}

/// A near-duplicate index over simhashes: 4 bands of 16 bits, bounded buckets.
#[derive(Debug, Default)]
pub struct TemplateIndex {
    exact: HashMap<u64, usize>,
    bands: HashMap<(u8, u16), Vec<(u64, usize)>>,
    max_distance: u32,
}

impl TemplateIndex {
    /// An empty index matching hashes within `max_distance` bits (at most 3
    /// keeps the 4-band guarantee; more is clamped to 3).
    pub fn new(max_distance: u32) -> Self {
        TemplateIndex { max_distance: max_distance.min(3), ..Default::default() }
    }

    /// Adds `item` with hash `h`; returns the earlier items it is a near-duplicate of.
    pub fn insert(&mut self, h: u64, item: usize) -> Vec<usize> {
        if let Some(&first) = self.exact.get(&h) {
            return vec![first];
        }
        self.exact.insert(h, item);
        let mut found = Vec::new();
        for band in 0..4u8 {
            let key = (band, (h >> (u32::from(band) * 16)) as u16);
            let bucket = self.bands.entry(key).or_default();
            for &(other, other_item) in bucket.iter() {
                if (other ^ h).count_ones() <= self.max_distance && !found.contains(&other_item) {
                    found.push(other_item);
                }
            }
            if bucket.len() < MAX_BAND_BUCKET {
                bucket.push((h, item));
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mask_hides_names_numbers_links() {
        assert_eq!(
            mask("尊敬的张伟先生，点击 https://t.cn/AbC 领取"),
            mask("尊敬的李娜女士，点击 https://t.cn/XyZ 领取")
        );
        assert_eq!(mask("Dear John Smith, your code 1234"), mask("Dear Mary Jones, your code 98"));
        assert!(mask("write to a.b@example.com now").contains('E'));
        assert!(!mask("write to a.b@example.com now").contains("example"));
    }

    #[test]
    fn near_and_far_texts() {
        let a = simhash(&mask("【融e借】张先生您好，您的额度50000元已到账，退订回T")).unwrap();
        let b = simhash(&mask("【融e借】王女士您好，您的额度80000元已到账，退订回T")).unwrap();
        let c = simhash(&mask("Your parcel is held at customs, pay the fee at the link")).unwrap();
        assert!((a ^ b).count_ones() <= 3, "distance {}", (a ^ b).count_ones());
        assert!((a ^ c).count_ones() > 3);
        assert_eq!(simhash("short"), None);
    }

    #[test]
    fn index_finds_near_duplicates_only() {
        let mut idx = TemplateIndex::new(3);
        assert!(idx.insert(0xffff_0000_ffff_0000, 0).is_empty());
        assert_eq!(idx.insert(0xffff_0000_ffff_0007, 1), vec![0]);
        assert_eq!(idx.insert(0xffff_0000_ffff_0000, 2), vec![0]);
        assert!(idx.insert(0x0000_ffff_0000_ffff, 3).is_empty());
    }

    #[test]
    fn hostile_text_does_not_panic() {
        for t in ["", "@", "@@@", "先生", "尊敬的", "http://", "1-", "dear ", "\u{0}\u{ffff}"]
        {
            let _ = simhash(&mask(t));
        }
    }
}
