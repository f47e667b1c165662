import { z } from 'zod';
import type { App } from '../../app-types.js';
import { allow } from '../../plugins/access-control.js';
import { requireAuth } from '../../plugins/authentication.js';
import { errorResponse, idParams } from '../../validation/fields.js';
import { patientWriteConflict } from '../../validation/merged-patient-response.js';
import { readOf, readsOf } from '../../../services/audit-reads.js';
import { loadAccessibleQuote } from '../../../services/money/money-access.js';
import { createQuote, decideQuote, type QuoteDecision } from '../../../services/money/quotes.js';
import { quoteBody, quotesQuery, quoteView } from './money-schemas.js';
import { listedPatientId, writeAudited } from './money-route-support.js';

/** Quotes for a planned course, shown to the patient (in the portal too) before booking. */
export async function quoteRoutes(app: App): Promise<void> {
  const tags = ['money'];
  const readers = allow('admin', 'practitioner', 'reception', 'patient');

  app.post(
    '/api/quotes',
    {
      config: allow('admin', 'reception'),
      schema: {
        summary: 'Quote a course for a patient',
        description:
          'With `lines`, those; with `courseId` (or `indication` and `sessions`) and no lines, from the price list: a ' +
          "course_package of the indication covering that many sessions if there is one, else the indication's session " +
          'price times the sessions. The lines are copies: later price changes do not touch the quote.',
        tags,
        body: quoteBody,
        response: { 201: quoteView, 400: errorResponse, 404: errorResponse, 409: patientWriteConflict },
      },
    },
    async (request, reply) => {
      const { user } = requireAuth(request);
      const quote = await writeAudited(app.repos, request, 'quote', (tx) =>
        createQuote(tx, user, request.body, new Date()),
      );
      return reply.code(201).send(quote);
    },
  );

  app.get(
    '/api/quotes',
    {
      config: readers,
      schema: {
        summary: "Quotes, newest first: the clinic's, or one patient's (a patient sees only their own)",
        tags,
        querystring: quotesQuery,
        response: {
          200: z.object({ items: z.array(quoteView) }),
          400: errorResponse,
          403: errorResponse,
          404: errorResponse,
        },
      },
    },
    async (request) => {
      const { user } = requireAuth(request);
      const patientId = await listedPatientId(app.repos, user, request.query.patientId);
      const items = await app.repos.money.listQuotes({ ...request.query, patientId, clinicId: user.clinicId });
      await request.audit(readsOf('quote', items));
      return { items };
    },
  );

  app.get(
    '/api/quotes/:id',
    {
      config: readers,
      schema: { summary: 'One quote', tags, params: idParams, response: { 200: quoteView, 404: errorResponse } },
    },
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
      {
        config: allow(...roles),
        schema: {
          summary,
          description:
            'Only an open quote can be decided: otherwise 409 quote_not_open. An expired quote cannot be accepted (409 quote_expired).',
          tags,
          params: idParams,
          response: { 200: quoteView, 403: errorResponse, 404: errorResponse, 409: patientWriteConflict },
        },
      },
      async (request) => {
        const { user } = requireAuth(request);
        return writeAudited(app.repos, request, 'quote', (tx) =>
          decideQuote(tx, user, request.params.id, decision, new Date()),
        );
      },
    );
}
