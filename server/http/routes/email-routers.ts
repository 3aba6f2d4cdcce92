// The admin's email routes: settings, templates (edit, preview, test) and the outbox list.
import type { Services } from "../../create-services.js";
import { emailListRoute } from "./email-list-route.js";
import { emailSettingsRoutes } from "./email-settings-routes.js";
import { emailTemplateRoutes } from "./email-template-routes.js";

export function emailRouters(services: Services) {
  const { shops, emailSettings, emailTemplates, emailOutbox } = services.repositories;
  const shopify = services.shopify;
  return [
    emailSettingsRoutes({ shopify, shops, settings: emailSettings }),
    emailTemplateRoutes({
      shopify,
      shops,
      templates: emailTemplates,
      settings: emailSettings,
      enqueueEmail: services.enqueueEmail,
    }),
    emailListRoute({ shopify, shops, outbox: emailOutbox }),
  ];
}
