import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'wxt';
import { buildScreen } from './core/matcher/screen';
import { ANNOTATOR_SCRIPT } from './extension/annotator-keys';
import { CARD_SCRIPT } from './extension/card-keys';
// The script on every page (entrypoints/story): an unlisted script that the manifest injects.
import { HIGHLIGHT_STYLES, STORY_SCRIPT } from './extension/story-keys';
import { packSourceHash } from './core/story/pack-hash';
import { EntitiesFileSchema } from './core/story/schema';
import { HIGHLIGHT_CSS } from './page/highlight-styles';
import { builtMatcher } from './tooling/built-matcher';
import { jsonDefine } from './tooling/json-define';
import { readPackSource } from './tooling/pack-files';
import { NOTICES_FILE, thirdPartyNotices } from './tooling/third-party-notices';


/**
 * V8's explicit compile hint: compile every function of the file when the file
 * is compiled. The script on every page calls nearly all of its functions once
 * per frame; compiled lazily, each is parsed twice (a pre-parse, then again on
 * its first call). Measured: 10–15% less CPU on pages without the story. Only
 * for that script: the card's bundle (React) holds many functions it never calls.
 */
export const COMPILE_ALL_FUNCTIONS = '//# allFunctionsCalledOnLoad';

/** The screen of the story the background seeds (background/bundled-pack.ts), for the script on every page. */
function bundledScreen() {
  const entities = EntitiesFileSchema.parse(readPackSource().files.entities);
  return buildScreen(entities);
}

/** The scripts the background or the screen brings into a frame (entrypoints/annotator, card, overlay). */
const BROUGHT_SCRIPTS = ['annotator', 'card', 'overlay'];

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/i18n/module'],
  // Explicit imports keep each layer's dependencies visible (and checkable by the convention tests).
  imports: false,
  // Manifest V3 for Firefox too: one extension model, one set of behaviours to test.
  manifestVersion: 3,
  // The sources that addons.mozilla.org's reviewers rebuild from: WXT leaves out dot files and tests, not what
  // .gitignore lists, and a local test run leaves a browser profile in test-results.
  zip: { excludeSources: ['test-results/**', 'playwright-report/**', 'bench/results/**', 'dist/**', '**/*.log'] },
  vite: () => ({
    define: {
      __BACKSTORY_SCREEN__: jsonDefine(bundledScreen()),
      __BACKSTORY_BUILT_MATCHER__: jsonDefine(builtMatcher()),
      __BACKSTORY_PACK_HASH__: JSON.stringify(packSourceHash(readPackSource())),
    },
    plugins: [
      {
        name: 'backstory:compile-story-script-eagerly',
        // After minification, which would drop the comment.
        generateBundle(_options, bundle) {
          const story = bundle[STORY_SCRIPT];
          if (story?.type === 'chunk') story.code = `${COMPILE_ALL_FUNCTIONS}\n${story.code}`;
        },
      },
    ],
  }),
  hooks: {
    // The annotator, the card and the overlay are unlisted scripts (for our own context, not WXT's:
    // extension/script-context.ts), kept where they stood as WXT's content scripts: the background injects them,
    // the pages import them (web_accessible_resources below), by those addresses.
    'entrypoints:resolved': (wxt, entrypoints) => {
      for (const entrypoint of entrypoints) {
        if (BROUGHT_SCRIPTS.includes(entrypoint.name)) entrypoint.outputDir = join(wxt.config.outDir, 'content-scripts');
      }
    },
    // The licenses of what the build bundles (React, Dexie, Zod, Floating UI; fake-indexeddb in Firefox's), which
    // their terms ask to go with every copy, read from the modules each build put into its chunks.
    'build:done': (wxt, output) => {
      const moduleIds = output.steps.flatMap((step) => step.chunks.flatMap((chunk) => (chunk.type === 'chunk' ? chunk.moduleIds : [])));
      writeFileSync(join(wxt.config.outDir, NOTICES_FILE), thirdPartyNotices(moduleIds));
      output.publicAssets.push({ type: 'asset', fileName: NOTICES_FILE });
    },
    // Our ::highlight rules, injected by the browser with the script on every page, before
    // the page has any elements: a style sheet added to a finished page restyles all of it.
    'build:publicAssets': (_wxt, files) => {
      files.push({ relativeDest: HIGHLIGHT_STYLES, contents: HIGHLIGHT_CSS });
    },
    'build:manifestGenerated': (_wxt, manifest) => {
      manifest.content_scripts = [
        ...(manifest.content_scripts ?? []),
        {
          matches: ['<all_urls>'],
          js: [STORY_SCRIPT],
          css: [HIGHLIGHT_STYLES],
          // Once the HTML is parsed; the styles come before the page has any elements either way.
          run_at: 'document_end',
          // Each frame paints and hit-tests its own document; about:blank and srcdoc frames included.
          all_frames: true,
          match_about_blank: true,
        },
      ];
    },
  },
  manifest: ({ browser }) => ({
    // Every string a reader sees comes from locales/: the manifest's too.
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'scripting', 'tabs'],
    // The toolbar button: a line of text with one word highlighted (public/icon/, drawn by scripts/icons.ts).
    // In Firefox it stands on the toolbar, where its badge is seen, not in the Extensions menu the reader must open.
    action: {
      default_icon: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png' },
      ...(browser === 'firefox' && { default_area: 'navbar' }),
    },
    host_permissions: ['<all_urls>'],
    // Imported as modules: in Chrome the annotator and the card script (extension/inject-once.ts tells why), only
    // through an address made anew each session, so a page cannot probe for Backstory with it (the highlight styles
    // still tell it: docs/architecture.md); in Firefox the annotator, by a top frame's script on every page
    // (extension/request-annotator.ts), through an address whose id Firefox draws at random for each install (it has
    // no dynamic addresses), and the background injects the rest as files.
    web_accessible_resources:
      browser === 'firefox'
        ? [{ resources: [ANNOTATOR_SCRIPT.slice(1)], matches: ['<all_urls>'] }]
        : [{ resources: [ANNOTATOR_SCRIPT, CARD_SCRIPT].map((path) => path.slice(1)), matches: ['<all_urls>'], use_dynamic_url: true }],
    commands: {
      'next-mention': {
        suggested_key: { default: 'Alt+Shift+B' },
        description: '__MSG_commandNextMention__',
      },
    },
    // The mentions' tint follows the page's colour scheme with light-dark(): an older Chrome drops the rule, and
    // the names would go unmarked until hovered.
    ...(browser !== 'firefox' && { minimum_chrome_version: '123' }),
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'backstory@backstory.invalid',
          strict_min_version: '140.0',
          // Nothing leaves the browser: Firefox shows this to the reader at install.
          data_collection_permissions: { required: ['none'] },
        },
        // Without it the desktop's minimum would stand for Firefox for Android too, which takes
        // data_collection_permissions from 142 on.
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
});
