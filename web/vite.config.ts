// Vite: the production build (served by the Express app) and the dev server with HMR (`npm run dev:web`).
import { defineConfig, type Plugin } from "vite";
import react from "@vitejs/plugin-react";

/** In development Vite serves index.html itself, so it fills in what the Express app fills in production. */
function devHtmlConfig(): Plugin {
  return {
    name: "afterglow-dev-html-config",
    apply: "serve",
    transformIndexHtml: (html) =>
      html
        .replace("%AFTERGLOW_API_KEY%", process.env.SHOPIFY_API_KEY ?? "afterglow-dev-client-id")
        .replace(
          "%AFTERGLOW_APP_BRIDGE_URL%",
          process.env.APP_BRIDGE_URL ?? "https://cdn.shopify.com/shopifycloud/app-bridge.js",
        ),
  };
}

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), devHtmlConfig()],
  build: { outDir: "dist", emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 1500 },
  server: {
    port: Number(process.env.WEB_DEV_PORT ?? 5173),
    // The API stays on the Express app; the dev server forwards to it.
    proxy: { "/api": process.env.APP_URL ?? "http://127.0.0.1:3000" },
    fs: { allow: [".."] },
  },
});
