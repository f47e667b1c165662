import { describe, expect, it } from 'vitest';
import { testKnowledgeBase } from '../../test-support/intake-builder.js';
import { triageSideEffect, type TriageLevel } from './triage-side-effect.js';

/**
 * The triage as a table a clinician can read: what the patient ticked and wrote, how many days after
 * the session it began, how many days after the session it was reported, and the level it must get.
 * The rule it checks errs toward the patient: any lump, pustule, sore, discharge or systemic sign is
 * urgent whenever it starts; swelling or redness that starts late or will not settle is urgent;
 * denied words ("no lumps") neither raise nor lower what the ticks say.
 */
interface Row {
  text?: string;
  symptoms?: string[];
  onsetDays: number;
  /** Days after the session that the report is made; the onset day plus a few hours when left out. */
  reportedDay?: number;
  area?: string;
  ongoing?: boolean;
  expected: TriageLevel;
}

const table: Row[] = [
  // Expected reactions, in their usual time.
  { text: 'Some redness where the needles went in', onsetDays: 0, expected: 'expected' },
  { text: 'a small bruise on my cheek', onsetDays: 0, expected: 'expected' },
  { text: 'mild swelling', onsetDays: 0, reportedDay: 1, expected: 'expected' },
  { symptoms: ['swelling', 'pain'], onsetDays: 0, reportedDay: 1, expected: 'expected' },
  { text: 'itchy and a bit sore', onsetDays: 0, expected: 'expected' },
  { symptoms: ['burning'], text: 'stings a little', onsetDays: 0, expected: 'expected' },
  { text: 'puffy under the eyes', area: 'periorbital', onsetDays: 0, reportedDay: 3, expected: 'expected' },

  // Denied words do not raise urgency.
  { text: 'no lumps, just mild redness', onsetDays: 0, expected: 'expected' },
  { text: 'No pus and no fever. Slight redness.', onsetDays: 0, expected: 'expected' },
  { text: 'redness without any discharge', onsetDays: 0, expected: 'expected' },
  { text: 'a little bruising, I have never had a fever', onsetDays: 0, expected: 'expected' },
  { text: 'Denies fever or chills, some itching', onsetDays: 0, expected: 'expected' },
  { text: "there isn't a lump, only some tenderness", onsetDays: 0, expected: 'expected' },
  { text: 'no redness, swelling or pus at all, just feeling tired', onsetDays: 0, expected: 'review' },

  // ... and never lower what was ticked, nor hide what the words affirm.
  { symptoms: ['lump_nodule'], text: 'no lumps, just mild redness', onsetDays: 0, expected: 'urgent' },
  { symptoms: ['discharge'], text: 'not sure, maybe nothing', onsetDays: 2, expected: 'urgent' },
  { text: 'no fever but there is a lump', onsetDays: 10, expected: 'urgent' },
  { text: "I'm not sure if it is a lump", onsetDays: 9, expected: 'urgent' },
  { text: 'no pain, and pus is coming out', onsetDays: 5, expected: 'urgent' },
  { text: "the sore won't heal", onsetDays: 12, expected: 'urgent' },
  { text: 'not just redness, there is a bump now', onsetDays: 7, expected: 'urgent' },
  { text: 'no fever, a lump or bump appeared', onsetDays: 15, expected: 'urgent' },
  { text: "it won't stop oozing", onsetDays: 3, expected: 'urgent' },

  // Lumps, pustules, sores and discharge: urgent whenever they start.
  { text: 'a firm bump', onsetDays: 18, expected: 'urgent' },
  { text: 'pustules', onsetDays: 14, expected: 'urgent' },
  { text: 'a draining cyst', onsetDays: 25, expected: 'urgent' },
  { text: 'a weeping sore', onsetDays: 30, expected: 'urgent' },
  { text: 'small hard knots under the skin', onsetDays: 21, expected: 'urgent' },
  { text: 'an abscess', onsetDays: 6, expected: 'urgent' },
  { symptoms: ['ulcer'], onsetDays: 40, expected: 'urgent' },
  { symptoms: ['pustule', 'redness'], onsetDays: 1, expected: 'urgent' },
  { text: 'the lump on my thigh is oozing', onsetDays: 0, reportedDay: 3, expected: 'urgent' },

  // Swelling and redness out of their usual time.
  { text: 'swelling', onsetDays: 21, expected: 'urgent' },
  { symptoms: ['swelling'], onsetDays: 0, reportedDay: 4, expected: 'urgent' },
  { symptoms: ['swelling'], onsetDays: 0, reportedDay: 4, ongoing: false, expected: 'expected' },
  { symptoms: ['redness'], onsetDays: 9, expected: 'urgent' },
  { text: 'the redness came back after a week', onsetDays: 8, expected: 'urgent' },
  { text: 'the swelling is getting bigger', onsetDays: 1, expected: 'urgent' },
  { text: 'puffy under the eyes', area: 'periorbital', onsetDays: 0, reportedDay: 6, expected: 'urgent' },

  // Systemic signs.
  { symptoms: ['fever'], onsetDays: 3, expected: 'urgent' },
  { text: 'chills and shivering since last night', onsetDays: 2, expected: 'urgent' },
  { text: 'red streaks running up my arm', onsetDays: 4, expected: 'urgent' },
  { symptoms: ['spreading_redness'], onsetDays: 1, expected: 'urgent' },
  { text: 'hives and swollen lips', onsetDays: 0, expected: 'urgent' },

  // Other late or lasting effects: a clinician within days.
  { symptoms: ['bruising'], onsetDays: 0, reportedDay: 5, expected: 'review' },
  { text: 'itching that started four days later', onsetDays: 4, expected: 'review' },
  { symptoms: ['dark_patches'], onsetDays: 20, expected: 'review' },
  { text: 'a rash', onsetDays: 1, expected: 'review' },
  { text: 'strange tingling in my toes', onsetDays: 0, expected: 'review' },
];

const kb = testKnowledgeBase();
const session = '2026-11-20T10:00:00Z';
const dayMs = 86_400_000;

function describeRow(row: Row): string {
  const parts = [
    row.symptoms?.length ? `ticked ${row.symptoms.join('+')}` : '',
    row.text ? `"${row.text}"` : '',
  ].filter(Boolean);
  return `${parts.join(' with ')}, from day ${row.onsetDays}${row.reportedDay !== undefined ? `, reported day ${row.reportedDay}` : ''}${row.area ? `, ${row.area}` : ''}${row.ongoing === false ? ', gone' : ''}`;
}

describe('triage table', () => {
  it('has at least 30 rows, with denied words and ticks combined with words', () => {
    expect(table.length).toBeGreaterThanOrEqual(30);
    expect(
      table.filter((r) => r.text && /\b(no|not|without|never|denies|isn't)\b/i.test(r.text)).length,
    ).toBeGreaterThanOrEqual(8);
    expect(table.filter((r) => r.text && r.symptoms?.length).length).toBeGreaterThanOrEqual(3);
  });

  it.each(table.map((row) => [describeRow(row), row] as const))('%s', (_, row) => {
    // Reported a few hours into the day, so that "day N" has begun.
    const reportedMs = Date.parse(session) + (row.reportedDay ?? row.onsetDays) * dayMs + 5 * 3_600_000;
    const result = triageSideEffect(
      {
        symptoms: row.symptoms,
        text: row.text,
        onsetDays: row.onsetDays,
        sessionAt: session,
        now: new Date(reportedMs).toISOString(),
        area: row.area,
        ongoing: row.ongoing,
      },
      kb,
    );
    expect(result.level, result.why.join(' | ')).toBe(row.expected);
  });
});
