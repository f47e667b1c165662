import type { Selectable } from 'kysely';
import { messageKinds } from '../../core/messages/message-types.js';
import type { MessageSettingsTable, MessageTemplatesTable } from '../database-schema.js';
import { firstRecord } from './first-record.js';
import type {
  MessageSettingsRecord,
  MessageTemplateRecord,
  MessageTemplateRepository,
} from './message-template-repository.js';
import type { RepositoryContext } from './repository-context.js';
import { rowMapper } from './row-mapper.js';
import { upsertRow } from './table-rows.js';

function toSettings(row: Selectable<MessageSettingsTable>): MessageSettingsRecord {
  return {
    clinicId: row.clinic_id,
    language: row.language,
    timing: {
      preparationHoursBefore: row.preparation_hours_before,
      reminderHoursBefore: row.reminder_hours_before,
      aftercareHoursAfter: row.aftercare_hours_after,
      checkInHoursAfter: row.check_in_hours_after,
    },
    updatedAt: row.updated_at,
  };
}

const toTemplate = rowMapper<Selectable<MessageTemplatesTable>, MessageTemplateRecord>()(
  'clinic_id, kind, language, subject, body, updated_at, updated_by',
);

const kindOrder = (kind: string) => messageKinds.indexOf(kind as (typeof messageKinds)[number]);

export function kyselyMessageTemplateRepository({ db, now }: RepositoryContext): MessageTemplateRepository {
  return {
    findSettings: (clinicId) =>
      firstRecord(db.selectFrom('message_settings').selectAll().where('clinic_id', '=', clinicId), toSettings),
    async saveSettings(clinicId, { language, timing }) {
      const row = await upsertRow(db, 'message_settings', 'clinic_id', {
        clinic_id: clinicId,
        language,
        preparation_hours_before: timing.preparationHoursBefore,
        reminder_hours_before: timing.reminderHoursBefore,
        aftercare_hours_after: timing.aftercareHoursAfter,
        check_in_hours_after: timing.checkInHoursAfter,
        updated_at: now(),
      });
      return toSettings(row);
    },
    async listTemplates(clinicId) {
      const rows = await db
        .selectFrom('message_templates')
        .selectAll()
        .where('clinic_id', '=', clinicId)
        .orderBy('language')
        .execute();
      return rows.map(toTemplate).sort((a, b) => kindOrder(a.kind) - kindOrder(b.kind));
    },
    async saveTemplate({ clinicId, kind, language, subject, body, updatedBy }) {
      const row = await upsertRow(db, 'message_templates', ['clinic_id', 'kind', 'language'], {
        clinic_id: clinicId,
        kind,
        language,
        subject,
        body,
        updated_at: now(),
        updated_by: updatedBy,
      });
      return toTemplate(row);
    },
    async deleteTemplate(clinicId, kind, language) {
      const result = await db
        .deleteFrom('message_templates')
        .where('clinic_id', '=', clinicId)
        .where('kind', '=', kind)
        .where('language', '=', language)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}
