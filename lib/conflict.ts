// The optimistic-locking conflict as the user reads it; services throw it as an AppError CONFLICT.
// Forms recognise the code, not this text (components/use-refresh-on-conflict.ts).

export const CONFLICT_MESSAGE =
  "Someone else saved this ticket since you opened it. Your text is kept and their changes are now shown; check them, then save again to apply yours.";
