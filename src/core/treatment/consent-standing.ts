import type { ConsentSignatureRecord, ConsentTextRecord } from '../records/index.js';

/**
 * Where a patient stands with a procedure's consent: `signed` a version that is current (in any
 * language), `resign_needed` when every version they signed has since been replaced, `unsigned`
 * when they never signed one.
 */
export type ConsentStatus = 'signed' | 'resign_needed' | 'unsigned';

export interface ConsentTextRef {
  consentTextId: string;
  version: number;
  language: string;
}

export interface ConsentStanding {
  procedure: string;
  status: ConsentStatus;
  /** The newest version the patient signed, if any, and when. */
  signed: (ConsentTextRef & { signedAt: string }) | null;
  /**
   * The version to sign (or signed): the current one in the patient's language, else in the
   * language of their latest signature, else the newest current version of any language.
   */
  current: ConsentTextRef;
}

const ref = (text: ConsentTextRecord): ConsentTextRef => ({
  consentTextId: text.id,
  version: text.version,
  language: text.language,
});

const newest = (texts: readonly ConsentTextRecord[]) =>
  texts.reduce<ConsentTextRecord | undefined>((best, t) => (!best || t.version > best.version ? t : best), undefined);

/**
 * The patient's standing with `procedure`, from the clinic's consent texts and the patient's
 * signatures; null when no version of the procedure is current (nothing to sign). `language` is the
 * patient's: the version to sign is offered in it where the clinic has one.
 */
export function consentStanding(
  procedure: string,
  texts: readonly ConsentTextRecord[],
  signatures: readonly ConsentSignatureRecord[],
  language?: string,
): ConsentStanding | null {
  const ofProcedure = new Map(texts.filter((t) => t.procedure === procedure).map((t) => [t.id, t]));
  const currents = [...ofProcedure.values()].filter((t) => t.active);
  const newestCurrent = newest(currents);
  if (!newestCurrent) return null;
  const signed = signatures.flatMap((s) => {
    const text = ofProcedure.get(s.consentTextId);
    return text ? [{ text, signedAt: s.signedAt }] : [];
  });
  const onCurrent = signed.find((s) => s.text.active);
  if (onCurrent)
    return {
      procedure,
      status: 'signed',
      signed: { ...ref(onCurrent.text), signedAt: onCurrent.signedAt },
      current: ref(onCurrent.text),
    };
  const latest = signed.reduce<(typeof signed)[number] | undefined>(
    (best, s) => (!best || s.text.version > best.text.version ? s : best),
    undefined,
  );
  const inLanguage = (wanted: string | undefined) =>
    wanted === undefined ? undefined : currents.find((t) => t.language === wanted);
  const current = inLanguage(language) ?? inLanguage(latest?.text.language) ?? newestCurrent;
  return {
    procedure,
    status: latest ? 'resign_needed' : 'unsigned',
    signed: latest ? { ...ref(latest.text), signedAt: latest.signedAt } : null,
    current: ref(current),
  };
}

/** The standing with every procedure that has a current text, by procedure; `language` as for `consentStanding`. */
export function consentStandings(
  texts: readonly ConsentTextRecord[],
  signatures: readonly ConsentSignatureRecord[],
  language?: string,
): ConsentStanding[] {
  const procedures = [...new Set(texts.filter((t) => t.active).map((t) => t.procedure))].sort();
  return procedures.flatMap((procedure) => consentStanding(procedure, texts, signatures, language) ?? []);
}
