//! The Form 6-K cover as an EDGAR HTML document.

use std::fmt::Write as _;

use super::cover::Cover;
use super::html::{document, escape};
use super::texts::cover_texts;

/// ☒ and ☐, as EDGAR filings mark the annual-report form.
const CHECKED: &str = "&#9746;";
const UNCHECKED: &str = "&#9744;";

fn centred(out: &mut String, text: &str, bold: bool, size: &str) {
    let (b, eb) = if bold { ("<b>", "</b>") } else { ("", "") };
    let _ = writeln!(
        out,
        "<p style=\"text-align:center;margin:0 0 6pt 0;font-size:{size}\">{b}{}{eb}</p>",
        escape(text)
    );
}

fn para(out: &mut String, text: &str) {
    let _ = writeln!(
        out,
        "<p style=\"text-align:justify;margin:0 0 10pt 0\">{}</p>",
        escape(text)
    );
}

/// The cover document.
pub fn cover_html(c: &Cover) -> String {
    let mut b = String::new();
    for line in &c.heading {
        centred(&mut b, line, true, "12pt");
    }
    b.push_str("<hr style=\"width:20%\">\n");
    centred(&mut b, &c.form, true, "14pt");
    centred(&mut b, &c.report, true, "10pt");
    b.push_str("<hr style=\"width:20%\">\n");
    centred(&mut b, &c.for_the_month_of, false, "10pt");
    centred(&mut b, &c.commission_file_number, false, "10pt");
    b.push_str("<hr style=\"width:20%\">\n");
    centred(&mut b, &c.registrant_name, true, "12pt");
    centred(&mut b, &c.exact_name, false, "10pt");
    b.push_str("<hr style=\"width:20%\">\n<p style=\"text-align:center;margin:0 0 6pt 0\">");
    let lines: Vec<String> = c.address.iter().map(|l| escape(l)).collect();
    b.push_str(&lines.join("<br>\n"));
    b.push_str("</p>\n");
    centred(&mut b, &c.address_caption, false, "10pt");
    b.push_str("<hr style=\"width:20%\">\n");
    para(&mut b, &c.check_mark_question);
    let marks: Vec<String> = c
        .check_marks
        .iter()
        .map(|(label, on)| {
            format!(
                "{} {}",
                escape(label),
                if *on { CHECKED } else { UNCHECKED }
            )
        })
        .collect();
    let _ = writeln!(
        b,
        "<p style=\"text-align:center;margin:0 0 10pt 0\">{}</p>",
        marks.join("&#160;&#160;&#160;&#160;&#160;")
    );
    b.push_str("<hr style=\"page-break-after:always\">\n");
    centred(&mut b, &c.explanatory_heading, true, "10pt");
    para(&mut b, &c.explanatory_note);
    b.push_str("<hr style=\"page-break-after:always\">\n");
    centred(&mut b, &c.exhibit_index_heading, true, "10pt");
    b.push_str("<table style=\"width:100%;border-collapse:collapse\">\n<tr>");
    for col in &c.exhibit_columns {
        let _ = write!(
            b,
            "<th style=\"text-align:left;border-bottom:1px solid black\">{}</th>",
            escape(col)
        );
    }
    b.push_str("</tr>\n");
    for [no, description] in &c.exhibits {
        let _ = writeln!(
            b,
            "<tr><td style=\"width:20%\">{}</td><td>{}</td></tr>",
            escape(no),
            escape(description)
        );
    }
    b.push_str("</table>\n<hr style=\"page-break-after:always\">\n");
    centred(&mut b, &c.signature_heading, true, "10pt");
    para(&mut b, &c.signature_text);
    b.push_str("<table style=\"width:100%\">\n");
    let rows = [
        c.registrant_name.as_str(),
        c.by.as_str(),
        c.name.as_str(),
        c.title.as_str(),
    ];
    for (i, row) in rows.iter().enumerate() {
        let (bo, bc) = if i == 0 { ("<b>", "</b>") } else { ("", "") };
        let _ = writeln!(
            b,
            "<tr><td style=\"width:50%\">{}</td><td>{bo}{}{bc}</td></tr>",
            if i == 0 {
                escape(&c.date)
            } else {
                String::new()
            },
            escape(row)
        );
    }
    b.push_str("</table>\n");
    document(&cover_texts().cover_title, &b)
}
