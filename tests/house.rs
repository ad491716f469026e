//! The house rules, checked on the source: no function longer than 120 lines, and no circle
//! among a crate's top-level modules (a module that uses another never is used by it, or by
//! anything it uses). Read as a newcomer would: what depends on what is visible and one-way.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The longest a function may be, in lines from its signature to its closing brace.
const MAX_FN_LINES: usize = 120;

/// Every crate's source folder: the root package's `src/` and each `crates/*/src/`.
fn crate_sources() -> Vec<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut out = vec![root.join("src")];
    if let Ok(dirs) = std::fs::read_dir(root.join("crates")) {
        let mut dirs: Vec<PathBuf> = dirs.flatten().map(|d| d.path().join("src")).filter(|p| p.is_dir()).collect();
        dirs.sort();
        out.extend(dirs);
    }
    out
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// The code of `text` with comments and the contents of string and char literals blanked
/// (kept as spaces, so lines and columns stay), and `#[cfg(test)]` modules removed.
fn code_of(text: &str) -> String {
    let b: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let next = b.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < b.len() && b[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            i += 2;
            while i + 1 < b.len() && !(b[i] == '*' && b[i + 1] == '/') {
                out.push(if b[i] == '\n' { '\n' } else { ' ' });
                i += 1;
            }
            i += 2;
        } else if c == 'r'
            && (next == Some('"') || (next == Some('#') && b.get(i + 2).is_some_and(|c| *c == '"' || *c == '#')))
        {
            // A raw string: r"…", r#"…"#.
            let mut j = i + 1;
            let mut hashes = 0;
            while b.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            j += 1;
            loop {
                if j >= b.len() {
                    break;
                }
                if b[j] == '"' && (0..hashes).all(|k| b.get(j + 1 + k) == Some(&'#')) {
                    j += 1 + hashes;
                    break;
                }
                out.push(if b[j] == '\n' { '\n' } else { ' ' });
                j += 1;
            }
            out.push_str("\"\"");
            i = j;
        } else if c == '"' {
            out.push('"');
            i += 1;
            while i < b.len() && b[i] != '"' {
                if b[i] == '\\' {
                    i += 1;
                }
                if b.get(i) == Some(&'\n') {
                    out.push('\n');
                }
                i += 1;
            }
            out.push('"');
            i += 1;
        } else if c == '\'' && (b.get(i + 2) == Some(&'\'') || next == Some('\\')) {
            // A char literal ('a', '\n', '\u{202e}'); a lifetime ('a) is left as it is.
            let mut j = i + 1;
            while j < b.len() && b[j] != '\'' {
                if b[j] == '\\' {
                    j += 1;
                }
                j += 1;
            }
            out.push_str("' '");
            i = j + 1;
        } else {
            out.push(c);
            i += 1;
        }
    }
    // Test modules are not held to the rules.
    while let Some(at) = out.find("#[cfg(test)]") {
        let Some(open) = out[at..].find('{').map(|o| at + o) else { break };
        let end = matching(&out, open).unwrap_or(out.len());
        let lines = out[at..end].matches('\n').count();
        out.replace_range(at..end, &"\n".repeat(lines));
    }
    out
}

/// The index just past the brace matching the one at `open`.
fn matching(code: &str, open: usize) -> Option<usize> {
    let mut depth = 0;
    for (k, c) in code[open..].char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(open + k + 1);
                }
            }
            _ => {}
        }
    }
    None
}

/// Each function of `code` longer than [`MAX_FN_LINES`]: its name and its length.
fn long_functions(code: &str) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = code[from..].find("fn ").map(|k| from + k) {
        from = at + 3;
        let before = code[..at].chars().last();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let name: String = code[at + 3..].chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
        if name.is_empty() {
            continue;
        }
        // The body: the first `{` after the signature, unless a `;` ends a declaration first.
        let rest = &code[at..];
        let (Some(brace), semi) = (rest.find('{'), rest.find(';')) else { continue };
        if semi.is_some_and(|s| s < brace) {
            continue;
        }
        let Some(end) = matching(code, at + brace) else { continue };
        let lines = code[at..end].matches('\n').count() + 1;
        if lines > MAX_FN_LINES {
            out.push((name, lines));
        }
    }
    out
}

