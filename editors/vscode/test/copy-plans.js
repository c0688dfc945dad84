// Copies the bundled plans (../../plans/*.plan) next to their committed
// grammar snapshots in test/snap/, and fails when a plan has no snapshot yet
// (run `npm run update-snapshots`, review and commit the .snap files).
const fs = require("fs");
const path = require("path");

const plans = path.join(__dirname, "..", "..", "..", "plans");
const snap = path.join(__dirname, "snap");
const update = process.argv.includes("--update");
let missing = [];
for (const name of fs.readdirSync(plans).filter((n) => n.endsWith(".plan")).sort()) {
  fs.copyFileSync(path.join(plans, name), path.join(snap, name));
  if (!update && !fs.existsSync(path.join(snap, name + ".snap"))) missing.push(name);
}
if (missing.length > 0) {
  console.error(`no grammar snapshot for ${missing.join(", ")}: run \`npm run update-snapshots\``);
  process.exit(1);
}
