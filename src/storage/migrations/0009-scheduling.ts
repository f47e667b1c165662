import type { Migration } from 'kysely/migration';
import {
  addReference,
  dropReference,
  flagColumn,
  idColumn,
  indexColumns,
  oneOf,
  requiredText,
  timestampColumns,
  type MigrationDb,
} from './schema-helpers.js';

/**
 * What the course finder (src/core/scheduling) reads: each location's time zone and rooms, each
 * practitioner's weekly hours per location, time off and closures, and the room a session uses.
 */
export const schedulingMigration: Migration = {
  async up(db: MigrationDb) {
    // Existing locations get UTC; admins set the real zone.
    await db.schema
      .alterTable('locations')
      .addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('UTC'))
      .execute();

    await timestampColumns(
      idColumn(db.schema.createTable('rooms'))
        .addColumn('location_id', 'text', (c) => c.notNull().references('locations.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('active', 'integer', flagColumn('active', 1)),
    ).execute();
    await indexColumns(db, 'rooms', ['location_id']);

    await idColumn(db.schema.createTable('practitioner_availability'))
      .addColumn('practitioner_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('location_id', 'text', (c) => c.notNull().references('locations.id'))
      .addColumn('weekly_hours', 'text', (c) => c.notNull())
      .addColumn('room_ids', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('practitioner_availability_unique', ['practitioner_id', 'location_id'])
      .execute();
    await indexColumns(db, 'practitioner_availability', ['location_id']);

    // practitioner_id null: the whole location is closed (a public holiday).
    await idColumn(db.schema.createTable('availability_exceptions'))
      .addColumn('location_id', 'text', (c) => c.notNull().references('locations.id'))
      .addColumn('practitioner_id', 'text', (c) => c.references('users.id'))
      .addColumn('kind', 'text', oneOf('kind', ['days', 'hours']))
      .$call(requiredText('starts', 'ends'))
      .addColumn('reason', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await indexColumns(db, 'availability_exceptions', ['location_id', 'practitioner_id']);

    await addReference(db, 'treatment_sessions', 'room_id', 'rooms');
  },

  async down(db: MigrationDb) {
    await dropReference(db, 'treatment_sessions', 'room_id');
    for (const table of ['availability_exceptions', 'practitioner_availability', 'rooms'])
      await db.schema.dropTable(table).execute();
    await db.schema.alterTable('locations').dropColumn('time_zone').execute();
  },
};
