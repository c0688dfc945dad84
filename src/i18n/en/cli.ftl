# What the command line itself says when it cannot do something: reading
# and writing files, the arguments of render and simulate, baselines.
# $path: a file as the user gave it.

# one line on stderr
cli-line = planc: { $message }
# a problem with an option's value. $option: `--set`, `--today`, …
option-problem = { $option }: { $why }

# reading a file. $why: one of the read-* or io-* messages
cannot-read = cannot read `{ $path }`: { $why }
# $kind: one of the file-kind-* messages
read-not-a-file = it is { $kind }, not a regular file
read-not-utf8 = it is not UTF-8 text
read-link-target = the symlink's target: { $why }
skipped-not-a-file = `{ $path }` skipped: not a regular file ({ $kind })
file-kind-folder = a folder
file-kind-fifo = a FIFO (named pipe)
file-kind-socket = a socket
file-kind-device = a device
file-kind-special = a special file

# what the operating system said, in words
io-not-found = no such file or folder
io-permission-denied = permission denied
io-is-a-folder = it is a folder
io-not-a-folder = a part of the path is not a folder
io-read-only-fs = the disk is mounted read-only
io-disk-full = the disk is full
# $error: the system's own words
io-other = { $error }

# writing a file
cannot-write = cannot write `{ $path }`: { $why }
cannot-write-kept = cannot write `{ $path }`: { $why }; the file is left as it was
# $input: the input it would overwrite
write-is-input = it is also an input of this run (`{ $input }`); choose another output file
write-not-a-file = it is { $kind }, not a regular file (planc writes only regular files)
write-read-only = the file is read-only
write-no-name = it does not name a file
write-no-temp = no temporary file name was free in its folder

# render
render-docx-not-text = a .docx is not text: give `-o FILE.docx` (or redirect stdout)
render-docx-failed = cannot make the .docx: { $why }
# $kind: one of the kind-* messages
role-wrong-kind = `{ $name }` is { $kind }, not a role
role-unknown = the plan has no role named `{ $name }`
role-did-you-mean = { $why }; did you mean `{ $best }`?
role-list = { $why }; its roles are: { $roles }

# triggers
triggers-failed = could not make the decision table: { $why }
triggers-unknown = the condition of trigger `{ $trigger }` is not known: fix the errors `planc check` reports
triggers-too-large = the condition of trigger `{ $trigger }` has more than { $max } alternatives once the triggers it names are written out: split it into smaller triggers
triggers-too-many-steps = the triggers' conditions cut the facts into too many pieces to work out within { $count } steps
triggers-too-many-rows = the table would have more than { $count } rows: the triggers read too many facts independently of each other to list every combination

# simulate --set FACT=VALUE. $name: the fact; $value: the value given.
set-twice = `{ $name }` is set twice (`--set { $first }` and `--set { $second }`): give each fact once
set-no-fact-named = `--set { $setting }` names no fact: write `--set FACT=VALUE`, e.g. `--set visitors=60`
set-label-twice = several facts have the label `{ $name }`: name the fact instead ({ $facts })
set-wrong-kind = `{ $name }` is { $kind }, not a fact: set the facts the triggers are written over ({ $facts })
set-unknown = the plan has no fact `{ $name }`: did you mean `{ $best }`?
set-unknown-list = the plan has no fact `{ $name }`: the plan's facts are: { $facts }
set-no-facts = none
set-flag-value = `{ $name }` is a flag: `{ $name }={ $value }` must be `{ $name }=true` or `{ $name }=false`
set-count-too-large = `{ $name }` is a count: `{ $name }={ $value }` is too large (a count is at most { $max })
set-count-not-whole = `{ $name }` is a count: `{ $name }={ $value }` must be a whole number such as `{ $name }=60`
set-number-bad = `{ $name }` is a number: `{ $name }={ $value }` must be a number such as `{ $name }=0.5` (digits, a point, digits)
set-number-missing = `{ $name }` is a number: give its value, e.g. `--set { $name }=0.5`
set-count-missing = `{ $name }` is a count: give its value, e.g. `--set { $name }=60`
set-variant-missing = `{ $name }` is a one_of fact: give one of its variants, e.g. `--set { $name }={ $variant }`
set-no-variant = `{ $name }` has no variant `{ $value }`: write { $variants }
set-no-variant-close = `{ $name }` has no variant `{ $value }`: did you mean `{ $best }`? Write { $variants }
# a variant and its label, among the alternatives
set-variant = `{ $name }` ({ $label })

