import { i18n } from '#i18n';
import { browser } from 'wxt/browser';

/** The brand's amber, dark enough for white text at 5.9:1 on any toolbar. */
const BADGE_BACKGROUND = '#8a5a00';
const BADGE_TEXT = '#ffffff';

/**
 * Shows how many distinct entities a tab has on the toolbar button; nothing for none.
 * Tab-specific: the browser clears it by itself when the tab loads another document.
 * The tooltip says it in words: a screen reader reads the button's title, not always its badge.
 */
export async function showFoundCount(tabId: number, distinct: number): Promise<void> {
  try {
    await Promise.all([
      browser.action.setBadgeText({ tabId, text: distinct > 0 ? String(distinct) : '' }),
      browser.action.setTitle({ tabId, title: i18n.t('action.title', distinct) }),
      browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_BACKGROUND }),
      // Older Chromium has no setBadgeTextColor and picks a text colour itself.
      browser.action.setBadgeTextColor?.({ tabId, color: BADGE_TEXT }),
    ]);
  } catch {
    // The tab closed while its frames were still reporting: there is no badge left to set.
  }
}
