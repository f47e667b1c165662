import { describe, expect, it } from 'vitest';
import { readKnowledgeFiles } from '../../knowledge-files/load-knowledge-base.js';
import { loadKnowledgeLibrary } from '../../knowledge-files/load-knowledge-library.js';
import { decidedText } from '../messages/blood-thinner-safety.js';
import { buildKnowledgeBase } from './build-knowledge-base.js';
import { formatKnowledgeProblem } from './knowledge-base.js';

type Item = { code: string; text: string; textOnBloodThinner?: string };

const documents = readKnowledgeFiles().documents;
const problemsOf = (mutate: (docs: Record<string, any>) => void, options = {}) => {
  const docs = structuredClone(documents) as Record<string, any>;
  mutate(docs);
  const built = buildKnowledgeBase(docs as typeof documents, 'test', options);
  return built.ok ? [] : built.problems.map(formatKnowledgeProblem);
};
const item = (docs: Record<string, any>, list: 'preparation' | 'aftercare', code: string): Item =>
  docs[list][list].find((i: Item) => i.code === code);
const indexOf = (list: 'preparation' | 'aftercare', code: string) =>
  (documents[list] as Record<string, Item[]>)[list]!.findIndex((i) => i.code === code);
const painRelief = `aftercare[${indexOf('aftercare', 'pain_relief')}].textOnBloodThinner`;

describe('the knowledge base’s wording for a patient on a prescribed blood thinner', () => {
  it('is given by every instruction the blood-thinner rules shorten, and by no other', () => {
    const { data } = loadKnowledgeLibrary().base;
    for (const i of [...data.preparation.preparation, ...data.aftercare.aftercare]) {
      const decided = decidedText(i.text, true);
      const shortened = decided !== undefined && decided !== i.text;
      expect([i.code, i.textOnBloodThinner !== undefined]).toEqual([i.code, shortened]);
    }
    // Today exactly one is shortened; the NSAID preparation item is dropped altogether.
    expect(data.aftercare.aftercare.filter((i) => i.textOnBloodThinner).map((i) => i.code)).toEqual(['pain_relief']);
    expect(decidedText(data.preparation.preparation.find((i) => i.code === 'avoid_nsaids')!.text, true)).toBeUndefined();
  });

  it('is required where the rules shorten an instruction', () => {
    expect(problemsOf((d) => delete item(d, 'aftercare', 'pain_relief').textOnBloodThinner)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^knowledge/aftercare\\.yaml: ${painRelief.replace(/[[\].]/g, '\\$&')}: the blood-thinner rules shorten "pain_relief" .*\\(to "For discomfort use an ice pack, or ask the clinic which painkiller to take\\. This never means stopping .*"\\), so it needs textOnBloodThinner`,
        ),
      ),
    ]);
    // A new instruction the rules would shorten needs one too.
    expect(
      problemsOf((d) =>
        d.preparation.preparation.push({
          ...item(d, 'preparation', 'avoid_alcohol'),
          code: 'no_alcohol_or_aspirin',
          text: 'Avoid alcohol in the week before the session; do not take aspirin for pain.',
        }),
      ),
    ).toEqual([
      expect.stringMatching(
        /^knowledge\/preparation\.yaml: preparation\[\d+\]\.textOnBloodThinner: the blood-thinner rules shorten "no_alcohol_or_aspirin"/,
      ),
    ]);
  });

  it('is refused where the rules drop the instruction or keep it whole, since no one would read it', () => {
    expect(
      problemsOf((d) => {
        item(d, 'preparation', 'avoid_nsaids').textOnBloodThinner = 'Ask the clinic before taking a painkiller.';
        item(d, 'aftercare', 'no_water').textOnBloodThinner = 'Keep water off the treated area.';
      }),
    ).toEqual([
      `knowledge/preparation.yaml: preparation[${indexOf('preparation', 'avoid_nsaids')}].textOnBloodThinner: is only for an instruction the blood-thinner rules shorten, and they drop "avoid_nsaids": no patient would read it`,
      `knowledge/aftercare.yaml: aftercare[${indexOf('aftercare', 'no_water')}].textOnBloodThinner: is only for an instruction the blood-thinner rules shorten, and they keep whole "no_water": no patient would read it`,
    ]);
  });

  it('must itself pass the rules whole: no "avoid aspirin", no "stop your blood thinner"', () => {
    const wording = (text: string) => problemsOf((d) => (item(d, 'aftercare', 'pain_relief').textOnBloodThinner = text));
    expect(wording('Use an ice pack; avoid aspirin and other NSAIDs.')).toEqual([
      `knowledge/aftercare.yaml: ${painRelief}: the blood-thinner rules would shorten this wording itself (to "Use an ice pack."): it must not say to avoid aspirin or NSAIDs`,
    ]);
    expect(wording('Avoid aspirin; use an ice pack.')).toEqual([
      `knowledge/aftercare.yaml: ${painRelief}: the blood-thinner rules would drop this wording itself: it must not read as stopping a blood thinner or avoiding aspirin`,
    ]);
    expect(wording('Pause your blood thinner for two days and use an ice pack.')).toEqual([
      `knowledge/aftercare.yaml: ${painRelief}: the blood-thinner rules would drop this wording itself: it must not read as stopping a blood thinner or avoiding aspirin`,
    ]);
    expect(wording('Use an ice pack. Keep taking a prescribed blood thinner, low-dose aspirin included.')).toEqual([]);
  });

  it('is not checked on a translation’s copy, which the English rules cannot read', () => {
    const turkish = (d: Record<string, any>) => {
      item(d, 'aftercare', 'pain_relief').text = 'Buz kompresi uygulayın; ağrı için alınan aspirinden kaçının.';
      item(d, 'aftercare', 'pain_relief').textOnBloodThinner = 'Buz kompresi uygulayın.';
    };
    expect(problemsOf(turkish)).toHaveLength(1);
    expect(problemsOf(turkish, { localized: true })).toEqual([]);
    const library = loadKnowledgeLibrary();
    expect(library.problems).toEqual([]);
    const tr = library.for('tr').data.aftercare.aftercare.find((i) => i.code === 'pain_relief');
    expect(tr?.textOnBloodThinner).toMatch(/^Rahatsızlık hissederseniz buz kompresi/);
  });
});
