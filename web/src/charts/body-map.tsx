import { Box } from '@mantine/core';
import { useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { roundPosition } from './chart-draft';
import { MapOutline, mapHeight, mapWidth, type MapKind } from './map-outlines';

interface Props {
  kind: MapKind;
  points: { x: number; y: number }[];
  /** Absent for a read-only map. */
  onPlace?: (x: number, y: number) => void;
}

const step = 0.02;

/**
 * The map the practitioner clicks to place injection points. For keyboards it is one focusable
 * control: arrow keys move a cross (Shift for bigger steps), Enter or Space places a point there.
 */
export function BodyMap({ kind, points, onPlace }: Props) {
  const { t } = useTranslation();
  const [cursor, setCursor] = useState({ x: 0.5, y: 0.5 });
  const [focused, setFocused] = useState(false);

  const click = (event: MouseEvent<SVGSVGElement>) => {
    if (!onPlace) return;
    const box = event.currentTarget.getBoundingClientRect();
    onPlace(
      roundPosition((event.clientX - box.left) / box.width),
      roundPosition((event.clientY - box.top) / box.height),
    );
  };

  const key = (event: KeyboardEvent<SVGSVGElement>) => {
    if (!onPlace) return;
    const d = event.shiftKey ? step * 5 : step;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-d, 0],
      ArrowRight: [d, 0],
      ArrowUp: [0, -d],
      ArrowDown: [0, d],
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      setCursor((c) => ({ x: roundPosition(c.x + move[0]), y: roundPosition(c.y + move[1]) }));
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onPlace(cursor.x, cursor.y);
    }
  };

  return (
    <Box
      maw={360}
      w="100%"
      style={{
        border: '1px solid var(--mantine-color-gray-4)',
        borderRadius: 'var(--mantine-radius-md)',
        background: 'var(--mantine-color-gray-0)',
      }}
    >
      <svg
        viewBox={`0 0 ${mapWidth} ${mapHeight}`}
        width="100%"
        role={onPlace ? 'application' : 'img'}
        aria-label={t('chart.mapLabel', { map: t(`chart.maps.${kind}`) })}
        tabIndex={onPlace ? 0 : undefined}
        onClick={click}
        onKeyDown={key}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
        style={{ display: 'block', cursor: onPlace ? 'crosshair' : 'default', touchAction: 'manipulation' }}
        data-testid="body-map"
      >
        <MapOutline kind={kind} />
        {points.map((p, i) => (
          <g key={i} transform={`translate(${p.x * mapWidth} ${p.y * mapHeight})`}>
            <circle r="6" fill="var(--mantine-color-red-8)" stroke="#fff" strokeWidth="1.5" />
            <text y="3" textAnchor="middle" fontSize="7" fill="#fff" fontWeight="700">
              {i + 1}
            </text>
          </g>
        ))}
        {onPlace && focused && (
          <g
            transform={`translate(${cursor.x * mapWidth} ${cursor.y * mapHeight})`}
            stroke="var(--mantine-color-cyan-9)"
            strokeWidth="1.5"
          >
            <path d="M-10 0h20M0 -10v20" />
            <circle r="4" fill="none" />
          </g>
        )}
      </svg>
    </Box>
  );
}
