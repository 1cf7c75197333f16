// The memory of Attune's extension process (its panel frame, popup and service worker share it), read from Linux's
// /proc: Chromium marks extension renderers with --extension-process and passes every renderer its --user-data-dir.
// CDP offers no per-process memory figure (SystemInfo.getProcessInfo reports CPU time only), so this works on Linux
// only and says so elsewhere.
import { readdir, readFile } from 'node:fs/promises';

/**
 * A process's arguments. Zygote-forked renderers rewrite their title, so theirs are joined by spaces, not NULs.
 * @param {string} pid
 */
async function commandLine(pid) {
  return (await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')).split(/[\0 ]+/);
}

/**
 * Proportional set size (PSS) of the extension processes under the browser that uses `userDataDir`, in MB.
 * @param {string} userDataDir
 * @returns {Promise<{ pssMB: number, processes: number } | { unavailable: string }>}
 */
export async function extensionProcessMemory(userDataDir) {
  if (process.platform !== 'linux') return { unavailable: `needs Linux /proc; this is ${process.platform}` };
  const pids = (await readdir('/proc')).filter((name) => /^\d+$/.test(name));
  const profile = `--user-data-dir=${userDataDir}`;
  /** @type {string[]} */
  const extensionPids = [];
  for (const pid of pids) {
    const args = await commandLine(pid);
    if (args.includes('--extension-process') && args.includes(profile)) extensionPids.push(pid);
  }
  let pssKB = 0;
  let processes = 0;
  for (const pid of extensionPids) {
    const rollup = await readFile(`/proc/${pid}/smaps_rollup`, 'utf8').catch(() => '');
    const pss = /^Pss:\s+(\d+) kB/m.exec(rollup);
    if (pss === null) return { unavailable: `/proc/${pid}/smaps_rollup is not readable` };
    pssKB += Number(pss[1]);
    processes += 1;
  }
  if (processes === 0) return { unavailable: 'no extension process was running' };
  return { pssMB: pssKB / 1024, processes };
}
