import { useId, useState } from 'preact/hooks';
import { CATEGORIES } from '../../common/glossary-types';
import { t } from '../../common/i18n';
import {
  clampHoverDelay,
  HOVER_DELAY_MAX_MS,
  HOVER_DELAY_MIN_MS,
  type MarkMode,
  type MarkStyle,
  type Settings,
  type SiteDefault,
} from '../../common/settings';
import { categoryGroupLabel } from '../../components/category-labels';
import { Switch } from '../../components/Switch';
import { useSettings } from '../../components/use-settings';
import { DataSection } from './DataSection';
import { Checkbox } from './forms/Checkbox';
import { RadioGroup } from './forms/RadioGroup';
import { ShortcutsSection } from './ShortcutsSection';
import { SiteList } from './SiteList';
import { YourTerms } from './YourTerms';

type Change = (fn: (current: Settings) => Settings) => void;

const HOVER_DELAY_STEP_MS = 50;

export function Options() {
  const { settings, error, change } = useSettings();
  return (
    <main class="options">
      <header>
        <h1>{t('extName')}</h1>
        <p class="hint">{t('optionsAutosave')}</p>
        <p class="save-status" role="status" aria-live="polite">
          {error ?? ''}
        </p>
      </header>
      {settings === null ? (
        <p>{t('optionsLoading')}</p>
      ) : (
        <>
          <General settings={settings} change={change} />
          <Sites settings={settings} change={change} />
          <Categories settings={settings} change={change} />
          <Appearance settings={settings} change={change} />
          <Privacy settings={settings} change={change} />
        </>
      )}
      <YourTerms />
      <ShortcutsSection />
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
      <h2 id="general-heading">{t('generalHeading')}</h2>
      <p>
        <Switch
          label={t('enableSwitch')}
          checked={settings.enabled}
          describedBy="enabled-description"
          onChange={(enabled) => change((s) => ({ ...s, enabled }))}
        />
      </p>
      <p class="hint" id="enabled-description">
        {t('enableHint')}
      </p>
      <RadioGroup<SiteDefault>
        legend={t('siteDefaultLegend')}
        value={settings.siteDefault}
        options={[
          {
            value: 'on',
            label: t('siteDefaultOn'),
            description: t('siteDefaultOnHint'),
          },
          {
            value: 'off',
            label: t('siteDefaultOff'),
            description: t('siteDefaultOffHint'),
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
      <h2 id="sites-heading">{t('sitesHeading')}</h2>
      <p class="hint">{t('sitesHint')}</p>
      <div class="site-lists">
        <SiteList
          list="disabledSites"
          heading={t('disabledSitesHeading')}
          description={t('disabledSitesHint')}
          addLabel={t('disabledSitesAdd')}
          settings={settings}
          change={change}
        />
        <SiteList
          list="enabledSites"
          heading={t('enabledSitesHeading')}
          description={
            settings.siteDefault === 'off'
              ? t('enabledSitesHintOnly')
              : t('enabledSitesHintException')
          }
          addLabel={t('enabledSitesAdd')}
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
      <h2 id="categories-heading">{t('categoriesHeading')}</h2>
      <fieldset class="fl-fieldset">
        <legend class="fl-legend">{t('categoriesLegend')}</legend>
        {CATEGORIES.map((id) => (
          <Checkbox
            key={id}
            label={categoryGroupLabel(id)}
            checked={settings.categories[id]}
            onChange={(on) => change((s) => ({ ...s, categories: { ...s.categories, [id]: on } }))}
          />
        ))}
      </fieldset>
      {noneOn && <p class="warning">{t('categoriesNoneWarning')}</p>}
    </section>
  );
}

function Appearance({ settings, change }: SectionProps) {
  return (
    <section aria-labelledby="appearance-heading">
      <h2 id="appearance-heading">{t('appearanceHeading')}</h2>
      <RadioGroup<MarkStyle>
        legend={t('markStyleLegend')}
        value={settings.markStyle}
        options={[
          { value: 'underline', label: t('markStyleUnderline') },
          { value: 'background', label: t('markStyleBackground') },
          { value: 'none', label: t('markStyleNone'), description: t('markStyleNoneHint') },
        ]}
        onChange={(markStyle) => change((s) => ({ ...s, markStyle }))}
      />
      <HoverDelay value={settings.hoverDelayMs} change={change} />
      <RadioGroup<MarkMode>
        legend={t('markModeLegend')}
        value={settings.markMode}
        options={[
          { value: 'all', label: t('markModeAll') },
          { value: 'first', label: t('markModeFirst') },
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
        {t('hoverDelayLabel')}
      </label>
      <div class="range-row">
        <input
          id={id}
          type="range"
          min={HOVER_DELAY_MIN_MS}
          max={HOVER_DELAY_MAX_MS}
          step={HOVER_DELAY_STEP_MS}
          value={shown}
          aria-valuetext={t('hoverDelayValueText', { ms: shown })}
          onInput={(event) => setMoving(read(event))}
          onChange={(event) => {
            const hoverDelayMs = read(event);
            change((s) => ({ ...s, hoverDelayMs }));
            setMoving(null);
          }}
        />
        <output for={id}>{t('hoverDelayOutput', { ms: shown })}</output>
      </div>
    </div>
  );
}

function Privacy({ settings, change }: SectionProps) {
  return (
    <section aria-labelledby="privacy-heading">
      <h2 id="privacy-heading">{t('privacyHeading')}</h2>
      <Checkbox
        label={t('stealthLabel')}
        checked={settings.stealth}
        description={t('stealthHint')}
        onChange={(stealth) => change((s) => ({ ...s, stealth }))}
      />
      <p class="hint">{t('privacyHint')}</p>
      <p>
        {/* The policy bundled with the extension (entrypoints/privacy/): opening it loads nothing. */}
        <a href="/privacy.html" target="_blank" rel="noopener">
          {t('privacyPolicyLink')}
        </a>
      </p>
    </section>
  );
}
