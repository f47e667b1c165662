/** What a test sent, and what the server answered, so that it can be checked against the database later. */

export type WriteKind = 'create-patient' | 'intake' | 'patch-phone';

/**
 * `acked`: a 2xx answer arrived. `unknown`: no answer (the connection died), so it may or may not
 * have been committed. `failed`: an answer other than 2xx, which this workload never provokes.
 */
export type Outcome = 'pending' | 'acked' | 'unknown' | 'failed';

export interface NewPatient {
  firstName: string;
  lastName: string;
  birthDate: string;
  sex: 'female' | 'male';
  email: string;
  phone: null;
}

export interface Write {
  kind: WriteKind;
  /** Logical times (WriteLog.now) when the request went out and when its 2xx answer came back. */
  sentAt: number;
  ackedAt?: number;
  /** When the request was given up on (no answer). */
  lostAt?: number;
  outcome: Outcome;
  /** The body sent: the new patient, the intake, or `{ phone }`. */
  body: unknown;
  /** From the 2xx answer. */
  id?: string;
  assessmentId?: string;
  verdict?: string;
  failure?: string;
}

/** One patient's writes, strictly one after another: registration first, then intakes and phone changes. */
export interface Story {
  patient: NewPatient;
  writes: Write[];
}

export class WriteLog {
  readonly stories: Story[] = [];
  private clock = 0;
  private ackCount = 0;

  /** A logical clock shared by all writers: orders sends and acknowledgements as the test saw them. */
  now(): number {
    return ++this.clock;
  }

  countAck(): number {
    return ++this.ackCount;
  }

  get acked(): number {
    return this.ackCount;
  }

  writes(): Write[] {
    return this.stories.flatMap((s) => s.writes);
  }
}

/** The patient id, once its registration was answered. */
export function patientIdOf(story: Story): string | undefined {
  return story.writes[0]?.id;
}
