import data from './catalogue.json';

/**
 * What the forms offer and how sources are named, from the knowledge base the server runs
 * (snapshot written by web/scripts/generate-api-types.mjs).
 */
export const catalogue = data;

export type IndicationEntry = (typeof data.indications)[number];
export type AreaEntry = (typeof data.areas)[number];

const sourcesByFile = new Map(data.sources.map((s, index) => [s.file, { ...s, number: index + 1 }]));

export function sourceArticle(file: string) {
  return sourcesByFile.get(file);
}

export function indicationById(id: string): IndicationEntry | undefined {
  return data.indications.find((i) => i.id === id);
}

export function areaById(id: string): AreaEntry | undefined {
  return data.areas.find((a) => a.id === id);
}
