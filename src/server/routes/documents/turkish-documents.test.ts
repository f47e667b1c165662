import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { beforeAll, expect, it } from 'vitest';
import { lateSignsNotice } from '../../../core/messages/late-signs-notice.js';
import { englishAftercareLabels } from '../../../interop/pdf/aftercare-sheet.js';
import { englishConsentLabels } from '../../../interop/pdf/consent-form.js';
import {
  turkishAftercareLabels,
  turkishCodeNames,
  turkishConsentLabels,
  turkishSummaryLabels,
} from '../../../interop/pdf/labels-tr.js';
import { englishSummaryLabels } from '../../../interop/pdf/treatment-summary.js';
import { pageImage, popplerText } from '../../../interop/test-support/poppler.js';
import {
  seedInteropFixture,
  type InteropPatientRecords,
} from '../../../services/documents/test-support/interop-records.js';
import { englishDictionary, knowledgeTexts, stringValues, withoutData } from '../../../test-support/reader-words.js';
import {
  forEachApp,
  signInRoles,
  testKnowledgeBase,
  testKnowledgeLibrary,
  type TestClient,
} from '../../../test-support/test-app.js';

/*
 * The patient's sheets in Turkish, read back as a reader's viewer reads them: every page drawn by
 * pdftoppm, the text taken out by pdftotext. A Turkish patient (her record says so) gets them in
 * Turkish without asking; the clinic gets them in Turkish with ?locale=tr.
 */

const seedFileName = /[0-9]{3}_[0-9a-f]{16}\.txt/;
const lowerSnake = /\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/;
/** UTF-8 read as Latin-1 ("ÅŸ" for "ş", "Ä±" for "ı"), or a character the font could not map. */
const mojibake = /[ÃÄÅ]\S|\uFFFD/;
const turkishLetters = ['ç', 'ğ', 'ı', 'İ', 'ö', 'ş', 'ü'] as const;

const library = testKnowledgeLibrary();
const english = library.base;
const turkish = library.for('tr');
const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * English left on a Turkish sheet: words of the sheets' English labels and the English knowledge
 * base that no Turkish label or Turkish knowledge-base text uses. Data printed as recorded (names,
 * the clinic's consent text, the sources' titles) is cut out of the sheet before it is read.
 */
const dictionary = englishDictionary(
  [...stringValues([englishAftercareLabels, englishConsentLabels, englishSummaryLabels]), ...knowledgeTexts(english)],
  [
    ...stringValues([turkishAftercareLabels, turkishConsentLabels, turkishSummaryLabels, turkishCodeNames]),
    ...knowledgeTexts(turkish),
  ],
  // The product's brand of house rule: the same word in both languages.
  ['mesodesk'],
);

const run = promisify(execFile);

