/**
 * Handlers and checks that work on a case type's own domain row (the 复议 row of a 复议 case, the suit of
 * a suit): the row is read first and handed to the function. Every such case has its row (it is written
 * with the case); a case without one has nothing to update and nothing to refuse.
 */
import type { Tx } from '../db/db';
import type { TransitionCheck, TransitionCheckContext, TransitionContext, TransitionHandler } from '../contract';

export function withCaseRow<R>(load: (tx: Tx, caseId: string) => Promise<R | null | undefined>) {
  return {
    /** An `on[event]` handler given the row. */
    on: (fn: (tx: Tx, ctx: TransitionContext, row: R) => Promise<unknown>): TransitionHandler => async (tx, ctx) => {
      const r = await load(tx, ctx.row.id);
      if (r) await fn(tx, ctx, r);
    },
    /** A `checks[event]` check given the row. */
    check: (fn: (tx: Tx, ctx: TransitionCheckContext, row: R) => Promise<string | null>): TransitionCheck => async (tx, ctx) => {
      const r = await load(tx, ctx.row.id);
      return r ? fn(tx, ctx, r) : null;
    },
  };
}
