export const README_START = '<!-- bench:start -->';
export const README_END = '<!-- bench:end -->';

/**
 * `readme` with everything between the bench markers replaced by `content`;
 * the prose around them is written by hand and left alone.
 */
export function replaceBenchSection(readme: string, content: string): string {
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < 0 || end < start) {
    throw new Error(`README.md needs ${README_START} and then ${README_END} where the benchmark results go`);
  }
  if (readme.indexOf(README_START, start + 1) >= 0 || readme.indexOf(README_END, end + 1) >= 0) {
    throw new Error('README.md holds the bench markers more than once');
  }
  return `${readme.slice(0, start + README_START.length)}\n${content.trim()}\n${readme.slice(end)}`;
}
