import { describe, expect, it } from 'vitest';
import { variantOrder, variantsFor } from './bench-page';

describe('variantsFor', () => {
  it('runs mark.js with every form Backstory searches on the generated page only', () => {
    expect(variantsFor('synthetic')).toEqual(['floor', 'structure', 'backstory', 'markjs', 'wrap', 'markjs-forms']);
    expect(variantsFor('demo')).toEqual(['floor', 'structure', 'backstory', 'markjs', 'wrap']);
  });

  it('starts each round one variant later among those run', () => {
    expect(variantOrder(1, variantsFor('demo'))).toEqual(['structure', 'backstory', 'markjs', 'wrap', 'floor']);
    expect(variantOrder(5, variantsFor('demo'))).toEqual(variantsFor('demo'));
  });
});
