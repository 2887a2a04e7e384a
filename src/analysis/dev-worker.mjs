// Development and test entry of the analysis worker: loads the TypeScript worker through tsx, so
// `npm test` and `tsx src/main.ts` need no build. The built server uses dist/src/analysis/worker.js.
import { tsImport } from 'tsx/esm/api';

const mod = await tsImport('./worker.ts', import.meta.url);
export default mod.default;
