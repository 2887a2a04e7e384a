/** The lexical matcher's public surface. */
export { isAlert, isAlerting } from './alert.js';
export { createLexicalMatcher, type LexicalMatcherOptions } from './matcher.js';
export { splitSentences } from './sentences.js';
