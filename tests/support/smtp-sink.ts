import { SMTPServer } from "smtp-server";

export type ReceivedMail = { from: string; to: string[]; raw: string };

/**
 * A real SMTP server on loopback (smtp-server) that keeps what it receives. `reject` makes it
 * refuse every recipient with a temporary error, to test retries.
 */
export async function startSmtpSink(options: { reject?: boolean; port?: number } = {}) {
  const received: ReceivedMail[] = [];
  const state = { reject: options.reject ?? false };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (state.reject) return callback(Object.assign(new Error("Mailbox busy, try later"), { responseCode: 451 }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const port = (server.server.address() as { port: number }).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    setReject: (reject: boolean) => {
      state.reject = reject;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
