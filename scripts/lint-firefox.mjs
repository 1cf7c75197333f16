// `web-ext lint` on the Firefox build (what addons.mozilla.org runs on upload): fails on any error, lists the warnings.
// Run after `wxt build -b firefox` (or `npm run zip`). The warnings it reports and why they stay: SOURCE_CODE_REVIEW.md.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const SOURCE_DIR = '.output/firefox-mv2';
if (!existsSync(`${SOURCE_DIR}/manifest.json`)) {
  console.error(`No Firefox build in ${SOURCE_DIR}: run "npx wxt build -b firefox" first.`);
  process.exit(1);
}
const run = spawnSync('npx', ['web-ext', 'lint', '--source-dir', SOURCE_DIR, '--output', 'json', '--no-input'], {
  encoding: 'utf8',
  maxBuffer: 16 * 1024 * 1024,
});
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  console.error(`web-ext lint gave no report (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  process.exit(1);
}
for (const kind of ['errors', 'warnings', 'notices']) {
  for (const message of report[kind]) console.log(`${kind.slice(0, -1)}: ${message.code} in ${message.file ?? 'the package'}: ${message.message}`);
}
const { errors, warnings, notices } = report.summary;
console.log(`web-ext lint: ${errors} errors, ${warnings} warnings, ${notices} notices.`);
process.exit(errors === 0 ? 0 : 1);
