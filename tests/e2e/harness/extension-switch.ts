/**
 * What a reader does to the installed extension from the browser's own extension manager, for the
 * lifecycle tests: switch it off and on, and reload it from disk (what an update does to open
 * pages: the old version goes away under them and a new one starts).
 *
 * - Chromium: `chrome://extensions`' own APIs (`chrome.management.setEnabled`,
 *   `chrome.developerPrivate.reload`), from that page. An extension cannot disable itself through
 *   `management`, and CDP's `Extensions` domain has no enable/disable. Reloading an unpacked
 *   extension needs developer mode on; without it Chromium disables the extension instead
 *   ("unsupportedDeveloperExtension").
 * - Firefox: the add-on manager itself (`AddonManager.getAddonByID(id)` then `disable()`,
 *   `enable()`, `reload()`), evaluated in the browser's chrome context over WebDriver BiDi, which
 *   `--remote-allow-system-access` permits. BiDi's `webExtension` module only installs and
 *   uninstalls.
 */
export interface ExtensionSwitch {
  disable(): Promise<void>;
  enable(): Promise<void>;
  /** Removes the extension; nothing of it runs afterwards (where the harness can). */
  uninstall?: () => Promise<void>;
  /** Reloads the extension from its files, as an update does. */
  reload(): Promise<void>;
  /**
   * Stops the background as the browser does when it is idle (Chromium's service worker, Firefox's
   * event page, through `runtime.onSuspend` as after its idle timeout); resolves once stopped.
   */
  sleepBackground(): Promise<void>;
  /** Errors the browser recorded from the extension's scripts, where it keeps them (Chromium). */
  recordedErrors(): Promise<string[] | null>;
}
