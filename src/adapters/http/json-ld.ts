/** JSON inside a <script> data block: no character in it can end the block or open a comment. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function jsonLdBlock(value: unknown): string {
  return `<script type="application/ld+json">${scriptJson(value)}</script>`;
}
