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

/** Every block of the catalogue: the one source of truth for Pine's built-ins. */
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
