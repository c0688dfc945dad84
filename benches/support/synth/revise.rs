//! A revision of a synthetic plan: about `percent` % of its roles, steps,
//! triggers, routines and drills changed the way a yearly revision changes
//! them (a new holder, a deadline halved or doubled, a threshold raised, a
//! routine's interval), every other byte the same. Works on the planc text,
//! whose items the emitter writes one statement per line (and triggers,
//! routines and drills on one line). Only the diff benchmark and its test
//! use it; the other users of `synth` leave it unused.
#![allow(dead_code)]

use super::Rng;

/// What was changed, to check a diff against.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Revised {
    pub holders: usize,
    pub deadlines: usize,
    pub conditions: usize,
    pub routines: usize,
}

impl Revised {
    pub fn total(&self) -> usize {
        self.holders + self.deadlines + self.conditions + self.routines
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Open {
    None,
    Role,
    Step,
}

/// The revised text and what was changed.
pub fn revise(planc: &str, percent: u64, seed: u64) -> (String, Revised) {
    let mut rng = Rng(seed ^ 0x5EED_0F2E_715E);
    let mut out = String::with_capacity(planc.len() + planc.len() / 50);
    let mut revised = Revised::default();
    // The item being revised, until its first line that can change.
    let mut open = Open::None;
    for line in planc.split_inclusive('\n') {
        let t = line.trim_start();
        let indent = &line[..line.len() - t.len()];
        if t.starts_with("role ") || t.starts_with("step ") {
            open = Open::None;
            if rng.chance(percent) {
                open = if t.starts_with("role ") {
                    Open::Role
                } else {
                    Open::Step
                };
            }
        } else if (t.starts_with("trigger ")
            || t.starts_with("routine ")
            || t.starts_with("drill "))
            && rng.chance(percent)
            && let Some(new) = one_line(t, &mut revised)
        {
            out.push_str(indent);
            out.push_str(&new);
            continue;
        }
        match open {
            Open::Role if t.starts_with("holder \"") => {
                open = Open::None;
                revised.holders += 1;
                out.push_str(indent);
                out.push_str(&t.replacen("holder \"", "holder \"新任", 1));
                continue;
            }
            Open::Step if t.starts_with("within ") => {
                open = Open::None;
                if let Some(new) = deadline(t, rng.chance(50)) {
                    revised.deadlines += 1;
                    out.push_str(indent);
                    out.push_str(&new);
                    continue;
                }
            }
            _ => {}
        }
        if t.starts_with('}') {
            open = Open::None;
        }
        out.push_str(line);
    }
    (out, revised)
}

/// `within 30m` → `within 15m` (`tighten`) or `within 60m`, in minutes.
fn deadline(t: &str, tighten: bool) -> Option<String> {
    let rest = t.strip_prefix("within ")?;
    let end = rest.find(|c: char| c.is_whitespace()).unwrap_or(rest.len());
    let (duration, tail) = rest.split_at(end);
    let minutes = minutes(duration)?;
    let new = if tighten {
        (minutes / 2).max(1)
    } else {
        minutes * 2
    };
    Some(format!("within {new}m{tail}"))
}

/// Minutes of `1d2h30m` (the synthetic plans use d, h and m).
fn minutes(duration: &str) -> Option<u64> {
    let (mut total, mut number) = (0u64, 0u64);
    for c in duration.chars() {
        match c {
            '0'..='9' => number = number * 10 + c.to_digit(10)? as u64,
            'd' => (total, number) = (total + number * 1440, 0),
            'h' => (total, number) = (total + number * 60, 0),
            'm' => (total, number) = (total + number, 0),
            _ => return None,
        }
    }
    Some(total)
}

/// A trigger's first threshold raised by 10, or a routine's or drill's
/// interval set to two weeks.
fn one_line(t: &str, revised: &mut Revised) -> Option<String> {
    if t.starts_with("trigger ") {
        let at = t.find(">= ").or_else(|| t.find("> "))?;
        let digits_at = at + t[at..].find(' ')? + 1;
        let len = t[digits_at..].find(|c: char| !c.is_ascii_digit())?;
        let value: u64 = t[digits_at..digits_at + len].parse().ok()?;
        revised.conditions += 1;
        return Some(format!(
            "{}{}{}",
            &t[..digits_at],
            value + 10,
            &t[digits_at + len..]
        ));
    }
    let at = t.find("every ")? + "every ".len();
    let len = t[at..].find([';', ' ', '}'])?;
    revised.routines += 1;
    Some(format!("{}2w{}", &t[..at], &t[at + len..]))
}
