import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { adminBuildIsStale } from "../support/built-admin.js";

describe("the browser tests' admin build (test/support/built-admin.ts)", () => {
  let web: string;
  const at = (path: string, seconds: number) => utimesSync(join(web, path), seconds, seconds);

  beforeEach(() => {
    web = join(mkdtempSync(join(tmpdir(), "afterglow-web-")), "web");
    mkdirSync(join(web, "src", "screens"), { recursive: true });
    writeFileSync(join(web, "src", "screens", "home-screen.tsx"), "");
    writeFileSync(join(web, "index.html"), "");
    at("src/screens/home-screen.tsx", 1_000);
    at("index.html", 1_000);
  });
  afterEach(() => rmSync(join(web, ".."), { recursive: true, force: true }));

  test("is rebuilt when web/dist is missing", () => {
    expect(adminBuildIsStale(web)).toBe(true);
  });

  test("is kept while it is newer than every source, and rebuilt once a nested source or index.html changes", () => {
    mkdirSync(join(web, "dist"));
    writeFileSync(join(web, "dist", "index.html"), "");
    at("dist/index.html", 2_000);
    expect(adminBuildIsStale(web)).toBe(false);
    at("src/screens/home-screen.tsx", 3_000);
    expect(adminBuildIsStale(web)).toBe(true);
    at("src/screens/home-screen.tsx", 1_000);
    at("index.html", 2_500);
    expect(adminBuildIsStale(web)).toBe(true);
  });
});
