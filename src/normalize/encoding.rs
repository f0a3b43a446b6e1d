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
/// of [`UTF_8`], [`UTF_16LE`], [`UTF_16BE`] or [`GB18030`]. A byte-order mark
/// is removed.
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
        Err(_) => {
            let (text, _had_errors) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
            (text, GB18030)
        }
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
}
