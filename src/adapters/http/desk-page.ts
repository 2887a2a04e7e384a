/** The editor's desk at `/`: the checker as before, the digest with its chart, the recent checks, the catalogue. */
import { DESK_SCRIPT } from './desk-script.js';
import type { Shell } from './page.js';
import { type DeskView, renderDesk } from './render-desk.js';

const LANGS = [
  ['en', 'English'],
  ['ru', 'Русский'],
  ['kk', 'Қазақша'],
] as const;

export function renderDeskPage(view: DeskView, lang: string, cardsHtml: string): Shell {
  const options = LANGS.map(
    ([v, label]) => `<option value="${v}"${v === lang ? ' selected' : ''}>${label}</option>`,
  ).join('');
  const main = `<section aria-labelledby="check-h">
<h1 id="check-h">Check a link or a text</h1>
<p>Paste a link or some text. claimdesk checks it against the catalogue of known claims and narratives
and shows the reply as the bot would post it in a thread.</p>
<form id="check">
<label for="input">Link or text</label>
<textarea id="input" name="input" rows="5" placeholder="https://… or the text of an article"></textarea>
<label class="inline"><input type="checkbox" id="offline"> lexical only (no AI classifier)</label>
<label class="inline">Reply language <select id="lang">${options}</select></label>
<div><button type="submit">Check</button></div>
</form>
<div id="result" aria-live="polite"></div>
</section>
<p id="desk-status" class="muted" aria-live="polite"></p>
<div id="desk">
${renderDesk(view)}
</div>
<section aria-labelledby="catalogue-h">
<h2 id="catalogue-h">Catalogue</h2>
<form id="lookup" role="search">
<label for="q">Search in English, Russian or Kazakh, or by id</label>
<input type="search" id="q" name="q">
<div><button type="submit">Search</button></div>
</form>
<div id="claims">${cardsHtml}</div>
</section>`;
  return { title: 'claimdesk · the editor’s desk', main, script: DESK_SCRIPT };
}
