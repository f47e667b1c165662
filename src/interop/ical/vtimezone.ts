import { createRequire } from 'node:module';
import type ICAL from 'ical.js';
import type { Temporal } from 'temporal-polyfill';
import type * as TimezoneLibrary from 'timezones-ical-library';

/**
 * A zone's RFC 5545 VTIMEZONE, from timezones-ical-library: the IANA database turned into
 * iCalendar rules by vzic, with the zones' own abbreviations (Europe/Dublin's IST and GMT, say).
 * Its rules are the zone's current ones, written as holding since 1970; `reads` tells, for a given
 * moment, whether a calendar reading the local time against them (as ical.js does) lands on that
 * moment, so the caller can write the others (years before a zone last changed its rules) in UTC.
 */
export interface ZoneDefinition {
  vtimezone: string;
  reads(moment: Temporal.ZonedDateTime): boolean;
}

interface Libraries {
  ical: typeof ICAL;
  zones: typeof TimezoneLibrary;
  known: ReadonlySet<string>;
}

let libraries: Libraries | undefined;
/** Loaded with the first calendar rather than at import: together they would add some 60 ms to every server start. */
function loadLibraries(): Libraries {
  if (!libraries) {
    const require = createRequire(import.meta.url);
    const zones = require('timezones-ical-library') as typeof TimezoneLibrary;
    libraries = {
      ical: require('ical.js') as typeof ICAL,
      zones,
      known: new Set(zones.tzlib_get_timezones(false) as string[]),
    };
  }
  return libraries;
}

function define(zone: string, { ical, zones }: Libraries): ZoneDefinition | undefined {
  const [block] = zones.tzlib_get_ical_block(zone, false) as string[];
  if (!block) return undefined;
  // An alias (Europe/Kiev) comes back under the zone it links to (Europe/Kyiv); events name the alias.
  const vtimezone = block.replace(/^TZID:.*$/m, `TZID:${zone}`);
  const rules = new ical.Timezone(new ical.Component(ical.parse(vtimezone)));
  const reads = (moment: Temporal.ZonedDateTime) => {
    const { year, month, day, hour, minute, second } = moment;
    const read = ical.Time.fromData({ year, month, day, hour, minute, second, isDate: false }, rules);
    return read.toUnixTime() === Math.floor(moment.epochMilliseconds / 1000);
  };
  return { vtimezone, reads };
}

const definitions = new Map<string, ZoneDefinition | undefined>();

/** The zone's VTIMEZONE and its check; undefined for a zone the library does not know (write its events in UTC). */
export function zoneDefinition(zone: string): ZoneDefinition | undefined {
  const loaded = loadLibraries();
  // Asked about a zone it does not know, the library logs an error: it is only asked about known ones
  // (which also bounds the cache).
  if (!loaded.known.has(zone)) return undefined;
  if (!definitions.has(zone)) definitions.set(zone, define(zone, loaded));
  return definitions.get(zone);
}
