# Problems in planc.toml (`config::file`). Each error has a message, a
# label under the text it is about, and usually a help line.

# $detail: the TOML reader's own words (English only)
config-not-toml = planc.toml is not valid TOML: { $detail }
    .label = here
config-unknown-key = unknown key `{ $name }` in planc.toml
    .label = planc does not know this key
# $keys: the keys the file or table has
config-keys-file = planc.toml has the keys { $keys }
config-keys-table = [{ $table }] has { $count ->
        [one] the key
       *[other] the keys
    } { $keys }
# $kind: one of the config-kind-* words
config-not-table = `{ $key }` must be a table, not { $kind }
    .label = expected a table
    .help = write it as a table: `[{ $key }]` on a line of its own
config-kind-string = a string
config-kind-integer = a number
config-kind-float = a decimal number
config-kind-boolean = true or false
config-kind-datetime = a date
config-kind-array = an array
config-kind-table = a table
config-lang = `lang` must be "zh" or "en"
    .label = not a language planc speaks
    .help = write `lang = "zh"` for Chinese or `lang = "en"` for English
config-docs-url-not-string = `docs-url` must be a web address in quotes
    .label = not a string
config-docs-url-label = not the address of a docs folder
config-unknown-check = unknown check `{ $name }` in [rules]
    .label = not a check's code
    .kebab = codes are written in kebab-case: `{ $code }`
    .list = `planc explain --list` lists every code
config-severity = the severity of `{ $code }` must be "error", "warning" or "off"
    .label = not a severity
    .help = for example `{ $code } = "warning"`
config-syntax-error-fixed = `syntax-error` is always an error
    .label = cannot be changed
    .help = a file that does not parse cannot be checked at all; fix the file instead
config-limit = `limit` must be a whole number of roles, 1 or more
    .label = not a positive integer
    .help = for example `limit = 7` (the default)
config-unknown-profile = unknown profile `{ $name }` in planc.toml
    .label = planc has no profile of this name
config-profiles = the profiles are { $names }
config-report-within = `report-within` must be a duration such as "1h" or "15m"
    .label = not a duration
    .help = write it as the plan writes `within`, in quotes: `report-within = "1h"`
# $detail: the glob library's own words (English only)
config-glob = `{ $glob }` is not a valid glob: { $detail }
    .label = bad glob
    .help = globs use `*`, `**`, `?`, `[abc]` and `{"{"}a,b{"}"}`, e.g. `drafts/**`
config-list-strings = `{ $key }` must list strings
    .label = not a string
    .help = write each entry in double quotes
config-array = `{ $key }` must be an array of strings
    .label = expected an array
    .help = for example `{ $key } = ["..."]`
config-nothing-checked = planc: nothing was checked: fix planc.toml first
