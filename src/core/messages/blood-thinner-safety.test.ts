import { describe, expect, it } from 'vitest';
import { makeIntake, testKnowledgeBase } from '../../test-support/intake-builder.js';
import { assess } from '../assessment/assess.js';
import { keepTakingBloodThinners, mightStopBloodThinners, safeInstructions, saysKeepTakingBloodThinners, withKeepTakingLine } from './blood-thinner-safety.js';

describe('blood-thinner safety of message texts', () => {
  it('recognises advice to stop, pause or skip an anticoagulant or antiplatelet', () => {
    for (const text of [
      'Stop your anticoagulant five days before.',
      'Please pause warfarin for two days.',
      'Skip clopidogrel on the morning of the session.',
      'Discontinue blood thinners a week ahead.',
      'Come off your DOAC the day before.',
      'Take ibuprofen. Stop rivaroxaban.',
    ])
      expect(mightStopBloodThinners(text), text).toBe(true);
  });

  it('lets through advice to keep taking them, and advice about NSAIDs alone', () => {
    for (const text of [
      keepTakingBloodThinners,
      'Keep taking any prescribed anticoagulant or antiplatelet medicine exactly as prescribed.',
      'This never means stopping a prescribed blood thinner.',
      'Do not stop your anticoagulant.',
      'Avoid aspirin and other NSAID painkillers for one week. If a doctor prescribed one, ask that doctor before changing anything.',
    ])
      expect(mightStopBloodThinners(text), text).toBe(false);
  });

  it("passes every preparation and aftercare text of the knowledge base's plan", () => {
    const plan = assess(makeIntake(), testKnowledgeBase()).plan;
    const items = [...(plan?.preparation ?? []), ...(plan?.aftercare ?? [])];
    expect(items.length).toBeGreaterThan(10);
    expect(safeInstructions(items)).toEqual(items);
  });

  it('adds the keep-taking line only when no line says it already', () => {
    expect(withKeepTakingLine(['Avoid alcohol.'])).toEqual(['Avoid alcohol.', keepTakingBloodThinners]);
    const lines = ['Avoid alcohol.', 'Continue your antiplatelet medicine as prescribed.'];
    expect(saysKeepTakingBloodThinners(lines[1] ?? '')).toBe(true);
    expect(withKeepTakingLine(lines)).toEqual(lines);
  });
});
