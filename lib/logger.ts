import pino from "pino";
import { getEnv } from "@/lib/env";

// One logger; callers add context with logger.child({ requestId, userId, ticketId }).
// Log ids, never ticket text, passwords or tokens.
export const logger = pino({
  level: getEnv().LOG_LEVEL,
  base: { app: "breachdesk" },
  redact: {
    paths: ["password", "*.password", "secret", "*.secret", "clientSecret", "*.clientSecret", "token", "*.token"],
    censor: "[redacted]",
  },
});
