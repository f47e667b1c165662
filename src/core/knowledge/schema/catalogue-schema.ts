import { z } from 'zod';
import { id, sourced, sourcedRange, text } from './common.js';

export const areaSchema = z.strictObject({
  id,
  name: text,
  region: z.enum(['face', 'scalp', 'body']),
  /** Large areas take longer sessions. */
  size: z.enum(['small', 'large']),
  /** Injection depth for any indication on this area, where the area needs its own (it replaces the protocol's). */
  depthMm: sourcedRange.optional(),
  ...sourced,
});

export const indicationSchema = z.strictObject({
  id,
  name: text,
  summary: text,
  areas: z.array(id).min(1),
  protocol: id,
  mixture: id,
  ...sourced,
});

export const ingredientSchema = z.strictObject({
  id,
  name: text,
  group: z.enum([
    'vitamin',
    'mineral',
    'amino_acid',
    'hyaluronic_acid',
    'enzyme',
    'plant_extract',
    'antioxidant',
    'lipid',
    'structural_protein',
    'organic_acid',
    'hair_medicine',
    'prescription_medicine',
    'hormone',
    'anaesthetic',
    'peeling_agent',
  ]),
  aliases: z.array(text).default([]),
  note: text.optional(),
  ...sourced,
});

export const mixtureSchema = z.strictObject({
  id,
  name: text,
  note: text,
  ingredients: z
    .array(
      z.strictObject({
        ingredient: id,
        /** An essential ingredient cannot be left out: an allergy to it rules the mixture out. */
        essential: z.boolean(),
      }),
    )
    .min(1),
  ...sourced,
});

export const cataloguesSchema = {
  areas: z.strictObject({ areas: z.array(areaSchema).min(1) }),
  indications: z.strictObject({ indications: z.array(indicationSchema).min(1) }),
  ingredients: z.strictObject({ ingredients: z.array(ingredientSchema).min(1) }),
  mixtures: z.strictObject({ mixtures: z.array(mixtureSchema).min(1) }),
};

export type Area = z.output<typeof areaSchema>;
export type Indication = z.output<typeof indicationSchema>;
export type Ingredient = z.output<typeof ingredientSchema>;
export type Mixture = z.output<typeof mixtureSchema>;
