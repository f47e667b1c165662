import { describe, expect, it } from 'vitest';
import { DataUrlError } from '../data-url.js';
import { extractPdf } from '../test-support/pdf-text.js';
import { sampleGroup } from '../test-support/sample-records.js';
import { consentFormPdf, renderConsentForm } from './consent-form.js';

const group = sampleGroup();
const base = {
  clinic: { name: 'Klinik Işıl' },
  patient: group.patient,
  signature: group.consentSignatures[0]!,
  text: group.consentTexts[0]!,
  timeZone: 'Europe/Istanbul',
  locale: 'en-GB',
};

describe('consent form PDF', () => {
  it('prints the signed text version, the typed name, the signing time and the signature image', async () => {
    const { flat, images } = await extractPdf(await consentFormPdf(base));
    for (const expected of [
      'Mesotherapy - consent text version 3',
      'İğneli mezoterapi sonrası: şişlik, kızarıklık ve morarma olabilir.',
      'Risks were explained to me and I agree to the treatment.',
      'Name typed by the patient: Ayşe Yılmaz',
      // 06:45Z is 09:45 in Istanbul.
      'Signed at: 23 Nov 2026, 09:45 (Europe/Istanbul)',
      'Date of birth: 2 Jun 1988',
    ])
      expect(flat).toContain(expected);
    expect(images).toBe(1);
    // The consent form cites nothing; it must not print a seed file name either.
    expect(flat).not.toMatch(/[0-9]{3}_[0-9a-f]{16}\.txt/);
  });

  it('says so when only a name was typed', async () => {
    const { flat, images } = await extractPdf(
      await consentFormPdf({ ...base, signature: { ...base.signature, signatureImage: null } }),
    );
    expect(flat).toContain('No drawn signature: the patient typed their name only.');
    expect(images).toBe(0);
  });

  it('takes Turkish labels and dates', async () => {
    const { flat } = await extractPdf(
      await consentFormPdf({
        ...base,
        locale: 'tr-TR',
        labels: { title: 'Tedavi onam formu', typedName: 'Hastanın yazdığı ad', signedAt: 'İmza zamanı' },
      }),
    );
    expect(flat).toContain('Tedavi onam formu');
    expect(flat).toContain('Hastanın yazdığı ad: Ayşe Yılmaz');
    expect(flat).toContain('İmza zamanı: 23 Kas 2026 09:45');
  });

  it('refuses a text other than the one signed, and an unreadable signature', () => {
    expect(() => renderConsentForm({ ...base, text: { ...base.text, id: 'another-version' } })).toThrow(/is for text/);
    expect(() =>
      renderConsentForm({
        ...base,
        signature: { ...base.signature, signatureImage: 'data:image/png;base64,/9j/4AAQ' },
      }),
    ).toThrow(DataUrlError);
    expect(() =>
      renderConsentForm({ ...base, signature: { ...base.signature, signatureImage: 'https://example.org/sig.png' } }),
    ).toThrow(DataUrlError);
  });
});
