import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { figuresOf } from '../core/knowledge/translation/figures.js';
import { translatableTexts } from '../core/knowledge/translation/translatable-texts.js';
import { templatePlaceholders } from '../core/text/fill-template.js';
import { defaultKnowledgeDir, loadKnowledgeBase } from '../knowledge-files/load-knowledge-base.js';
import { knowledgeWithTranslation, translationOf } from '../knowledge-files/test-support/translation-fixture.js';
import { captureIo } from '../test-support/capture-io.js';
import { kbLintCommand } from './commands/kb-commands.js';
import { runCli } from './run-cli.js';

const kb = loadKnowledgeBase();
/** Different for each text (so no two names are the same word), without a figure of its own. */
const lettered = (path: string) => path.replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!);
/** Each `{mark}` of a sentence template, as a translation keeps them. */
const marks = (english: string) =>
  templatePlaceholders(english)
    .map((name) => ` {${name}}`)
    .join('');
/** A Turkish translation that states each English text's figures, in digits, and keeps its marks. */
const turkish = () =>
  structuredClone(
    translationOf(kb.data, {
      text: (english, path) => `«${lettered(path)} ${figuresOf(english, 'en').join(' ')}${marks(english)}»`,
      word: (english) => `${english} tr`,
    }),
  ) as Record<string, any>;
const hair = (docs: Record<string, any>) => docs.protocols.protocols.find((p: { id: string }) => p.id === 'hair');

function lint(dir: string) {
  const io = captureIo();
  const code = kbLintCommand({ knowledge: dir }, io);
  const problems = io.stderr
    .trimEnd()
    .split('\n')
    .filter((line) => line && !line.startsWith('note: '));
  return { code, stdout: io.stdout, problems };
}

