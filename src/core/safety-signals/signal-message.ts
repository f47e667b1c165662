import type { MessageText } from '../messages/message-types.js';
import type { SafetySignal } from './signal-types.js';

function unitText(signal: SafetySignal): string {
  const { unit } = signal;
  switch (unit.type) {
    case 'lot':
      return unit.label;
    case 'product':
      return `product ${unit.label}`;
    case 'practitioner':
      return `practitioner ${unit.label}`;
    case 'clinic':
      return 'the whole clinic';
    case 'session_day':
      return `sessions on ${unit.label}`;
  }
}

function pText(p: number): string {
  return p < 0.0001 ? p.toExponential(1) : p.toPrecision(2);
}

function describe(signal: SafetySignal): string {
  if (signal.kind === 'infection_cluster')
    return (
      `Possible infection cluster - ${unitText(signal)}: ${signal.observed} patients reported a lump, ` +
      `pustule, sore or discharge days after sessions between ${signal.window.from} and ${signal.window.to}.`
    );
  return (
    `More side-effect reports than expected - ${unitText(signal)}, week ${signal.window.week ?? signal.window.from}: ` +
    `${signal.observed} of ${signal.exposure} sessions reported, ${(signal.expected ?? 0).toFixed(1)} expected ` +
    `(p = ${pText(signal.pValue ?? 1)}).`
  );
}

/**
 * The e-mail to the clinic's admins about the signals one run raised. Patients are listed as links
 * to their records, not by name: the message may travel by plain e-mail, and a name beside "possible
 * infection" is health data. Lot numbers are named, so that the lots can be taken off the shelf at once.
 */
export function safetySignalMessage(signals: readonly SafetySignal[], baseUrl: string): MessageText {
  const base = baseUrl.replace(/\/+$/, '');
  const clusters = signals.filter((s) => s.kind === 'infection_cluster').length;
  const subject =
    clusters > 0
      ? `mesodesk: possible infection cluster - ${signals.length} new safety signal${signals.length === 1 ? '' : 's'}`
      : `mesodesk: ${signals.length} new safety signal${signals.length === 1 ? '' : 's'}`;
  const sections = signals.map((signal, i) => {
    const lots = signal.lots.map((l) => `  - ${l.productName}, lot ${l.lotNumber}`);
    const patients = signal.patientIds.map((id) => `  - ${base}/patients/${id}`);
    return [
      `${i + 1}. ${describe(signal)}`,
      '',
      `Lots to quarantine (${signal.lots.length}):`,
      ...(lots.length ? lots : ['  - none charted']),
      '',
      `Patients to contact (${signal.patientIds.length}), everyone treated, not only those who reported:`,
      ...patients,
    ].join('\n');
  });
  return {
    subject,
    body: [
      'Side-effect reports have raised new safety signals.',
      '',
      ...sections.flatMap((s) => [s, '']),
      `Acknowledge them and see the details: ${base}/safety-signals`,
      'How signals are raised: docs/safety-signals.md.',
    ].join('\n'),
  };
}
