# Syntax errors (src/syntax/expected.rs, lower.rs, values.rs).

syntax-unclosed-string = unterminated string: it is not closed on its line
    .label = the string starts here
    .help = add the closing `"` on the same line; for text over several lines write a multi-line string: `"""` at the end of the line, the text on the lines below, and `"""` alone on a line after it
syntax-unclosed-multiline = this multi-line string is never closed
    .label = the multi-line string starts here
    .help = end it with a line that holds only `"""` (indented as far as its text)
syntax-multiline-open = after the opening `"""` of a multi-line string the line must end
    .label = text after the opening `"""`
    .help = start the text on the next line: `"""`, a line break, the lines, then `"""` on a line of its own
syntax-too-deep = this item nests too deeply for planc to read (parentheses or `not` in a condition)
    .label = nesting too deep from here
    .help = split the condition into several triggers and name them in one another
# $expected: the alternatives (expected-* messages); $found: a found-* message
syntax-expected = expected { $expected }, found { $found }
    .label = expected { $expected }
syntax-unexpected = { $found } is not expected here
    .label = not expected here

# what was found where the error is
found-end-of-file = the end of the file
found-keyword = the keyword `{ $word }`
found-text = `{ $text }`
found-string = a string
found-end-of-line = the end of the line
found-character = the character { $code }

# what may stand there: a group of keywords ($what: one of the names below,
# $members: the keywords) or a single thing
expected-group = { $what } — { $members }
expected-member = { $word }
expected-step-attribute = a step attribute
expected-role-attribute = a role attribute
expected-plan-attribute = a plan header attribute
expected-routine-attribute = a routine attribute
expected-level-attribute = a level attribute
expected-external-attribute = an external attribute
expected-item = an item
expected-fact-type = a fact type
expected-name = a name
expected-string = a string in double quotes
expected-closing-quote = a closing `"`
expected-integer = a whole number
expected-date = a date such as `2015-09-11`
expected-duration = a duration such as `10m`, `2h` or `1h30m`
expected-comparison = a comparison (`>=`, `>`, `<=`, `<`, `==`, `!=`)
expected-close-brace = `{"}"}`
expected-open-brace = `{"{"}`
expected-close-paren = `)`
expected-colon = `:`
expected-end-of-file = the end of the file
expected-keyword = `{ $keyword }`
expected-condition = a condition
expected-variant = a variant (a name and a label)

# help lines
syntax-full-width = `{ $char }` is { $what }, not part of the syntax; type the ASCII `{ $ascii }` instead
syntax-reserved = `{ $word }` is a reserved keyword and cannot be a name; choose another name, such as `{ $word }_1` or a Chinese name
syntax-belongs-in-block = `{ $word }` belongs inside a block; is the `{"{"}` missing after the item above?
syntax-missing-close-before = a `{"}"}` is probably missing before this line, to close the block above
syntax-not-allowed = `{ $word }` is not a statement this block allows; see `planc explain syntax-error` for the statements of each block
syntax-trailing-comma = lists take no trailing comma
syntax-missing-close = a `{"}"}` is missing
syntax-stray-close = this `{"}"}` closes no block; remove it
syntax-duration-form = a duration is a number and a unit without a space: `10m`, `2h`, `1h30m`, `1d`, `2w`, `6mo`, `1y`

# characters pasted from a Chinese input method or Word
char-comma = a full-width comma
char-semicolon = a full-width semicolon
char-colon = a full-width colon
char-quote = a curly or full-width quote
char-single-quote = a curly single quote
char-paren = a full-width parenthesis
char-brace = a full-width brace
char-equals = a full-width equals sign
char-greater = a full-width greater-than sign
char-less = a full-width less-than sign
char-nbsp = a non-breaking space (U+00A0)
char-ideographic-space = an ideographic space (U+3000)
char-special-space = a special-width space
char-greater-equal = a mathematical greater-or-equal sign
char-less-equal = a mathematical less-or-equal sign
char-not-equal = a mathematical not-equal sign
char-enumeration-comma = an enumeration comma (顿号)

# errors in values
syntax-sections-too-deep = sections nest more than { $max } deep
    .label = nested too deeply
    .help = flatten the document structure: a plan rarely needs more than three levels of headings
syntax-condition-too-deep = this condition nests parentheses more than { $max } deep
    .label = nested too deeply
    .help = split the condition into several triggers and name them in one another
# $why: one of the escape-* messages
syntax-unicode-escape = invalid unicode escape: { $why }
    .label = invalid escape
    .help = write `\u{"{"}` and 1 to 6 hex digits naming a Unicode scalar value, then `{"}"}`, e.g. `\u{"{"}4E2D{"}"}`
