/**
 * Positions in a scope's sequence: where a card sits (main chain or a branch), what comes
 * before it, and which earlier cards' outputs it may use.
 */
import type { CardId } from './ids.ts';
import type { RawScope } from './raw.ts';
import type { Branch, IfElseStep, Step } from './sequence.ts';
import { sequenceOf } from './sequence.ts';
import type { ScopePath } from './scope.ts';

/** Where to insert a card in a scope (the flow itself unless `path` says otherwise). */
export type InsertAt =
  | { kind: 'end'; path?: ScopePath }
  | { kind: 'after'; card: CardId; path?: ScopePath }
  | { kind: 'branchStart'; head: CardId; path?: ScopePath };

/** Where a card sits: the step list holding it, and the If/Else branch around that list. */
export interface Placement {
  list: Step[];
  index: number;
  /** The innermost branch containing the card, with its If/Else; null in the main chain. */
  branch: { ifElse: IfElseStep; branch: Branch } | null;
  /** Every enclosing If/Else from the outermost in. */
  enclosing: IfElseStep[];
}

/** Finds a card's placement in a scope's visible sequence. */
export function placementOf(scope: RawScope, card: string): Placement | null {
  const search = (
    list: Step[],
    enclosing: IfElseStep[],
    branch: Placement['branch'],
  ): Placement | null => {
    for (let i = 0; i < list.length; i++) {
      const s = list[i];
      if (!s) continue;
      if (s.id === card) return { list, index: i, branch, enclosing };
      if (s.type === 'ifElse') {
        for (const b of s.branches) {
          const found = search(b.steps, [...enclosing, s], { ifElse: s, branch: b });
          if (found) return found;
        }
      }
    }
    return null;
  };
  return search(sequenceOf(scope).steps, [], null);
}

/** Finds the branch whose noop head is `head`. */
export function branchOf(
  scope: RawScope,
  head: string,
): { ifElse: IfElseStep; branch: Branch; enclosing: IfElseStep[] } | null {
  const search = (list: Step[], enclosing: IfElseStep[]): ReturnType<typeof branchOf> => {
    for (const s of list) {
      if (s.type !== 'ifElse') continue;
      for (const b of s.branches) {
        if (b.head === head) return { ifElse: s, branch: b, enclosing };
        const found = search(b.steps, [...enclosing, s]);
        if (found) return found;
      }
    }
    return null;
  };
  return search(sequenceOf(scope).steps, []);
}

/** The card a step hands over from: an If/Else hands over from its Join. */
export const exitOf = (step: Step): string | null => (step.type === 'ifElse' ? step.join : step.id);

/**
 * The cards whose outputs `target` may use, in execution order: everything before it on its
 * path from the event card. Cards inside a finished If/Else branch are not on that path.
 */
export function availableSources(scope: RawScope, target: string): CardId[] {
  const out: CardId[] = [];
  const walk = (list: Step[]): boolean => {
    for (const s of list) {
      if (s.id === target) return true;
      out.push(s.id);
      if (s.type === 'ifElse') {
        for (const b of s.branches) {
          const mark = out.length;
          if (walk(b.steps)) return true;
          out.length = mark;
        }
        if (s.join) out.push(s.join);
      }
    }
    return false;
  };
  return walk(sequenceOf(scope).steps) ? out : [];
}
