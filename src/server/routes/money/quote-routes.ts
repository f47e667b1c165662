import { z } from 'zod';
import type { App } from '../../app-types.js';
import { allow } from '../../plugins/access-control.js';
import { requireAuth } from '../../plugins/authentication.js';
import { idParams } from '../../validation/fields.js';
import { patientWriteConflict } from '../../validation/merged-patient-response.js';
import { readOf } from '../../../services/audit-reads.js';
import { loadAccessibleQuote } from '../../../services/money/money-access.js';
import { createQuote, decideQuote, type QuoteDecision } from '../../../services/money/quotes.js';
import { quoteBody, quotesQuery, quoteView } from './money-schemas.js';
import { listedItems } from './money-route-support.js';
import { writeAudited } from '../write-audited.js';
import { answers, answersWith, routeSpec } from '../route-spec.js';

/** Quotes for a planned course, shown to the patient (in the portal too) before booking. */
export async function quoteRoutes(app: App): Promise<void> {
  const spec = routeSpec(['money']);
  const readers = allow('admin', 'practitioner', 'reception', 'patient');

  app.post(
    '/api/quotes',
    spec(allow('admin', 'reception'), 'Quote a course for a patient', {
      description:
        'With `lines`, those; with `courseId` (or `indication` and `sessions`) and no lines, from the price list: a ' +
        "course_package of the indication covering that many sessions if there is one, else the indication's session " +
        'price times the sessions. The lines are copies: later price changes do not touch the quote.',
      body: quoteBody,
      response: { ...answersWith(201, quoteView, 400, 404), 409: patientWriteConflict },
    }),
    async (request, reply) => {
      return reply
        .code(201)
        .send(
          await writeAudited(app.repos, request, 'quote', (tx, user) =>
            createQuote(tx, user, request.body, new Date()),
          ),
        );
    },
  );

  app.get(
    '/api/quotes',
    spec(readers, "Quotes, newest first: the clinic's, or one patient's (a patient sees only their own)", {
      querystring: quotesQuery,
      response: answers(z.object({ items: z.array(quoteView) }), 400, 403, 404),
    }),
    async (request) =>
      listedItems(app.repos, request, 'quote', request.query, (filter) => app.repos.money.listQuotes(filter)),
  );

  app.get(
    '/api/quotes/:id',
    spec(readers, 'One quote', { params: idParams, response: answers(quoteView, 404) }),
    async (request) => {
      const { quote } = await loadAccessibleQuote(app.repos, requireAuth(request).user, request.params.id);
      await request.audit(readOf('quote', quote));
      return quote;
    },
  );

  const decisions: { decision: QuoteDecision; summary: string; roles: ('admin' | 'reception' | 'patient')[] }[] = [
    {
      decision: 'accept',
      summary: 'Accept an open quote (the patient, or the clinic on their word)',
      roles: ['admin', 'reception', 'patient'],
    },
    { decision: 'decline', summary: 'Decline an open quote', roles: ['admin', 'reception', 'patient'] },
    { decision: 'withdraw', summary: 'Withdraw an open quote (the clinic only)', roles: ['admin', 'reception'] },
  ];
  for (const { decision, summary, roles } of decisions)
    app.post(
      `/api/quotes/:id/${decision}`,
      spec(allow(...roles), summary, {
        description:
          'Only an open quote can be decided: otherwise 409 quote_not_open. An expired quote cannot be accepted (409 quote_expired).',
        params: idParams,
        response: { ...answers(quoteView, 403, 404), 409: patientWriteConflict },
      }),
      async (request) => {
        return writeAudited(app.repos, request, 'quote', (tx, user) =>
          decideQuote(tx, user, request.params.id, decision, new Date()),
        );
      },
    );
}
