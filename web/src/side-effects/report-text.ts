/** What a report says: the ticked symptoms in the reader's language, then the reporter's own words, quoted. */
export function reportText(
  report: { symptom: string; symptoms: readonly string[] },
  label: (code: string) => string,
): string {
  const ticked = report.symptoms.map(label).join('; ');
  const words = report.symptom.trim() ? `“${report.symptom.trim()}”` : '';
  return [ticked, words].filter(Boolean).join(' — ');
}
