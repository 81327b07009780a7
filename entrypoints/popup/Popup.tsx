import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { activeTabId } from '../../common/active-tab';
import { decideEnablement } from '../../common/enablement';
import { askTab } from '../../common/messaging';
import type { PageInfo } from '../../common/protocol';
import { setSiteEnabled } from '../../common/settings';
import { Switch } from '../../components/Switch';
import { useSettings } from '../../components/use-settings';
import { Glossary } from './Glossary';
import { OnThisPage } from './OnThisPage';
import { SiteAccessNotice } from './SiteAccessNotice';

type TabName = 'page' | 'glossary';

export function Popup() {
  const { settings, error, change } = useSettings();
  const [tabId, setTabId] = useState<number | null>(null);
  /** `undefined` while the page has not answered; `null` when no content script runs there. */
  const [page, setPage] = useState<PageInfo | null | undefined>(undefined);
  const [tab, setTab] = useState<TabName>('page');

  useEffect(() => {
    let cancelled = false;
    // No content script answers on browser pages, the stores, or before the page has loaded.
    activeTabId()
      .then((id) => {
        if (id === null) return null;
        if (!cancelled) setTabId(id);
        return askTab(id, { type: 'page-info' });
      })
      .then(
        (info) => !cancelled && setPage(info),
        () => !cancelled && setPage(null),
      );
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
        <h1>Firewall Lens</h1>
        <button
          type="button"
          class="link-button"
          onClick={() => void browser.runtime.openOptionsPage()}
        >
          Options
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
          Firewall Lens is off everywhere.{' '}
          <button
            type="button"
            class="link-button"
            onClick={() => change((current) => ({ ...current, enabled: true }))}
          >
            Turn it on
          </button>
        </p>
      ) : null}
      {page === undefined ? null : page ? (
        <Switch
          label={`Enabled on ${page.hostname}`}
          checked={siteOn}
          disabled={!settings?.enabled}
          onChange={onSiteChange}
        />
      ) : (
        <p class="muted">Firewall Lens does not run on this page.</p>
      )}
      <div class="tabs" role="tablist" aria-label="Views">
        <TabButton name="page" current={tab} onSelect={setTab}>
          On this page
        </TabButton>
        <TabButton name="glossary" current={tab} onSelect={setTab}>
          Glossary
        </TabButton>
      </div>
      <TabPanel name="page" current={tab}>
        {page !== undefined ? <OnThisPage tabId={page ? tabId : null} /> : null}
      </TabPanel>
      <TabPanel name="glossary" current={tab}>
        <Glossary />
      </TabPanel>
    </main>
  );
}

/** Only the current panel is rendered: the other one's requests wait until it is chosen. */
function TabPanel(props: { name: TabName; current: TabName; children: ComponentChildren }) {
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
  current: TabName;
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
      tabIndex={selected ? 0 : -1}
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