# simulate --start TIME. $text: the time as given.
start-problem = --start { $why }
start-bad = `{ $text }` is not a start time: write it as YYYY-MM-DDTHH:MM, e.g. 2026-11-28T09:00
start-no-date = `{ $text }`: the date { $date } does not exist
start-no-time = `{ $text }`: the time { $time } does not exist
# $due: how long after the start, as the plan writes it (`3d`)
# after the time as given: `--start TIME: …`
start-at = { $text }: { $why }
start-too-late = step `{ $step }` is due { $due } later, after 9999-12-31, the last date planc counts: choose an earlier start

# baselines (check --baseline, --write-baseline)
baseline-cannot-read = cannot read baseline `{ $path }`: { $why }
baseline-bad = baseline `{ $path }`: { $why }
baseline-cannot-write = cannot write baseline `{ $path }`: { $why }
baseline-written = recorded { $findings ->
        [one] 1 finding
       *[other] { $findings } findings
    } of { $files ->
        [one] 1 file
       *[other] { $files } files
    } in `{ $path }`
baseline-applied = { $hidden ->
        [one] 1 finding
       *[other] { $hidden } findings
    } recorded in the baseline not shown; { $fixed ->
        [one] 1 recorded finding no longer occurs
       *[other] { $fixed } recorded findings no longer occur
    }

# a date as `check --today` takes it. $text: as given.
date-bad = `{ $text }` is not a date: write it as YYYY-MM-DD, e.g. 2026-11-28
date-no-such-day = `{ $text }`: that date does not exist
source-date-epoch-bad = SOURCE_DATE_EPOCH=`{ $value }` is not a number of seconds since 1970-01-01 UTC

# check --select, --warn, --error, --ignore. $flag: the flag; $name: the code as given.
override-syntax-error = { $flag } syntax-error: `syntax-error` is always an error (a file that does not parse cannot be checked)
override-unknown = { $flag } { $name }: no check has this code; `planc explain --list` lists every code
override-unknown-close = { $flag } { $name }: no check has this code; did you mean { $codes }?

# a baseline file that cannot be used. $error: the JSON reader's own words.
baseline-not-ours = not a planc baseline: { $error }
baseline-version = baseline version { $version } is not supported (this planc writes version { $current }); write it again with --write-baseline

# planc diff
diff-needs-two = diff needs two files, OLD and NEW (or --git REV and the paths to compare); got { $count }
diff-does-not-parse = `{ $path }` does not parse, so it cannot be compared: fix its syntax first
diff-has-errors = `{ $path }` has errors (`planc check { $path }` shows them); what did not resolve is left out of the comparison
diff-no-category = no category is called `{ $name }`: did you mean `{ $best }`?
diff-no-category-list = no category is called `{ $name }`: the categories are: { $categories }
# planc diff --git. $said: what git said, in its own words.
git-cannot-run = cannot run git: { $why }
git-failed = `git { $command }` failed: { $said }
git-no-commit = `{ $rev }` names no commit of this git repository
git-no-ancestor = `{ $a }` and `{ $b }` have no common ancestor
git-no-repository = not inside a git repository ({ $why })

# planc serve
cannot-open = cannot open `{ $path }`: { $why }
serve-not-a-folder = `{ $path }` is not a folder
serve-cannot-listen = cannot listen on 127.0.0.1: { $why }
serve-started = planc serve: editing the plans in `{ $path }`; Ctrl+C stops
serve-no-browser = planc serve: could not open a browser: open { $url } yourself

# mistakes in the command line itself (found by clap). $name: as typed.
usage-line = usage: { $usage }
usage-unknown-command = `{ $name }` is not a planc command; `planc --help` lists them
usage-unknown-command-close = `{ $name }` is not a planc command; did you mean `{ $best }`?
usage-unknown-option = `{ $name }` is not understood here; `--help` lists the options
usage-unknown-option-close = `{ $name }` is not understood here; did you mean `{ $best }`?
# one of the values an option takes, among the alternatives
usage-choice = `{ $value }`
usage-bad-value = `{ $value }` is not a value of `{ $option }`: write { $choices }
usage-value-missing = `{ $option }` needs a value
usage-value-missing-choose = `{ $option }` needs a value: { $choices }
# $missing: what is missing, as the usage line writes it (`<FILE>`)
usage-missing = { $missing } is missing
