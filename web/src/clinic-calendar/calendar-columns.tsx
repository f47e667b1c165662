import { createContext, useContext, useMemo, type CSSProperties, type ReactNode, type Ref } from 'react';
import { columnBackground, shadeRuns, type ShadeOf } from './calendar-shading';

const ShadeContext = createContext<{ shade: ShadeOf; slotMs: number } | null>(null);
export const ColumnShadeProvider = ShadeContext.Provider;

/** What react-big-calendar gives a day column's wrapper. */
interface DayColumnProps {
  ref?: Ref<HTMLDivElement>;
  className?: string;
  style?: CSSProperties;
  resource?: string | number | null;
  slotMetrics?: { groups: Date[][] };
  children?: ReactNode;
}

/**
 * A day column of the grid that shades its own background (off time, closed time, a line per slot)
 * from the slots the calendar laid out for it. The calendar would otherwise draw a box for every
 * slot of every column, 5,600 in a week of twenty practitioners, to shade and rule them. A column
 * holding closed time carries `cal-closed`.
 */
export function ShadedDayColumn({ ref, className, style, resource, slotMetrics, children }: DayColumnProps) {
  const context = useContext(ShadeContext);
  const groups = slotMetrics?.groups;
  const resourceId = resource === null || resource === undefined ? undefined : String(resource);
  const shading = useMemo(() => {
    if (!context || !groups) return { runs: [], slots: 0 };
    const slots = groups.flat();
    return { runs: shadeRuns(context.shade, resourceId, slots, context.slotMs), slots: slots.length };
  }, [context, groups, resourceId]);
  const background = useMemo(() => columnBackground(shading.runs, shading.slots), [shading]);
  const closed = shading.runs.some((r) => r.shade === 'closed');
  return (
    <div ref={ref} className={closed ? `${className ?? ''} cal-closed` : className} style={{ ...style, ...background }}>
      {children}
    </div>
  );
}

/**
 * The wrapper of each slot: the time gutter's slots (no column, so no resource) keep their hour
 * labels; a day column's slots are left out, as ShadedDayColumn draws them.
 */
export function GutterSlotsOnly({ resource, children }: { resource?: unknown; children?: ReactNode }) {
  return resource === undefined ? children : null;
}
