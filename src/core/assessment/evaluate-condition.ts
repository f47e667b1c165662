import { addDays, addMonths, laterDate, type IsoDate } from '../dates/iso-date.js';
import type { RuleCondition } from '../knowledge/schema/rule-condition-schema.js';
import type { AllergyAnalysis } from './allergy-analysis.js';
import type { Intake, PatientCondition } from './intake-schema.js';

/** What a rule is evaluated against: the intake and what was derived from it once. */
export interface RuleContext {
  /** The intake with recognised codes written as the knowledge base's own (see `withCanonicalCodes`). */
  intake: Intake;
  age: number;
  allergy: AllergyAnalysis;
  /** Whether the knowledge base lists the requested area for the requested indication. */
  areaListed: boolean;
  /** The screening questions the intake leaves open, by field path (see `openQuestions`). */
  openQuestions: readonly string[];
}

/**
 * A match, and when a temporary match ends: `until` is the first day the reason no longer holds;
 * `openEnded` means the intake gives no date to compute it from (e.g. a medicine taken ongoing).
 */
export interface Match {
  matched: boolean;
  until?: IsoDate;
  openEnded: boolean;
}

const NO: Match = { matched: false, openEnded: false };
const YES: Match = { matched: true, openEnded: true };
const yes = (matched: boolean): Match => (matched ? YES : NO);

type AttributeValue = boolean | 'unknown';

function attributeMatches(actual: boolean | undefined, wanted: AttributeValue | AttributeValue[]): boolean {
  const value: AttributeValue = actual === undefined ? 'unknown' : actual;
  return Array.isArray(wanted) ? wanted.includes(value) : wanted === value;
}

function conditionMatches(
  c: PatientCondition,
  m: Extract<RuleCondition, { condition: unknown }>['condition'],
): boolean {
  if (m.codes && !m.codes.includes(c.code)) return false;
  if (m.controlled !== undefined && !attributeMatches(c.controlled, m.controlled)) return false;
  if (m.insulinDependent !== undefined && !attributeMatches(c.insulinDependent, m.insulinDependent)) return false;
  if (m.active !== undefined && !attributeMatches(c.active, m.active)) return false;
  if (m.medicationCount !== undefined) {
    if (m.medicationCount === 'unknown') return c.medicationCount === undefined;
    if (c.medicationCount === undefined || c.medicationCount < m.medicationCount.atLeast) return false;
  }
  return true;
}

/** Any of several matches: the latest `until` wins; any open-ended one keeps it open. */
function merge(matches: Match[]): Match {
  let out: Match = NO;
  for (const m of matches) {
    if (!m.matched) continue;
    out = { matched: true, openEnded: out.openEnded || m.openEnded, until: laterDate(out.until, m.until) };
  }
  return out;
}

/** All of several matches hold until the first of them ends; parts with no known end do not limit it. */
function mergeAll(matches: Match[]): Match {
  const dated = matches.filter((m) => !m.openEnded && m.until !== undefined);
  if (dated.length === 0) return YES;
  const until = dated.map((m) => m.until as IsoDate).reduce((a, b) => (a <= b ? a : b));
  return { matched: true, until, openEnded: false };
}

function withinWindow(eventDate: IsoDate | undefined, on: IsoDate, withinDays?: number, withinMonths?: number): Match {
  if (eventDate === undefined) return YES;
  const until = withinDays !== undefined ? addDays(eventDate, withinDays) : addMonths(eventDate, withinMonths ?? 0);
  return on < until ? { matched: true, until, openEnded: false } : NO;
}

export type CompiledCondition = (ctx: RuleContext) => Match;

/**
 * Turns a rule condition into a function once, so that assessing runs no interpretation of the rule
 * tree per intake (the engine is expected to assess 100 000 intakes a second on one core).
 */
export function compileCondition(condition: RuleCondition): CompiledCondition {
  if ('ageUnder' in condition) {
    const limit = condition.ageUnder;
    return (ctx) => yes(ctx.age < limit);
  }
  if ('patientFlag' in condition) {
    const flag = condition.patientFlag;
    return (ctx) => yes(ctx.intake.patient[flag] === true);
  }
  if ('siteFlag' in condition) {
    const flag = condition.siteFlag;
    return (ctx) => yes(ctx.intake.patient.site[flag] === true);
  }
  if ('condition' in condition) {
    const matcher = condition.condition;
    return (ctx) => yes(ctx.intake.patient.conditions.some((c) => conditionMatches(c, matcher)));
  }
  if ('medication' in condition) {
    const { classes, withinDays } = condition.medication;
    return (ctx) => {
      const matches: Match[] = [];
      for (const m of ctx.intake.patient.medications) {
        if (!classes.includes(m.class)) continue;
        // No window: any listed medicine counts. No date, or taken ongoing: it counts until the intake says otherwise.
        if (withinDays === undefined || m.ongoing === true || m.lastDose === undefined) matches.push(YES);
        else matches.push(withinWindow(m.lastDose, ctx.intake.request.date, withinDays));
      }
      return merge(matches);
    };
  }
  if ('recentEvent' in condition) {
    const { procedures = [], conditions = [], withinDays, withinMonths } = condition.recentEvent;
    return (ctx) => {
      const { patient, request } = ctx.intake;
      const matches: Match[] = [];
      const consider = (date: IsoDate | undefined) => {
        // An event dated after the session has not happened yet; it is no reason to wait.
        if (date === undefined || date <= request.date)
          matches.push(withinWindow(date, request.date, withinDays, withinMonths));
      };
      for (const p of patient.recentProcedures) if (procedures.includes(p.type)) consider(p.date);
      for (const c of patient.conditions) if (conditions.includes(c.code)) consider(c.date);
      return merge(matches);
    };
  }
  if ('requestArea' in condition) {
    const areas = condition.requestArea;
    return (ctx) => yes(areas.includes(ctx.intake.request.area));
  }
  if ('requestIndication' in condition) {
    const indications = condition.requestIndication;
    return (ctx) => yes(indications.includes(ctx.intake.request.indication));
  }
  if ('combinedProcedures' in condition) return (ctx) => yes(ctx.intake.request.combineWith.length > 0);
  if ('areaOutsideIndication' in condition) return (ctx) => yes(!ctx.areaListed);
  if ('allergy' in condition) {
    const a = condition.allergy;
    if (a === 'unavoidable') return (ctx) => yes(ctx.allergy.unavoidable);
    if (a === 'excluded') return (ctx) => yes(!ctx.allergy.unavoidable && ctx.allergy.excluded.length > 0);
    if (a === 'unrecognised') return (ctx) => yes(ctx.allergy.unrecognised.length > 0);
    return (ctx) => yes(a.to.some((id) => ctx.allergy.allergens.has(id)));
  }
  if ('screeningIncomplete' in condition) return (ctx) => yes(ctx.openQuestions.length > 0);
  if ('anyOf' in condition) {
    const parts = condition.anyOf.map(compileCondition);
    return (ctx) => merge(parts.map((p) => p(ctx)));
  }
  if ('allOf' in condition) {
    const parts = condition.allOf.map(compileCondition);
    return (ctx) => {
      const results: Match[] = [];
      for (const p of parts) {
        const r = p(ctx);
        if (!r.matched) return NO;
        results.push(r);
      }
      return mergeAll(results);
    };
  }
  const inner = compileCondition(condition.not);
  return (ctx) => yes(!inner(ctx).matched);
}

/** Evaluates a condition once (tests, tools); the engine uses `compileCondition`. */
export function evaluateCondition(condition: RuleCondition, ctx: RuleContext): Match {
  return compileCondition(condition)(ctx);
}
