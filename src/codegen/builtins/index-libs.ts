import { collectionEmitters } from './collections.js';
import { colorEmitters } from './color.js';
import { mathEmitters } from './math.js';
import { miscEmitters } from './misc.js';
import { plotEmitters } from './plot.js';
import { strEmitters } from './str.js';
import { timeEmitters } from './time.js';
import type { EmitterTable } from './types.js';

/**
 * Emitters of every built-in function outside `ta.*`, `strategy.*` and `input.*`: math, str,
 * collections, color, time, plots and drawings, na handling and casts, runtime errors, requests.
 * See ./README.md for what each group emits and what is not supported.
 */
export const libraryEmitters: EmitterTable = {
  ...mathEmitters,
  ...strEmitters,
  ...collectionEmitters,
  ...colorEmitters,
  ...timeEmitters,
  ...plotEmitters,
  ...miscEmitters,
};

export { timenowExpression } from './time.js';
