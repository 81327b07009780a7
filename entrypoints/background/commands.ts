/**
 * Keyboard shortcuts (manifest `commands`). Moving between mentions is relayed to the active tab as
 * `reveal-mention`: the content script knows the page. Toggling the site asks the tab for its host
 * name (the extension has no permission to read tab URLs) and flips the site lists.
 */
import { type Browser, browser } from 'wxt/browser';
import { activeTabId } from '../../common/active-tab';
import { decideEnablement } from '../../common/enablement';
import { askTab } from '../../common/messaging';
import { setSiteEnabled } from '../../common/settings';
import { updateSettings } from '../../common/settings-store';

export const MENTION_COMMANDS = {
  'next-mention': 'next',
  'previous-mention': 'previous',
} as const;

type MentionCommand = keyof typeof MENTION_COMMANDS;

function isMentionCommand(command: string): command is MentionCommand {
  return Object.hasOwn(MENTION_COMMANDS, command);
}

export async function relayMentionCommand(
  command: string,
  tab: Browser.tabs.Tab | undefined,
): Promise<boolean> {
  if (!isMentionCommand(command)) return false;
  const tabId = await activeTabId(tab);
  if (tabId === null) return false;
  try {
    const { revealed } = await askTab(tabId, {
      type: 'reveal-mention',
      direction: MENTION_COMMANDS[command],
    });
    return revealed;
  } catch {
    // No content script in this tab (a browser page, a site the user turned off): nothing to do.
    return false;
  }
}

export const PIN_CARD_COMMAND = 'pin-card';

/** Pins (or unpins) the card open in the active tab; false where no card is open. */
export async function relayPinCommand(tab: Browser.tabs.Tab | undefined): Promise<boolean> {
  const tabId = await activeTabId(tab);
  if (tabId === null) return false;
  try {
    const { toggled } = await askTab(tabId, { type: 'pin-card' });
    return toggled;
  } catch {
    return false;
  }
}

export const TOGGLE_SITE_COMMAND = 'toggle-site';

/** Turns Firewall Lens off on the active tab's site if it runs there, on otherwise. */
export async function toggleActiveSite(tab: Browser.tabs.Tab | undefined): Promise<boolean> {
  const tabId = await activeTabId(tab);
  if (tabId === null) return false;
  const page = await askTab(tabId, { type: 'page-info' }).catch(() => null);
  if (page === null) return false;
  // Decided from the settings being changed, not from the page, which may not have caught up.
  await updateSettings((current) => {
    const on = decideEnablement(current, `https://${page.hostname}/`).active;
    return setSiteEnabled(current, page.hostname, !on);
  });
  return true;
}

/** Call synchronously at the top level of the background: commands wake a stopped worker. */
export function registerCommandListener(): void {
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === TOGGLE_SITE_COMMAND) void toggleActiveSite(tab);
    else if (command === PIN_CARD_COMMAND) void relayPinCommand(tab);
    else void relayMentionCommand(command, tab);
  });
}
