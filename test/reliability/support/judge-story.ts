import type { Observation, ObservedIntake } from './observe-story.js';
import type { NewPatient, Story, Write } from './write-log.js';

/** The records of one patient that the database holds, for the audit-trail check. */
export interface PresentRecords {
  patientId: string;
  /** Phone changes applied (the later ones overwrite the earlier, but each left an audit entry). */
  patches: number;
  intakes: { intakeId: string; assessmentId: string }[];
}

export interface Judgement {
  /** Whether each of the story's writes is in the database, in the story's order. */
  present: boolean[];
  records?: PresentRecords;
  problems: string[];
}

interface IntakeBody {
  patient: { birthDate: string };
  request: { indication: string; area: string; date: string };
}

function intakeProblems(name: string, observed: ObservedIntake, sent: IntakeBody, acked?: Write): string[] {
  const problems: string[] = [];
  const { data } = observed;
  if (
    data.patient.birthDate !== sent.patient.birthDate ||
    data.request.indication !== sent.request.indication ||
    data.request.area !== sent.request.area ||
    data.request.date !== sent.request.date
  )
    problems.push(`${name}: intake ${observed.id} holds ${JSON.stringify(data)}, not what was sent`);
  if (!observed.assessment) problems.push(`${name}: intake ${observed.id} has no assessment (half-written)`);
  else if (acked && (observed.assessment.id !== acked.assessmentId || observed.assessment.verdict !== acked.verdict))
    problems.push(
      `${name}: intake ${observed.id} has assessment ${observed.assessment.id} (${observed.assessment.verdict}), answered ${acked.assessmentId} (${acked.verdict})`,
    );
  return problems;
}

function patientProblems(
  name: string,
  sent: NewPatient,
  observed: NonNullable<Observation['patient']>,
  id: string | undefined,
): string[] {
  const fields = ['firstName', 'lastName', 'birthDate', 'sex', 'email'] as const;
  const wrong = fields.filter((f) => observed[f] !== sent[f]);
  const problems = wrong.map((f) => `${name}: ${f} is ${JSON.stringify(observed[f])}, sent ${JSON.stringify(sent[f])}`);
  if (id && observed.id !== id) problems.push(`${name}: found as ${observed.id}, registered as ${id}`);
  return problems;
}

/**
 * Compares what the server holds for one patient with what was sent: which writes are there, that
 * each is whole and holds the data sent, and that they survived as a prefix of the order they were
 * made in (a later write never without an earlier one).
 */
export function judgeStory(story: Story, observed: Observation): Judgement {
  const name = story.patient.lastName;
  const problems = story.writes.flatMap((w) =>
    w.outcome === 'failed' ? [`${name}: ${w.kind} was refused: ${w.failure ?? '?'}`] : [],
  );
  const { patient } = observed;
  if (!patient) {
    if (observed.intakes.length) problems.push(`${name}: intakes without their patient`);
    return { present: story.writes.map(() => false), problems };
  }
  problems.push(...patientProblems(name, story.patient, patient, story.writes[0]?.id));

  const byId = new Map(observed.intakes.map((i) => [i.id, i]));
  const ackedIds = new Set(story.writes.flatMap((w) => (w.kind === 'intake' && w.id ? [w.id] : [])));
  const extras = observed.intakes.filter((i) => !ackedIds.has(i.id));
  const unanswered = story.writes.filter((w) => w.kind === 'intake' && !w.id);
  if (extras.length > unanswered.length)
    problems.push(`${name}: ${extras.length} intakes nobody sent (${unanswered.length} unanswered)`);

  const phones = story.writes.map((w) => (w.kind === 'patch-phone' ? (w.body as { phone: string }).phone : undefined));
  const applied = patient.phone === null ? -1 : phones.indexOf(patient.phone);
  if (patient.phone !== null && applied < 0) problems.push(`${name}: phone ${patient.phone} was never sent`);

  const present = story.writes.map((w, index) => {
    if (w.kind === 'create-patient') return true;
    if (w.kind === 'patch-phone') return index <= applied;
    if (w.id) {
      const intake = byId.get(w.id);
      if (intake) problems.push(...intakeProblems(name, intake, w.body as IntakeBody, w));
      return intake !== undefined;
    }
    const extra = extras[0];
    if (extra) problems.push(...intakeProblems(name, extra, w.body as IntakeBody));
    return extra !== undefined;
  });
  const gap = present.findIndex((p, i) => !p && present.slice(i + 1).some(Boolean));
  if (gap >= 0)
    problems.push(
      `${name}: write ${gap} (${story.writes[gap]?.kind}) is missing but later ones are there: ${JSON.stringify(present)}`,
    );

  const records: PresentRecords = {
    patientId: patient.id,
    patches: story.writes.filter((w, i) => w.kind === 'patch-phone' && present[i]).length,
    intakes: observed.intakes.flatMap((i) => (i.assessment ? [{ intakeId: i.id, assessmentId: i.assessment.id }] : [])),
  };
  return { present, records, problems };
}
