import type { HttpClient } from './http-client.js';
import { patientIdOf, type Story } from './write-log.js';

export interface ObservedPatient {
  id: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  sex: string;
  phone: string | null;
  email: string | null;
}

export interface ObservedIntake {
  id: string;
  data: { patient: { birthDate: string }; request: { indication: string; area: string; date: string } };
  assessment: { id: string; verdict: string } | null;
}

/** A patient's records as the server serves them now. */
export interface Observation {
  patient: ObservedPatient | null;
  intakes: ObservedIntake[];
}

async function get(
  client: HttpClient,
  path: string,
  allowed: number[] = [200],
): Promise<{ status: number; body: unknown }> {
  const response = await client.request('GET', path);
  if (!allowed.includes(response.status))
    throw new Error(`GET ${path}: ${response.status} ${JSON.stringify(response.body).slice(0, 500)}`);
  return response;
}

/** By id when the registration was answered, otherwise by the story's unique last name. */
async function findPatient(client: HttpClient, story: Story): Promise<ObservedPatient | null> {
  const id = patientIdOf(story);
  if (id) {
    const response = await get(client, `/api/patients/${id}`, [200, 404]);
    return response.status === 200 ? (response.body as ObservedPatient) : null;
  }
  const { lastName } = story.patient;
  const { body } = await get(client, `/api/patients?name=${encodeURIComponent(lastName)}`);
  const matches = (body as { patients: ObservedPatient[] }).patients.filter((p) => p.lastName === lastName);
  if (matches.length > 1) throw new Error(`${matches.length} patients named ${lastName}, one was sent`);
  return matches[0] ?? null;
}

export async function observeStory(client: HttpClient, story: Story): Promise<Observation> {
  const patient = await findPatient(client, story);
  if (!patient) return { patient, intakes: [] };
  const { body } = await get(client, `/api/patients/${patient.id}/intakes`);
  return { patient, intakes: (body as { intakes: ObservedIntake[] }).intakes };
}

/** Observes every story, a few at a time. */
export async function observeAll(
  client: HttpClient,
  stories: readonly Story[],
  concurrency = 8,
): Promise<Observation[]> {
  const results: Observation[] = new Array<Observation>(stories.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < stories.length; i = next++) {
      const story = stories[i];
      if (story) results[i] = await observeStory(client, story);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return results;
}
