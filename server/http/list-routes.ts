// Lists the method and path of every route an Express app has registered, through its routers.
import type { Express } from "express";

export interface RegisteredRoute {
  method: string;
  path: string;
}

interface Layer {
  route?: { path: unknown; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

function walk(stack: Layer[], found: RegisteredRoute[]): void {
  for (const layer of stack) {
    if (layer.route) {
      const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
      for (const path of paths) {
        if (typeof path !== "string") continue;
        for (const [method, on] of Object.entries(layer.route.methods)) {
          if (on && method !== "_all") found.push({ method: method.toUpperCase(), path });
        }
      }
    } else if (layer.handle?.stack) {
      // Routers are mounted without a prefix here: their routes carry full paths.
      walk(layer.handle.stack, found);
    }
  }
}

export function listRoutes(app: Express): RegisteredRoute[] {
  const found: RegisteredRoute[] = [];
  walk((app.router as unknown as { stack: Layer[] }).stack, found);
  return found;
}
