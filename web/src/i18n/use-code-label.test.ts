import { describe, expect, it } from 'vitest';
import { catalogue, catalogueIn } from '../knowledge/catalogue';
import { catalogueName } from './use-code-label';

describe('a code the messages do not know', () => {
  it('is named as the knowledge base names it, in the reader’s language', () => {
    const tr = catalogueIn('tr');
    expect(catalogueName(tr, 'indication', 'under_eye')).toBe(tr.indications.find((i) => i.id === 'under_eye')?.name);
    expect(catalogueName(tr, 'indication', 'under_eye')).not.toBe(catalogueName(catalogue, 'indication', 'under_eye'));
    expect(catalogueName(tr, 'area', 'submental')).toBe(tr.areas.find((a) => a.id === 'submental')?.name);
    expect(catalogueName(tr, 'sideEffect', 'scarring')).toBe(tr.sideEffects.find((e) => e.code === 'scarring')?.name);
  });

  it('has no such name in a group the knowledge base does not name, or for a code it lacks', () => {
    expect(catalogueName(catalogue, 'verdict', 'eligible')).toBeUndefined();
    expect(catalogueName(catalogue, 'indication', 'no_such_indication')).toBeUndefined();
  });
});
