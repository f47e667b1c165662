import type { LocationRecord } from '../../core/records/index.js';
import type { Repositories } from '../../storage/repositories/repositories.js';

/**
 * The names a plan shows instead of ids (practitioners, rooms, locations), each looked up once per
 * answer: a course of ten sessions with one practitioner reads that practitioner once.
 */
export class PlanNames {
  private readonly practitioners = new Map<string, Promise<string | null>>();
  private readonly rooms = new Map<string, Promise<string | null>>();
  private readonly locations = new Map<string, Promise<LocationRecord | undefined>>();
  private readonly courseLocations = new Map<string, Promise<string | null>>();

  constructor(private readonly repos: Repositories) {}

  practitioner(id: string | null): Promise<string | null> {
    if (!id) return Promise.resolve(null);
    return cached(this.practitioners, id, async () => (await this.repos.users.findById(id))?.displayName ?? null);
  }

  room(id: string | null): Promise<string | null> {
    if (!id) return Promise.resolve(null);
    return cached(this.rooms, id, async () => (await this.repos.availability.findRoom(id))?.name ?? null);
  }

  location(id: string | null): Promise<LocationRecord | undefined> {
    if (!id) return Promise.resolve(undefined);
    return cached(this.locations, id, () => this.repos.clinics.findLocation(id));
  }

  /** Where the course was booked, for sessions that name no location of their own. */
  courseLocationId(courseId: string): Promise<string | null> {
    return cached(
      this.courseLocations,
      courseId,
      async () => (await this.repos.courses.findSchedule(courseId))?.locationId ?? null,
    );
  }
}

function cached<T>(map: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  let value = map.get(key);
  if (!value) map.set(key, (value = load()));
  return value;
}
