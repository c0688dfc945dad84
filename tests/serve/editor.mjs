// Drives `planc serve` in headless Chromium as an author would: open the
// list, open a plan, type a slip, see its diagnostic at its line in Chinese,
// apply the quick fix, save; then the exercise, and the page on a phone.
// Run by tests/serve.rs: node editor.mjs URL DIR PLAN_FILE_NAME LINE [SHOTS_DIR]
// Playwright starts Chromium with a fresh profile of its own.
// (LINE: a line of the plan that reads `owner …`). With SHOTS_DIR it saves
// the screenshots of docs/serve.md there. Prints what it checked; exits 1
// on the first check that fails.
import { chromium } from "playwright-core";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const [url, dir, fileName, lineText, shots] = process.argv.slice(2);
const onDisk = () => readFileSync(join(dir, fileName), "utf8");
const line = Number(lineText);
const fail = (what) => { console.error(`FAILED: ${what}`); process.exitCode = 1; throw new Error(what); };
const check = (ok, what) => { if (!ok) fail(what); console.log(`ok: ${what}`); };
const shot = async (page, name) => { if (shots) await page.screenshot({ path: join(shots, name) }); };

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
});
try {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: "zh-CN" });
  const page = await context.newPage();
  const outside = [];
  page.on("request", (r) => { if (!r.url().startsWith(url) && !r.url().startsWith("about:") && !r.url().startsWith("data:")) outside.push(r.url()); });

  // The list.
  await page.goto(url);
  const link = page.locator(`a[href="/edit?file=${fileName}"]`);
  check(await link.count() === 1, `the list links ${fileName}`);
  check((await page.locator("html").getAttribute("lang")) === "zh-CN", "the list is in Chinese");
  await shot(page, "list.png");

  // The editor, with no error yet.
  await link.click();
  await page.waitForSelector("#problems li");
  const src = page.locator("#src");
  const before = await src.inputValue();
  const lines = before.split("\n");
  check(/^\s*owner /.test(lines[line - 1]), `line ${line} reads \`owner …\``);
  check(await page.locator("#problems li.error").count() === 0, "the plan opens without errors");
  check(await page.locator("#print").isEnabled(), "打印 is enabled for a plan without errors");

  // Type the slip: `负责` for `owner`, as a typist with a Chinese input method would.
  const at = lines.slice(0, line - 1).join("\n").length + 1 + lines[line - 1].indexOf("owner");
  await src.focus();
  await src.evaluate((el, [a, b]) => el.setSelectionRange(a, b), [at, at + "owner".length]);
  await page.keyboard.type("负责");
  const problem = page.locator(`#problems li.error[data-line="${line}"]`);
  await problem.waitFor();
  const words = await problem.innerText();
  check(words.includes(`第 ${line} 行`) && words.includes("预案里 `负责` 要写作 `owner`"),
    `the slip is reported at line ${line} in Chinese: ${JSON.stringify(words.split("\n")[0])}`);
  check(await problem.locator("a.code-name").getAttribute("href") === "/explain?code=syntax-error&lang=zh",
    "its code links to its explanation in Chinese");
  check(await page.locator(`#gutter div:nth-child(${line})`).getAttribute("class") === "error",
    `the gutter marks line ${line}`);
  check(await page.locator("#print").isDisabled(), "打印 is disabled while the plan has an error");
  check((await page.locator("#blocked").innerText()).includes("改正后才能预览、打印"), "the page says why 打印 is disabled");
  check((await page.locator("#status").innerText()) === "有改动未保存", "the page says the change is not saved");
  await shot(page, "slip.png");

  // Half-written work is saved too (Ctrl+S).
  await page.keyboard.press("Control+s");
  await page.waitForFunction(() => document.getElementById("status").textContent === "已保存");
  check(onDisk().split("\n")[line - 1].trim().startsWith("负责 "), "Ctrl+S saved the plan with its error");

  // One click fixes it; 保存 writes it.
  await problem.locator("button.fix").click();
  await page.waitForFunction(() => document.querySelectorAll("#problems li.error").length === 0);
  check((await src.inputValue()) === before, "the quick fix gives back the plan as it was");
  check((await page.locator("#status").innerText()) === "有改动未保存", "the fix is not saved yet");
  // Ctrl+Z takes the fix back, Ctrl+Shift+Z does it again.
  await page.keyboard.press("Control+z");
  check((await src.inputValue()).split("\n")[line - 1].trim().startsWith("负责 "), "Ctrl+Z undoes the fix");
  await page.keyboard.press("Control+Shift+z");
  check((await src.inputValue()) === before, "Ctrl+Shift+Z redoes it");
  await page.waitForFunction(() => document.querySelectorAll("#problems li.error").length === 0);
  await page.locator("#save").click();
  await page.waitForFunction(() => document.getElementById("status").textContent === "已保存");
  check(onDisk() === before, "保存 wrote the fixed plan to disk");
  await page.waitForFunction(() => !document.getElementById("print").disabled);
  const title = await page.frameLocator("#preview").locator("h1").first().innerText();
  check(title.length > 0, `the preview shows the handout: ${title}`);
  await shot(page, "editor.png");
  // 打印 prints the preview's page (the print dialog itself is the browser's).
  await page.evaluate(() => { document.getElementById("preview").contentWindow.print = () => { window.printed = true; }; });
  await page.locator("#print").click();
  check(await page.evaluate(() => window.printed === true), "打印 prints the handout in the preview");

  // 下载 Word: the .docx of the saved plan, or disabled saying why.
  const word = page.locator("#word");
  if (await word.isEnabled()) {
    const [download] = await Promise.all([page.waitForEvent("download"), word.click()]);
    const path = await download.path();
    const bytes = readFileSync(path);
    check(download.suggestedFilename() === fileName.replace(/\.plan$/, ".docx") && bytes.subarray(0, 2).toString() === "PK",
      `下载 Word downloads ${download.suggestedFilename()} (${bytes.length} bytes, a zip)`);
  } else {
    const why = await word.getAttribute("title");
    check(why && (await page.locator("#blocked").innerText()).includes(why), `下载 Word is disabled and the page says why: ${why}`);
  }

  // A full-width colon, as a Chinese input method types it after a label.
  const text = await src.inputValue();
  const factLine = text.split("\n").findIndex((l) => /^fact \w+ "[^"]*": /.test(l)) + 1;
  check(factLine > 0, `line ${factLine} is a fact with its colon`);
  const colon = text.split("\n").slice(0, factLine - 1).join("\n").length + 1 + text.split("\n")[factLine - 1].indexOf('": ') + 1;
  await src.focus();
  await src.evaluate((el, [a, b]) => el.setSelectionRange(a, b), [colon, colon + 1]);
  await page.keyboard.type("：");
  const colonProblem = page.locator(`#problems li.error[data-line="${factLine}"]`);
  await colonProblem.waitFor();
  const colonWords = await colonProblem.innerText();
  check(colonWords.includes(`第 ${factLine} 行`) && colonWords.includes("这里应当是`:`，却是 `：`"),
    `the full-width colon is reported at line ${factLine}: ${JSON.stringify(colonWords.split("\n")[0])}`);
  await colonProblem.locator("button.fix").click();
  await page.waitForFunction(() => document.querySelectorAll("#problems li.error").length === 0);
  check((await src.inputValue()) === before, "its quick fix puts the colon back");

  // 桌面推演: set the first flag (or count) and run.
  await page.locator("#tab-exercise").click();
  const flag = page.locator('#facts input[type="checkbox"]').first();
  if (await flag.count()) await flag.check();
  await page.locator("#facts button.run").click();
  await page.waitForFunction(() => document.getElementById("outcome").textContent.length > 0);
  const outcome = await page.locator("#outcome").innerText();
  check(outcome.length > 20, `the exercise answers: ${JSON.stringify(outcome.split("\n")[0])}`);
  await shot(page, "exercise.png");
  check(outside.length === 0, `no request leaves the machine (${outside.join(", ")})`);

  // A phone: the page reads, and says editing is for a computer.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const small = await phone.newPage();
  await small.goto(`${url}edit?file=${fileName}`);
  await small.waitForSelector("#problems li");
  check(await small.locator("#src").evaluate((el) => el.readOnly), "on a phone the text is read-only");
  check((await small.locator("#notice").innerText()).includes("手机上只能查看"), "on a phone the page says so");
  await shot(small, "phone.png");
} catch (e) {
  if (!process.exitCode) { console.error(`FAILED: ${e.message}`); process.exitCode = 1; }
} finally {
  await browser.close();
}
