//! Enums named by fixed words (`"direct"`, `"DATE"`, `"person"`): one macro gives each its
//! `as_str`, `Display` and `FromStr`, and one error type says which word was not a name. The
//! words are what the store writes and the JSON contract shows, so they never change.

use std::fmt;

/// A word that names no variant of an enum (read back from the store or typed by a user).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownName {
    /// What was expected: "a quote kind (direct, indirect)".
    pub expected: &'static str,
    pub found: String,
}

impl fmt::Display for UnknownName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not {}: {:?}", self.expected, self.found)
    }
}

impl std::error::Error for UnknownName {}

/// `named!(Kind, "a kind (a, b)", { A => "a", B => "b" | "bee" })`: `as_str` gives the first
/// word, `FromStr` takes it and the aliases after `|`.
macro_rules! named {
    ($ty:ident, $expected:literal, { $($variant:ident => $name:literal $(| $alias:literal)*),+ $(,)? }) => {
        impl $ty {
            /// Every variant, in declaration order.
            pub const ALL: &'static [$ty] = &[$($ty::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self {
                    $($ty::$variant => $name,)+
                }
            }
        }

        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                // `pad`, so that `{:<12}` lines up columns.
                f.pad(self.as_str())
            }
        }

        impl std::str::FromStr for $ty {
            type Err = $crate::names::UnknownName;

            fn from_str(s: &str) -> Result<$ty, $crate::names::UnknownName> {
                match s {
                    $($name $(| $alias)* => Ok($ty::$variant),)+
                    _ => Err($crate::names::UnknownName { expected: $expected, found: s.to_string() }),
                }
            }
        }
    };
}

pub(crate) use named;
