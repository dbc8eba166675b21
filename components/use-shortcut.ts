import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { NEXT_MENTION_COMMAND } from '../core/commands';

/**
 * The keys that move to the page's next name, as the browser has them now: the reader may have changed them, or
 * removed them ('' then, as when another extension held them first). Undefined until known.
 */
export function useShortcut(): string | undefined {
  const [keys, setKeys] = useState<string>();
  useEffect(() => {
    // Firefox for Android has no keyboard shortcuts, nor the API: no shortcut to tell there.
    if (!browser.commands?.getAll) {
      setKeys('');
      return;
    }
    let live = true;
    browser.commands.getAll().then(
      (commands) => live && setKeys(commands.find((command) => command.name === NEXT_MENTION_COMMAND)?.shortcut ?? ''),
      () => live && setKeys(''),
    );
    return () => {
      live = false;
    };
  }, []);
  return keys;
}
