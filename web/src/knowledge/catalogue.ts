import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import data from './catalogue.json';

const { languages: translations, ...english } = data;

/**
 * What the forms offer and how sources are named, from the knowledge base the server runs
 * (snapshot written by web/scripts/generate-api-types.mjs), in English. Ids and codes are the same
 * in every language: only the names differ (`catalogueIn`).
 */
export type Catalogue = typeof english;

export type IndicationEntry = Catalogue['indications'][number];
export type AreaEntry = Catalogue['areas'][number];
export type IngredientEntry = Catalogue['ingredients'][number];
export type SymptomEntry = Catalogue['symptoms'][number];

/** A translation's names, by id (or code for side effects and symptoms); what it lacks is read in English. */
export interface CatalogueNames {
  indications?: Record<string, string>;
  areas?: Record<string, string>;
  ingredients?: Record<string, string>;
  sideEffects?: Record<string, string>;
  symptoms?: Record<string, string>;
  sources?: Record<string, string>;
}

/** The catalogue in English. */
export const catalogue: Catalogue = english;

const namesByLanguage: Record<string, CatalogueNames | undefined> = translations;

/** The languages the catalogue has names in besides English. */
export const catalogueLanguages: readonly string[] = Object.keys(namesByLanguage);

/** The catalogue with a translation's names where it gives one, the English name elsewhere; ids, order and the rest as they are. */
export function localizeCatalogue(base: Catalogue, names: CatalogueNames | undefined): Catalogue {
  if (!names) return base;
  const named = <T extends { name: string }>(items: T[], own: Record<string, string> | undefined, id: (item: T) => string) =>
    items.map((item) => ({ ...item, name: own?.[id(item)] ?? item.name }));
  return {
    ...base,
    sources: base.sources.map((s) => ({ ...s, title: names.sources?.[s.id] ?? s.title })),
    indications: named(base.indications, names.indications, (i) => i.id),
    areas: named(base.areas, names.areas, (a) => a.id),
    ingredients: named(base.ingredients, names.ingredients, (i) => i.id),
    sideEffects: named(base.sideEffects, names.sideEffects, (e) => e.code),
    symptoms: base.symptoms.map((s) => ({ ...s, patient: names.symptoms?.[s.code] ?? s.patient })),
  };
}

/** The catalogue's language for a code or tag (`tr`, `tr-TR`); none for English or a language it lacks. */
function catalogueLanguage(language: string | undefined): string | undefined {
  if (!language) return undefined;
  const tag = language.toLowerCase();
  return [tag, tag.split('-')[0]].find((l) => l !== undefined && Object.hasOwn(namesByLanguage, l));
}

const byLanguage = new Map<string, Catalogue>();

/** The catalogue in a reader's language, each name in English where the language lacks it; for code outside components. */
export function catalogueIn(language: string | undefined): Catalogue {
  const own = catalogueLanguage(language);
  if (own === undefined) return catalogue;
  let localized = byLanguage.get(own);
  if (!localized) {
    localized = localizeCatalogue(catalogue, namesByLanguage[own]);
    byLanguage.set(own, localized);
  }
  return localized;
}

/** The catalogue in the page's current language; it changes when the reader switches language. */
export function useCatalogue(): Catalogue {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  return useMemo(() => catalogueIn(language), [language]);
}

const collators = new Map<string, Intl.Collator>();

/** Orders names as a reader of the language expects (Turkish puts ç after c, ş after s). */
export function compareNames(language: string | undefined): (a: string, b: string) => number {
  const key = language ?? '';
  let collator = collators.get(key);
  if (!collator) {
    collator = new Intl.Collator(language);
    collators.set(key, collator);
  }
  return collator.compare;
}

/** A source article by file, with its number in sources.yaml (1-based), titled in the language. */
export function sourceArticle(file: string, language?: string) {
  const sources = catalogueIn(language).sources;
  const index = sources.findIndex((s) => s.file === file);
  const source = sources[index];
  return source && { ...source, number: index + 1 };
}

export function indicationById(id: string, language?: string): IndicationEntry | undefined {
  return catalogueIn(language).indications.find((i) => i.id === id);
}

export function areaById(id: string, language?: string): AreaEntry | undefined {
  return catalogueIn(language).areas.find((a) => a.id === id);
}
