// A process that contends for the embedded database's lock (lib/db/pglite-lock.process.test.ts).
// Commands on stdin, one per line: "acquire <dataDir>" answers "won <pid>" or "refused <message>";
// "release" lets go. It prints "ready" once loaded, so the test can start every contender at once.
import readline from "node:readline";
import { acquirePgliteLock } from "@/lib/db/pglite-lock";

let release: (() => void) | null = null;
const lines = readline.createInterface({ input: process.stdin });
lines.on("line", (line) => {
  const [command, dataDir] = line.split(" ");
  if (command === "acquire" && dataDir) {
    Promise.resolve(dataDir)
      .then(acquirePgliteLock)
      .then(
        (r) => {
          release = r;
          console.log(`won ${process.pid}`);
        },
        (error: Error) => console.log(`refused ${error.message}`),
      );
  } else if (command === "release") {
    release?.();
    release = null;
    console.log("released");
  }
});
lines.on("close", () => process.exit(0));
console.log("ready");
