#!/usr/bin/env bash
# Makes the pictures of docs/rendering.md and the README from the bundled
# plans, as a reader prints them: planc renders HTML, headless Chromium prints
# it on A4, pdftoppm draws the page. Needs chromium, poppler-utils and
# fonts-wqy-microhei (see docs/rendering.md). Run from the repository root:
#   bash docs/screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
planc=(cargo run -q --)
print() { # print HTML PDF
  chromium --headless --no-sandbox --disable-gpu --no-first-run --no-pdf-header-footer \
    --user-data-dir="$out/profile" --print-to-pdf="$2" "file://$1" 2>/dev/null
}
# A checklist page: the first page of the whole plan.
"${planc[@]}" render plans/yunguanzhan-2015.plan --format html -o "$out/plan.html"
print "$out/plan.html" "$out/plan.pdf"
pdftoppm -png -r 70 -f 1 -l 1 -singlefile "$out/plan.pdf" docs/checklist
# The 应急处置卡 of the office of the v1 example: one A4 page.
"${planc[@]}" render plans/yunshu-zhuanxiang-2024.plan --role office --format html -o "$out/card.html"
print "$out/card.html" "$out/card.pdf"
pdftoppm -png -r 70 -singlefile "$out/card.pdf" docs/card
# The contact sheet (通讯录) of the v1 example: the page it starts on.
"${planc[@]}" render plans/yunshu-zhuanxiang-2024.plan --format html -o "$out/v1.html"
print "$out/v1.html" "$out/v1.pdf"
pages=$(pdfinfo "$out/v1.pdf" | awk '/^Pages:/ {print $2}')
for p in $(seq 1 "$pages"); do
  if pdftotext -f "$p" -l "$p" "$out/v1.pdf" - | grep -qx '通讯录'; then
    pdftoppm -png -r 70 -f "$p" -l "$p" -singlefile "$out/v1.pdf" docs/contacts
    break
  fi
done
echo "wrote docs/checklist.png docs/card.png docs/contacts.png"
