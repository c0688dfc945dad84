# Problems found while resolving names (model), reported by
# duplicate-definition, undefined-name, wrong-kind, type-mismatch and
# missing-plan-header.

# $what: one of the duplicate-what-* messages
duplicate-defined = { $what } is defined twice
    .label = defined again here
    .first = first defined here
    .help = remove one of the two, or rename one and update the references to it
duplicate-given = { $what } is given twice
    .label = given again here
    .first = first given here
    .help = keep one of the two; this attribute may be given once per block
duplicate-what-name = the name `{ $name }`
duplicate-what-variant = the variant `{ $name }`
# $keyword: the attribute; $block: the block's keyword (role, step, plan…); $name: its name
duplicate-what-attribute = `{ $keyword }` of { $block } `{ $name }`

# $expected: one of the want-* messages
undefined-name = `{ $name }` is not defined
    .label = expected { $expected }
    .help = define { $expected } named `{ $name }`, or use the name of one that exists

# $place: wrong-kind-in-condition or wrong-kind-in-statement; $found: a kind-* message
wrong-kind = { $place } needs { $expected }, but `{ $name }` is { $found }
    .label = expected { $expected }
    .definition = `{ $name }` is defined here as { $found }
    .help = name { $expected } here
    .help-owner = an owner must be one of the plan's own roles; an external (police, a superior authority) may take part with `with` or be told with `notify`, but cannot own
    .help-deputy = a deputy acts for the role when its holder is away, so it must be one of the plan's own roles; an outside authority cannot act for a role: name an internal role, and tell the outside party with `notify` or `escalates to`
wrong-kind-in-condition = a condition
wrong-kind-in-statement = `{ $keyword }`

# $fact: the fact's name; $type: a type-* message
type-not-count = `{ $fact }` is { $type }, not a count: it cannot be compared with a number
type-not-one-of = `{ $fact }` is { $type }, not a one_of fact: `in {"{"} … {"}"}` does not apply
type-not-flag = `{ $fact }` is { $type }, not a flag: it is not true or false by itself
type-no-variant = `{ $fact }` has no variant `{ $variant }`
type-mismatch-used = `{ $name }` is used here
type-mismatch-fact = the fact is declared here
type-help-flag = `{ $fact }` is true or false: write `{ $fact }` or `not { $fact }`
type-help-use-in = test a one_of fact with `in`, e.g. `{ $fact } in {"{"} … {"}"}`
type-help-compare-count = compare a count with a number, e.g. `{ $fact } >= 50`
type-help-count-bare = compare it with a number, e.g. `{ $fact } >= 1`
type-help-one-of-bare = test its value with `in`, e.g. `{ $fact } in {"{"} … {"}"}`
# $variants: the fact's variants
type-help-variants = the variants of `{ $fact }` are: { $variants }

missing-plan-header-none = this file has no `plan` header
    .label = the plan header belongs at the top of the file
    .help = start the file with `plan "<title>" {"{"} issuer "…" date YYYY-MM-DD {"}"}`
missing-plan-header-extra = a file holds exactly one plan, but this is a second `plan` header
    .label = second plan header
    .first = the first plan header
    .help = merge the two headers, or move the second plan into a file of its own
missing-plan-header-nested = the `plan` header must stand at top level, not inside a section
    .label = inside a section
    .help = move the `plan` header out of the section, to the top of the file

# (v1) a step's deadlines: $step the step, $name the trigger or level
duplicate-what-deadline = the plain deadline (`within` without `for`) of step `{ $step }`
duplicate-what-deadline-for = the deadline of step `{ $step }` for `{ $name }`
# (v1) a decimal compared with a count; $value: the decimal
type-count-decimal = `{ $fact }` is a count, a whole number: it cannot be compared with the decimal { $value }
    .help = compare it with a whole number, or declare it `fact { $fact } "…": number` if it takes decimals
