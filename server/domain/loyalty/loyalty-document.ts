// The loyalty settings document the admin reads and writes: earning rules and tiers, with spending points inside.
import { z } from "zod";
import { loyaltySettingsSchema, type LoyaltySettingsInput } from "./loyalty-settings.js";
import type { LoyaltySettingsRepository } from "./loyalty-settings-repository.js";
import type { RedemptionRepository } from "./redemption-repository.js";
import { redemptionSettingsSchema, type RedemptionSettings } from "./redemption-settings.js";

// `redemption` may be left out of a PUT (it then stays as it is); when present it is validated whole.
export const loyaltyDocumentSchema = loyaltySettingsSchema.safeExtend({
  redemption: redemptionSettingsSchema.optional(),
});

export type LoyaltyDocumentInput = z.infer<typeof loyaltyDocumentSchema>;
export type LoyaltyDocument = LoyaltySettingsInput & { redemption: RedemptionSettings };

export function createLoyaltyDocument(deps: {
  loyaltySettings: LoyaltySettingsRepository;
  redemptions: Pick<RedemptionRepository, "settingsFor" | "saveSettings">;
}) {
  return {
    async read(shopId: number): Promise<LoyaltyDocument> {
      const [earning, redemption] = await Promise.all([
        deps.loyaltySettings.settingsFor(shopId),
        deps.redemptions.settingsFor(shopId),
      ]);
      return { ...earning, redemption };
    },
    /** Validated as a whole before either part is written, so a 422 leaves both as they were. */
    async save(shopId: number, input: LoyaltyDocumentInput): Promise<LoyaltyDocument> {
      const { redemption, ...earning } = input;
      const saved = await deps.loyaltySettings.saveSettings(shopId, earning);
      const spending = redemption
        ? await deps.redemptions.saveSettings(shopId, redemption)
        : await deps.redemptions.settingsFor(shopId);
      return { ...saved, redemption: spending };
    },
  };
}
