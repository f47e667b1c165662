import { Readable } from 'node:stream';
import { z } from 'zod';
import type { App } from '../../app-types.js';
import { clinicReportLines, reportTables } from '../../../services/documents/clinic-reports.js';
import { allow } from '../../plugins/access-control.js';
import { requireAuth } from '../../plugins/authentication.js';
import { answers, routeSpec } from '../route-spec.js';
import { fileResponse, fileStamp, sendFile } from '../documents/file-response.js';
import { oneOf } from '../../validation/fields.js';
import { queryFlag } from '../../validation/query-flag.js';

const reportParams = z.object({ table: oneOf(reportTables) });
const reportQuery = z.object({
  names: queryFlag("sessions only: add the patients' names next to their ids"),
});

export async function reportRoutes(app: App): Promise<void> {
  const spec = routeSpec(['reports']);
  app.get(
    '/api/reports/:table.csv',
    {
      // The clinic owner's view over every patient: admins of the clinic only.
      ...spec(allow('admin'), `A CSV report over every patient of the clinic: ${reportTables.join(', ')}`, {
        description:
          'UTF-8 with a byte-order mark, so spreadsheet programs read accented names right; cells that look like formulas are defused.',
        params: reportParams,
        querystring: reportQuery,
        response: answers(fileResponse('text/csv', 'The report'), 400),
      }),
      // No HEAD twin: it would read (and audit) everything to send nothing.
      exposeHeadRoute: false,
    },
    async (request, reply) => {
      const { user } = requireAuth(request);
      const { table } = request.params;
      const lines = clinicReportLines(app.repos, user.clinicId, table, {
        patientNames: request.query.names,
        onBatch: (patients) =>
          request.audit(
            patients.map((p) => ({
              action: 'read' as const,
              entity: 'clinic_report',
              entityId: table,
              patientId: p.id,
            })),
          ),
      });
      return sendFile(reply, { contentType: 'text/csv; charset=utf-8', name: `${table}-${fileStamp()}.csv` }).send(
        Readable.from(lines, { objectMode: false }),
      );
    },
  );
}
