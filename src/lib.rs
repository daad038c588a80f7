//! monthly-return: the HKEX FF301 monthly return as data, checks, drafts, PDF and editor.

pub mod pdf;
