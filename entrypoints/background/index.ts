import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { bundledPack } from '../../background/bundled-pack';
import { StoryDatabase } from '../../background/db';
import { handleMessage } from '../../background/handle-message';
import { loadAnnotator, loadCardUi, loadOverlayPainter } from '../../background/load-card-ui';
import { reachOpenTabs } from '../../background/open-tabs';
import { onCommand } from '../../background/next-mention-command';
import { forgetClosedTabs } from '../../background/report-found';
import { readGrantedTabs } from '../../background/site-access-granted';
import { createStoryService } from '../../background/story-service';

export default defineBackground(() => {
  const stories = createStoryService(new StoryDatabase(), bundledPack);
  const context = { ready: stories.ready, loadAnnotator, loadUi: loadCardUi, loadOverlay: loadOverlayPainter };

  browser.runtime.onInstalled.addListener(() => {
    stories.ready().catch((error: unknown) => console.error('[Backstory] Seeding failed', error));
  });

  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    // handleMessage never rejects: every failure is already an error reply.
    void handleMessage(message, sender, context).then(sendResponse);
    return true;
  });

  // Firefox for Android has no keyboard shortcuts, nor this API.
  browser.commands?.onCommand.addListener((command, tab) => {
    onCommand(command, tab).catch((error: unknown) => console.warn('[Backstory] Shortcut failed', error));
  });

  browser.permissions.onAdded.addListener((granted) => {
    readGrantedTabs(granted).catch((error: unknown) => console.warn('[Backstory] Could not read the tabs of a site just allowed', error));
  });

  reachOpenTabs().catch((error: unknown) => console.warn('[Backstory] Could not reach the open tabs', error));
  forgetClosedTabs().catch((error: unknown) => console.warn('[Backstory] Could not forget closed tabs', error));
});
