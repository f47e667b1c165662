import type { FlowContext, Step } from './audit-flow.js';

/** Safety signals name the patients to contact: reading a list or one signal reads them. */
export function safetySignalSteps({ id, paula }: FlowContext): Step[] {
  const read = () => [
    { action: 'read' as const, entity: 'safety_signal', entityId: id('safetySignal'), patientId: paula },
  ];
  return [
    {
      route: 'GET /api/safety-signals',
      as: 'practitioner',
      url: () => '/api/safety-signals',
      status: 200,
      expected: read,
    },
    {
      route: 'GET /api/safety-signals/:id',
      as: 'admin',
      url: () => `/api/safety-signals/${id('safetySignal')}`,
      status: 200,
      expected: read,
    },
  ];
}
