import type { ScriptSymbol } from './model.js';

/** One lexical scope: the script's top level, a function body, or a block. Lookups walk outwards. */
export class Scope {
  private readonly names = new Map<string, ScriptSymbol>();
  readonly parent: Scope | undefined;
  readonly isGlobal: boolean;

  constructor(parent: Scope | undefined) {
    this.parent = parent;
    this.isGlobal = parent === undefined;
  }

  declare(symbol: ScriptSymbol): ScriptSymbol | undefined {
    const existing = this.names.get(symbol.name);
    this.names.set(symbol.name, symbol);
    return existing;
  }

  lookup(name: string): ScriptSymbol | undefined {
    return this.names.get(name) ?? this.parent?.lookup(name);
  }

  /** Every name visible from here, for "did you mean". */
  visibleNames(): string[] {
    return [...this.names.keys(), ...(this.parent?.visibleNames() ?? [])];
  }
}
