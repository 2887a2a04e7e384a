/**
 * The desk's chart: checks and alerts per UTC day of the digest's window, as inline SVG drawn on
 * the server (no script, no CDN), with a title and description for screen readers and the same
 * numbers as a table for anyone who cannot see it.
 */
import type { CheckRecord } from '../../model/history.js';
import { esc } from './render-html.js';

const DAY_MS = 86_400_000;

export interface DayCount {
  /** YYYY-MM-DD (UTC). */
  day: string;
  checks: number;
  alerts: number;
}

/** One row per UTC day from `from` to just before `to`, zeros included; records outside are left out. */
export function countByDay(
  records: readonly Pick<CheckRecord, 'at' | 'outcome'>[],
  from: Date,
  to: Date,
): DayCount[] {
  const first = Math.floor(from.getTime() / DAY_MS);
  const last = Math.floor((to.getTime() - 1) / DAY_MS);
  const days: DayCount[] = [];
  for (let d = first; d <= last; d++) {
    days.push({ day: new Date(d * DAY_MS).toISOString().slice(0, 10), checks: 0, alerts: 0 });
  }
  for (const r of records) {
    const t = Date.parse(r.at);
    const slot = t >= from.getTime() && t < to.getTime() ? days[Math.floor(t / DAY_MS) - first] : undefined;
    if (!slot) continue;
    slot.checks += 1;
    if (r.outcome === 'alert') slot.alerts += 1;
  }
  return days;
}

const W = 480;
const H = 160;
const PAD = { top: 12, right: 8, bottom: 28, left: 32 };

function plural(n: number, one: string): string {
  return `${n} ${one}${n === 1 ? '' : 's'}`;
}

export function renderChart(days: readonly DayCount[]): string {
  const checks = days.reduce((s, d) => s + d.checks, 0);
  const alerts = days.reduce((s, d) => s + d.alerts, 0);
  const span = days.length ? `${days[0]?.day} to ${days[days.length - 1]?.day}` : 'no days';
  const title = `Checks and alerts per day, ${span} (UTC)`;
  const desc = `${plural(checks, 'check')} and ${plural(alerts, 'alert')} in ${plural(days.length, 'day')}.`;
  const max = Math.max(1, ...days.map((d) => d.checks));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(1, days.length);
  const barW = Math.max(2, Math.min(40, slot * 0.7));
  const y = (n: number) => PAD.top + plotH - (n / max) * plotH;
  const labelEvery = Math.ceil(days.length / 10);
  const bars = days
    .map((d, i) => {
      const x = PAD.left + i * slot + (slot - barW) / 2;
      const label =
        i % labelEvery === 0
          ? `<text x="${(x + barW / 2).toFixed(1)}" y="${H - 10}" text-anchor="middle">${esc(d.day.slice(5))}</text>`
          : '';
      return `<g><title>${esc(d.day)}: ${plural(d.checks, 'check')}, ${plural(d.alerts, 'alert')}</title>
<rect class="bar-checks" x="${x.toFixed(1)}" y="${y(d.checks).toFixed(1)}" width="${barW.toFixed(1)}" height="${(PAD.top + plotH - y(d.checks)).toFixed(1)}"/>
<rect class="bar-alerts" x="${x.toFixed(1)}" y="${y(d.alerts).toFixed(1)}" width="${barW.toFixed(1)}" height="${(PAD.top + plotH - y(d.alerts)).toFixed(1)}"/>${label}</g>`;
    })
    .join('\n');
  const axis = `<line class="axis" x1="${PAD.left}" y1="${PAD.top + plotH}" x2="${W - PAD.right}" y2="${PAD.top + plotH}"/>
<text x="${PAD.left - 6}" y="${PAD.top + 4}" text-anchor="end">${max}</text><text x="${PAD.left - 6}" y="${PAD.top + plotH}" text-anchor="end">0</text>`;
  const rows = days
    .map((d) => `<tr><th scope="row">${esc(d.day)}</th><td>${d.checks}</td><td>${d.alerts}</td></tr>`)
    .join('');
  return `<figure class="chart">
<svg viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="chart-title chart-desc" aria-label="${esc(title)}" xmlns="http://www.w3.org/2000/svg">
<title id="chart-title">${esc(title)}</title><desc id="chart-desc">${esc(desc)}</desc>
${axis}
${bars}
</svg>
<figcaption><span class="key key-checks"></span> checks <span class="key key-alerts"></span> alerts · ${esc(desc)}</figcaption>
<details><summary>The numbers by day</summary><div class="scroll"><table class="by-day">
<thead><tr><th scope="col">Day (UTC)</th><th scope="col">Checks</th><th scope="col">Alerts</th></tr></thead>
<tbody>${rows}</tbody></table></div></details>
</figure>`;
}
