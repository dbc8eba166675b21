import { defineConfig } from 'wxt';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/i18n/module'],
  // Explicit imports keep each layer's dependencies visible (and checkable by the convention tests).
  imports: false,
  // Manifest V3 for Firefox too: one extension model, one set of behaviours to test.
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    // Every string a reader sees comes from locales/: the manifest's too.
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'scripting', 'tabs'],
    host_permissions: ['<all_urls>'],
    commands: {
      'next-mention': {
        suggested_key: { default: 'Alt+Shift+B' },
        description: '__MSG_commandNextMention__',
      },
    },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'backstory@backstory.invalid',
          strict_min_version: '140.0',
          // Nothing leaves the browser: Firefox shows this to the reader at install.
          data_collection_permissions: { required: ['none'] },
        },
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
});
