// Stops a command that would run on another Node.js major version than the Lambda runtime's. `.node-version` is
// the one source of truth: infra deploys its major (infra/src/lambda-bundling.ts) and the root package installs
// that exact Node from the npm registry (the node-<os>-<cpu> packages), whose bin pnpm puts first in PATH for
// every script.
import { readFileSync } from "node:fs";

const root = new URL("../", import.meta.url);
const wanted = readFileSync(new URL(".node-version", root), "utf8").trim().replace(/^v/u, "");
const running = process.versions.node;
const major = (version) => version.split(".")[0];
const problems = [];

if (major(running) !== major(wanted)) {
  problems.push(
    `this runs on Node ${running}, but the Lambda runtime is Node ${major(wanted)} (.node-version ${wanted}). ` +
      "Run it through pnpm (pnpm dev, pnpm test, pnpm bench) after bash scripts/setup.sh: pnpm puts node_modules/.bin/node first in PATH.",
  );
}
const pinned = JSON.parse(readFileSync(new URL("package.json", root), "utf8")).optionalDependencies ?? {};
for (const [name, version] of Object.entries(pinned).filter(([name]) => /^node-(linux|darwin)-/u.test(name))) {
  if (version !== wanted) problems.push(`package.json pins ${name}@${version}, .node-version says ${wanted}`);
}
if (problems.length > 0) {
  for (const problem of problems) console.error(`✗ ${problem}`);
  process.exit(1);
}
