# Messages of the parts around the checks: suppressions, reading files,
# the formatter, the report's summary.

suppression-unreadable = this `planc:` comment is not a suppression planc can read
    .label = not `planc: allow(CODE) — reason`
    .help = write `# planc: allow(CODE) — reason`, e.g. `# planc: allow(orphan-role) — 组长由上级任命`
suppression-unknown-code = `{ $name }` is not a planc check, so its suppression silences nothing
    .label = unknown code
    .help = `planc explain --list` lists every code
suppression-no-target = this suppression is not directly above an item, so it silences nothing
    .label = no item on the next line
    .help = put it on the line directly above the role, step, trigger … it is about (no blank line between)
suppression-no-reason = this suppression gives no reason, so it silences nothing
    .label = no reason after `)`
    .help = say why the finding is acceptable: `# planc: allow(CODE) — reason`
suppression-unused = `allow({ $code })` silences nothing: the item below has no `{ $code }` finding
    .label = nothing to silence
    .help = remove it, or this code from it

# $more: how many other invalid bytes
file-not-utf8 = the file is not valid UTF-8: invalid byte at offset { $offset }{ $more ->
        [0] {""}
       *[other] {" "}(and { $more } more)
    }
    .label = not UTF-8
    .help = save the file as UTF-8 (in Word or Notepad: Save as… → Encoding: UTF-8)
file-too-large = the file is { $size } bytes, more than planc reads ({ $max } bytes)
    .label = file too large
    .help = split the plan into several files

fmt-too-deep = sections nest more than { $max } deep; planc fmt leaves this file as it is
    .label = nested too deeply
    .help = put some of these sections side by side instead of inside one another
# $what: one of the fmt-bug-* messages
fmt-bug = planc fmt cannot lay out this file without changing it ({ $what }); the file is left as it is
    .label = here
    .help = this is a bug in planc: please report it with the file
fmt-bug-character = a character no token starts with
fmt-bug-read-back = the result does not read back
fmt-bug-token = the result would change a token or a comment
fmt-bug-parse = the result does not parse

# the last line of `planc check`
report-files = { $count ->
        [one] 1 file
       *[other] { $count } files
    }
report-clean = planc: no problems in { $files }
report-summary = planc: { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] 1 warning
       *[other] { $warnings } warnings
    } in { $files }
# files named but not read (each told above). $summary: the line above
report-not-read = { $summary }; { $count ->
        [one] 1 file could not be read and was
       *[other] { $count } files could not be read and were
    } not checked
report-none-read = planc: nothing was checked: { $count ->
        [one] the file
       *[other] { $count } files
    } could not be read

# before the help line in SARIF and GitHub annotations
report-help = help: { $help }

# after the help of a diagnostic with more labels than the terminal report draws
# $help: the diagnostic's help, may be empty
report-labels-not-drawn = { $help } ({ $count ->
        [one] 1 more place is not drawn here
       *[other] { $count } more places are not drawn here
    }: `--format json` lists them all)

# quick fixes in the editor
fix-replace = Replace `{ $old }` with `{ $new }`
fix-replace-character = Replace `{ $char }` ({ $what }) with `{ $ascii }`
fix-replace-all = Replace all { $count } full-width punctuation marks outside strings with ASCII
fix-delete = Delete `{ $old }`
fix-quote = Put `{ $text }` in double quotes

# planc explain. $severity: error, warning or off, as planc.toml writes it.
explain-default = Default severity: **{ $severity }**. { $summary }.
explain-unknown = no check has the code `{ $name }`; `planc explain --list` lists every code
explain-unknown-close = no check has the code `{ $name }`; did you mean { $codes }?
explain-list-code = code
explain-list-default = default
explain-list-finds = finds
# $profile: its name in planc.toml; $severity: error or warning; $source: document and clause
explain-profile = With `profiles = ["{ $profile }"]` in planc.toml: **{ $severity }**. Source: { $source }.
explain-list-profile = profile `{ $profile }` ({ $document }):

# planc fmt. $path: a file as given; $count: how many files.
fmt-formatted = formatted { $path }
fmt-formatted-link = formatted { $path } (a symlink: its target { $target } was rewritten)
fmt-fixed = { $line }:{ $column }: `{ $found }` replaced by `{ $replacement }`
fmt-fixed-character = { $line }:{ $column }: `{ $found }` ({ $what }) replaced by `{ $replacement }`
fmt-would-change = { $count ->
        [one] 1 file
       *[other] { $count } files
    } would be reformatted
fmt-changed = { $count ->
        [one] 1 file
       *[other] { $count } files
    } reformatted
fmt-unchanged = { $count } already formatted
fmt-refused = { $count } with syntax errors left as they are
fmt-trouble = { $count } could not be read or written
fmt-summary-separator = {", "}
fmt-left-as-it-is = `{ $path }` has syntax errors; it is left as it is
fmt-would-fix = `{ $path }`: `planc fmt --fix` would repair { $count } slip(s): paste artefacts used as syntax, Chinese keywords, durations and dates written the Chinese way …

# check --docs-url and `docs-url` in planc.toml: where SARIF links each check's page. $url: the address as given.
docs-url-not-web = `{ $url }` is not a web address: it must start with `https://` or `http://`
docs-url-no-host = `{ $url }` names no server after `https://`
docs-url-credentials = `{ $url }` holds a user name or password, which every SARIF file would carry to its readers
docs-url-space = `{ $url }` contains a space or a line break, which a web address cannot hold
docs-url-character = `{ $url }` contains `{ $character }`, which a web address cannot hold
docs-url-query = `{ $url }` has a `?` or a `#`: the pages are added to the end of the address
docs-url-help = give the address of the folder that holds your copy of planc's docs, e.g. `https://github.com/ORG/planc/blob/HEAD/docs/`

# render, graph, simulate, triggers: a plan they will not turn into output.
output-has-errors = planc: `{ $path }` has errors and was not rendered: fix them first
output-has-warnings = planc: `{ $path }` has { $count ->
        [one] 1 warning
       *[other] { $count } warnings
    }; `planc check { $path }` shows them
