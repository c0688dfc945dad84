# Words shared by many messages. Fluent syntax (https://projectfluent.org):
# `{ $name }` is a placeholder; a literal brace is written {"{"} or {"}"}.

list-separator = {", "}
# $list: the first names; $more: how many are left out
list-more = { $list }, and { $more } more
# $head, $tail: both ends of a long path; $more: the names left out between
path-more = { $head } → … ({ $more } more) → { $tail }
# between the last two of several alternatives
list-or = {" or "}

did-you-mean = did you mean `{ $name }`?

# what a name is defined as
kind-role = a role
kind-external = an external
kind-fact = a fact
kind-level = a level
kind-trigger = a trigger
kind-step = a step
kind-routine = a routine
kind-drill = a drill

# what a position wants
want-role = an internal role
want-party = a role or an external
want-step = a step
want-level = a level
want-count-fact = a count fact
want-one-of-fact = a one_of fact
want-trigger-or-flag = a trigger or a flag fact

# the type of a fact
type-count = a count
type-flag = a flag
type-one-of = a one_of fact

# (v1)
type-number = a number
want-occasion = a trigger or a level