describe('mesodesk kb lint on translations', () => {
  it('passes a complete translation that states the English figures, in words or digits', () => {
    const docs = turkish();
    expect(kb.protocols.get('hair')?.maintenance.note).toMatch(/eight to twelve months/);
    hair(docs).maintenance.note =
      'Tam bir kür saçlı deriyi yaklaşık sekiz ila on iki ay besler; her yıl bir kür planlayın.';
    const result = lint(knowledgeWithTranslation('tr', docs));
    expect(result.problems).toEqual([]);
    expect(result.code).toBe(0);
    const texts = translatableTexts(kb.data).filter((e) => e.kind === 'text' || e.value.length).length;
    expect(result.stdout).toContain(`; translations tr: each gives all ${texts} texts, with the English figures`);
  });

  it('fails with one line per text a language lacks, naming language, file and path', () => {
    const docs = turkish();
    const [first, second] = kb.data.faq.faq;
    delete docs.faq.faq[0].answer;
    docs.faq.faq.splice(1, 1);
    delete docs.screening.conditions[0].aliases;
    const result = lint(knowledgeWithTranslation('tr', docs));
    expect(result.code).toBe(1);
    expect(result.problems).toEqual([
      `knowledge/translations/tr/screening.yaml: conditions[${kb.data.screening.conditions[0]!.code}].aliases: no tr text; the English is shown`,
      `knowledge/translations/tr/faq.yaml: faq[${first!.id}].answer: no tr text; the English is shown`,
      `knowledge/translations/tr/faq.yaml: faq[${second!.id}].question: no tr text; the English is shown`,
      `knowledge/translations/tr/faq.yaml: faq[${second!.id}].answer: no tr text; the English is shown`,
      'kb lint: 4 problem(s)',
    ]);
  });

  it('fails where a translated text states other figures than the English', () => {
    const docs = turkish();
    const history = kb.data.faq.faq.find((f) => f.answer.includes('in 1952'))!;
    docs.faq.faq.find((f: { id: string }) => f.id === history.id).answer =
      'Teknik 1953 yılında Fransa’da tanıtıldı; 1958’de yayımlandı.';
    hair(docs).maintenance.note = 'Tam bir kür saçlı deriyi yaklaşık altı ila on iki ay besler.';
    const result = lint(knowledgeWithTranslation('tr', docs));
    expect(result.code).toBe(1);
    expect(result.problems).toEqual([
      'knowledge/translations/tr/protocols.yaml: protocols[hair].maintenance.note: its figures differ from the English (English: 8, 12; tr: 6, 12); the English is shown',
      `knowledge/translations/tr/faq.yaml: faq[${history.id}].answer: its figures differ from the English (English: 1952, 1958; tr: 1953, 1958); the English is shown`,
      'kb lint: 2 problem(s)',
    ]);
  });

  it('fails where a translated sentence template drops or renames a {mark}', () => {
    const docs = turkish();
    const english = kb.data.sideEffects.triage;
    expect(english.lastedLonger).toContain('{max}');
    docs.sideEffects.triage.lastedLonger = '{name} yaklaşık {hours} saattir sürüyor; bu, olağan süreden uzun.';
    docs.sideEffects.triage.denied = 'Sayılmadı: {words}.';
    const result = lint(knowledgeWithTranslation('tr', docs));
    expect(result.code).toBe(1);
    expect(result.problems).toEqual([
      'knowledge/translations/tr/side-effects.yaml: triage.lastedLonger: its placeholders differ from the English (English: {hours}, {max}, {name}; tr: {hours}, {name}); the English is shown',
      'knowledge/translations/tr/side-effects.yaml: triage.denied: its placeholders differ from the English (English: {terms}; tr: {words}); the English is shown',
      'kb lint: 2 problem(s)',
    ]);
  });

  it('fails where a language lacks the wording for a patient on a blood thinner, or gives one the rules would cut', () => {
    const painRelief = (docs: Record<string, any>) =>
      docs.aftercare.aftercare.find((i: { code: string }) => i.code === 'pain_relief');
    const lacking = turkish();
    delete painRelief(lacking).textOnBloodThinner;
    expect(lint(knowledgeWithTranslation('tr', lacking)).problems).toEqual([
      'knowledge/translations/tr/aftercare.yaml: aftercare[pain_relief].textOnBloodThinner: no tr text; the English is shown',
      'kb lint: 1 problem(s)',
    ]);
    const unsafe = turkish();
    painRelief(unsafe).textOnBloodThinner = 'Buz kompresi uygulayın; avoid aspirin and NSAIDs.';
    unsafe.aftercare.aftercare[0].textOnBloodThinner = 'Tedavi edilen bölgeye su değdirmeyin.';
    const result = lint(knowledgeWithTranslation('tr', unsafe));
    expect(result.code).toBe(1);
    expect(result.problems).toEqual([
      `knowledge/translations/tr/aftercare.yaml: aftercare[${kb.data.aftercare.aftercare[0]!.code}].textOnBloodThinner: knowledge/aftercare.yaml has no textOnBloodThinner here to translate`,
      'knowledge/translations/tr/aftercare.yaml: aftercare[pain_relief].textOnBloodThinner: the blood-thinner rules would cut or drop it (it reads as stopping a blood thinner or avoiding aspirin); the English is shown',
      'kb lint: 2 problem(s)',
    ]);
  });

  it('fails where an English instruction the rules shorten has no such wording, or one they would cut', () => {
    const withEnglish = (wording: string | undefined) => {
      const docs = turkish();
      const dir = knowledgeWithTranslation('tr', docs);
      const file = join(dir, 'aftercare.yaml');
      const aftercare = parse(readFileSync(file, 'utf8'));
      const item = aftercare.aftercare.find((i: { code: string }) => i.code === 'pain_relief');
      if (wording === undefined) delete item.textOnBloodThinner;
      else item.textOnBloodThinner = wording;
      writeFileSync(file, stringify(aftercare));
      return lint(dir);
    };
    const at = `knowledge/aftercare.yaml: aftercare[${kb.data.aftercare.aftercare.findIndex((i) => i.code === 'pain_relief')}].textOnBloodThinner`;
    const missing = withEnglish(undefined);
    expect(missing.code).toBe(1);
    expect(missing.problems).toEqual([
      expect.stringMatching(`^${at.replace(/[[\].]/g, '\\$&')}: the blood-thinner rules shorten "pain_relief"`),
      'kb lint: 1 problem(s)',
    ]);
    expect(withEnglish('Use an ice pack; avoid aspirin and other NSAIDs.').problems).toEqual([
      `${at}: the blood-thinner rules would shorten this wording itself (to "Use an ice pack."): it must not say to avoid aspirin or NSAIDs`,
      'kb lint: 1 problem(s)',
    ]);
    expect(withEnglish('Use an ice pack. Stop any blood thinner for two days.').problems).toEqual([
      `${at}: the blood-thinner rules would drop this wording itself: it must not read as stopping a blood thinner or avoiding aspirin`,
      'kb lint: 1 problem(s)',
    ]);
  });

  it('passes on the knowledge base as shipped, Turkish sentence templates included', () => {
    const result = lint(defaultKnowledgeDir);
    expect(result.problems).toEqual([]);
    expect(result.code).toBe(0);
  });

  it('fails on a translation file that does not mirror the English one', async () => {
    const docs = turkish();
    docs.areas.areas[0].sources = ['000_28eead5230689bfd.txt:1'];
    docs.areas.areas[1] = { name: 'Göz çevresi' };
    const dir = knowledgeWithTranslation('tr', docs);
    const io = captureIo();
    expect(await runCli(['kb', 'lint', '--knowledge', dir], io)).toBe(1);
    expect(io.stderr).toContain(
      `knowledge/translations/tr/areas.yaml: areas[${kb.data.areas.areas[0]!.id}].sources: is not a text to translate (here only name are)\n`,
    );
    expect(io.stderr).toContain(
      'knowledge/translations/tr/areas.yaml: areas[1]: needs its id, to say which item of knowledge/areas.yaml it translates\n',
    );
    expect(io.stderr).toContain(
      `knowledge/translations/tr/areas.yaml: areas[${kb.data.areas.areas[1]!.id}].name: no tr text; the English is shown\n`,
    );
  });
});
