/**
 * The extension's keyboard shortcuts as the browser has them now (`commands.getAll()`: the reader
 * may have changed or cleared them), and the way to the browser's own page for changing them.
 * Shown on the options page and in the popup's help.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../common/i18n';
import './keyboard-shortcuts.css';

interface Shortcut {
  name: string;
  description: string;
  shortcut: string;
}

/** The commands with their current keys; null until the browser answers. */
export function useShortcuts(): Shortcut[] | null {
  const [shortcuts, setShortcuts] = useState<Shortcut[] | null>(null);
  useEffect(() => {
    let live = true;
    // Through a promise: a browser (or test double) without the commands API must not break the page.
    Promise.resolve()
      .then(() => browser.commands.getAll())
      .then(
        (commands) => {
          if (!live) return;
          setShortcuts(
            commands
              // Chromium lists the toolbar button's own command; it has no description.
              .filter((command) => command.name && command.name !== '_execute_action')
              .map((command) => ({
                name: command.name ?? '',
                description: command.description || (command.name ?? ''),
                shortcut: command.shortcut ?? '',
              })),
          );
        },
        () => {
          if (live) setShortcuts([]);
        },
      );
    return () => {
      live = false;
    };
  }, []);
  return shortcuts;
}

/**
 * Firefox (137+) opens its "Manage Extension Shortcuts" page itself; Chromium's page is an
 * internal URL an extension may open in a tab (a link to it would be blocked).
 */
export async function openShortcutSettings(): Promise<void> {
  const commands = browser.commands as typeof browser.commands & {
    openShortcutSettings?: () => Promise<void>;
  };
  if (typeof commands.openShortcutSettings === 'function') {
    await commands.openShortcutSettings();
    return;
  }
  await browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
}

export function ShortcutList({ shortcuts }: { shortcuts: Shortcut[] | null }) {
  if (shortcuts === null) return null;
  return (
    <dl class="shortcut-list">
      {shortcuts.map((command) => (
        <div class="shortcut" key={command.name} data-command={command.name}>
          <dt>
            {command.shortcut ? (
              <kbd>{command.shortcut}</kbd>
            ) : (
              <span class="muted">{t('keysNotSet')}</span>
            )}
          </dt>
          <dd>{command.description}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The keys that act on the page itself (not browser commands: the page has the focus). */
export function PageKeyList() {
  const rows = [
    [t('keysPageClickKey'), t('keysPageClickDoes')],
    [t('keysPageTabKey'), t('keysPageTabDoes')],
    [t('keysPageEnterKey'), t('keysPageEnterDoes')],
    [t('keysPageEscapeKey'), t('keysPageEscapeDoes')],
  ] as const;
  return (
    <dl class="shortcut-list">
      {rows.map(([key, does]) => (
        <div class="shortcut" key={key}>
          <dt>
            <kbd>{key}</kbd>
          </dt>
          <dd>{does}</dd>
        </div>
      ))}
    </dl>
  );
}
