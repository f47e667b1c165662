import { describe, expect, it } from 'vitest';
import { assess } from '../core/assessment/assess.js';
import { makeIntake, testKnowledgeBase } from '../test-support/intake-builder.js';
import { packJson, packJsonText, unpackJson, unpackJsonText } from './packed-json.js';

describe('packed JSON', () => {
  const kb = testKnowledgeBase();
  const result = assess(makeIntake(), kb);
  const json = JSON.stringify(result);

  it('gives back the very text it packed', () => {
    const packed = packJson(result);
    expect(packed).toMatch(/^~1:[A-Za-z0-9+/]+=*$/);
    expect(unpackJsonText(packed)).toBe(json);
    expect(unpackJson(packed)).toEqual(result);
    const unicode = { name: 'İrin, şişlik ve kızarıklık', emoji: '\u{1F489}', nul: '\u0000' };
    expect(unpackJson(packJson(unicode))).toEqual(unicode);
  });

  it('reads plain JSON, as stored before packing, as it is', () => {
    expect(unpackJsonText(json)).toBe(json);
    expect(unpackJson<{ verdict: string }>(json).verdict).toBe(result.verdict);
  });

  it('stores an assessment result in a small part of its JSON', () => {
    // The dictionary holds the knowledge base's texts; if it stopped matching them, this would grow.
    expect(packJsonText(json).length).toBeLessThan(json.length / 8);
  });

  it('refuses a value naming a dictionary it does not have, instead of guessing', () => {
    expect(() => unpackJsonText('~x:AAAA')).toThrow(/unknown dictionary/);
    expect(() => unpackJsonText('~999:AAAA')).toThrow();
  });
});
