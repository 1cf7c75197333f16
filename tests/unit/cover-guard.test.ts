import { describe, expect, it, vi } from 'vitest';
import { guardAgainstCover } from '../../utils/cover-guard';

/** Stands in for Chromium's IntersectionObserver: the test plays the browser's visibility reports. */
class FakeObserver {
  static last: FakeObserver | undefined;
  readonly observed = new Set<unknown>();
  constructor(private readonly callback: (entries: { isVisible: boolean }[]) => void) {
    FakeObserver.last = this;
  }
  observe(target: unknown) {
    this.observed.add(target);
  }
  unobserve(target: unknown) {
    this.observed.delete(target);
  }
  disconnect() {
    this.observed.clear();
  }
  report(isVisible: boolean) {
    this.callback([{ isVisible }]);
  }
}
/** IntersectionObserver v2 puts `isVisible` on its entries' prototype; v1 (Firefox) does not. */
class EntryV2 {
  get isVisible() {
    return true;
  }
}

function frameDocument({ v2 = true } = {}) {
  const document = Object.assign(new EventTarget(), {
    defaultView: { IntersectionObserver: FakeObserver, IntersectionObserverEntry: v2 ? EntryV2 : class {} },
    createElement: () => ({ setAttribute: () => undefined, style: {}, remove: () => undefined }),
    documentElement: { append: () => undefined },
  });
  return document as unknown as Document;
}

/** Whether a click on the panel was refused. */
function clickRefused(document: Document): boolean {
  const click = new Event('click', { cancelable: true });
  document.dispatchEvent(click);
  return click.defaultPrevented;
}

function guard(options: { watching?: boolean; v2?: boolean } = {}) {
  const document = frameDocument(options);
  const onIgnored = vi.fn();
  const onUncovered = vi.fn();
  const coverGuard = guardAgainstCover(document, { onIgnored, onUncovered }, { watching: options.watching });
  return { document, coverGuard, onIgnored, onUncovered, browser: FakeObserver.last };
}

describe('the panel’s guard against clicks through a cover', () => {
  it('open: holds clicks back until the browser’s first report, refuses them while covered (saying why), then lets them through', () => {
    const { document, onIgnored, onUncovered, browser } = guard({ watching: true });
    expect(browser?.observed.size).toBe(1);
    // Nothing known yet: held back, but nothing to tell the clinician.
    expect(clickRefused(document)).toBe(true);
    expect(onIgnored).not.toHaveBeenCalled();

    browser?.report(true);
    expect(clickRefused(document)).toBe(false);

    browser?.report(false);
    expect(clickRefused(document)).toBe(true);
    expect(onIgnored).toHaveBeenCalledOnce();

    browser?.report(true);
    expect(onUncovered).toHaveBeenCalledOnce();
    expect(clickRefused(document)).toBe(false);
  });

  it('collapsed: does not watch (the call page is not asked about covers) and clicks on the handle pass', () => {
    const { document, coverGuard, onUncovered, browser } = guard({ watching: false });
    expect(browser?.observed.size).toBe(0);
    expect(clickRefused(document)).toBe(false);

    // Opened under a cover: watched again, and refused once the browser says so.
    coverGuard.watch(true);
    expect(browser?.observed.size).toBe(1);
    browser?.report(false);
    expect(coverGuard.covered).toBe(true);

    // Collapsed again: the notice goes, and the handle takes clicks.
    coverGuard.watch(false);
    expect(browser?.observed.size).toBe(0);
    expect(onUncovered).toHaveBeenCalledOnce();
    expect(clickRefused(document)).toBe(false);
    // A report still on its way when watching stopped changes nothing.
    browser?.report(false);
    expect(clickRefused(document)).toBe(false);
  });

  it('without IntersectionObserver v2 (Firefox) has nothing to watch with, and clicks pass', () => {
    const { document, coverGuard } = guard({ watching: true, v2: false });
    expect(clickRefused(document)).toBe(false);
    expect(coverGuard.covered).toBe(false);
  });

  it('stops refusing anything once stopped', () => {
    const { document, coverGuard, browser } = guard({ watching: true });
    browser?.report(false);
    coverGuard.stop();
    expect(browser?.observed.size).toBe(0);
    expect(coverGuard.covered).toBe(false);
    expect(clickRefused(document)).toBe(false);
  });
});
