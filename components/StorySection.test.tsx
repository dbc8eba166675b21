// @vitest-environment happy-dom
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { useLocaleMessages } from '../tooling/locale-messages';
import { StorySection } from './StorySection';

beforeAll(() => useLocaleMessages());

function render(story: Parameters<typeof StorySection>[0]['story']): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = renderToStaticMarkup(<StorySection story={story} onRetry={() => {}} />);
  return root;
}

describe('the popup’s key points', () => {
  it('loading or out of reach, stay the named section they are, under their heading, with a way to try again', () => {
    for (const [story, says] of [
      [{ status: 'loading' }, 'Loading…'],
      [{ status: 'error', error: 'Could not establish connection.' }, 'could not load the story just now'],
    ] as const) {
      const section = render(story).querySelector('section.story')!;
      const heading = section.querySelector('h2')!;
      expect(section.getAttribute('aria-labelledby')).toBe(heading.id);
      expect(heading.textContent).toBe('Key points');
      expect(section.textContent).toContain(says);
    }
    expect(render({ status: 'error', error: 'x' }).querySelector('section.story button')?.textContent).toBe('Try again');
  });
});
