import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { activeTabId } from '../../common/active-tab';
import { decideEnablement } from '../../common/enablement';
import { t } from '../../common/i18n';
import { askTab } from '../../common/messaging';
import type { PageInfo } from '../../common/protocol';
import { setSiteEnabled } from '../../common/settings';
import { PageKeyList, ShortcutList, useShortcuts } from '../../components/KeyboardShortcuts';
import { Switch } from '../../components/Switch';
import { useSettings } from '../../components/use-settings';
import { Glossary } from './Glossary';
import { OnThisPage } from './OnThisPage';
import { SiteAccessNotice } from './SiteAccessNotice';
import { tabMentions } from './tab-mentions';

type TabName = 'page' | 'glossary';

export function Popup() {
  const { settings, error, change } = useSettings();
  const [tabId, setTabId] = useState<number | null>(null);
  /** `undefined` while the page has not answered; `null` when no content script runs there. */
  const [page, setPage] = useState<PageInfo | null | undefined>(undefined);
  /** The tab the reader picked; until then, the one the page calls for (null: not known yet). */
  const [picked, setPicked] = useState<TabName | null>(null);
  const [opening, setOpening] = useState<TabName | null>(null);
  const tab = picked ?? opening;

  useEffect(() => {
    let cancelled = false;
    (async () => {
      // No content script answers on browser pages, the stores, or before the page has loaded.
      const id = await activeTabId().catch(() => null);
      if (id !== null && !cancelled) setTabId(id);
      const info = id === null ? null : await askTab(id, { type: 'page-info' }).catch(() => null);
      if (cancelled) return;
      setPage(info);
      // "On this page" opens only when it has something to show; else the glossary does.
      const mentions = id !== null && info ? await tabMentions(id).catch(() => []) : [];
      if (!cancelled) setOpening(mentions.length > 0 ? 'page' : 'glossary');
    })();
    return () => {
      cancelled = true;
    };
  }, []);

  // The switch shows what the settings decide for this site, the same decision the content
  // script makes (it applies a change a moment later, after its own round trips).
  const siteOn =
    page && settings ? decideEnablement(settings, `https://${page.hostname}/`).active : false;

  const onSiteChange = (on: boolean) => {
    if (!page) return;
    change((current) => setSiteEnabled(current, page.hostname, on));
  };

  return (
    <main class="popup">
      <header class="popup-header">
        <h1>{t('extName')}</h1>
        <button
          type="button"
          class="link-button"
          onClick={() => void browser.runtime.openOptionsPage()}
        >
          {t('popupOptions')}
        </button>
      </header>
      <SiteAccessNotice />
      {error ? (
        <p class="notice" role="alert">
          {error}
        </p>
      ) : null}
      {settings && !settings.enabled ? (
        <p class="notice" role="status">
          {t('popupOffEverywhere')}{' '}
          <button
            type="button"
            class="link-button"
            onClick={() => change((current) => ({ ...current, enabled: true }))}
          >
            {t('popupTurnOn')}
          </button>
        </p>
      ) : null}
      {page === undefined ? null : page ? (
        <Switch
          label={t('popupEnabledOn', { host: page.hostname })}
          checked={siteOn}
          disabled={!settings?.enabled}
          onChange={onSiteChange}
        />
      ) : (
        <p class="muted">{t('popupNotRunning')}</p>
      )}
      <div class="tabs" role="tablist" aria-label={t('popupViews')}>
        <TabButton name="page" current={tab} onSelect={setPicked}>
          {t('popupTabPage')}
        </TabButton>
        <TabButton name="glossary" current={tab} onSelect={setPicked}>
          {t('popupTabGlossary')}
        </TabButton>
      </div>
      <TabPanel name="page" current={tab}>
        {page !== undefined ? <OnThisPage tabId={page ? tabId : null} /> : null}
      </TabPanel>
      <TabPanel name="glossary" current={tab}>
        <Glossary />
      </TabPanel>
      <KeysHelp />
    </main>
  );
}

/** The keys, folded away: the popup is for the page and the glossary first. */
function KeysHelp() {
  const shortcuts = useShortcuts();
  return (
    <details class="keys-help">
      <summary>{t('keysHeading')}</summary>
      <ShortcutList shortcuts={shortcuts} />
      <h2 class="keys-help__heading">{t('keysPageHeading')}</h2>
      <PageKeyList />
    </details>
  );
}

/** Only the current panel is rendered: the other one's requests wait until it is chosen. */
function TabPanel(props: { name: TabName; current: TabName | null; children: ComponentChildren }) {
  const selected = props.name === props.current;
  return (
    <section
      id={`panel-${props.name}`}
      role="tabpanel"
      aria-labelledby={`tab-${props.name}`}
      hidden={!selected}
      class="panel"
    >
      {selected ? props.children : null}
    </section>
  );
}

function TabButton(props: {
  name: TabName;
  current: TabName | null;
  onSelect: (name: TabName) => void;
  children: string;
}) {
  const selected = props.name === props.current;
  const other: TabName = props.name === 'page' ? 'glossary' : 'page';
  return (
    <button
      type="button"
      role="tab"
      id={`tab-${props.name}`}
      aria-selected={selected}
      aria-controls={`panel-${props.name}`}
      // Before a tab is chosen (a few ms), the first one takes the keyboard.
      tabIndex={selected || (props.current === null && props.name === 'page') ? 0 : -1}
      onClick={() => props.onSelect(props.name)}
      onKeyDown={(event) => {
        // Arrow keys move between tabs, as the ARIA tabs pattern expects.
        if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
          event.preventDefault();
          props.onSelect(other);
          document.getElementById(`tab-${other}`)?.focus();
        }
      }}
    >
      {props.children}
    </button>
  );
}