escape-open = expected `{"{"}` after `\u`
escape-close = missing `{"}"}`
escape-digits = expected 1 to 6 hex digits
escape-scalar = not a Unicode scalar value
syntax-unknown-escape = unknown escape `\{ $escape }` in a string
    .label = unknown escape
    .help = the escapes are `\"`, `\\`, `\n`, `\t` and `\u{"{"}…{"}"}`; write `\\` for a backslash
syntax-no-such-date = `{ $date }` is not a date that exists
    .label = no such date
    .help = write the date as YYYY-MM-DD, e.g. `2015-09-11`
# $why: one of the duration-* messages
syntax-invalid-duration = invalid duration `{ $duration }`: { $why }
    .label = invalid duration
    .help = units go from largest to smallest, each at most once: `y`, `mo`, `w`, `d`, `h`, `m` (minutes), `s`, e.g. `1h30m`
duration-number-too-large = the number is too large
duration-missing-unit = missing unit
duration-unit-twice = the unit `{ $unit }` is given twice
duration-unit-order = `{ $unit }` comes after a smaller unit
duration-too-long = it is too long
syntax-number-too-large = the number `{ $number }` is too large
    .label = does not fit in 64 bits
    .help = numbers go up to { $max }

# (v1) $number: the decimal as written
syntax-decimal-too-precise = the decimal `{ $number }` has more than 18 digits after the point
    .help = write at most 18 digits after the point
# (v1) $name: the word written; $names: the words it may be
syntax-unknown-kind = `{ $name }` is not a kind of plan
    .label = not a kind of plan
    .help = write one of { $names }
syntax-unknown-element = `{ $name }` is not an element of a plan
    .label = not an element of a plan
    .help = write one of { $names }
# (v1) multi-line strings
syntax-multiline-indent = this line of a multi-line string is indented less than its closing `"""`
    .label = indented less than the closing `"""`
    .help = indent every line of the text at least as far as the line of the closing `"""` (with the same spaces or tabs)

# A syntax error's help, when the file has full-width characters `planc fmt --fix` repairs.
syntax-fmt-fix = { $help }; { $count ->
        [1] `planc fmt --fix` does it for you
       *[other] `planc fmt --fix` repairs all { $count } full-width characters of this file at once
    }

# Slips of an author typing with a Chinese input method or pasting from Word
# (src/syntax/slips/). $found: the text as written; $written: as the
# language writes it.
slip-keyword = `{ $word }` is written `{ $keyword }` in a plan
    .label = write `{ $keyword }`
    .help = keywords are English words (the checklists print them in Chinese): replace `{ $word }` with `{ $keyword }`
slip-colon = no `{ $char }` after `{ $keyword }`
    .label = delete this `{ $char }`
    .help = a keyword is followed by its value directly: delete the `{ $char }` and write `{ $example }`
slip-separator = `{ $char }` does not separate statements
    .label = end the statement with `;` or a new line
    .help = replace `{ $char }` with `;`, or start the next statement on a new line
slip-list-comma = the items of a list are separated by `,`, not `{ $char }`
    .label = write `,`
    .help = replace `{ $char }` with the ASCII `,`: `on a, b`
slip-duration = the duration `{ $found }` is written `{ $written }`
    .label = write `{ $written }`
    .help = a duration is whole numbers with English units, without spaces: `s` seconds, `m` minutes, `h` hours, `d` days, `w` weeks, `mo` months, `y` years (`1h30m`)
slip-date = the date `{ $found }` is written `{ $written }`
    .label = write `{ $written }`
    .help = a date is year-month-day joined by `-`, with two-digit month and day: `{ $date }`
slip-operator = `{ $found }` is written `{ $written }` in a condition
    .label = write `{ $written }`
    .help = comparisons are written with ASCII signs: `>=`, `<=`, `>`, `<`, `==`, `!=`
slip-unquoted = `{ $text }` needs double quotes
    .label = text without quotes
    .help = the value of `{ $keyword }` is text, written in ASCII double quotes: `{ $keyword } "{ $text }"`
slip-comment = comments start with `#`, not `//`
    .label = write `#`
    .help = replace `//` with `#`: everything after `#` on its line is a comment
slip-unclosed = `{ $keyword }` “{ $title }” is never closed: the file ends before its `{"}"}`
    .label = this `{"{"}` has no `{"}"}`
    .end = the file ends here, still inside it
    .help = add `{"}"}` where `{ $keyword }` “{ $title }” ends
