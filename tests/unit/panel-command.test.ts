import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../entrypoints/background';
import { handlePanelCommand, OPEN_PANEL_COMMAND } from '../../utils/panel-command';
import { listenForPanelFocus } from '../../utils/panel-focus';
import { triggerCommand } from './setup-commands';

import * as summon from '../../utils/summon-panel';

describe('the open-panel shortcut, background side', () => {
  beforeEach(() => {
    vi.spyOn(summon, 'summonPanel').mockResolvedValue('shown');
  });

  it('shows the panel on the tab the shortcut was pressed in, then tells that tab’s panel to take focus', async () => {
    const sent = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(true);
    await handlePanelCommand(OPEN_PANEL_COMMAND, { id: 7 });
    expect(summon.summonPanel).toHaveBeenCalledWith(7);
    expect(sent).toHaveBeenCalledWith({ type: 'panel.focus', tabId: 7 });
    expect(sent).toHaveBeenCalledTimes(1);
  });

  it('uses the active tab when the event names none', async () => {
    const sent = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(true);
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 12 } as never]);
    await handlePanelCommand(OPEN_PANEL_COMMAND);
    expect(sent).toHaveBeenCalledWith({ type: 'panel.focus', tabId: 12 });
  });

  it('asks again while a panel it just showed is still loading, until that panel confirms', async () => {
    const sent = vi
      .spyOn(fakeBrowser.runtime, 'sendMessage')
      .mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.'))
      .mockResolvedValueOnce(undefined)
      .mockResolvedValue(true);
    await handlePanelCommand(OPEN_PANEL_COMMAND, { id: 7 });
    expect(sent).toHaveBeenCalledTimes(3);
  });

  it('does nothing on a page Attune does not work on, and ignores other commands', async () => {
    vi.mocked(summon.summonPanel).mockResolvedValue('unsupported-page');
    const sent = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(true);
    await handlePanelCommand(OPEN_PANEL_COMMAND, { id: 7 });
    await handlePanelCommand('something-else', { id: 7 });
    expect(sent).not.toHaveBeenCalled();
  });

  it('does not hide other failures', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(new Error('Extension context invalidated.'));
    await expect(handlePanelCommand(OPEN_PANEL_COMMAND, { id: 7 })).rejects.toThrow('Extension context invalidated.');
  });

  it('is registered by the background entrypoint', async () => {
    const sent = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(true);
    void background.main();
    await triggerCommand(OPEN_PANEL_COMMAND, { id: 3 });
    await vi.waitFor(() => expect(sent).toHaveBeenCalledWith({ type: 'panel.focus', tabId: 3 }));
  });
});

describe('the open-panel shortcut, panel side', () => {
  const fromBackground = () => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/background.js') });
  beforeEach(() => {
    vi.spyOn(fakeBrowser.tabs, 'getCurrent').mockResolvedValue({ id: 5 } as never);
  });

  it.each([
    ['its own tab, from the background', { type: 'panel.focus', tabId: 5 }, fromBackground(), true],
    ['another tab', { type: 'panel.focus', tabId: 6 }, fromBackground(), false],
    ['a content script (it has a tab)', { type: 'panel.focus', tabId: 5 }, { ...fromBackground(), tab: { id: 5 } }, false],
    ['another extension', { type: 'panel.focus', tabId: 5 }, { id: 'someone-else' }, false],
    ['a malformed message', { type: 'panel.focus', tabId: 'five' }, fromBackground(), false],
    ['another message type', { type: 'visit.current' }, fromBackground(), false],
  ])('opens for %s: %s', async (_description, message, sender, opens) => {
    const onFocus = vi.fn();
    const stop = listenForPanelFocus(onFocus);
    // The panel learns its own tab id as it starts listening.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const replies = await fakeBrowser.runtime.onMessage.trigger(message, sender as never);
    // Only the named tab's panel answers (true, so the background knows it arrived); every other case stays silent.
    expect(replies.filter((reply: unknown) => reply !== undefined)).toEqual(opens ? [true] : []);
    expect(onFocus).toHaveBeenCalledTimes(opens ? 1 : 0);
    stop();
  });
});
