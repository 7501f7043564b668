import pino, { type Logger } from "pino";
import { getEnv } from "@/lib/env";

// One logger, created on first use (never at import: `next build` loads modules without the
// runtime configuration). Add context with getLogger().child({ requestId, userId, ticketId }).
// Log ids, never ticket text, passwords or tokens.
let logger: Logger | undefined;

export function getLogger(): Logger {
  logger ??= pino({
    level: getEnv().LOG_LEVEL,
    base: { app: "breachdesk" },
    redact: {
      paths: [
        "password",
        "*.password",
        "secret",
        "*.secret",
        "clientSecret",
        "*.clientSecret",
        "token",
        "*.token",
        // Connecting tenants: a code, its PKCE verifier, a client assertion or an access token never reach the logs.
        "accessToken",
        "*.accessToken",
        "codeVerifier",
        "*.codeVerifier",
        "clientAssertion",
        "*.clientAssertion",
        "*.code_verifier",
        "*.client_assertion",
      ],
      censor: "[redacted]",
    },
  });
  return logger;
}
