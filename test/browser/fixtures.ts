/**
 * Texts and pages for the desk's tests (HTTP and browser), written for them: one text that pushes
 * the NATO-centre claim (an alert), one that debunks it, one ordinary news item, and an article
 * whose title tries to inject markup into the desk.
 */
export const ALERTING_TEXT =
  'Kazakhstan has quietly allowed NATO to open a peacekeeping centre in Almaty, where its officers will now train to alliance standards under American instructors.';

export const DEBUNKING_TEXT =
  'Fact check: claims that NATO opened a centre in Almaty are false, the Defence Ministry said; the hall belongs to its own peacekeeping centre.';

export const NEUTRAL_TEXT =
  'The wheat harvest in the north of Kazakhstan was larger than usual this autumn, the farmers union said.';

/** A title an attacker controls: markup, an event handler and a javascript: link. */
export const HOSTILE_TITLE =
  '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2"><a href="javascript:alert(1)">NATO</a> centre';

/** The hostile title as the page's <title> (escaped once, as a real page would carry it), over a text that alerts. */
export const HOSTILE_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>${HOSTILE_TITLE.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</title>
<meta property="og:title" content="${HOSTILE_TITLE.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')}"></head>
<body><main><article><p>${ALERTING_TEXT}</p>
<p>Local commentators say the decision shows that Astana has chosen the West and will host alliance trainers from now on.</p>
</article></main></body></html>`;
