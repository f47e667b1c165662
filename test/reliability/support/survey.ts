import type { HttpClient } from './http-client.js';
import { judgeStory, type PresentRecords } from './judge-story.js';
import { observeAll } from './observe-story.js';
import type { Write, WriteLog } from './write-log.js';

/** What the server serves for every patient the test wrote, judged against what was sent. */
export interface Survey {
  /** Whether each write is in the database. */
  present: Map<Write, boolean>;
  /** Records that are not as sent, half there, or out of order. */
  problems: string[];
  records: PresentRecords[];
  /** Writes found, by outcome. */
  found: { acked: number; unknown: number };
}

export async function surveyWrites(client: HttpClient, log: WriteLog): Promise<Survey> {
  const observations = await observeAll(client, log.stories);
  const present = new Map<Write, boolean>();
  const problems: string[] = [];
  const records: PresentRecords[] = [];
  const found = { acked: 0, unknown: 0 };
  log.stories.forEach((story, i) => {
    const observation = observations[i];
    if (!observation) throw new Error(`story ${i} was not observed`);
    const judgement = judgeStory(story, observation);
    problems.push(...judgement.problems);
    if (judgement.records) records.push(judgement.records);
    story.writes.forEach((write, w) => {
      const isPresent = judgement.present[w] ?? false;
      present.set(write, isPresent);
      if (isPresent && write.outcome === 'acked') found.acked++;
      if (isPresent && write.outcome === 'unknown') found.unknown++;
    });
  });
  return { present, problems, records, found };
}

function describeWrite(write: Write): string {
  return `${write.kind} ${write.id ?? '(no id)'} sent at ${write.sentAt}${write.ackedAt ? `, acknowledged at ${write.ackedAt}` : ''}`;
}

/** Acknowledged writes that the database does not hold. */
export function lostAcknowledged(present: ReadonlyMap<Write, boolean>): string[] {
  return [...present].flatMap(([w, p]) => (w.outcome === 'acked' && !p ? [`lost: ${describeWrite(w)}`] : []));
}

/**
 * A backup that began at `startedAt` and finished at `finishedAt` (log times) holds one moment of
 * the database: everything acknowledged before it began, nothing sent after it ended, and a clean
 * cut in between - no write missing that was acknowledged before some write it holds was even sent.
 */
export function pointInTimeProblems(
  present: ReadonlyMap<Write, boolean>,
  backup: { startedAt: number; finishedAt: number },
): string[] {
  const problems: string[] = [];
  let latestPresent: Write | undefined;
  for (const [write, isPresent] of present) {
    if (isPresent && (!latestPresent || write.sentAt > latestPresent.sentAt)) latestPresent = write;
    if (!isPresent && write.outcome === 'acked' && (write.ackedAt ?? Infinity) < backup.startedAt)
      problems.push(`acknowledged before the backup began, missing: ${describeWrite(write)}`);
    if (isPresent && write.sentAt > backup.finishedAt)
      problems.push(`sent after the backup finished, yet in it: ${describeWrite(write)}`);
  }
  if (latestPresent) {
    const cut = latestPresent.sentAt;
    for (const [write, isPresent] of present)
      if (!isPresent && (write.ackedAt ?? Infinity) < cut)
        problems.push(`missing ${describeWrite(write)}, yet the backup holds ${describeWrite(latestPresent)}`);
  }
  return problems;
}
