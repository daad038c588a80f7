//! EDGAR HTML: the subset the SEC accepts (HTML 3.2 tags, inline `style` only, no scripts, no
//! external resources), in pure ASCII with every other character as a numeric entity.

use std::fmt::Write as _;

/// `text` as HTML character data in ASCII: markup characters and everything beyond ASCII as
/// entities (`&#8212;`, `&#38642;`); control characters other than a tab become spaces.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if c.is_ascii_control() => out.push(' '),
            c if c.is_ascii() => out.push(c),
            c => {
                let _ = write!(out, "&#{};", u32::from(c));
            }
        }
    }
    out
}

/// A whole document: `<html>`, a `<head>` with the title, and `body` as given.
pub fn document(title: &str, body: &str) -> String {
    format!(
        "<html>\n<head>\n<title>{}</title>\n</head>\n<body style=\"font-family:'Times New Roman',serif;font-size:10pt\">\n{body}</body>\n</html>\n",
        escape(title)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_to_ascii_entities() {
        assert_eq!(
            escape("A & B <c> \"d\""),
            "A &amp; B &lt;c&gt; &quot;d&quot;"
        );
        assert_eq!(escape("DRAFT \u{2014} 1"), "DRAFT &#8212; 1");
        assert_eq!(escape("雲"), "&#38642;");
        assert!(escape("x\u{7}y").is_ascii());
    }
}
