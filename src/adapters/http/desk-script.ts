/**
 * The desk's script (inline, by nonce): checks from the page (labelled as the page's own with the
 * surface header), the catalogue search, the live digest after each check, and the API token of
 * `?token=` carried to the API as a header and to the desk's own links as `?token=`.
 */
export const DESK_SCRIPT = String.raw`
const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);
const token = params.get('token');
const auth = token ? { authorization: 'Bearer ' + token } : {};
const deskQuery = new URLSearchParams();
for (const k of ['days', 'team']) if (params.get(k)) deskQuery.set(k, params.get(k));
function carryToken(root) {
  if (!token || !root) return;
  for (const a of root.querySelectorAll('a[href^="/"]')) {
    const u = new URL(a.getAttribute('href'), location.origin);
    u.searchParams.set('token', token);
    a.setAttribute('href', u.pathname + u.search + u.hash);
  }
}
carryToken(document);
if ($('lang') && ['en', 'ru', 'kk'].includes(params.get('lang'))) $('lang').value = params.get('lang');
async function getJson(path) {
  const r = await fetch(path, { headers: auth });
  const j = await r.json();
  if (!r.ok) throw new Error(j.error ? j.error.message : 'Request failed');
  return j;
}
async function preview(body) {
  const r = await fetch('/api/preview?lang=' + $('lang').value, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-claimdesk-surface': 'page', ...auth },
    body: JSON.stringify(body),
  });
  const j = await r.json();
  if (!r.ok) throw new Error(j.error ? j.error.message : 'Request failed');
  return j;
}
async function refreshDesk() {
  try {
    const j = await getJson('/api/desk?' + deskQuery.toString());
    $('desk').innerHTML = j.html;
    carryToken($('desk'));
  } catch (err) {
    $('desk-status').textContent = 'The digest could not be refreshed: ' + err.message;
  }
}
if ($('check')) $('check').addEventListener('submit', async (e) => {
  e.preventDefault();
  const v = $('input').value.trim();
  if (!v) { $('result').textContent = 'Paste a link or some text first.'; $('input').focus(); return; }
  const button = $('check').querySelector('button');
  button.disabled = true;
  $('result').textContent = 'Checking…';
  const body = /^https?:\/\/\S+$/i.test(v) ? { url: v } : { text: v };
  body.offline = $('offline').checked;
  try {
    $('result').innerHTML = (await preview(body)).html;
    carryToken($('result'));
    await refreshDesk();
  } catch (err) {
    $('result').textContent = err.message;
  } finally {
    button.disabled = false;
  }
});
if ($('lookup')) $('lookup').addEventListener('submit', async (e) => {
  e.preventDefault();
  const q = $('q').value.trim();
  const lang = 'lang=' + $('lang').value;
  try {
    const j = await getJson(q ? '/api/lookup?html=1&' + lang + '&q=' + encodeURIComponent(q) : '/api/claims?html=1&' + lang);
    $('claims').innerHTML = j.html || '<p class="muted">No entries match.</p>';
    carryToken($('claims'));
  } catch (err) {
    $('claims').textContent = err.message;
  }
});
`;

/** Entry pages only carry the token to their links. */
export const LINKS_SCRIPT = `
const token = new URLSearchParams(location.search).get('token');
if (token) for (const a of document.querySelectorAll('a[href^="/"]')) {
  const u = new URL(a.getAttribute('href'), location.origin);
  u.searchParams.set('token', token);
  a.setAttribute('href', u.pathname + u.search + u.hash);
}
`;
