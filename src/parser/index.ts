export type * from './ast.js';
export type { Comment } from './trivia.js';
export { PineParser, parsePine, type ParseResult, type ParseOptions } from './parse.js';
export { printPine } from './printer.js';
export { PineLexer, type LexResult } from './lexer.js';
