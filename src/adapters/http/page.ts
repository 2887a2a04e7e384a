/** The local page at `/`: paste a link or text, see the reply as the bot would post it; browse the catalogue. */
export const PAGE_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>claimdesk</title>
<style>
body{font:16px/1.45 system-ui,sans-serif;max-width:900px;margin:2rem auto;padding:0 1rem;color:#1d1d1f}
textarea,input{width:100%;box-sizing:border-box;font:inherit;padding:.5rem}
button{font:inherit;padding:.4rem 1rem;margin:.5rem .5rem 0 0}
.item{border-left:4px solid #999;padding:.5rem 1rem;margin:1rem 0;background:#f7f7f7}
.item.alert{border-color:#c0392b}.item.calm{border-color:#2e8b57}
.verdict{font-weight:600}.muted{color:#666;font-size:.9em}.note{font-style:italic}
blockquote{margin:.5rem 0;padding-left:.75rem;border-left:3px solid #ccc}
.entry{margin:.75rem 0}.entry h3{margin:.25rem 0;font-size:1.05em}
nav a{margin-right:1rem}
</style></head>
<body>
<h1>claimdesk</h1>
<p>Paste a link or some text. claimdesk checks it against the catalogue of known claims and narratives
and shows the reply as the bot would post it in a thread.</p>
<form id="check"><textarea id="input" rows="5" placeholder="https://… or the text of an article"></textarea>
<label><input type="checkbox" id="offline" style="width:auto"> lexical only (no AI classifier)</label>
<label>Reply language <select id="lang" style="width:auto"><option value="en">English</option><option value="ru">Русский</option><option value="kk">Қазақша</option></select></label><br>
<button type="submit">Check</button></form>
<div id="result" aria-live="polite"></div>
<h2>Catalogue</h2>
<form id="lookup"><input id="q" placeholder="search in English, Russian or Kazakh, or an id"></form>
<div id="claims"></div>
<script>
const $ = (id) => document.getElementById(id);
const token = new URLSearchParams(location.search).get('token');
const auth = token ? { authorization: 'Bearer ' + token } : {};
const params = new URLSearchParams(location.search);
if (['en', 'ru', 'kk'].includes(params.get('lang'))) $('lang').value = params.get('lang');
async function post(body) {
  const r = await fetch('/api/preview?lang=' + $('lang').value, { method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body: JSON.stringify(body) });
  const j = await r.json();
  if (!r.ok) throw new Error(j.error ? j.error.message : 'Request failed');
  return j;
}
$('check').addEventListener('submit', async (e) => {
  e.preventDefault();
  const v = $('input').value.trim();
  if (!v) return;
  $('result').textContent = 'Checking…';
  const body = /^https?:\\/\\/\\S+$/i.test(v) ? { url: v } : { text: v };
  body.offline = $('offline').checked;
  try { $('result').innerHTML = (await post(body)).html; } catch (err) { $('result').textContent = err.message; }
});
async function showClaims(q) {
  const lang = '&lang=' + $('lang').value;
  const r = await fetch((q ? '/api/lookup?html=1&q=' + encodeURIComponent(q) : '/api/claims?html=1') + lang, { headers: auth });
  const j = await r.json();
  $('claims').innerHTML = j.html || '<p class="muted">No entries match.</p>';
}
$('lookup').addEventListener('submit', (e) => { e.preventDefault(); showClaims($('q').value.trim()); });
showClaims('');
</script>
</body></html>`;
