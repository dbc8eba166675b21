import type { Browser } from 'puppeteer-core';
import { inBrowserWindow, launchFirefoxWithWindowAccess } from '../../tooling/firefox-window';

/**
 * The real toolbar popup of the extension in Firefox, opened as a click on the
 * toolbar button does and read from the browser window (tooling/firefox-window.ts).
 * Its document is readable from there only when extensions run in the
 * browser's own process, so this Firefox is started so (the other Firefox
 * tests keep extensions in their own process).
 */
export function launchFirefoxWithPopupAccess(
  executablePath: string,
  build: string,
  prefs: Record<string, unknown> = {},
): Promise<{ browser: Browser; extensionId: string }> {
  return launchFirefoxWithWindowAccess(executablePath, build, { 'extensions.webextensions.remote': false, ...prefs });
}

/** The badge of `extensionId` on the selected tab, as the toolbar shows it. */
export async function badgeText(browser: Browser, extensionId: string): Promise<string> {
  return String(
    await inBrowserWindow(
      browser,
      `(() => {
        const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
        const extension = ExtensionParent.GlobalManager.getExtension(${JSON.stringify(extensionId)});
        return ExtensionParent.apiManager.global.browserActionFor(extension).action.getContextData(gBrowser.selectedTab).badgeText;
      })()`,
    ),
  );
}

/** Declares `browserActionFor(id)`, the browser's own state of an extension's toolbar button, in the browser window. */
const BROWSER_ACTION_FOR = `const browserActionFor = (id) => {
  const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
  return ExtensionParent.apiManager.global.browserActionFor(ExtensionParent.GlobalManager.getExtension(id));
};`;

/** Where Backstory's toolbar button stands (`nav-bar`: on the toolbar), how wide it is drawn, and the images it shows (JSON, by size). */
export async function toolbarButton(browser: Browser, extensionId: string): Promise<{ area: string | null; width: number; image: string }> {
  return JSON.parse(
    String(
      await inBrowserWindow(
        browser,
        `(() => {
          ${BROWSER_ACTION_FOR}
          const id = ${JSON.stringify(extensionId)}.toLowerCase().replace(/[^a-z0-9_-]/g, '_') + '-browser-action';
          const button = document.getElementById(id);
          return JSON.stringify({
            area: CustomizableUI.getPlacementOfWidget(id)?.area ?? null,
            width: button?.getBoundingClientRect().width ?? 0,
            image: JSON.stringify(browserActionFor(${JSON.stringify(extensionId)}).action.getContextData(gBrowser.selectedTab).icon ?? {}),
          });
        })()`,
      ),
    ),
  ) as { area: string | null; width: number; image: string };
}

/** Opens the toolbar popup of `extensionId` for the selected tab. */
export async function openToolbarPopup(browser: Browser, extensionId: string): Promise<void> {
  await inBrowserWindow(
    browser,
    `(async () => {
      const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
      const extension = ExtensionParent.GlobalManager.getExtension(${JSON.stringify(extensionId)});
      await ExtensionParent.apiManager.global.browserActionFor(extension).openPopup(window);
      return true;
    })()`,
  );
}

/** The open popup's text as the reader sees it; null while it has none. */
export async function toolbarPopupText(browser: Browser): Promise<string | null> {
  const text = await inBrowserWindow(
    browser,
    `(() => {
      const popup = document.querySelector('.webextension-popup-browser');
      return popup?.contentDocument?.body?.innerText || null;
    })()`,
  );
  return typeof text === 'string' ? text : null;
}

/** The popup's "On this page" part, as the reader reads it: between its heading and the settings' heading. */
export async function onThisPageText(browser: Browser): Promise<string> {
  return (await toolbarPopupText(browser))?.split('On this page')[1]?.split('Highlight on pages')[0] ?? '';
}

/** Clicks the popup's switch labelled `label`. */
export async function clickToolbarPopupSwitch(browser: Browser, label: string): Promise<void> {
  const clicked = await inBrowserWindow(
    browser,
    `(() => {
      const document_ = document.querySelector('.webextension-popup-browser')?.contentDocument;
      const button = [...(document_?.querySelectorAll('[role=switch]') ?? [])].find((element) => element.textContent.includes(${JSON.stringify(label)}));
      button?.click();
      return Boolean(button);
    })()`,
  );
  if (!clicked) throw new Error(`No switch "${label}" in the popup`);
}

/** Clicks the popup's button whose text is `label`. */
export async function clickToolbarPopupButton(browser: Browser, label: string): Promise<void> {
  const clicked = await inBrowserWindow(
    browser,
    `(() => {
      const document_ = document.querySelector('.webextension-popup-browser')?.contentDocument;
      const button = [...(document_?.querySelectorAll('button') ?? [])].find((element) => element.textContent.trim() === ${JSON.stringify(label)});
      button?.click();
      return Boolean(button);
    })()`,
  );
  if (!clicked) throw new Error(`No button "${label}" in the popup`);
}

/**
 * Clicks the popup's button whose text is `label` as the reader's click: what an extension may do only from the
 * reader's input (ask for a permission) is allowed, as it is not from click() alone. Firefox's own tests of
 * extensions mark their clicks so (ExtensionCommon.withHandlingUserInput).
 */
