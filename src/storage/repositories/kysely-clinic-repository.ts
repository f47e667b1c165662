import type { Selectable } from 'kysely';
import type { ClinicLogosTable, ClinicsTable, LocationsTable } from '../database-schema.js';
import { newId } from '../ids.js';
import type { ClinicRepository } from './clinic-repository.js';
import { definedFields, toCount } from './defined-fields.js';
import type { ClinicLogo, ClinicRecord, LocationRecord } from '../../core/records/index.js';
import type { RepositoryContext } from './repository-context.js';
import { rowMapper } from './row-mapper.js';
import { tableRows, upsertRow } from './table-rows.js';

const toClinic = rowMapper<Selectable<ClinicsTable>, ClinicRecord>()('id, name, created_at, updated_at');
const toLocation = rowMapper<Selectable<LocationsTable>, LocationRecord>()(
  'id, clinic_id, name, address, time_zone, created_at, updated_at',
);

function toLogo(row: Selectable<ClinicLogosTable>): ClinicLogo {
  return {
    clinicId: row.clinic_id,
    mime: row.mime,
    data: Buffer.from(row.data_base64, 'base64'),
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
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
    async findLogo(clinicId) {
      const row = await db.selectFrom('clinic_logos').selectAll().where('clinic_id', '=', clinicId).executeTakeFirst();
      return row && toLogo(row);
    },
    async saveLogo({ clinicId, mime, data, updatedBy }) {
      const row = await upsertRow(db, 'clinic_logos', 'clinic_id', {
        clinic_id: clinicId,
        mime,
        data_base64: Buffer.from(data).toString('base64'),
        bytes: data.byteLength,
        updated_at: now(),
        updated_by: updatedBy,
      });
      return toLogo(row);
    },
    async removeLogo(clinicId) {
      const result = await db.deleteFrom('clinic_logos').where('clinic_id', '=', clinicId).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
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
