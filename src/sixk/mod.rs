//! The Form 6-K package for issuers listed in Hong Kong and the United States, who furnish each
//! monthly return to the SEC as Exhibit 99.1 to a Form 6-K: the issuer's [`profile`], the cover
//! ([`cover`], as HTML and as a PDF page), the exhibit in EDGAR HTML drawn from the PDF's own
//! pages, and the [`package`] that writes all three.

pub mod cover;
mod cover_html;
mod cover_pdf;
pub mod exhibit;
pub mod html;
pub mod package;
pub mod profile;
pub mod texts;

pub use cover::{Cover, CoverError, cover};
pub use cover_html::cover_html;
pub use cover_pdf::cover_pages;
pub use exhibit::exhibit_html;
pub use package::{Package, PackageError, build, write};
pub use profile::{AnnualReportForm, Profile, ProfileError};
