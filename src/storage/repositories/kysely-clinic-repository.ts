import type { Selectable } from 'kysely';
import type { ClinicsTable, LocationsTable } from '../database-schema.js';
import { newId } from '../ids.js';
import type { ClinicRepository } from './clinic-repository.js';
import { definedFields, toCount } from './defined-fields.js';
import type { ClinicRecord, LocationRecord } from '../../core/records/index.js';
import type { RepositoryContext } from './repository-context.js';
import { tableRows } from './table-rows.js';

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
  const clinics = tableRows(db, 'clinics', toClinic);
  const locations = tableRows(db, 'locations', toLocation);
  return {
    async create({ name }) {
      const at = now();
      return clinics.insert({ id: newId(), name, created_at: at, updated_at: at });
    },
    findById: clinics.findById,
    async list() {
      return (await db.selectFrom('clinics').selectAll().orderBy('name').orderBy('id').execute()).map(toClinic);
    },
    update: (id, patch) => clinics.updateById(id, { ...definedFields(patch), updated_at: now() }),
    async count() {
      const row = await db.selectFrom('clinics').select(db.fn.countAll().as('n')).executeTakeFirst();
      return toCount(row?.n);
    },
    async markDemo(clinicId, seed) {
      await db.insertInto('demo_clinics').values({ clinic_id: clinicId, seed, created_at: now() }).execute();
    },
    async demoClinicIds() {
      const rows = await db.selectFrom('demo_clinics').select('clinic_id').orderBy('clinic_id').execute();
      return rows.map((r) => r.clinic_id);
    },
    async createLocation({ clinicId, name, address, timeZone }) {
      const at = now();
      return locations.insert({
        id: newId(),
        clinic_id: clinicId,
        name,
        address: address ?? null,
        time_zone: timeZone ?? 'UTC',
        created_at: at,
        updated_at: at,
      });
    },
    findLocation: locations.findById,
    listLocations: (clinicId) => locations.listBy('clinic_id', clinicId, 'name', 'id'),
    updateLocation: (id, { name, address, timeZone }) =>
      locations.updateById(id, { ...definedFields({ name, address, time_zone: timeZone }), updated_at: now() }),
  };
}
