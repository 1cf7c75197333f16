// CPU time actually spent on the call page's renderer main thread, from Linux's /proc: the scheduler's own count
// (/proc/<pid>/task/<pid>/schedstat, nanoseconds on the CPU; a process's main thread has the process's id), reported
// beside each CDP figure as a check on it from outside the browser.
import { readdir, readFile } from 'node:fs/promises';

/**
 * Main-thread CPU milliseconds of every web-page renderer (not extension processes) of the browser using
 * `userDataDir`, by process id; empty where /proc is unavailable.
 * @param {string} userDataDir
 * @returns {Promise<Map<string, number>>}
 */
export async function pageRenderersCpu(userDataDir) {
  /** @type {Map<string, number>} */
  const cpu = new Map();
  if (process.platform !== 'linux') return cpu;
  const profile = `--user-data-dir=${userDataDir}`;
  for (const pid of (await readdir('/proc')).filter((name) => /^\d+$/.test(name))) {
    // Zygote-forked renderers rewrite their title, so their arguments are joined by spaces, not NULs.
    const args = (await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')).split(/[\0 ]+/);
    if (!args.includes('--type=renderer') || !args.includes(profile) || args.includes('--extension-process')) continue;
    const schedstat = await readFile(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').catch(() => '');
    const onCpuNs = Number(schedstat.split(' ')[0]);
    if (Number.isFinite(onCpuNs) && schedstat !== '') cpu.set(pid, onCpuNs / 1e6);
  }
  return cpu;
}

/**
 * CPU milliseconds the call page's renderer spent between two readings: the busiest renderer over the interval (the
 * others are Chromium's spare renderer and the tab's first, blank document), counted from zero if it started in between.
 * @param {Map<string, number>} before
 * @param {Map<string, number>} after
 */
export function cpuBetween(before, after) {
  let busiest = 0;
  for (const [pid, ms] of after) busiest = Math.max(busiest, ms - (before.get(pid) ?? 0));
  return busiest;
}
