import type { Ok } from '../api/api-types';

/** A saved chart (GET /api/sessions/:id/chart): its points, the screening and any override it was written under, and its addenda. */
export type SavedChartView = Ok<'/api/sessions/{id}/chart', 'get'>;
export type ChartAddendum = SavedChartView['addenda'][number];
