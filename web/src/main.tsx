// Boots the embedded admin: Polaris styles, the admin's language, then the router with one chunk per screen.
import "@shopify/polaris/build/esm/styles.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createBrowserRouter, RouterProvider } from "react-router";
import { AdminLanguageProvider } from "./i18n/admin-language";
import { AppShell } from "./app-shell";
import { screenRoutes } from "./screen-routes";

const router = createBrowserRouter([{ path: "/", element: <AppShell />, children: screenRoutes }]);

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root");
createRoot(root).render(
  <StrictMode>
    <AdminLanguageProvider>
      <RouterProvider router={router} />
    </AdminLanguageProvider>
  </StrictMode>,
);
