/**
 * The frame of every page the server renders (the desk at `/`, the entry pages): a phone-width
 * viewport, the styles, a skip link and the navigation. Scripts carry a per-response nonce (the
 * Content-Security-Policy allows no other script), so markup that escaped escaping could not run.
 */
import { randomBytes } from 'node:crypto';
import type { Response } from 'express';
import { esc } from './render-html.js';

const STYLE = `
*,*::before,*::after{box-sizing:border-box}
body{font:16px/1.5 system-ui,sans-serif;max-width:960px;margin:0 auto;padding:0 1rem 3rem;color:#1d1d1f;background:#fff}
header{display:flex;flex-wrap:wrap;gap:.5rem 1.25rem;align-items:baseline;padding:1rem 0;border-bottom:1px solid #ddd}
header .brand{font-weight:700;font-size:1.25rem;color:inherit;text-decoration:none}
a{color:#0b57d0}a:visited{color:#6a2c91}
:focus-visible{outline:3px solid #0b57d0;outline-offset:2px;border-radius:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:.5rem;background:#fff;padding:.25rem .5rem;z-index:1}
textarea,input[type=search],input[type=text],select{width:100%;font:inherit;padding:.5rem;border:1px solid #767676;border-radius:4px}
select{width:auto}
label{display:block;margin:.5rem 0 .25rem;font-weight:600}
label.inline{display:inline-flex;gap:.4rem;align-items:center;font-weight:400;margin-right:1rem}
button{font:inherit;min-height:44px;padding:.4rem 1.1rem;margin:.5rem .5rem 0 0;border:1px solid #0b57d0;border-radius:4px;background:#0b57d0;color:#fff;cursor:pointer}
button:hover{background:#0842a0}
.item{border-left:4px solid #767676;padding:.5rem 1rem;margin:1rem 0;background:#f6f6f6;overflow-wrap:anywhere}
.item.alert{border-color:#b3261e}.item.calm{border-color:#1e7a46}
.verdict{font-weight:600}.muted{color:#595959;font-size:.9em}.note{font-style:italic}
blockquote{margin:.5rem 0;padding-left:.75rem;border-left:3px solid #ccc}
.entry{margin:.75rem 0}.entry h3{margin:.25rem 0;font-size:1.05em}
section{margin:2rem 0}
.totals{display:grid;grid-template-columns:repeat(auto-fit,minmax(7.5rem,1fr));gap:.5rem;margin:1rem 0;padding:0}
.totals div{background:#f6f6f6;border-radius:6px;padding:.5rem .75rem}
.totals dt{font-size:.85em;color:#595959}.totals dd{margin:0;font-size:1.6rem;font-weight:700}
.windows a{margin-right:.75rem}.windows [aria-current]{font-weight:700;color:inherit;text-decoration:none}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch}
table{border-collapse:collapse;width:100%;font-size:.95em}
th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #e3e3e3;vertical-align:top}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
td{overflow-wrap:break-word}
td ul{margin:0;padding-left:1.1rem}
.outcome-alert{color:#b3261e;font-weight:600}.outcome-unreadable{color:#8a5300}
.chart{margin:1rem 0}.chart svg{width:100%;max-width:720px;height:auto;display:block}
.chart text{font-size:13px;fill:#444}.chart .axis{stroke:#999}
.bar-checks,.key-checks{fill:#9aa7b8;background:#9aa7b8}.bar-alerts,.key-alerts{fill:#b3261e;background:#b3261e}
.key{display:inline-block;width:.8em;height:.8em;vertical-align:baseline;margin-left:.25rem}
details summary{cursor:pointer;margin:.5rem 0}
pre.jsonld{background:#f6f6f6;padding:.75rem;overflow-x:auto;font-size:.85em}
@media (max-width:600px){body{font-size:15px}.totals dd{font-size:1.3rem}th,td{padding:.3rem}
table.stack thead{position:absolute;left:-9999px}
table.stack,table.stack tbody,table.stack tr,table.stack td,table.stack th{display:block;width:100%}
table.stack tr{border-bottom:1px solid #ccc;padding:.5rem 0}
table.stack td,table.stack th{border:0;padding:.1rem 0;text-align:left}
table.stack td:empty{display:none}
table.stack td[data-label]::before{content:attr(data-label) ": ";font-weight:600;color:#595959}
table.stack td ul{display:inline-block;vertical-align:top;margin:0;padding-left:1rem}}
`;

export interface Shell {
  title: string;
  main: string;
  /** Client script, without the <script> tag. */
  script?: string;
  /** Put in <head> as is (e.g. the JSON-LD data block): must already be safe. */
  head?: string;
  lang?: string;
}

/** Sends a rendered page with its policy: scripts by nonce only, nothing fetched from elsewhere. */
export function sendPage(res: Response, shell: Shell, status = 200): void {
  const nonce = randomBytes(16).toString('base64');
  res.setHeader(
    'Content-Security-Policy',
    `default-src 'self'; script-src 'nonce-${nonce}'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'`,
  );
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cache-Control', 'no-store');
  res.status(status).type('html').send(renderShell(shell, nonce));
}

export function renderShell(shell: Shell, nonce: string): string {
  const script = shell.script ? `<script nonce="${nonce}">${shell.script}</script>` : '';
  return `<!doctype html>
<html lang="${esc(shell.lang ?? 'en')}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">
<title>${esc(shell.title)}</title>
<style>${STYLE}</style>${shell.head ?? ''}</head>
<body>
<a class="skip" href="#main">Skip to the content</a>
<header><a class="brand" href="/">claimdesk</a>
<nav aria-label="Desk"><a href="/#check-h">Check</a> · <a href="/#digest-h">Digest</a> · <a href="/#recent-h">Recent checks</a> · <a href="/#catalogue-h">Catalogue</a></nav></header>
<main id="main" tabindex="-1">
${shell.main}
</main>
${script}
</body></html>`;
}
