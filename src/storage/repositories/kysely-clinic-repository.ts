import type { Selectable } from 'kysely';
import type { ClinicsTable, LocationsTable } from '../database-schema.js';
import { newId } from '../ids.js';
import type { ClinicRepository } from './clinic-repository.js';
import { definedFields, toCount } from './defined-fields.js';
import type { ClinicRecord, LocationRecord } from '../../core/records/index.js';
import type { RepositoryContext } from './repository-context.js';

function toClinic(row: Selectable<ClinicsTable>): ClinicRecord {
  return { id: row.id, name: row.name, createdAt: row.created_at, updatedAt: row.updated_at };
}

function toLocation(row: Selectable<LocationsTable>): LocationRecord {
  return {
    id: row.id,
    clinicId: row.clinic_id,
    name: row.name,
    address: row.address,
    timeZone: row.time_zone,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function kyselyClinicRepository({ db, now }: RepositoryContext): ClinicRepository {
  return {
    async create({ name }) {
      const at = now();
      const row = { id: newId(), name, created_at: at, updated_at: at };
      await db.insertInto('clinics').values(row).execute();
      return toClinic(row);
    },
    async findById(id) {
      const row = await db.selectFrom('clinics').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toClinic(row);
    },
    async list() {
      return (await db.selectFrom('clinics').selectAll().orderBy('name').orderBy('id').execute()).map(toClinic);
    },
    async update(id, patch) {
      const row = await db
        .updateTable('clinics')
        .set({ ...definedFields(patch), updated_at: now() })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
      return row && toClinic(row);
    },
    async count() {
      const row = await db.selectFrom('clinics').select(db.fn.countAll().as('n')).executeTakeFirst();
      return toCount(row?.n);
    },
    async createLocation({ clinicId, name, address, timeZone }) {
      const at = now();
      const row = {
        id: newId(),
        clinic_id: clinicId,
        name,
        address: address ?? null,
        time_zone: timeZone ?? 'UTC',
        created_at: at,
        updated_at: at,
      };
      await db.insertInto('locations').values(row).execute();
      return toLocation(row);
    },
    async findLocation(id) {
      const row = await db.selectFrom('locations').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toLocation(row);
    },
    async listLocations(clinicId) {
      const rows = await db
        .selectFrom('locations')
        .selectAll()
        .where('clinic_id', '=', clinicId)
        .orderBy('name')
        .orderBy('id')
        .execute();
      return rows.map(toLocation);
    },
    async updateLocation(id, { name, address, timeZone }) {
      const row = await db
        .updateTable('locations')
        .set({ ...definedFields({ name, address, time_zone: timeZone }), updated_at: now() })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
      return row && toLocation(row);
    },
  };
}
