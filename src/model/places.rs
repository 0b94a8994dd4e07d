//! Where each record of a dataset is written: the layer file and line of
//! its id, for `rivals diff` to point at what changed.

use super::EMBEDDED;
use super::disk::read_text;
use super::layers::{Layer, shown};
use super::load::FILES;
use super::locate::Locator;

/// A record's place: its file as messages name it (`mine/events.yaml`,
/// `embedded/people.yaml`) and the 1-based line of its id.
pub type Place = (String, usize);

/// The place of every record of `layers` (none means the embedded data),
/// by id, reading the folders' files again (up to `max_bytes` each). A file
/// that cannot be read now, or a record not written in block style, has no
/// place; an id written twice keeps its first.
pub fn places(layers: &[Layer], max_bytes: u64) -> hashbrown::HashMap<String, Place> {
    let embedded = [Layer::Embedded];
    let layers = if layers.is_empty() { &embedded[..] } else { layers };
    let mut out = hashbrown::HashMap::new();
    for layer in layers {
        for (k, file) in FILES.iter().enumerate() {
            let (name, text) = match layer {
                Layer::Embedded => {
                    let e = EMBEDDED;
                    let texts = [e.sources, e.organizations, e.people, e.events];
                    (format!("embedded/{file}"), texts[k].to_string())
                }
                Layer::Folder(dir) => {
                    let name = format!("{}/{file}", shown(dir));
                    match read_text(&dir.join(file), &name, max_bytes, None) {
                        Ok(text) => (name, text),
                        Err(_) => continue,
                    }
                }
            };
            for (id, line) in ids(&text) {
                out.entry(id).or_insert_with(|| (name.clone(), line));
            }
        }
    }
    out
}

/// Each record's id and the line it is written on, in a file's text.
fn ids(text: &str) -> Vec<(String, usize)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let loc = Locator::new(text);
    let lines: Vec<&str> = text.split('\n').collect();
    let records = loc.chunks(text).map_or(0, |c| c.len());
    let mut out = Vec::new();
    for rec in 0..records {
        let Some((line, col)) = loc.key(rec, &["id"]).map(|_| loc.value(rec, &["id"])) else {
            continue;
        };
        let Some(written) = lines.get(line - 1) else {
            continue;
        };
        let rest: String = written.chars().skip(col - 1).collect();
        let rest = rest.trim_start_matches(['"', '\'']);
        let id: String = rest
            .chars()
            .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-')
            .collect();
        if !id.is_empty() {
            out.push((id, line));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_found_on_their_lines_quoted_or_not() {
        let text = "# c\n- id: a\n  name: A\n\n- name: B\n  id: \"b-2\"\n- {id: c}\n- id: 'd'\n";
        assert_eq!(
            ids(text),
            vec![("a".to_string(), 2), ("b-2".to_string(), 6), ("d".to_string(), 8)]
        );
    }

    #[test]
    fn the_embedded_records_have_places() {
        let all = places(&[], u64::MAX);
        let (file, line) = &all["sam-altman"];
        assert_eq!(file, "embedded/people.yaml");
        let text = EMBEDDED.people.split('\n').nth(line - 1).unwrap_or("");
        assert!(text.contains("id: sam-altman"), "{text}");
    }
}
