/**
 * "Already exists" is decided by a unique index, never by a SELECT first: two clerks registering the same
 * firm at once both pass the SELECT, only the index sees the second one. The violation is then the user's
 * conflict (409 with a sentence saying what collided), not a raw database error turned into a 500.
 */
import { ERROR_CATALOG, AppError, type ErrorCode } from '../../shared/errors';

/** SQLSTATE unique_violation. */
const UNIQUE_VIOLATION = '23505';

/** The error codes that answer 409, so `uniqueOr409` cannot be handed a code with another status. */
export type ConflictCode = { [K in ErrorCode]: (typeof ERROR_CATALOG)[K]['status'] extends 409 ? K : never }[ErrorCode];

/**
 * Whether `e` is a unique-index violation. node-postgres and PGlite both carry the SQLSTATE in the error's
 * `code`; drizzle wraps driver errors (DrizzleQueryError) with the driver's error as `cause`, so look one
 * level down as well.
 */
export function isUniqueViolation(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const { code, cause } = e as { code?: unknown; cause?: { code?: unknown } | null };
  return code === UNIQUE_VIOLATION || (typeof cause === 'object' && cause !== null && cause.code === UNIQUE_VIOLATION);
}

/**
 * Runs `run` (one statement guarded by a unique index) and turns a unique violation into
 * `AppError(code, message)`; any other error passes through. On PostgreSQL the violation has already
 * aborted the transaction, so the AppError must roll it back: do not catch it and carry on.
 */
export async function uniqueOr409<T>(run: () => Promise<T>, message: string, code: ConflictCode = 'DUPLICATE'): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError(code, message);
    throw e;
  }
}
