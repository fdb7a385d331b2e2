//! Bytes to text: BOMs, UTF-8, and legacy encodings guessed with chardetng.

use encoding_rs::{Encoding, UTF_8};

use crate::BINARY_SNIFF_BYTES;

/// Why bytes are not text.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct NotText;

/// Bytes (of valid UTF-8) and chars (of decoded text) checked for control characters: a sample
/// tells a binary file, and reading all of a large one costs.
const CONTROL_SAMPLE_BYTES: usize = 262_144;
const CONTROL_SAMPLE_CHARS: usize = 65_536;
/// One control or replacement character in this many makes the input binary: scraped text has
/// the odd stray control byte, a tenth is far past that.
const BAD_ONE_IN: usize = 10;

/// Decodes `bytes`: a BOM wins, then strict UTF-8, then chardetng's guess (Windows-1252,
/// ISO-8859-x, Shift_JIS…). Returns the text without BOM, and the encoding's name when it was
/// guessed rather than known.
pub(crate) fn decode(bytes: &[u8]) -> Result<(String, Option<&'static str>), NotText> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return check_text(text.into_owned()).map(|t| (t, None));
    }
    // UTF-16 without BOM and binary formats both carry NULs; real text never does.
    let head = &bytes[..bytes.len().min(BINARY_SNIFF_BYTES)];
    if memchr_nul(head) {
        return Err(NotText);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        // Valid UTF-8 holds no replacement characters from decoding: count control bytes only.
        let sample = &bytes[..bytes.len().min(CONTROL_SAMPLE_BYTES)];
        let bad =
            sample.iter().filter(|&&b| (b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c)) || b == 0x7f).count();
        return if bad * BAD_ONE_IN > sample.len() { Err(NotText) } else { Ok((text.to_string(), None)) };
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let encoding = detector.guess(None, true);
    let (text, _, _) = encoding.decode(bytes);
    let name = if encoding == UTF_8 { "UTF-8 (with invalid bytes replaced)" } else { encoding.name() };
    check_text(text.into_owned()).map(|t| (t, Some(name)))
}

fn memchr_nul(bytes: &[u8]) -> bool {
    bytes.contains(&0)
}

/// Rejects decoded text that is mostly control characters or replacement characters: such
/// "text" is a binary file that happened to decode.
fn check_text(text: String) -> Result<String, NotText> {
    let mut total = 0usize;
    let mut bad = 0usize;
    for c in text.chars().take(CONTROL_SAMPLE_CHARS) {
        total += 1;
        if c == '\u{fffd}' || (c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}')) {
            bad += 1;
        }
    }
    if total > 0 && bad * BAD_ONE_IN > total {
        return Err(NotText);
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_boms_utf8_and_legacy() {
        assert_eq!(decode(b"\xEF\xBB\xBFhello").unwrap(), ("hello".to_string(), None));
        assert_eq!(decode(b"\xFF\xFEh\0i\0").unwrap(), ("hi".to_string(), None));
        assert_eq!(decode("Zoë".as_bytes()).unwrap(), ("Zoë".to_string(), None));
        let latin = b"Zo\xEB M\xFCller said the caf\xE9 was closed, \x93quietly\x94.";
        let (text, guessed) = decode(latin).unwrap();
        assert!(text.contains("Zoë Müller") && text.contains("café"), "{text}");
        assert!(guessed.is_some());
    }

    #[test]
    fn refuses_binary() {
        assert_eq!(decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), Err(NotText));
        assert_eq!(decode(&[1u8, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16][..]), Err(NotText));
    }
}
