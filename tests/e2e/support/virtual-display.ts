import { spawn, type ChildProcess } from 'node:child_process';

/**
 * A private X display (Xvfb) for a headed Chromium. Headless Chromium always reports the computer "active" to the idle
 * API, so the inactivity auto-lock can only be seen where there is a real (virtual) screen whose idle time runs. The
 * display has no input at all, so the browser's idle timer runs from the moment it starts.
 */
export interface VirtualDisplay {
  display: string;
  stop: () => void;
}

export async function startVirtualDisplay(): Promise<VirtualDisplay> {
  let server: ChildProcess;
  try {
    server = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    throw new Error(`Xvfb could not start (install it: apt-get install xvfb): ${String(error)}`);
  }
  const display = await new Promise<string>((resolve, reject) => {
    let output = '';
    server.once('error', (error) => reject(new Error(`Xvfb could not start (install it: apt-get install xvfb): ${error.message}`)));
    server.once('exit', (code) => reject(new Error(`Xvfb exited with code ${String(code)} before it was ready.`)));
    server.stdio[3]?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('\n')) resolve(`:${output.trim()}`);
    });
  });
  return { display, stop: () => void server.kill() };
}
