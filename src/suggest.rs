//! "Did you mean": the closest candidate within a small edit distance.

/// The candidate closest to `word`, if it is within a small edit distance
/// (2, or a third of the candidate's length for long names) and sharing at
/// least one character with it in place (`II` is not a slip of `on`). Ties go
/// to the alphabetically first candidate, so the answer is deterministic.
pub fn closest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    candidates
        .iter()
        .map(|c| (strsim::levenshtein(word, c), *c))
        .filter(|&(d, c)| is_near(word.chars().count(), c.chars().count(), d))
        .min()
        .map(|(_, c)| c)
}

/// Whether a word of `word_len` characters is a slip of a candidate of
/// `candidate_len` characters at edit distance `distance`: not the same,
/// within max(2, a third of the candidate), and not every character replaced.
pub fn is_near(word_len: usize, candidate_len: usize, distance: usize) -> bool {
    distance > 0 && distance < word_len.max(candidate_len) && distance <= 2.max(candidate_len / 3)
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
        assert_eq!(closest("r", &["or", "and"]), Some("or"));
        assert_eq!(closest("II", &["on", "owner"]), None);
        assert_eq!(closest("x", &["on"]), None);
    }
}
