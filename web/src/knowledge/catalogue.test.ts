import { describe, expect, it } from 'vitest';
import { catalogue, catalogueIn, compareNames, localizeCatalogue, sourceArticle } from './catalogue';
import data from './catalogue.json';

const ids = (c: typeof catalogue) => ({
  indications: c.indications.map((i) => [i.id, i.areas]),
  areas: c.areas.map((a) => [a.id, a.region]),
  ingredients: c.ingredients.map((i) => i.id),
  sideEffects: c.sideEffects.map((e) => [e.code, e.kind]),
  symptoms: c.symptoms.map((s) => [s.code, s.sideEffect, s.kind]),
  sources: c.sources.map((s) => [s.id, s.file, s.lines]),
});

describe('the catalogue in the reader’s language', () => {
  const tr = catalogueIn('tr');
  const turkish = data.languages.tr;

  it('names each entry in Turkish for a Turkish reader, as the Turkish knowledge base does', () => {
    expect(tr.indications.find((i) => i.id === 'hair_loss')?.name).toBe(turkish.indications.hair_loss);
    expect(tr.areas.find((a) => a.id === 'submental')?.name).toBe(turkish.areas.submental);
    expect(tr.ingredients.find((i) => i.id === 'zinc')?.name).toBe(turkish.ingredients.zinc);
    expect(tr.sideEffects.find((e) => e.code === 'allergic_reaction')?.name).toBe(turkish.sideEffects.allergic_reaction);
    expect(tr.symptoms.find((s) => s.code === 'breathing_difficulty')?.patient).toBe(
      turkish.symptoms.breathing_difficulty,
    );
    // Every Turkish name the snapshot holds is shown, and none of them is the English one.
    for (const [id, name] of Object.entries(turkish.ingredients)) {
      expect(tr.ingredients.find((i) => i.id === id)?.name, id).toBe(name);
      expect(catalogue.ingredients.find((i) => i.id === id)?.name, id).not.toBe(name);
    }
    // Also for a tag with a region, and whatever its case.
    expect(catalogueIn('tr-TR')).toBe(tr);
    expect(catalogueIn('TR')).toBe(tr);
  });

  it('keeps every id, code, region, kind and the order: only names differ', () => {
    expect(ids(tr)).toEqual(ids(catalogue));
    expect(tr.version).toBe(catalogue.version);
    expect(sourceArticle(catalogue.sources[2]!.file, 'tr')?.number).toBe(3);
  });

  it('falls back to the English name where a language lacks one, and to English for a language it lacks', () => {
    const partial = localizeCatalogue(catalogue, {
      indications: { hair_loss: 'Haarausfall' },
      symptoms: { itching: 'Juckreiz' },
    });
    expect(partial.indications.find((i) => i.id === 'hair_loss')?.name).toBe('Haarausfall');
    expect(partial.indications.find((i) => i.id === 'cellulite')?.name).toBe(
      catalogue.indications.find((i) => i.id === 'cellulite')?.name,
    );
    expect(partial.symptoms.find((s) => s.code === 'itching')?.patient).toBe('Juckreiz');
    expect(partial.areas).toEqual(catalogue.areas);
    expect(partial.sources).toEqual(catalogue.sources);
    expect(ids(partial)).toEqual(ids(catalogue));

    // An ingredient whose Turkish name is the English one is in English.
    const same = catalogue.ingredients.filter((i) => !(i.id in turkish.ingredients));
    for (const ingredient of same) expect(tr.ingredients.find((i) => i.id === ingredient.id)).toEqual(ingredient);

    expect(catalogueIn('de')).toBe(catalogue);
    expect(catalogueIn('constructor')).toBe(catalogue);
    expect(catalogueIn('en')).toBe(catalogue);
    expect(catalogueIn(undefined)).toBe(catalogue);
  });

  it('sorts names as a reader of the language does', () => {
    const names = ['Çinko', 'Dekolte', 'Cilt', 'Şişlik', 'Sarkma'];
    expect([...names].sort(compareNames('tr'))).toEqual(['Cilt', 'Çinko', 'Dekolte', 'Sarkma', 'Şişlik']);
    expect([...names].sort()).not.toEqual([...names].sort(compareNames('tr')));
  });
});
