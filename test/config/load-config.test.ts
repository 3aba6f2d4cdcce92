import { ConfigError, loadConfig } from "../../server/config/load-config.js";

describe("loadConfig", () => {
  test("an empty environment gives a working dev configuration", () => {
    const config = loadConfig({});
    expect(config.DATABASE_URL).toBe("postgresql://postgres@127.0.0.1:5432/afterglow");
    expect(config.REDIS_URL).toBe("redis://127.0.0.1:6379");
    expect(config.PORT).toBe(3000);
    expect(config.SHOPIFY_API_ORIGIN).toBeUndefined();
  });

  test("a bad value is one line naming the variable and what is wrong", () => {
    expect(() => loadConfig({ DATABASE_URL: "mysql://x" })).toThrow(ConfigError);
    try {
      loadConfig({ DATABASE_URL: "mysql://x" });
    } catch (error) {
      const message = (error as Error).message;
      expect(message.split("\n")).toHaveLength(1);
      expect(message).toMatch(
        /^Invalid environment variable DATABASE_URL \(got "mysql:\/\/x"\): must be a postgresql:\/\//,
      );
    }
  });

  test("each bad variable gets its own line", () => {
    expect(() => loadConfig({ PORT: "99999", APP_URL: "not a url" })).toThrow(
      /PORT[\s\S]*\n[\s\S]*APP_URL|APP_URL[\s\S]*\n[\s\S]*PORT/,
    );
  });

  test("extension origins: Shopify's sandbox by default, a list when set, a bad entry named", () => {
    expect(loadConfig({}).EXTENSION_ORIGINS).toEqual(["https://extensions.shopifycdn.com"]);
    expect(
      loadConfig({ EXTENSION_ORIGINS: "https://extensions.shopifycdn.com, http://127.0.0.1:4000/" }).EXTENSION_ORIGINS,
    ).toEqual(["https://extensions.shopifycdn.com", "http://127.0.0.1:4000"]);
    expect(() => loadConfig({ EXTENSION_ORIGINS: "*" })).toThrow(/EXTENSION_ORIGINS/);
  });

  test("empty strings count as unset", () => {
    expect(loadConfig({ LOG_LEVEL: "" }).LOG_LEVEL).toBe("info");
  });
});
