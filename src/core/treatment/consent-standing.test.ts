import { describe, expect, it } from 'vitest';
import type { ConsentSignatureRecord, ConsentTextRecord } from '../records/index.js';
import { consentStanding, consentStandings } from './consent-standing.js';

const text = (id: string, version: number, language: string, active: boolean, procedure = 'mesotherapy') =>
  ({
    id,
    clinicId: 'c',
    procedure,
    language,
    version,
    text: id,
    active,
    createdAt: '2025-01-01T00:00:00Z',
  }) satisfies ConsentTextRecord;
const signed = (consentTextId: string, signedAt: string): ConsentSignatureRecord => ({
  id: `s-${consentTextId}-${signedAt}`,
  patientId: 'p',
  consentTextId,
  typedName: 'P',
  signatureImage: null,
  signedAt,
  userAgent: null,
  userId: null,
  language: 'en',
});

describe('consent standing', () => {
  const texts = [text('en1', 1, 'en', false), text('tr2', 2, 'tr', true), text('en3', 3, 'en', true)];

  it('is signed when a signature is on a current version of any language', () => {
    expect(consentStanding('mesotherapy', texts, [signed('tr2', '2025-02-01')])).toMatchObject({
      status: 'signed',
      current: { consentTextId: 'tr2', version: 2, language: 'tr' },
    });
  });

  it('needs re-signing when every signed version was superseded, pointing at the current one of that language', () => {
    expect(consentStanding('mesotherapy', texts, [signed('en1', '2025-01-05')])).toEqual({
      procedure: 'mesotherapy',
      status: 'resign_needed',
      signed: { consentTextId: 'en1', version: 1, language: 'en', signedAt: '2025-01-05' },
      current: { consentTextId: 'en3', version: 3, language: 'en' },
    });
  });

  it('is unsigned without a signature of the procedure, and null with nothing current', () => {
    const other = [...texts, text('peel1', 1, 'en', true, 'peeling')];
    expect(consentStanding('mesotherapy', other, [signed('peel1', '2025-01-05')])).toMatchObject({
      status: 'unsigned',
      signed: null,
      current: { consentTextId: 'en3' },
    });
    expect(consentStanding('tattooing', other, [])).toBeNull();
    expect(consentStandings(other, []).map((s) => s.procedure)).toEqual(['mesotherapy', 'peeling']);
  });
});
