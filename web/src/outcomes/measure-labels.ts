import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/use-format';
import type { MeasureDefinition } from './measure-types';

/**
 * Labels of measures, raters, sites, photo views and scale levels. A level with no text of its own
 * (most of a 0-10 pain scale) is shown as its number.
 */
export function useMeasureLabels() {
  const { t } = useTranslation();
  const format = useFormat();
  const group = useCallback(
    (key: 'measures' | 'raters' | 'sites' | 'photoViews', code: string) =>
      (t(`outcomeMeasures.${key}`, { returnObjects: true }) as Record<string, string>)[code] ?? code.replace(/_/g, ' '),
    [t],
  );
  const levels = useMemo(
    () => t('outcomeMeasures.levels', { returnObjects: true }) as Record<string, Record<string, string>>,
    [t],
  );

  return useMemo(
    () => ({
      measure: (code: string) => group('measures', code),
      rater: (code: string) => group('raters', code),
      site: (code: string) => group('sites', code),
      photoView: (code: string) => group('photoViews', code),
      /** "2: Much improved" for a level; centimetres for a tape measure. */
      value(definition: MeasureDefinition, value: number): string {
        const { scale } = definition;
        if (scale.kind === 'quantity') return `${format.number(value)} ${scale.unit}`;
        const level = scale.levels.find((l) => l.value === value);
        const text = level && levels[definition.code]?.[level.code];
        if (!text) return String(value);
        // Grades carry their own number ("III: ..."); named levels get theirs in front.
        return /^[0-9IVX]+:/.test(text) ? text : `${value}: ${text}`;
      },
      seriesName(rater: string, site: string | null) {
        return site
          ? t('outcomeMeasures.seriesNameAtSite', { rater: group('raters', rater), site: group('sites', site) })
          : t('outcomeMeasures.seriesName', { rater: group('raters', rater) });
      },
    }),
    [group, levels, format, t],
  );
}
