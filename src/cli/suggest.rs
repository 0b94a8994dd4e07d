//! "Did you mean" on the command line: for ids, and for every value of a
//! closed list (`--kind`, `--format`, `--color`, ...), by the one rule of
//! [`crate::model::nearest`].

use clap::builder::{PossibleValue, TypedValueParser};
use clap::{Arg, Command, ValueEnum};
use std::ffi::OsStr;
use std::marker::PhantomData;

/// Most suggestions offered.
const MAX: usize = 5;

/// Up to five of `candidates` close enough to `wanted` to be a typo of it,
/// closest first; none for a blank `wanted` or one like no candidate.
pub fn suggest<'a>(wanted: &str, candidates: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    crate::model::nearest(wanted, candidates, MAX)
}

/// What to say about `text`, one of the `names` it is not: the name it
/// most likely meant, if any, and the whole list.
pub fn one_of(text: &str, names: &[&str]) -> String {
    let all = names.join(", ");
    match crate::model::nearest(text, names.iter().copied(), 1).first() {
        Some(near) => format!("did you mean `{near}`? one of: {all}"),
        None => format!("one of: {all}"),
    }
}

/// A clap value parser for a closed list of values, `T`'s: its error
/// suggests by the one rule (clap's own tip uses another), and its
/// possible values still reach the help, the man page and completions.
#[derive(Clone, Copy, Debug)]
pub struct Choice<T>(PhantomData<fn() -> T>);

/// The value parser for `T`'s values (see [`Choice`]).
pub fn choice<T>() -> Choice<T> {
    Choice(PhantomData)
}

impl<T: ValueEnum + Clone + Send + Sync + 'static> TypedValueParser for Choice<T> {
    type Value = T;

    fn parse_ref(&self, cmd: &Command, arg: Option<&Arg>, value: &OsStr) -> Result<T, clap::Error> {
        let parse = |text: &str| -> Result<T, String> {
            T::from_str(text, false).map_err(|_| {
                let names: Vec<String> = names::<T>().map(|v| v.get_name().to_string()).collect();
                let names: Vec<&str> = names.iter().map(String::as_str).collect();
                one_of(text, &names)
            })
        };
        parse.parse_ref(cmd, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(names::<T>()))
    }
}

/// `T`'s values as clap shows them, hidden ones left out.
fn names<T: ValueEnum + 'static>() -> impl Iterator<Item = PossibleValue> {
    T::value_variants()
        .iter()
        .filter_map(ValueEnum::to_possible_value)
        .filter(|v| !v.is_hide_set())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_typos_and_parts_but_nothing_arbitrary() {
        let ids = ["sam-altman", "meta", "openai", "elon-musk"];
        assert_eq!(suggest("sam-altmann", ids), vec!["sam-altman"]);
        assert_eq!(suggest("altman", ids), vec!["sam-altman"]);
        let mut musks = suggest("musk", ["kimball-musk", "elon-musk", "meta"]);
        musks.sort_unstable();
        assert_eq!(musks, vec!["elon-musk", "kimball-musk"]);
        assert!(suggest("", ids).is_empty());
        assert!(suggest("   ", ids).is_empty());
        assert!(suggest("zzqqxxvv", ids).is_empty());
        assert!(suggest(&"sam-altman".repeat(1000), ids).is_empty());
    }

    #[test]
    fn a_closed_list_names_the_likely_value_and_all_of_them() {
        let names = ["auto", "always", "never"];
        assert_eq!(
            one_of("nevr", &names),
            "did you mean `never`? one of: auto, always, never"
        );
        assert_eq!(one_of("zzz", &names), "one of: auto, always, never");
    }
}
