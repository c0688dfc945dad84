# planc serve: the plan editor in the browser.

serve-plans = Plans
serve-folder = Folder: { $dir }
serve-list-hint = Click a plan's title to edit it. The page checks a plan exactly as `planc check` does.
serve-list-none = There are no .plan files in this folder.
serve-list-file = File
serve-list-title = Title
serve-list-issuer = Issued by
serve-list-errors = Errors
serve-list-warnings = Warnings
serve-back = ← All plans
serve-save = Save
serve-print = Print
serve-word = Download Word
serve-exercise = Tabletop exercise
serve-preview = Preview
serve-problems = Problems
serve-no-problems = No problems found.
serve-saved = Saved
serve-unsaved = Unsaved changes
serve-saving = Saving…
serve-checking = Checking…
serve-fix = Fix
serve-reload = Reload (drop my changes)
serve-overwrite = Save anyway (overwrite the other changes)
serve-run = Run the exercise
serve-start = Start time (optional)
serve-unknown = unknown
serve-exercise-intro = Describe the incident to see which triggers fire and who does what by when.
serve-readonly = Read-only on a phone; edit the plan on a computer.
serve-other-lang = 中文
serve-line = line { $line }
serve-counts = { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] 1 warning
       *[other] { $warnings } warnings
    }
serve-blocked-errors = { $count ->
        [one] The plan has 1 error
       *[other] The plan has { $count } errors
    }: fix it to preview, print, download Word or run an exercise
serve-no-docx = this build of planc cannot write Word files yet
serve-conflict = This file was changed elsewhere (another tab or program) since you opened it; it was not saved
serve-refused-host = Refused: this address is not the local planc page
serve-refused-origin = Refused: only planc's own page may save plans
serve-refused-path = Refused: only the .plan files of this folder can be opened and saved
serve-refused-too-large = Refused: the request is too large, and was not read (a plan is some kilobytes)
serve-not-found = There is no such file
serve-bad-request = The request cannot be understood
serve-offline = planc cannot be reached: was the window running `planc serve` closed? Your changes are not saved; start it again, then save
serve-not-utf8 = This file is not UTF-8, so the page cannot open it: save it as UTF-8 (Notepad: Save as… → Encoding: UTF-8), then open it again
serve-save-failed = Saving failed: the file was not written
