import type { Ok } from '../api/api-types';

/** A saved chart (GET /api/sessions/:id/chart): its points, the screening and any override it was written under, and its addenda. */
export type SavedChartView = Ok<'/api/sessions/{id}/chart', 'get'>;
/** Clinicians get the addenda; a patient's view of the chart leaves them out. */
export type ChartAddendum = NonNullable<SavedChartView['addenda']>[number];
