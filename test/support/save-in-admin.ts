// Saves an admin screen's form and waits for this save's answer, not for a toast an earlier save may have left.
import type { FrameLocator, Page } from "playwright-core";

export async function saveInAdmin(page: Page, app: FrameLocator): Promise<void> {
  const answered = page.waitForResponse(
    (response) => response.request().method() === "PUT" && new URL(response.url()).pathname.startsWith("/api/"),
  );
  await app.getByRole("button", { name: "Save" }).click();
  const response = await answered;
  if (!response.ok()) throw new Error(`the save answered HTTP ${response.status()}: ${await response.text()}`);
  await app.getByText("Settings saved").last().waitFor();
}
