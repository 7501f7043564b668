// Captures the README's screenshot of the engineer's queue from a running demo:
//   npm run demo   (in another terminal), then: npx tsx scripts/screenshot.ts [baseUrl]
import { chromium } from "@playwright/test";

const baseUrl = process.argv[2] ?? "http://localhost:3000";

async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 640 } });
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel("Email").fill("engineer@breachdesk.example");
  await page.getByLabel("Password").fill("Breachdesk-demo-1");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.getByTestId("viewer").waitFor();
  await page.screenshot({ path: "docs/screenshot-queue.png" });
  await browser.close();
  console.log("Wrote docs/screenshot-queue.png");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
