import { describe, expect, it } from 'vitest';
import { jsonDefine } from './json-define';

/** What the bundle's code evaluates to where the constant stood. */
const evaluate = (expression: string): unknown => new Function(`return ${expression};`)();

describe('jsonDefine', () => {
  it('is a call of JSON.parse on one string literal, never an object literal', () => {
    expect(jsonDefine({ names: { Kim: ['Kim Jong Un'] } })).toMatch(/^JSON\.parse\("[^]*"\)$/);
  });

  it('gives back the same value, whatever characters its strings hold', () => {
    const value = {
      anchors: 'N(?:\\.|orth)|S(?:\\.|outh)',
      names: { '金': ['金正恩'], "S. Korea's": ['`${x}`', 'line\u2028separator', '"quoted"', 'back\\slash', '</script>'] },
      forms: { 65: ['-Air China'] },
      nested: [[1, 2], [], null, true, -0.5],
    };
    expect(evaluate(jsonDefine(value))).toEqual(value);
  });
});
