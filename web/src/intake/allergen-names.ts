import {
  catalogue,
  catalogueIn,
  catalogueLanguages,
  compareNames,
  type Catalogue,
  type IngredientEntry,
} from '../knowledge/catalogue';
import { foldSubstance as fold, meantAllergen, shownAllergen, UNKNOWN_ALLERGEN } from './unknown-allergen';

/** Every catalogue ingredient by its id and by its name in each language, folded; the first reading of a word wins. */
function ingredientIndex(catalogues: readonly Catalogue[]): Map<string, IngredientEntry> {
  const index = new Map<string, IngredientEntry>();
  const english = new Map(catalogue.ingredients.map((i) => [i.id, i]));
  for (const { ingredients } of catalogues)
    for (const ingredient of ingredients) {
      const entry = english.get(ingredient.id) ?? ingredient;
      for (const word of [ingredient.id, ingredient.name]) if (!index.has(fold(word))) index.set(fold(word), entry);
    }
  return index;
}

const ingredients = ingredientIndex([catalogue, ...catalogueLanguages.map(catalogueIn)]);

/** The catalogue ingredient a substance names by its id or its name in any language (in English), if any. */
export function ingredientNamed(substance: string): IngredientEntry | undefined {
  return ingredients.get(fold(substance));
}

/** What the allergy field shows in a reader's language: their word for "unknown" and their catalogue. */
export interface AllergenReader {
  unknown: string;
  catalogue: Catalogue;
  language: string | undefined;
}

/** The substances the field suggests: "unknown" first, then the ingredients in the reader's alphabetical order. */
export function allergenSuggestions(reader: AllergenReader): string[] {
  const names = reader.catalogue.ingredients.map((i) => i.name).sort(compareNames(reader.language));
  return [...new Set([reader.unknown, ...names])];
}

/** A drafted substance as the field shows it: "unknown" and a catalogue ingredient in the reader's words, anything else as written. */
export function shownSubstance(substance: string, reader: AllergenReader): string {
  if (substance === UNKNOWN_ALLERGEN) return shownAllergen(substance, reader.unknown);
  const ingredient = ingredientNamed(substance);
  return (ingredient && reader.catalogue.ingredients.find((i) => i.id === ingredient.id)?.name) ?? substance;
}

/**
 * The draft's substances after the reader changed the field's tags. A tag the field showed keeps the
 * substance it showed, as it was stored. A new one is "unknown" as the contract's code, a catalogue
 * ingredient named in any language as its English name - the name every check of the server reads,
 * whatever the language it reads the intake in - and anything else as written.
 */
export function meantSubstances(tags: readonly string[], before: readonly string[], reader: AllergenReader): string[] {
  const shown = new Map(before.map((substance) => [shownSubstance(substance, reader), substance]));
  const meant = tags.map((tag) => {
    const kept = shown.get(tag);
    if (kept !== undefined) return kept;
    const substance = meantAllergen(tag, reader.unknown);
    return substance === UNKNOWN_ALLERGEN ? substance : (ingredientNamed(substance)?.name ?? substance);
  });
  return [...new Set(meant)];
}
