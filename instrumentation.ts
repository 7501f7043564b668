// Runs once when the server starts: refuse to start on a bad or incomplete configuration, with
// a message that names each missing variable.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getEnv, EnvError } = await import("@/lib/env");
  try {
    getEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(`\n${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
