import { z } from 'zod';
import type { InputDescriptor, LiteralValue } from '../analysis/index.js';

const sources = ['open', 'high', 'low', 'close', 'volume', 'hl2', 'hlc3', 'ohlc4', 'hlcc4'] as const;

function number(value: LiteralValue | undefined): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

/** One input's value schema from its declaration: type, bounds and options as the script wrote them. */
function valueSchema(input: InputDescriptor): z.ZodType {
  const options = input.options?.filter((o) => typeof o === 'string' || typeof o === 'number');
  if (options && options.length > 0) {
    return z.union(
      options.map((o) => z.literal(o)) as unknown as [z.ZodLiteral, z.ZodLiteral, ...z.ZodLiteral[]],
    );
  }
  switch (input.type) {
    case 'int':
    case 'float': {
      let schema = input.type === 'int' ? z.number().int() : z.number();
      const min = number(input.minval);
      const max = number(input.maxval);
      if (min !== undefined) schema = schema.min(min);
      if (max !== undefined) schema = schema.max(max);
      return schema;
    }
    case 'bool':
      return z.boolean();
    case 'source':
      return z.enum(sources);
    case 'price':
    case 'time':
    case 'color':
      return z.number();
    default:
      return z.string();
  }
}

/**
 * A zod schema for overriding a script's inputs, keyed as the generated module's `Inputs` are
 * (`key` of each `inputDescriptors` entry): every key optional, values checked against the
 * declared type, minval/maxval and options.
 */
export function inputOverridesSchema(
  inputs: readonly (InputDescriptor & { readonly key: string })[],
): z.ZodObject {
  const shape: Record<string, z.ZodType> = {};
  for (const input of inputs) shape[input.key] = valueSchema(input).optional();
  return z.object(shape).strict();
}
