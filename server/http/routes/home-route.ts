// GET /: until the embedded admin lands, a plain page that says the app is installed and what it has done.
import { Router } from "express";
import type { Services } from "../../create-services.js";

export function homeRoute(services: Services): Router {
  const router = Router();
  router.get("/", async (req, res) => {
    const domain = typeof req.query.shop === "string" ? req.query.shop : undefined;
    const shop = domain ? await services.repositories.shops.findByDomain(domain) : null;
    if (!shop) {
      res
        .type("text/plain")
        .send("Afterglow is running. Install it from Shopify admin: /api/auth?shop=your-shop.myshopify.com\n");
      return;
    }
    const customers = await services.prisma.customer.count({ where: { shopId: shop.id } });
    const points = await services.prisma.ledgerEntry.aggregate({ where: { shopId: shop.id }, _sum: { points: true } });
    res
      .type("text/plain")
      .send(
        `Afterglow is ${shop.status} on ${shop.name ?? shop.domain}.\n` +
          `${customers} customers, ${points._sum.points ?? 0} points awarded.\n`,
      );
  });
  return router;
}
