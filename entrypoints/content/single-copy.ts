/**
 * One live copy of the content script per page. The background injects the script only into tabs
 * where no live copy answers (entrypoints/background/open-tabs.ts), but a tab that was still
 * loading then gets the manifest's copy as well, and WXT's own "a newer copy started" event is
 * switched off (any page could listen to it). Copies of one extension in one page share their
 * isolated world (Chromium) or sandbox (Firefox), which page scripts cannot reach: the copy that
 * claims the page leaves there a way to ask whether it is still alive, and later copies ask it.
 *
 * An old version's copy in Chromium outlives its extension in the same world; asked, it reports
 * itself dead (and its `ctx` runs its teardown). Firefox gives a new version a new sandbox.
 */
const CLAIM = Symbol.for('firewall-lens.live-content-script');

type Scope = { [CLAIM]?: () => boolean };

/** True when this copy may run here; `isAlive` answers later copies' question. */
export function claimPage(scope: object, isAlive: () => boolean): boolean {
  const holder = scope as Scope;
  const earlier = holder[CLAIM];
  if (earlier !== undefined && answers(earlier)) return false;
  holder[CLAIM] = isAlive;
  return true;
}

function answers(isAlive: () => boolean): boolean {
  try {
    return isAlive();
  } catch {
    return false;
  }
}
