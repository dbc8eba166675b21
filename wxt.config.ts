import { defineConfig } from 'wxt';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // Explicit imports keep each layer's dependencies visible (and checkable by the convention tests).
  imports: false,
  manifest: ({ browser }) => ({
    name: 'Backstory',
    description:
      'Background on the people, countries and organisations of a news story, right where you read it. Runs locally.',
    permissions: ['storage', 'scripting', 'tabs'],
    host_permissions: ['<all_urls>'],
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: { id: 'backstory@backstory.invalid', strict_min_version: '128.0' },
      },
    }),
  }),
});
