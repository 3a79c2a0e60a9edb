import type { CatalogueBlock } from '../block.js';
import { COLLECTIONS } from './collections.js';
import { COLOR } from './color.js';
import { CONSTANTS } from './constants.js';
import { CORE } from './core.js';
import { DECLARATIONS } from './declarations.js';
import { DRAWINGS } from './drawings.js';
import { INPUT } from './input.js';
import { MATH } from './math.js';
import { REQUEST } from './request.js';
import { STR } from './str.js';
import { STRATEGY } from './strategy.js';
import { TA } from './ta.js';
import { VARIABLES } from './variables.js';

/**
 * Every block of the catalogue: the one source of truth for Pine's built-ins.
 * Provenance: the Pine v6 reference manual (a Markdown copy of TradingView's manual in the public repository
 * mmmy/pine-script-doc-v6, pine-script-reference/*.md, snapshot 57c7376). Every function, variable and constant
 * there is here; the v6 overloads' parameter names, order and qualifiers were compared with it mechanically
 * (differences are deliberate: type parameters where the manual writes "any array type", and `series T` where
 * it lists unions). v4/v5 facts come from the manual's migration guides, noted per file.
 */
export const ALL_BLOCKS: readonly CatalogueBlock[] = Object.freeze([
  ...DECLARATIONS,
  ...CORE,
  ...VARIABLES,
  ...TA,
  ...MATH,
  ...STR,
  ...COLOR,
  ...COLLECTIONS,
  ...STRATEGY,
  ...REQUEST,
  ...INPUT,
  ...DRAWINGS,
  ...CONSTANTS,
]);
