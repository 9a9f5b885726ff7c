//! `dossier`: with no arguments opens the window; `dossier FILE...` opens those articles;
//! `dossier extract` and `dossier export` work headless.

fn main() {}
