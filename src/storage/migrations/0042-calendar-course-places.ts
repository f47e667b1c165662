import type { Migration } from 'kysely/migration';
import { replaceIndex, type MigrationDb } from './schema-helpers.js';

const coursePlaces = {
  name: 'treatment_sessions_course_places_idx',
  columns: ['course_id', 'status', 'scheduled_at', 'id'],
};
const courseId = { name: 'treatment_sessions_course_id_idx', columns: ['course_id'] };

/**
 * The calendar numbers each session within its course ("2 of 6": kysely-calendar-repository.ts) by
 * counting the course's planned and done sessions before it and in all. With only course_id indexed,
 * each count fetched every session row of the course for its status and time: for a week of a
 * 20-practitioner location, two thousand sessions times two counts of random row reads. This index
 * carries what the counts compare, so each is a short range of one index and reads no row. It starts
 * with course_id, so it also serves the foreign key and replaces the single-column index of 0003.
 */
export const calendarCoursePlacesMigration: Migration = {
  async up(db: MigrationDb) {
    await replaceIndex(db, 'treatment_sessions', coursePlaces, courseId);
  },
  async down(db: MigrationDb) {
    await replaceIndex(db, 'treatment_sessions', courseId, coursePlaces);
  },
};