export async function pressToolbarPopupButton(browser: Browser, label: string): Promise<void> {
  const pressed = await inBrowserWindow(
    browser,
    `(() => {
      const document_ = document.querySelector('.webextension-popup-browser')?.contentDocument;
      const button = [...(document_?.querySelectorAll('button') ?? [])].find((element) => element.textContent.trim() === ${JSON.stringify(label)});
      if (!button) return false;
      const input = document_.defaultView.windowUtils.setHandlingUserInput(true);
      try {
        button.click();
      } finally {
        input.destruct();
      }
      return true;
    })()`,
  );
  if (!pressed) throw new Error(`No button "${label}" in the popup`);
}

/**
 * Gives Backstory access to `origins`, or takes it back, as the reader does in
 * about:addons (its "Access your data for all websites" switch) or with the
 * extensions panel's "Always allow on this site".
 */
export async function setSiteAccess(browser: Browser, extensionId: string, origins: string[], allowed: boolean): Promise<void> {
  await inBrowserWindow(
    browser,
    `(async () => {
      const { ExtensionPermissions } = ChromeUtils.importESModule('resource://gre/modules/ExtensionPermissions.sys.mjs');
      const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
      const id = ${JSON.stringify(extensionId)};
      const change = { permissions: [], origins: ${JSON.stringify(origins)} };
      await ExtensionPermissions.${allowed ? 'add' : 'remove'}(id, change, ExtensionParent.GlobalManager.getExtension(id));
      return true;
    })()`,
  );
}

/** Closes the open popup, as a click elsewhere does. */
export async function closeToolbarPopup(browser: Browser): Promise<void> {
  await inBrowserWindow(browser, `(() => { document.querySelector('.webextension-popup-browser')?.closest('panel')?.hidePopup(); return true; })()`);
}

/** Whether this Firefox never remembers history (permanent private browsing), and whether its window is private. */
export async function privateBrowsingState(browser: Browser): Promise<{ permanent: boolean; privateWindow: boolean }> {
  return JSON.parse(
    String(
      await inBrowserWindow(
        browser,
        `(() => {
          const { PrivateBrowsingUtils } = ChromeUtils.importESModule('resource://gre/modules/PrivateBrowsingUtils.sys.mjs');
          return JSON.stringify({ permanent: PrivateBrowsingUtils.permanentPrivateBrowsing, privateWindow: PrivateBrowsingUtils.isWindowPrivate(window) });
        })()`,
      ),
    ),
  ) as { permanent: boolean; privateWindow: boolean };
}

/**
 * Ticks "Run in private windows" for Backstory, as the reader does in about:addons (or at install, where Firefox
 * that never remembers history ticks it already): the permission given, the add-on reloaded, as about:addons does.
 */
export async function allowInPrivateWindows(browser: Browser, extensionId: string): Promise<void> {
  const allowed = await inBrowserWindow(
    browser,
    `(async () => {
      const { ExtensionPermissions } = ChromeUtils.importESModule('resource://gre/modules/ExtensionPermissions.sys.mjs');
      const { AddonManager } = ChromeUtils.importESModule('resource://gre/modules/AddonManager.sys.mjs');
      const id = ${JSON.stringify(extensionId)};
      await ExtensionPermissions.add(id, { permissions: ['internal:privateBrowsingAllowed'], origins: [] }, WebExtensionPolicy.getByID(id)?.extension);
      await (await AddonManager.getAddonByID(id)).reload();
      return WebExtensionPolicy.getByID(id)?.privateBrowsingAllowed ?? false;
    })()`,
  );
  if (allowed !== true) throw new Error('Backstory was not allowed in private windows');
}

/** Turns on "Access local files on your computer" on Backstory's Permissions tab in about:addons. */
export async function allowFileAccess(browser: Browser, extensionId: string): Promise<void> {
  await inBrowserWindow(
    browser,
    `(async () => {
      const { ExtensionPermissions } = ChromeUtils.importESModule('resource://gre/modules/ExtensionPermissions.sys.mjs');
      const id = ${JSON.stringify(extensionId)};
      await ExtensionPermissions.add(id, { permissions: ['internal:fileSchemeAllowed'], origins: [] }, WebExtensionPolicy.getByID(id)?.extension);
      return true;
    })()`,
  );
}

/** Presses Backstory's keyboard shortcut in the browser window (key events sent to a page do not reach the browser's own shortcuts). */
export async function pressBackstoryShortcut(browser: Browser, extensionId: string): Promise<void> {
  const pressed = await inBrowserWindow(
    browser,
    `(() => {
      const keyset = document.getElementById('ext-keyset-id-' + ${JSON.stringify(extensionId)}.replace(/[^a-z0-9_-]/gi, '_'));
      const key = keyset?.querySelector('key');
      key?.dispatchEvent(new CustomEvent('command', { bubbles: true }));
      return Boolean(key);
    })()`,
  );
  if (!pressed) throw new Error('No keyboard shortcut of Backstory in the browser window');
}

/** Switches Backstory off or on, as the reader does in about:addons. */
export async function setAddonEnabled(browser: Browser, extensionId: string, enabled: boolean): Promise<void> {
  await inBrowserWindow(
    browser,
    `(async () => {
      const { AddonManager } = ChromeUtils.importESModule('resource://gre/modules/AddonManager.sys.mjs');
      const addon = await AddonManager.getAddonByID(${JSON.stringify(extensionId)});
      await (${enabled} ? addon.enable() : addon.disable());
      return true;
    })()`,
  );
}

/** Puts the keyboard focus in the browser window's address bar, as the reader does with a click there or Ctrl+L. */
export async function focusAddressBar(browser: Browser): Promise<void> {
  const focused = await inBrowserWindow(browser, `(() => { gURLBar.focus(); return gURLBar.focused; })()`);
  if (!focused) throw new Error('The address bar did not take the focus');
}

