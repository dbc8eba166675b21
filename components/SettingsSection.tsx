import { i18n } from '#i18n';
import { useId } from 'react';
import type { Settings } from '../core/settings';
import { hostnameForDisplay } from '../core/punycode';
import { siteOf } from '../core/site';
import { CATEGORIES } from '../core/story/schema';
import { FailedWithRetry } from './FailedWithRetry';
import { categoryGroupLabel } from './labels';
import { Switch } from './Switch';

interface Props {
  settings: Settings | undefined;
  /** The tab's address, for "Off on this site". */
  url: string | undefined;
  /**
   * The tab is in a private window: "Off on this site" would write the site to the settings the browser keeps and
   * syncs, a lasting record of a site visited privately. The page side reads only those settings, so no choice
   * kept for the private session alone would reach it: the switch is not offered there.
   */
  privateTab?: boolean;
  onChange: (change: (settings: Settings) => Settings) => void;
  /** A change could not be saved: the switch went back, and the reader is told why. New with each failure (use-settings.ts), 0 for none. */
  saveFailed?: number;
  /** The settings could not be read: said so, with a way to try again. */
  readFailed?: boolean;
  onRetry?: () => void;
}

/** What Backstory highlights on pages; every open tab applies a change at once. */
export function SettingsSection({ settings, url, privateTab = false, onChange, saveFailed, readFailed, onRetry }: Props) {
  const titleId = useId();
  const waitId = useId();
  const site = url === undefined ? undefined : siteOf(url);
  return (
    <section className="settings" aria-labelledby={titleId}>
      <h2 id={titleId} className="section-title" tabIndex={-1}>
        {i18n.t('popup.settings')}
      </h2>
      {!settings && readFailed ? (
        <FailedWithRetry message={i18n.t('popup.settingsUnreadable')} onRetry={onRetry} />
      ) : !settings ? (
        <p className="status" role="status">
          {i18n.t('popup.loading')}
        </p>
      ) : (
        <>
          <Switch
            label={i18n.t('popup.enabled')}
            hint={i18n.t('popup.enabledHint')}
            checked={settings.enabled}
            onChange={(enabled) => onChange((s) => ({ ...s, enabled }))}
          />
          {/* Said once for the switches below, and read with each of them: a switch that does nothing must say why. */}
          {!settings.enabled ? (
            <p id={waitId} className="switch-hint switches-wait">
              {i18n.t('popup.waitForOn')}
            </p>
          ) : null}
          <div className="switch-group">
            {CATEGORIES.map((category) => (
              <Switch
                key={category}
                label={categoryGroupLabel(category)}
                checked={settings.categories[category]}
                // Backstory off everywhere: they change nothing until it is on again, and do not look as if they did.
                disabled={!settings.enabled}
                describedBy={settings.enabled ? undefined : waitId}
                onChange={(on) => onChange((s) => ({ ...s, categories: { ...s.categories, [category]: on } }))}
              />
            ))}
          </div>
          <Switch
            label={i18n.t('popup.offOnThisSite')}
            hint={site === undefined ? i18n.t('popup.offOnThisSiteUnavailable') : privateTab ? i18n.t('popup.offOnThisSitePrivate') : hostnameForDisplay(site)}
            checked={site !== undefined && settings.offSites.includes(site)}
            disabled={site === undefined || privateTab || !settings.enabled}
            describedBy={settings.enabled ? undefined : waitId}
            onChange={(off) =>
              site !== undefined &&
              !privateTab &&
              onChange((s) => ({
                ...s,
                offSites: off ? [...new Set([...s.offSites, site])] : s.offSites.filter((other) => other !== site),
              }))
            }
          />
          {saveFailed ? (
            // A new alert for each failure: the same words changed in place, or left there, are not read out again.
            <p key={saveFailed} className="status status-error" role="alert">
              {i18n.t('popup.saveFailed')}
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}