#[test]
fn no_function_is_longer_than_120_lines() {
    let mut long = Vec::new();
    for src in crate_sources() {
        let mut files = Vec::new();
        rust_files(&src, &mut files);
        for f in files {
            let code = code_of(&std::fs::read_to_string(&f).unwrap());
            for (name, lines) in long_functions(&code) {
                long.push(format!("{}: fn {name}, {lines} lines", f.display()));
            }
        }
    }
    assert!(long.is_empty(), "functions over {MAX_FN_LINES} lines:\n{}", long.join("\n"));
}

/// The top-level module a file of `src` belongs to (`load` for `src/load/csv.rs`), or
/// `None` for the crate root.
fn top_module(src: &Path, file: &Path) -> Option<String> {
    let rel = file.strip_prefix(src).ok()?;
    let first = rel.components().next()?.as_os_str().to_string_lossy().to_string();
    let name = first.trim_end_matches(".rs").to_string();
    (!matches!(name.as_str(), "lib" | "main" | "bin")).then_some(name)
}

/// The crate's top-level modules each refers to (`crate::x`, and `super::x` from a file
/// directly under the module's folder).
fn module_graph(src: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    let modules: BTreeSet<String> = files.iter().filter_map(|f| top_module(src, f)).collect();
    let mut graph: BTreeMap<String, BTreeSet<String>> = modules.iter().map(|m| (m.clone(), BTreeSet::new())).collect();
    for f in &files {
        let Some(me) = top_module(src, f) else { continue };
        let code = code_of(&std::fs::read_to_string(f).unwrap());
        let depth = f.strip_prefix(src).unwrap().components().count();
        let mut refs: Vec<String> = Vec::new();
        for prefix in ["crate::", "crate::{"] {
            let mut from = 0;
            while let Some(at) = code[from..].find(prefix).map(|k| from + k) {
                from = at + prefix.len();
                if prefix == "crate::{" {
                    let end = code[from..].find('}').map_or(code.len(), |e| from + e);
                    refs.extend(
                        code[from..end].split(',').map(|p| p.trim().split("::").next().unwrap_or("").to_string()),
                    );
                } else {
                    refs.push(code[from..].chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect());
                }
            }
        }
        // In a module's own folder, `super::x` is a sibling of that file, not of the module.
        if depth == 1 {
            let mut from = 0;
            while let Some(at) = code[from..].find("super::").map(|k| from + k) {
                from = at + 7;
                refs.push(code[from..].chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect());
            }
        }
        for r in refs {
            if r != me && modules.contains(&r) {
                graph.get_mut(&me).unwrap().insert(r);
            }
        }
    }
    graph
}

/// A circle in `graph`, as the modules along it, if there is one.
fn circle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        m: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = path.iter().position(|p| p == m) {
            let mut c = path[i..].to_vec();
            c.push(m.to_string());
            return Some(c);
        }
        if done.contains(m) {
            return None;
        }
        path.push(m.to_string());
        for next in &graph[m] {
            if let Some(c) = visit(next, graph, path, done) {
                return Some(c);
            }
        }
        path.pop();
        done.insert(m.to_string());
        None
    }
    let mut done = BTreeSet::new();
    graph.keys().find_map(|m| visit(m, graph, &mut Vec::new(), &mut done))
}

#[test]
fn no_circle_among_a_crates_top_level_modules() {
    for src in crate_sources() {
        let graph = module_graph(&src);
        if let Some(c) = circle(&graph) {
            panic!("{}: {}", src.display(), c.join(" → "));
        }
    }
}

/// The checks catch what they are for.
#[test]
fn the_checks_find_long_functions_and_circles() {
    let body = "    let x = 1;\n".repeat(MAX_FN_LINES);
    let code =
        code_of(&format!("fn short() {{}}\nfn long() {{\n{body}}}\n// fn not_code() {{\n\"fn in_a_string() {{\"\n"));
    assert_eq!(long_functions(&code), vec![("long".to_string(), MAX_FN_LINES + 2)]);
    let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    g.insert("a".into(), ["b".to_string()].into());
    g.insert("b".into(), ["c".to_string()].into());
    g.insert("c".into(), BTreeSet::new());
    assert_eq!(circle(&g), None);
    g.get_mut("c").unwrap().insert("a".into());
    assert_eq!(circle(&g), Some(vec!["a".into(), "b".into(), "c".into(), "a".into()]));
}
