import { useId, useState } from 'preact/hooks';
import { CATEGORIES } from '../../common/glossary-types';
import {
  clampHoverDelay,
  HOVER_DELAY_MAX_MS,
  HOVER_DELAY_MIN_MS,
  type MarkMode,
  type MarkStyle,
  type Settings,
  type SiteDefault,
} from '../../common/settings';
import { CATEGORY_LABELS } from '../../components/category-labels';
import { Checkbox } from '../../components/forms/Checkbox';
import { RadioGroup } from '../../components/forms/RadioGroup';
import { Switch } from '../../components/Switch';
import { useSettings } from '../../components/use-settings';
import { DataSection } from './DataSection';
import { SiteList } from './SiteList';

type Change = (fn: (current: Settings) => Settings) => void;

const HOVER_DELAY_STEP_MS = 50;

export function Options() {
  const { settings, error, change } = useSettings();
  return (
    <main class="options">
      <header>
        <h1>Firewall Lens</h1>
        <p class="hint">Changes are saved as you make them.</p>
        <p class="save-status" role="status" aria-live="polite">
          {error ?? ''}
        </p>
      </header>
      {settings === null ? (
        <p>Loading your settings…</p>
      ) : (
        <>
          <General settings={settings} change={change} />
          <Sites settings={settings} change={change} />
          <Categories settings={settings} change={change} />
          <Appearance settings={settings} change={change} />
          <Privacy settings={settings} change={change} />
        </>
      )}
      <DataSection />
    </main>
  );
}

interface SectionProps {
  settings: Settings;
  change: Change;
}

function General({ settings, change }: SectionProps) {
  return (
    <section aria-labelledby="general-heading">
      <h2 id="general-heading">General</h2>
      <p>
        <Switch
          label="Enable Firewall Lens"
          checked={settings.enabled}
          describedBy="enabled-description"
          onChange={(enabled) => change((s) => ({ ...s, enabled }))}
        />
      </p>
      <p class="hint" id="enabled-description">
        When off, nothing is marked on any page.
      </p>
      <RadioGroup<SiteDefault>
        legend="Where to mark terms"
        value={settings.siteDefault}
        options={[
          {
            value: 'on',
            label: 'Mark on every site',
            description: 'Except the sites you list as off below.',
          },
          {
            value: 'off',
            label: 'Only on sites I list',
            description: 'Only the sites you list as on below.',
          },
        ]}
        onChange={(siteDefault) => change((s) => ({ ...s, siteDefault }))}
      />
    </section>
  );
}

function Sites({ settings, change }: SectionProps) {
  return (
    <section aria-labelledby="sites-heading">
      <h2 id="sites-heading">Sites</h2>
      <p class="hint">
        A site covers its subdomains: example.com includes news.example.com. When a site is in both
        lists through its parent, the more specific entry decides.
      </p>
      <div class="site-lists">
        <SiteList
          list="disabledSites"
          heading="Sites where it is off"
          description="Firewall Lens never marks these sites."
          addTarget="sites where it is off"
          settings={settings}
          change={change}
        />
        <SiteList
          list="enabledSites"
          heading="Sites where it is on"
          description={
            settings.siteDefault === 'off'
              ? 'Firewall Lens marks only these sites.'
              : 'Needed only to turn a subdomain back on inside a site listed as off.'
          }
          addTarget="sites where it is on"
          settings={settings}
          change={change}
        />
      </div>
    </section>
  );
}

function Categories({ settings, change }: SectionProps) {
  const noneOn = CATEGORIES.every((id) => !settings.categories[id]);
  return (
    <section aria-labelledby="categories-heading">
      <h2 id="categories-heading">Categories</h2>
      <fieldset class="fl-fieldset">
        <legend class="fl-legend">Mark these kinds of terms</legend>
        {CATEGORIES.map((id) => (
          <Checkbox
            key={id}
            label={CATEGORY_LABELS[id]}
            checked={settings.categories[id]}
            onChange={(on) => change((s) => ({ ...s, categories: { ...s.categories, [id]: on } }))}
          />
        ))}
      </fieldset>
      {noneOn && <p class="warning">With every category off, nothing is marked.</p>}
    </section>
  );
}

function Appearance({ settings, change }: SectionProps) {
  return (
    <section aria-labelledby="appearance-heading">
      <h2 id="appearance-heading">Appearance</h2>
      <RadioGroup<MarkStyle>
        legend="Mark style"
        value={settings.markStyle}
        options={[
          { value: 'underline', label: 'Underline' },
          { value: 'background', label: 'Background' },
          {
            value: 'none',
            label: 'None',
            description: 'Terms are not drawn; pointing at one still opens its card.',
          },
        ]}
        onChange={(markStyle) => change((s) => ({ ...s, markStyle }))}
      />
      <HoverDelay value={settings.hoverDelayMs} change={change} />
      <RadioGroup<MarkMode>
        legend="Which mentions to mark"
        value={settings.markMode}
        options={[
          { value: 'all', label: 'Mark every mention' },
          { value: 'first', label: 'Only the first mention of each term' },
        ]}
        onChange={(markMode) => change((s) => ({ ...s, markMode }))}
      />
    </section>
  );
}

/**
 * The slider shows its value while it moves but saves only when released (the `change` event):
 * storage.sync allows about two writes a second.
 */
function HoverDelay({ value, change }: { value: number; change: Change }) {
  const id = useId();
  // The position while the slider moves; null otherwise, when the stored value is shown.
  const [moving, setMoving] = useState<number | null>(null);
  const shown = moving ?? value;
  const read = (event: Event) =>
    clampHoverDelay(Number((event.currentTarget as HTMLInputElement).value));
  return (
    <div class="field">
      <label for={id} class="fl-legend">
        Delay before a card opens
      </label>
      <div class="range-row">
        <input
          id={id}
          type="range"
          min={HOVER_DELAY_MIN_MS}
          max={HOVER_DELAY_MAX_MS}
          step={HOVER_DELAY_STEP_MS}
          value={shown}
          aria-valuetext={`${shown} milliseconds`}
          onInput={(event) => setMoving(read(event))}
          onChange={(event) => {
            const hoverDelayMs = read(event);
            change((s) => ({ ...s, hoverDelayMs }));
            setMoving(null);
          }}
        />
        <output for={id}>{shown} ms</output>
      </div>
    </div>
  );
}

function Privacy({ settings, change }: SectionProps) {
  return (
    <section aria-labelledby="privacy-heading">
      <h2 id="privacy-heading">Privacy</h2>
      <Checkbox
        label="Stealth mode"
        checked={settings.stealth}
        description="No marks are drawn, so the page cannot detect Firewall Lens from them. Hold Alt (Option on a Mac) while pointing at a term to see its card."
        onChange={(stealth) => change((s) => ({ ...s, stealth }))}
      />
      <p class="hint">
        Firewall Lens makes no network requests and keeps no record of the pages you read.
      </p>
    </section>
  );
}
