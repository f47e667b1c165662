/**
 * Outline drawings the injection points are placed on, all in one 200×260 box so that a point's
 * position (0..1 from the left and top) means the same on screen, in the database and in exports.
 */
export type MapKind = 'face' | 'scalp' | 'body';

export const mapWidth = 200;
export const mapHeight = 260;

const stroke = {
  fill: 'none',
  stroke: 'var(--mantine-color-gray-6)',
  strokeWidth: 1.5,
  strokeLinecap: 'round' as const,
  strokeLinejoin: 'round' as const,
};

function Face() {
  return (
    <g {...stroke}>
      <ellipse cx="100" cy="112" rx="62" ry="84" />
      <path d="M38 108c-10 0-12 26 2 30M162 108c10 0 12 26-2 30" />
      <path d="M62 92q14-8 28 0M110 92q14-8 28 0" />
      <ellipse cx="76" cy="104" rx="10" ry="5" />
      <ellipse cx="124" cy="104" rx="10" ry="5" />
      <path d="M100 106v28q-8 6 0 8q8-2 0-8" />
      <path d="M80 160q20 12 40 0" />
      <path d="M72 190q28 22 56 0M78 194v40M122 194v40M40 256q60-30 120 0" />
    </g>
  );
}

function Scalp() {
  return (
    <g {...stroke}>
      <ellipse cx="100" cy="130" rx="74" ry="96" />
      <path d="M100 30v6M94 30l6-10l6 10" />
      <path d="M28 128c-10-2-10 26 2 26M172 128c10-2 10 26-2 26" />
      <path d="M60 60q40-24 80 0" strokeDasharray="4 4" />
      <circle cx="100" cy="150" r="6" />
      <path d="M100 44v188M28 140h144" strokeDasharray="2 6" />
    </g>
  );
}

function Body() {
  return (
    <g {...stroke}>
      <circle cx="100" cy="22" r="14" />
      <path d="M92 36v8M108 36v8" />
      <path d="M70 48q30-8 60 0l12 6 10 60-8 2-12-50v60q4 20 0 30l-4 100h-14l-6-92h-4l-6 92h-14l-4-100q-4-10 0-30v-60l-12 50-8-2 10-60z" />
      <path d="M78 112h44M76 140h48" strokeDasharray="3 5" />
    </g>
  );
}

export function MapOutline({ kind }: { kind: MapKind }) {
  if (kind === 'scalp') return <Scalp />;
  if (kind === 'body') return <Body />;
  return <Face />;
}

/** The drawing for an area's region (areas.yaml: face, scalp or body). */
export function mapKindOf(region: string | undefined): MapKind {
  return region === 'scalp' || region === 'body' ? region : 'face';
}
