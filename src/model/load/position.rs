//! Named positions for the validator: which file, which record, which key.

use super::super::Record;
#[cfg(doc)]
use super::FILES;

/// One of the four dataset files.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum FileId {
    Sources,
    Organizations,
    People,
    Events,
}

impl FileId {
    /// The four files, in load order.
    pub const ALL: [FileId; 4] = [
        FileId::Sources,
        FileId::Organizations,
        FileId::People,
        FileId::Events,
    ];

    /// The file's place in [`FILES`] and in the validator's files.
    pub fn ix(self) -> usize {
        self as usize
    }

    /// The file a record lives in.
    pub fn of(r: Record) -> (FileId, usize) {
        match r {
            Record::Source(i) => (FileId::Sources, i as usize),
            Record::Org(i) => (FileId::Organizations, i as usize),
            Record::Person(i) => (FileId::People, i as usize),
            Record::Event(i) => (FileId::Events, i as usize),
        }
    }
}

/// Where a value stands: a record of a file, and the key holding it.
#[derive(Clone, Copy, Debug)]
pub(super) struct At {
    pub file: FileId,
    /// The record's place in its file.
    pub rec: usize,
    pub key: &'static str,
}

impl At {
    /// The same record, another key.
    pub fn key(self, key: &'static str) -> At {
        At { key, ..self }
    }
}
