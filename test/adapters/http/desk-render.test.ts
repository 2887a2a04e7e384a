/** The desk's pure renderers: the chart's day buckets and SVG, and JSON that cannot break out of a script block. */
import { describe, expect, it } from 'vitest';
import { digestWindow } from '../../../src/pipeline/digest-service.js';
import { scriptJson } from '../../../src/adapters/http/json-ld.js';
import { parseDays, parseTeam } from '../../../src/adapters/http/query.js';
import { countByDay, renderChart } from '../../../src/adapters/http/render-chart.js';

const at = (iso: string, outcome: 'alert' | 'silent' | 'unreadable' = 'silent') => ({ at: iso, outcome });

describe('countByDay', () => {
  it('gives one row per UTC day of the window, zeros included, and counts alerts apart', () => {
    const { from, to } = digestWindow(3, new Date('2026-03-10T15:00:00Z'));
    expect(from.toISOString()).toBe('2026-03-08T00:00:00.000Z');
    const days = countByDay(
      [
        at('2026-03-08T00:00:00Z', 'alert'),
        at('2026-03-08T23:59:59.999Z'),
        at('2026-03-10T14:59:00Z', 'alert'),
        at('2026-03-10T14:59:30Z', 'unreadable'),
        at('2026-03-07T23:59:59Z', 'alert'),
        at('2026-03-10T15:00:01Z'),
      ],
      from,
      to,
    );
    expect(days).toEqual([
      { day: '2026-03-08', checks: 2, alerts: 1 },
      { day: '2026-03-09', checks: 0, alerts: 0 },
      { day: '2026-03-10', checks: 2, alerts: 1 },
    ]);
  });

  it('spans the calendar days of any window', () => {
    const days = countByDay([], new Date('2026-03-01T12:00:00Z'), new Date('2026-03-03T00:00:00Z'));
    expect(days.map((d) => d.day)).toEqual(['2026-03-01', '2026-03-02']);
  });
});

describe('renderChart', () => {
  const days = [
    { day: '2026-03-08', checks: 4, alerts: 1 },
    { day: '2026-03-09', checks: 0, alerts: 0 },
    { day: '2026-03-10', checks: 2, alerts: 2 },
  ];
  const svg = renderChart(days);

  it('names what it shows for screen readers, and gives the numbers as a table', () => {
    expect(svg).toContain(
      '<title id="chart-title">Checks and alerts per day, 2026-03-08 to 2026-03-10 (UTC)</title>',
    );
    expect(svg).toContain('<desc id="chart-desc">6 checks and 3 alerts in 3 days.</desc>');
    expect(svg).toContain('<title>2026-03-09: 0 checks, 0 alerts</title>');
    expect(svg).toContain('<tr><th scope="row">2026-03-08</th><td>4</td><td>1</td></tr>');
  });

  it('draws bars in proportion to the busiest day', () => {
    const heights = [...svg.matchAll(/class="bar-(checks|alerts)"[^>]*height="([\d.]+)"/g)].map((m) => [
      m[1],
      Number(m[2]),
    ]);
    const full = 160 - 12 - 28;
    expect(heights).toEqual([
      ['checks', full],
      ['alerts', full / 4],
      ['checks', 0],
      ['alerts', 0],
      ['checks', full / 2],
      ['alerts', full / 2],
    ]);
  });

  it('draws an empty window without dividing by zero', () => {
    const empty = renderChart([{ day: '2026-03-08', checks: 0, alerts: 0 }]);
    expect(empty).not.toMatch(/NaN|Infinity/);
    expect(empty).toContain('0 checks and 0 alerts in 1 day.');
  });
});

describe('scriptJson', () => {
  it('keeps the value and leaves nothing that ends a script block or opens a comment', () => {
    const value = { a: '</script><script>alert(1)</script>', b: '<!-- x -->', c: 'a & b', d: '\u2028\u2029' };
    const out = scriptJson(value);
    expect(out).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(out)).toEqual(value);
  });
});

describe('query parameters', () => {
  it('reads ?days= as 1 to 365 (default 7) and ?team= as an id', () => {
    expect([undefined, '1', '365', '007'].map(parseDays)).toEqual([7, 1, 365, 7]);
    expect(['0', '366', '1e2', ' 7', ['7']].map(parseDays)).toEqual([null, null, null, null, null]);
    expect([undefined, 'T024BE7LD', '123456789012345678'].map(parseTeam)).toEqual([
      undefined,
      'T024BE7LD',
      '123456789012345678',
    ]);
    expect(['', 'a b', '<x>', ['T1']].map(parseTeam)).toEqual([null, null, null, null]);
  });
});
