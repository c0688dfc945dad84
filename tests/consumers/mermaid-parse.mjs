// Parses each Mermaid file named on the command line with the real Mermaid
// parser (mermaid@11 under a jsdom window). Prints "ok <file>" or
// "error <file>: <message>" per file; exits 1 if any file fails.
import { readFileSync } from "node:fs";
import { JSDOM } from "jsdom";

const dom = new JSDOM("<!DOCTYPE html><body></body>");
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import("mermaid");
mermaid.initialize({ startOnLoad: false });

let failed = false;
for (const file of process.argv.slice(2)) {
  try {
    await mermaid.parse(readFileSync(file, "utf8"));
    console.log(`ok ${file}`);
  } catch (e) {
    failed = true;
    console.log(`error ${file}: ${String(e?.message ?? e).split("\n").slice(0, 4).join(" | ")}`);
  }
}
process.exit(failed ? 1 : 0);
