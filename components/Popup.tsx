import { i18n } from '#i18n';
import { useCallback, useState } from 'react';
import { browser } from 'wxt/browser';
import type { FoundEntity } from '../core/messages/protocol';
import { isActiveOn } from '../core/settings';
import { siteOf } from '../core/site';
import { closeCardsIn } from '../extension/close-cards';
import { sendToTab } from '../extension/send-to-tab';
import { FoundSection, type RevealNotice } from './FoundSection';
import { SettingsSection } from './SettingsSection';
import { StoryHeadline, StorySection } from './StorySection';
import { useSettings } from './use-settings';
import { useShortcut } from './use-shortcut';
import { useFileAccess } from './use-file-access';
import { usePageProbe } from './use-page-probe';
import { useSiteAccess } from './use-site-access';
import { useStory } from './use-story';
import { useTabFound } from './use-tab-found';
import { useTargetTab } from './use-target-tab';
import { useFocusKept } from './use-focus-kept';

/** The toolbar popup: the story's headline, what the tab mentions, the story's key points, and what to highlight. */
export function Popup({ search }: { search: string }) {
  const [target, retryTarget] = useTargetTab(search);
  const [story, retryStory] = useStory();
  const { settings, change: changeSettings, saveFailed, readFailed: settingsFailed, retry: retrySettings } = useSettings();
  const tab = target.status === 'ready' ? target.value : undefined;
  const [found, retryFound] = useTabFound(tab?.id);
  // With the page it is about: a tab that moved on to another page (the popup opened as a page stays open) drops it.
  const [notice, setNotice] = useState<RevealNotice & { url: string | undefined }>();
  const shortcut = useShortcut();
  const keepFocus = useFocusKept();

  // The tab's current address (it may have moved on since the popup opened), else the one it opened with.
  const url = found.status === 'ready' && found.value.url ? found.value.url : tab?.url;
  const noTab = target.status === 'error' ? 'failed' : target.status === 'ready' && !tab ? 'none' : undefined;
  const fileAccess = useFileAccess(url);
  const [siteAccess, allowSite] = useSiteAccess(noTab ? undefined : url, tab?.id);
  const active = settings && url !== undefined ? isActiveOn(settings, siteOf(url) ?? '') : undefined;
  const [page, lookAgain] = usePageProbe(tab?.id, url, found.status === 'ready' && found.value.found.length === 0, found.status === 'ready' && found.value.loading === true, active);

  const reveal = useCallback(
    async (entity: FoundEntity) => {
      if (!tab) return;
      setNotice(undefined);
      // The name may be in another frame than the card open now: one card at a time.
      await closeCardsIn(tab.id);
      const reply = await sendToTab(tab.id, { type: 'page/reveal', entityId: entity.id }, entity.frameId);
      if (reply.ok && reply.revealed) {
        // The reader's attention moves to the card on the page; as a page (tests, a pinned tab) it stays open.
        if (!tab.openedAsPage) window.close();
        return;
      }
      // The browser's reasons ("No frame with id 4 in tab …": the frame is gone) are not the reader's words.
      setNotice({ text: i18n.t(reply.ok ? 'popup.notRevealed' : 'popup.revealFailed', { name: entity.name }), failed: !reply.ok, url });
    },
    [tab, url],
  );

  return (
    <main className="popup" onClickCapture={keepFocus}>
      <header>
        <p className="brand">{i18n.t('extName')}</p>
        <StoryHeadline story={story} />
      </header>
      <FoundSection
        url={noTab ? undefined : url}
        noTab={noTab}
        onFindTab={retryTarget}
        found={found}
        fileAccess={fileAccess}
        onAllowFiles={() => void browser.tabs.create({ url: `chrome://extensions/?id=${browser.runtime.id}` })}
        firefox={import.meta.env.FIREFOX}
        siteAccess={siteAccess}
        onAllowSite={allowSite}
        onRetry={retryFound}
        page={page}
        onLookAgain={lookAgain}
        onReload={() => {
          // The page read anew may hold the name again: its failure to show is of the load that went.
          setNotice(undefined);
          if (tab) void browser.tabs.reload(tab.id);
        }}
        settings={settings}
        settingsFailed={settingsFailed}
        notice={notice && notice.url === url ? notice : undefined}
        onReveal={(entity) => void reveal(entity)}
        shortcut={shortcut}
      />
      <StorySection story={story} onRetry={retryStory} />
      <SettingsSection settings={settings} url={noTab ? undefined : url} privateTab={tab?.incognito} onChange={changeSettings} saveFailed={saveFailed} readFailed={settingsFailed} onRetry={retrySettings} />
    </main>
  );
}
