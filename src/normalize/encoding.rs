//! Text encoding of exported files: owns the guess of how a file's bytes are
//! encoded (byte-order mark, then UTF-8, then GB18030) and their decoding to
//! UTF-8 text.
//!
//! Phone exports from Chinese vendors and carriers are often GBK; GB18030 is
//! a superset of GBK and GB2312, so one fallback decoder covers all three.
//! UTF-16 is only recognised with a byte-order mark: without one, telling it
//! from other encodings is guesswork we prefer not to do silently.

use std::borrow::Cow;

/// Label of text that was valid UTF-8 (with or without a byte-order mark).
pub const UTF_8: &str = "UTF-8";
/// Label of text decoded from UTF-16, little-endian (byte-order mark found).
pub const UTF_16LE: &str = "UTF-16LE";
/// Label of text decoded from UTF-16, big-endian (byte-order mark found).
pub const UTF_16BE: &str = "UTF-16BE";
/// Label of text that was not UTF-8 and was decoded as GB18030 (a guess).
pub const GB18030: &str = "GB18030";
/// Label of text that was UTF-8 with a few invalid bytes (or cut inside its
/// last character), which were replaced by U+FFFD.
pub const UTF_8_LOSSY: &str = "UTF-8 (invalid bytes replaced)";

/// Text with at least this many valid non-ASCII UTF-8 characters per invalid
/// byte run is read as damaged UTF-8 rather than GB18030. In GBK text only
/// about one character in twelve happens to form a valid UTF-8 sequence, so
/// real GBK stays far below this ratio.
const MOSTLY_UTF8_RATIO: usize = 4;

/// Decodes bytes of unknown encoding: BOM, then UTF-8, then GB18030.
///
/// ```
/// use leaktrace::normalize::encoding::decode_guess;
/// assert_eq!(decode_guess(b"\xEF\xBB\xBFhi"), "hi");
/// assert_eq!(decode_guess(b"\xC4\xE3\xBA\xC3"), "你好"); // GBK
/// ```
pub fn decode_guess(bytes: &[u8]) -> String {
    decode_with_label(bytes).0
}

/// Decodes bytes of unknown encoding and says which encoding was used: one
/// of [`UTF_8`], [`UTF_8_LOSSY`], [`UTF_16LE`], [`UTF_16BE`] or [`GB18030`].
/// A byte-order mark is removed.
///
/// ```
/// use leaktrace::normalize::encoding::{decode_with_label, GB18030};
/// assert_eq!(decode_with_label(b"\xC4\xE3\xBA\xC3"), ("你好".to_string(), GB18030));
/// ```
pub fn decode_with_label(bytes: &[u8]) -> (String, &'static str) {
    let (text, label) = decode_cow(bytes);
    (text.into_owned(), label)
}

/// Like [`decode_with_label`], but borrows the input when it is already
/// UTF-8, so large files are not copied.
pub fn decode_cow(bytes: &[u8]) -> (Cow<'_, str>, &'static str) {
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let rest = bytes.get(bom_len..).unwrap_or_default();
        let label = if enc == encoding_rs::UTF_16LE {
            UTF_16LE
        } else if enc == encoding_rs::UTF_16BE {
            UTF_16BE
        } else {
            UTF_8
        };
        // Decoding without BOM handling: the BOM is already cut off above.
        let (text, _had_errors) = enc.decode_without_bom_handling(rest);
        return (text, label);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => (Cow::Borrowed(s), UTF_8),
        // Only the last character is incomplete: a UTF-8 file cut short.
        Err(e) if e.error_len().is_none() => (String::from_utf8_lossy(bytes), UTF_8_LOSSY),
        Err(_) if mostly_utf8(bytes) => (String::from_utf8_lossy(bytes), UTF_8_LOSSY),
        Err(_) => {
            let (text, _had_errors) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
            (text, GB18030)
        }
    }
}

fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut good, mut bad) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        good += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        bad += usize::from(!chunk.invalid().is_empty());
    }
    good >= MOSTLY_UTF8_RATIO.saturating_mul(bad)
}

/// The warning a reader puts on a record decoded under `label`, given the
/// record's decoded text: every record of a GB18030 guess, and the records
/// of damaged UTF-8 that hold a replacement character.
pub fn decode_warning(label: &str, record_text: &str) -> Option<String> {
    match label {
        GB18030 => Some("charset guessed as GB18030 (the file is not UTF-8)".to_string()),
        UTF_8_LOSSY if record_text.contains('\u{FFFD}') => {
            Some("invalid UTF-8 bytes replaced by U+FFFD".to_string())
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode_with_label("号码,时间".as_bytes()), ("号码,时间".into(), UTF_8));
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice("号码".as_bytes());
        assert_eq!(decode_with_label(&b), ("号码".into(), UTF_8));
        assert!(matches!(decode_cow(b"abc").0, Cow::Borrowed(_)));
    }

    #[test]
    fn utf16_with_bom() {
        let s = "来电 😀";
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for u in s.encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(decode_with_label(&le), (s.into(), UTF_16LE));
        assert_eq!(decode_with_label(&be), (s.into(), UTF_16BE));
    }

    #[test]
    fn gbk_text_decodes_without_replacement() {
        let s = "号码,姓名,通话类型,通话时间,通话时长(秒),号码标记\n13800138000,张三,未接来电,2024年3月5日 下午2:03,0,房产中介\n";
        let (bytes, _, unmappable) = encoding_rs::GBK.encode(s);
        assert!(!unmappable);
        let (text, label) = decode_with_label(&bytes);
        assert_eq!(label, GB18030);
        assert_eq!(text, s);
        assert!(!text.contains('\u{FFFD}'));
    }

    #[test]
    fn hostile_bytes_never_panic() {
        for b in [&b""[..], b"\xFF", b"\xFE", b"\xFF\xFE\x00", b"\x81", b"\xEF\xBB"] {
            let _ = decode_with_label(b);
        }
        assert_eq!(decode_with_label(b"").0, "");
    }

    #[test]
    fn damaged_utf8_stays_utf8() {
        let s = "号码,时间\n13800138000,2024年3月5日\n";
        let cut = &s.as_bytes()[..s.len() - 3];
        let (text, label) = decode_with_label(cut);
        assert_eq!(label, UTF_8_LOSSY);
        assert!(text.starts_with("号码,时间\n13800138000,2024年3月5"));
        let mut stray = s.as_bytes().to_vec();
        stray.insert(6, 0xFF);
        let (text, label) = decode_with_label(&stray);
        assert_eq!(label, UTF_8_LOSSY);
        assert_eq!(text.matches('\u{FFFD}').count(), 1);
        assert!(decode_warning(label, &text).is_some());
        assert!(decode_warning(label, "clean").is_none());
        assert!(decode_warning(GB18030, "x").unwrap().contains("GB18030"));
        assert!(decode_warning(UTF_8, "\u{FFFD}").is_none());
    }

    #[test]
    fn real_gbk_corpus_decodes_cleanly() {
        // A public GBK file (telecom_fraud_texts_5, label04); skipped when absent.
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/data/telecom_fraud_texts_5/label04-last.csv"
        );
        let Ok(bytes) = std::fs::read(path) else {
            eprintln!("skipped: {path} not present");
            return;
        };
        let (text, label) = decode_with_label(&bytes);
        assert_eq!(label, GB18030);
        let chars = text.chars().count();
        let bad = text.matches('\u{FFFD}').count();
        assert!(chars > 100_000, "{chars}");
        assert!(bad * 10_000 <= chars, "{bad} replacement chars in {chars}");
        assert!(text.starts_with("content,label"));
        assert!(text.contains("学校"));
    }
}
