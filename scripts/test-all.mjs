// `npm test`: everything CI runs, in order, stopping at the first failure.
// Type check → unit tests → store packages (which build Chrome, Edge and Firefox) → Firefox lint → e2e on the built extension.
import { spawnSync } from 'node:child_process';

/** @type {[name: string, command: string, args: string[]][]} */
const steps = [
  ['Type check', 'npx', ['tsc', '--noEmit']],
  ['Unit tests', 'npx', ['vitest', 'run']],
  ['Builds and store packages', 'npm', ['run', 'zip', '--silent']],
  ['Firefox package lint (web-ext lint, zero errors)', 'node', ['scripts/lint-firefox.mjs']],
  ['End-to-end tests (built extension in Chromium)', 'npx', ['playwright', 'test']],
];

const timings = [];
for (const [name, command, args] of steps) {
  console.log(`\n━━ ${name}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const { status, error } = spawnSync(command, args, { stdio: 'inherit' });
  timings.push(`${name}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (error !== undefined || status !== 0) {
    console.error(`\n✘ ${name} failed${error ? ` (${error.message})` : ''}. Steps run:\n  ${timings.join('\n  ')}`);
    process.exit(status || 1);
  }
}
console.log(`\n✔ All checks passed.\n  ${timings.join('\n  ')}`);
