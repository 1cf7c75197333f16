import { describe, expect, it } from 'vitest';
import { afterNextPaint } from '../../utils/after-paint';

/** A document whose visibility, frames and tasks the test runs by hand. */
function fakeDocument(visibility: 'visible' | 'hidden') {
  const frames: (() => void)[] = [];
  const tasks: (() => void)[] = [];
  const listeners = new Set<() => void>();
  const document = {
    visibilityState: visibility,
    defaultView: {
      requestAnimationFrame: (callback: () => void) => frames.push(callback),
      setTimeout: (callback: () => void) => tasks.push(callback),
    },
    addEventListener: (_type: string, listener: () => void) => listeners.add(listener),
    removeEventListener: (_type: string, listener: () => void) => listeners.delete(listener),
  };
  return {
    document: document as unknown as Document,
    paint: () => frames.splice(0).forEach((frame) => frame()),
    runTasks: () => tasks.splice(0).forEach((task) => task()),
    hide: () => {
      document.visibilityState = 'hidden';
      for (const listener of [...listeners]) listener();
    },
    listeners,
  };
}

/** Whether the promise has settled, after letting pending reactions run. */
async function settled(promise: Promise<void>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((resolve) => setImmediate(resolve));
  return done;
}

describe('afterNextPaint', () => {
  it('waits for the next frame and the task after it on a visible page', async () => {
    const page = fakeDocument('visible');
    const painted = afterNextPaint(page.document);
    expect(await settled(painted)).toBe(false);
    page.paint();
    expect(await settled(painted)).toBe(false);
    page.runTasks();
    expect(await settled(painted)).toBe(true);
    expect(page.listeners.size).toBe(0);
  });

  it('does not wait on a hidden page, which runs no frames', async () => {
    const page = fakeDocument('hidden');
    expect(await settled(afterNextPaint(page.document))).toBe(true);
  });

  it('stops waiting when the page is hidden before it paints', async () => {
    const page = fakeDocument('visible');
    const painted = afterNextPaint(page.document);
    page.hide();
    expect(await settled(painted)).toBe(true);
    expect(page.listeners.size).toBe(0);
  });
});
