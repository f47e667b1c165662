import { describe, expect, it } from 'vitest';
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
