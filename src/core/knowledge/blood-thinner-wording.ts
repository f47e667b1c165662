import { decidedText, keptWholeOnBloodThinner } from '../messages/blood-thinner-safety.js';
import { knowledgeFiles, type KnowledgeData } from './knowledge-files.js';
import type { KnowledgeProblem } from './knowledge-base.js';

/** The two lists of timed instructions, the only ones the blood-thinner rules decide on. */
const lists = ['preparation', 'aftercare'] as const;

type Instructions = Pick<KnowledgeData, 'preparation' | 'aftercare'>;

const instructionsOf = (data: Instructions, list: (typeof lists)[number]) =>
  list === 'preparation' ? data.preparation.preparation : data.aftercare.aftercare;

/**
 * The English instructions against the blood-thinner rules (blood-thinner-safety.ts), which read
 * English: every instruction the rules shorten for a patient on a prescribed blood thinner gives
 * that patient's wording (`textOnBloodThinner`), since without it a reader of any other language
 * would be given the cut-down English; only such an instruction gives one, since it is shown nowhere
 * else; and the rules leave that wording whole - it may not say to stop a blood thinner or to avoid
 * aspirin, which is what they cut out. Not for a translation's copy: the rules cannot read it.
 */
export function bloodThinnerWordingProblems(data: Instructions): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  for (const list of lists) {
    const file = knowledgeFiles[list].file;
    instructionsOf(data, list).forEach((item, i) => {
      const path = `${list}[${i}].textOnBloodThinner`;
      const decided = decidedText(item.text, true);
      const shortened = decided !== undefined && decided !== item.text;
      const wording = item.textOnBloodThinner;
      if (wording === undefined) {
        if (shortened)
          problems.push({
            file,
            path,
            message: `the blood-thinner rules shorten "${item.code}" for a patient on a prescribed blood thinner (to "${decided}"), so it needs textOnBloodThinner: that patient's wording, in every language`,
          });
        return;
      }
      if (!shortened)
        problems.push({
          file,
          path,
          message: `is only for an instruction the blood-thinner rules shorten, and they ${decided === undefined ? 'drop' : 'keep whole'} "${item.code}": no patient would read it`,
        });
      else if (!keptWholeOnBloodThinner(wording)) {
        const own = decidedText(wording, true);
        problems.push({
          file,
          path,
          message:
            own === undefined
              ? 'the blood-thinner rules would drop this wording itself: it must not read as stopping a blood thinner or avoiding aspirin'
              : `the blood-thinner rules would shorten this wording itself (to "${own}"): it must not say to avoid aspirin or NSAIDs`,
        });
      }
    });
  }
  return problems;
}
