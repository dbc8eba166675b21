import { resolve } from 'node:path';
import { generateChromeMessages, parseMessagesFile, type ChromeMessage } from '@wxt-dev/i18n/build';
import { fakeBrowser } from 'wxt/testing';

/**
 * Gives unit tests the extension's own messages: `browser.i18n.getMessage`
 * answers from locales/ as the browser does from the built `_locales`,
 * placeholders and `$1`-style substitutions included. The test browser has no
 * i18n of its own, and UI text is what a card test asserts.
 */
export async function useLocaleMessages(file = 'locales/en.yml'): Promise<void> {
  const messages = generateChromeMessages(await parseMessagesFile(resolve(file)));
  fakeBrowser.i18n.getMessage = (name: string, substitutions?: unknown) => {
    const message: ChromeMessage | undefined = messages[name];
    if (!message) return '';
    const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions.map(String) : [String(substitutions)];
    const fill = (text: string) => text.replace(/\$(\d)/g, (_, digit: string) => subs[Number(digit) - 1] ?? '');
    const placeholders = Object.fromEntries(Object.entries(message.placeholders ?? {}).map(([key, value]) => [key.toLowerCase(), value.content]));
    return message.message
      .split('$$')
      .map((part) => fill(part.replace(/\$(\w+)\$/g, (_, key: string) => placeholders[key.toLowerCase()] ?? '')))
      .join('$');
  };
}
