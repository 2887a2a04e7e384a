/** Where the shipped language folders are: lang/ at the package root, found from this file (src/ or dist/src/). */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** lang/ beside the nearest package.json above this module; ./lang when there is none. */
export function packageLangDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'lang'))) return join(dir, 'lang');
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return resolve('lang');
}
