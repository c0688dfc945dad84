//! "Did you mean": the closest candidate within a small edit distance.

/// The candidate closest to `word`, if it is within a small edit distance
/// (2, or a third of the candidate's length for long names). Ties go to the
/// alphabetically first candidate, so the answer is deterministic.
pub fn closest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    candidates
        .iter()
        .map(|c| (strsim::levenshtein(word, c), *c))
        .filter(|&(d, c)| d > 0 && d <= 2.max(c.chars().count() / 3))
        .min()
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::closest;

    #[test]
    fn suggests_near_names_only() {
        assert_eq!(closest("ownr", &["owner", "on"]), Some("owner"));
        assert_eq!(closest("offcie", &["office", "leader"]), Some("office"));
        assert_eq!(closest("xyz", &["office", "leader"]), None);
        assert_eq!(closest("组长", &["副组长"]), Some("副组长"));
    }
}
