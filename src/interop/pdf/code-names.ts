import type { KnowledgeBase } from '../../core/knowledge/knowledge-base.js';

/**
 * The words a document prints for the codes in the records ("skin_rejuvenation", "NSAID_WITHIN_7_DAYS"):
 * a patient reads "Skin rejuvenation", never a code. Each kind maps a code to its name in the
 * document's language; a code without a name is still spelled out in words (see `codeInWords`).
 */
export interface CodeNames {
  indication: Readonly<Record<string, string>>;
  area: Readonly<Record<string, string>>;
  courseStatus: Readonly<Record<string, string>>;
  /** Contraindication and precaution codes, as an override names its reasons. */
  reason: Readonly<Record<string, string>>;
  verdict: Readonly<Record<string, string>>;
  severity: Readonly<Record<string, string>>;
  triageLevel: Readonly<Record<string, string>>;
  /** The symptoms a side-effect report ticks. */
  symptom: Readonly<Record<string, string>>;
  /** The procedure a consent text is for. */
  procedure: Readonly<Record<string, string>>;
}

export type CodeKind = keyof CodeNames;

/** Names for the codes the knowledge base does not name itself; the rest come from `knowledgeCodeNames`. */
export const englishCodeNames: CodeNames = {
  indication: {},
  area: {},
  courseStatus: { active: 'Active', completed: 'Completed', cancelled: 'Cancelled' },
  reason: {},
  verdict: {
    contraindicated: 'contraindicated',
    defer: 'treatment deferred',
    eligible_with_precautions: 'eligible, with precautions',
    eligible: 'eligible',
  },
  severity: { mild: 'mild', moderate: 'moderate', severe: 'severe' },
  triageLevel: { expected: 'expected', review: 'review', urgent: 'urgent' },
  symptom: {
    redness: 'redness where the needles went in',
    bruising: 'bruises',
    swelling: 'swelling or puffiness',
    pain: 'pain, soreness or tenderness',
    itching: 'itching',
    burning: 'stinging, burning or sensitive skin',
    fever: 'a fever, or feeling hot and unwell',
    chills: 'chills or shivering',
    spreading_redness: 'redness that spreads or keeps getting bigger',
    growing_or_returning: 'swelling or redness that grows, gets worse or comes back',
    red_streaks: 'red lines or streaks running from the area',
    hot_area: 'the area feels hot or throbs',
    lump_nodule: 'a lump, bump, knot or hard spot under the skin',
    pustule: 'pimples or spots with pus',
    abscess: 'a boil or a painful pocket of pus',
    discharge: 'pus or fluid coming out',
    ulcer: 'an open sore that does not heal',
    nausea_vomiting: 'feeling sick or vomiting',
    diarrhoea: 'diarrhoea',
    dizziness: 'dizziness or feeling faint',
    hives: 'hives or itchy welts away from the injection points',
    face_swelling: 'swollen lips, tongue, eyelids or throat',
    breathing_difficulty: 'trouble breathing or swallowing',
    rash: 'a rash',
    dark_patches: 'dark or brown patches on the skin',
    scarring: 'a scar or a dent in the skin',
  },
  procedure: { mesotherapy: 'Mesotherapy' },
};

/** The knowledge base's own display names: indications, areas, and the titles of its contraindications and precautions. */
export function knowledgeCodeNames(kb: KnowledgeBase): Pick<CodeNames, 'indication' | 'area' | 'reason'> {
  const reasons = [...kb.data.contraindications.contraindications, ...kb.data.precautions.precautions];
  return {
    indication: Object.fromEntries([...kb.indications.values()].map((i) => [i.id, i.name])),
    area: Object.fromEntries([...kb.areas.values()].map((a) => [a.id, a.name])),
    reason: Object.fromEntries(reasons.map((r) => [r.code, r.title])),
  };
}

/** Later sets win, kind by kind and code by code: a language's words over the knowledge base's English ones. */
export function mergeCodeNames(...sets: readonly Partial<CodeNames>[]): CodeNames {
  const kinds = Object.keys(englishCodeNames) as CodeKind[];
  return Object.fromEntries(
    kinds.map((kind) => [kind, Object.assign({}, ...sets.map((set) => set[kind] ?? {})) as Record<string, string>]),
  ) as unknown as CodeNames;
}

/**
 * A code no list names, in words: "under_eye" reads "Under eye", "NSAID_WITHIN_7_DAYS" reads
 * "Nsaid within 7 days". Better than the code, though a name from the knowledge base is better still.
 */
export function codeInWords(code: string): string {
  const text = code
    .split(/[_\s]+/)
    .filter(Boolean)
    .join(' ');
  const cased = text === text.toUpperCase() ? text.toLowerCase() : text;
  return cased.charAt(0).toUpperCase() + cased.slice(1);
}

/** A code's name in `names`, or the code in words. */
export function nameCode(names: Partial<CodeNames> | undefined, kind: CodeKind, code: string): string {
  return names?.[kind]?.[code] ?? codeInWords(code);
}
