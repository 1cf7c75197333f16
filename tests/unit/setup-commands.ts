/**
 * WXT's fake browser leaves `commands.onCommand` unimplemented (it throws), and the background registers the
 * open-panel shortcut there. This gives it a working event, fresh for every test, that tests fire with `trigger`.
 */
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

type Listener = (...args: never[]) => unknown;

function fakeEvent() {
  const listeners = new Set<Listener>();
  return {
    addListener: (listener: Listener) => void listeners.add(listener),
    removeListener: (listener: Listener) => void listeners.delete(listener),
    hasListener: (listener: Listener) => listeners.has(listener),
    hasListeners: () => listeners.size > 0,
    trigger: (...args: never[]) => Promise.all([...listeners].map((listener) => listener(...args))),
  };
}

let onCommand = fakeEvent();

beforeEach(() => {
  onCommand = fakeEvent();
  Object.assign(fakeBrowser.commands, { onCommand });
});

/** Fires `commands.onCommand` as the browser does when the clinician presses a shortcut. */
export function triggerCommand(command: string, tab?: { id: number }): Promise<unknown[]> {
  return onCommand.trigger(...([command, tab] as never[]));
}
