import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { COMPILE_ALL_FUNCTIONS } from '../../wxt.config';
import { injectedScriptSize } from '../../bench/injected-script';
import { buildScreen } from '../../core/matcher/screen';
import { EntitiesFileSchema } from '../../core/story/schema';

// A size, not a timing: exact on every machine, so it is a test and not only a benchmark figure.
test('the script the manifest injects into every page is at most 15 KiB gzipped', () => {
  const size = injectedScriptSize();
  expect(size, 'the Chrome build exists').not.toBeNull();
  expect(size!.files).toEqual(['story.js']);
  expect(size!.gzipBytes).toBeLessThanOrEqual(15 * 1024);
});

test('the script on every page asks V8 to compile all its functions at once, and no other script does', () => {
  const built = (file: string) => readFileSync(`.output/chrome-mv3/${file}`, 'utf8');
  expect(built('story.js').startsWith(`${COMPILE_ALL_FUNCTIONS}\n`)).toBe(true);
  for (const file of ['background.js', 'content-scripts/annotator.js', 'content-scripts/card.js']) expect(built(file), file).not.toContain(COMPILE_ALL_FUNCTIONS);
});

test("the script on every page carries the story's screen as one string of JSON, which is only scanned when the script compiles", () => {
  const story = readFileSync('.output/chrome-mv3/story.js', 'utf8');
  // The minifier may write the string literal with any quotes.
  const literal = /JSON\.parse\((`(?:[^`\\]|\\.)*`|"(?:[^"\\]|\\.)*")\)/.exec(story)?.[1];
  expect(literal, 'JSON.parse of a string literal in story.js').toBeDefined();
  const entities = EntitiesFileSchema.parse(JSON.parse(readFileSync('data/summit/entities.json', 'utf8')));
  expect(JSON.parse(new Function(`return ${literal};`)() as string)).toEqual(buildScreen(entities));
});

test('the script on every page only marks its frame in the task that runs it, and watches the page from the next', async ({ page }) => {
  // A page the browser gives no content script (setContent): the built script is run here by hand, in the page's world,
  // where its calls into the DOM can be counted. In a new tab the task that runs it has also compiled it.
  await page.setContent('<p>A page without the story.</p>');
  const counted = await page.evaluate(async (source) => {
    let observed = 0;
    const observe = MutationObserver.prototype.observe;
    MutationObserver.prototype.observe = function (this: MutationObserver, ...args: Parameters<MutationObserver['observe']>) {
      observed++;
      observe.apply(this, args);
    };
    new Function(source)();
    const marked = Symbol.for('backstory.story') in globalThis;
    const inItsTask = observed;
    await new Promise((resolve) => setTimeout(resolve, 100));
    return { marked, inItsTask, later: observed };
  }, readFileSync('.output/chrome-mv3/story.js', 'utf8'));
  expect(counted).toEqual({ marked: true, inItsTask: 0, later: 1 });
});
