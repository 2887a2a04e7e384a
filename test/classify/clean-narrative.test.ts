import { describe, expect, it } from 'vitest';
import { cleanNarrative } from '../../src/classify/validate.js';

describe('cleanNarrative (the "possibly new narrative" line shown to editors)', () => {
  it('removes addresses, masked links, mentions and control characters', () => {
    const raw =
      'New framing: see https://phish.example/login or www.evil.example and [this](https://x.example) @everyone <@U1>\u202e';
    const clean = cleanNarrative(raw) ?? '';
    expect(clean).not.toMatch(/https?:|www\.|\]\(|@everyone|[<>]|\u202e/);
    expect(clean).toContain('New framing: see [link removed]');
  });

  it('treats empty and "none" answers as no narrative, and caps the length', () => {
    expect(cleanNarrative('none')).toBeNull();
    expect(cleanNarrative('   ')).toBeNull();
    expect(cleanNarrative('a'.repeat(400))).toHaveLength(280);
  });
});
