// The optimistic-locking conflict as the user reads it. Shared by services (which throw it as an
// AppError CONFLICT) and forms (which recognise it, reload the page's data and keep the typed text).

export const CONFLICT_MESSAGE =
  "Someone else saved this ticket since you opened it. Your text is kept and their changes are now shown; check them, then save again to apply yours.";

export function isConflictMessage(message: unknown): boolean {
  return message === CONFLICT_MESSAGE;
}
