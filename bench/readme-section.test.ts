import { describe, expect, it } from 'vitest';
import { README_END, README_START, replaceBenchSection } from './readme-section';

describe('replaceBenchSection', () => {
  const readme = `# Title\n\n## Performance\n\nProse.\n\n${README_START}\nold table\n${README_END}\n\n## After\n`;

  it('replaces only what lies between the markers', () => {
    expect(replaceBenchSection(readme, '| new |\n')).toBe(`# Title\n\n## Performance\n\nProse.\n\n${README_START}\n| new |\n${README_END}\n\n## After\n`);
  });

  it('gives the same README when run twice', () => {
    const once = replaceBenchSection(readme, 'table');
    expect(replaceBenchSection(once, 'table')).toBe(once);
  });

  it('refuses a README without the markers, or with them twice', () => {
    expect(() => replaceBenchSection('# Title\n', 'x')).toThrow(/needs/);
    expect(() => replaceBenchSection(`${README_END}\n${README_START}`, 'x')).toThrow(/needs/);
    expect(() => replaceBenchSection(readme + readme, 'x')).toThrow(/more than once/);
  });
});
