// Prints, through GitHub's own @actions/core, the workflow command of each
// annotation read as JSON from stdin: [{severity, title, file, startLine,
// endLine, startColumn?, endColumn?, message}]. tests/github_output.rs compares
// this byte for byte with `planc check --format github`.
import * as core from "@actions/core";

let input = "";
process.stdin.setEncoding("utf8");
for await (const chunk of process.stdin) input += chunk;
for (const a of JSON.parse(input)) {
  const properties = {
    title: a.title,
    file: a.file,
    startLine: a.startLine,
    endLine: a.endLine,
  };
  if (a.startColumn !== undefined) {
    properties.startColumn = a.startColumn;
    properties.endColumn = a.endColumn;
  }
  if (a.severity === "error") core.error(a.message, properties);
  else core.warning(a.message, properties);
}
