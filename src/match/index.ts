/** The lexical matcher's public surface. */
export { isAlert, isAlerting } from '../model/alert.js';
export { createLexicalMatcher, type LexicalMatcherOptions } from './matcher.js';
export { splitSentences } from './sentences.js';