/** pdffonts' table: each font's name, whether it is embedded, and whether it maps its glyphs to Unicode. */
async function pdfFonts(pdf: Buffer): Promise<{ name: string; embedded: boolean; unicode: boolean }[]> {
  const dir = await mkdtemp(join(tmpdir(), 'mesodesk-fonts-'));
  try {
    const file = join(dir, 'document.pdf');
    await writeFile(file, pdf);
    const { stdout } = await run('pdffonts', [file], { encoding: 'utf8' });
    return stdout
      .split('\n')
      .slice(2)
      .filter((line) => line.trim())
      .map((line) => {
        const cells = line.trim().split(/\s+/);
        // name type [encoding words] emb sub uni object ID: the yes/no cells are the 5th-3rd from the end.
        const [emb, , uni] = cells.slice(-5, -2);
        return { name: cells[0] ?? '', embedded: emb === 'yes', unicode: uni === 'yes' };
      });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** How many pages pdftotext read, and how dark the darkest pixel of each page pdftoppm drew (0 is black). */
async function renderedPages(pdf: Buffer, pages: number): Promise<number[]> {
  const darkest: number[] = [];
  for (let page = 1; page <= pages; page++) {
    const stats = await sharp(await pageImage(pdf, page, 100)).stats();
    darkest.push(Math.min(...stats.channels.map((c) => c.min)));
  }
  return darkest;
}

interface TurkishReading {
  text: string;
  englishWords: string[];
}

/** Reads a Turkish sheet as its reader would, and checks what holds for every Turkish sheet. */
async function readTurkish(
  response: { statusCode: number; rawPayload: Buffer; body: string; headers: Record<string, unknown> },
  data: readonly string[],
): Promise<TurkishReading> {
  expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
  expect(response.headers['content-type']).toBe('application/pdf');
  const pdf = response.rawPayload;
  const raw = await popplerText(pdf);
  const pages = raw.split('\f').filter((page) => page.trim()).length;
  expect(pages).toBeGreaterThan(0);
  // Every page draws: pdftoppm renders it, with ink on it.
  for (const darkest of await renderedPages(pdf, pages)) expect(darkest).toBeLessThan(160);
  // The letters are drawn from embedded fonts that say which character each glyph is.
  const fonts = await pdfFonts(pdf);
  expect(fonts.length).toBeGreaterThan(0);
  expect(fonts.filter((f) => !f.embedded || !f.unicode)).toEqual([]);

  const text = flat(raw);
  expect(text).not.toMatch(mojibake);
  expect(text).not.toMatch(seedFileName);
  expect(text.match(lowerSnake)).toBeNull();
  const sources = english.data.sources.sources.map((s) => s.title);
  return { text, englishWords: dictionary.englishWordsIn(withoutData(text, [...data, ...sources])) };
}

/** Each expected Turkish text is on the sheet whole, its Turkish letters intact; gives the letters seen. */
function expectTexts(text: string, expected: readonly string[]): Set<string> {
  const missing = expected.map(flat).filter((e) => !text.includes(e));
  expect(missing, 'Turkish texts missing from the sheet').toEqual([]);
  return new Set(expected.flatMap((e) => turkishLetters.filter((letter) => e.includes(letter))));
}

forEachApp('Turkish patient documents', (get) => {
  let own: InteropPatientRecords;
  let practitioner: TestClient;
  let patient: TestClient;
  let data: string[];
  const lettersSeen = new Set<string>();

  beforeAll(async () => {
    ({ own } = await seedInteropFixture(get().repos, testKnowledgeBase(), get().fixture));
    ({ practitioner, patient } = await signInRoles(get(), ['practitioner', 'patient']));
    // The clinic records that she reads Turkish (her course's plan was stored with English texts).
    const patientId = get().fixture.patient.id;
    const edited = await practitioner.inject({
      method: 'PATCH',
      url: `/api/patients/${patientId}`,
      payload: { preferredLanguage: 'tr' },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const { fixture } = get();
    const signature = own.signature;
    const consentText = await get().repos.consent.findText(signature.consentTextId);
    data = [
      `${fixture.patient.firstName} ${fixture.patient.lastName}`,
      fixture.clinic.name,
      ...(consentText ? consentText.text.split(/\n+/) : []),
      signature.typedName,
    ];
  });

  /** The sheet as the patient downloads it (her language) and as the clinic asks for it in Turkish. */
  const bothWays = async (url: string) => [
    await readTurkish(await patient.inject({ method: 'GET', url }), data),
    await readTurkish(await practitioner.inject({ method: 'GET', url: `${url}?locale=tr` }), data),
  ];

  it("gives the aftercare sheet with the Turkish knowledge base's aftercare and late signs", async () => {
    const plan = own.course.plan;
    const codes = plan.aftercare.filter((a) => !a.areas || a.areas.includes(own.course.area)).map((a) => a.code);
    expect(codes.length).toBeGreaterThan(0);
    const aftercare = codes.map((code) => turkish.data.aftercare.aftercare.find((a) => a.code === code)?.text ?? code);
    const lateSigns = lateSignsNotice(turkish);
    for (const sheet of await bothWays(`/api/sessions/${own.plannedSession.id}/aftercare.pdf`)) {
      const seen = expectTexts(sheet.text, [
        turkishAftercareLabels.title,
        turkishAftercareLabels.sessionEnded,
        turkishAftercareLabels.lateSigns,
        ...aftercare,
        lateSigns.intro,
        ...lateSigns.items,
      ]);
      seen.forEach((letter) => lettersSeen.add(letter));
      expect(sheet.englishWords, 'English words on the Turkish aftercare sheet').toEqual([]);
    }
  });

  it('gives the consent form with its Turkish words', async () => {
    for (const sheet of await bothWays(`/api/consent-signatures/${own.signature.id}/consent.pdf`)) {
      const seen = expectTexts(sheet.text, [
        turkishConsentLabels.title,
        turkishConsentLabels.birthDate,
        turkishConsentLabels.signedText,
        turkishConsentLabels.typedName,
        turkishConsentLabels.signedAt,
        turkishCodeNames.procedure.mesotherapy ?? 'mesotherapy',
      ]);
      seen.forEach((letter) => lettersSeen.add(letter));
      expect(sheet.englishWords, 'English words on the Turkish consent form').toEqual([]);
    }
  });

  it("gives the treatment summary with the Turkish knowledge base's names for the plan", async () => {
    const plan = own.course.plan;
    const mixture = turkish.mixtures.get(plan.mixture.id)?.name ?? plan.mixture.id;
    const ingredients = plan.mixture.ingredients.map((i) => turkish.ingredients.get(i.id)?.name ?? i.id);
    for (const sheet of await bothWays(`/api/courses/${own.course.id}/summary.pdf`)) {
      const seen = expectTexts(sheet.text, [
        turkishSummaryLabels.title,
        turkishSummaryLabels.productsAndLots,
        turkishSummaryLabels.recalled,
        `${turkishSummaryLabels.indication}: ${turkish.indications.get(own.course.indication)?.name}`,
        `${turkishSummaryLabels.area}: ${turkish.areas.get(own.course.area)?.name}`,
        `${mixture} (${ingredients.join(', ')})`,
      ]);
      seen.forEach((letter) => lettersSeen.add(letter));
      expect(sheet.englishWords, 'English words on the Turkish treatment summary').toEqual([]);
    }
  });

  it('has shown every Turkish letter intact across the three sheets', () => {
    expect([...lettersSeen].sort()).toEqual([...turkishLetters].sort());
  });

  it('finds the English words on the English sheets, so the check above can fail', async () => {
    const url = `/api/sessions/${own.plannedSession.id}/aftercare.pdf?locale=en`;
    const sheet = await readTurkish(await practitioner.inject({ method: 'GET', url }), data);
    const instruction = english.data.aftercare.aftercare.find((a) => a.code === own.course.plan.aftercare[0]?.code);
    expect(sheet.text).toContain(flat(instruction?.text ?? 'no instruction'));
    expect(sheet.englishWords.map((w) => w.toLowerCase())).toEqual(expect.arrayContaining(['aftercare', 'session']));
    expect(sheet.englishWords.length).toBeGreaterThan(20);
  });
});
