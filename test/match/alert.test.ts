import { describe, expect, it } from 'vitest';
import type { Match, Stance } from '../../src/model/types.js';
import { isAlert, isAlerting } from '../../src/model/alert.js';

const m = (stance: Stance, confidence: number): Match => ({
  id: 'x',
  kind: 'claim',
  stance,
  confidence,
  method: 'lexical',
  evidence: [],
});

describe('isAlert', () => {
  it('alerts on promotes and unclear at or above the threshold', () => {
    expect(isAlert([m('promotes', 0.5)], 0.5)).toBe(true);
    expect(isAlert([m('unclear', 0.7)], 0.5)).toBe(true);
    expect(isAlert([m('promotes', 0.49)], 0.5)).toBe(false);
  });
  it('never alerts on reports or debunks, however confident', () => {
    expect(isAlert([m('reports', 0.99), m('debunks', 0.99)], 0.1)).toBe(false);
    expect(isAlerting(m('debunks', 1), 0)).toBe(false);
  });
  it('alerts when any match alerts, and not on nothing', () => {
    expect(isAlert([m('debunks', 0.9), m('promotes', 0.6)], 0.5)).toBe(true);
    expect(isAlert([], 0.5)).toBe(false);
  });
});
