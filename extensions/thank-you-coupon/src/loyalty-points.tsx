// The order-status block's points part: balance and tier for a signed-in customer, and redeeming them into a code.
import { useEffect, useState } from "preact/hooks";
import { CouponCard } from "./coupon-card.js";
import { redeemOptions, redeemPoints, requestPoints, type PointsView, type RedeemedCode } from "./points-api.js";
import { shopifyApi, type CouponExtensionApi } from "./shopify-api.js";

/** Injected by esbuild; the fallback only matters for a bundle built without the define. */
const APP_URL = process.env.AFTERGLOW_APP_URL || "http://127.0.0.1:3000";

function callOptions(api: CouponExtensionApi) {
  return { appUrl: APP_URL, getToken: () => api.sessionToken.get(), locale: api.localization.language.value.isoCode };
}

function RedeemedCard({
  api,
  redeemed,
  message,
}: {
  api: CouponExtensionApi;
  redeemed: RedeemedCode;
  message: string;
}) {
  const { i18n } = api;
  const amount = i18n.formatCurrency(Number(redeemed.value), { style: "currency", currency: redeemed.currencyCode });
  return (
    <CouponCard
      clipboardId="afterglow-points-code"
      text={{
        heading: i18n.translate("points.codeHeading"),
        intro: message,
        codeLabel: i18n.translate("codeLabel"),
        code: redeemed.code,
        copy: i18n.translate("copy"),
        copied: i18n.translate("copied"),
        value: i18n.translate("value.fixedAmount", { amount }),
        minimum: null,
        expiry: i18n.translate("expiry", { date: i18n.formatDate(new Date(redeemed.endsAt), { dateStyle: "long" }) }),
      }}
    />
  );
}

function Summary({ api, view }: { api: CouponExtensionApi; view: PointsView }) {
  const { i18n } = api;
  return (
    <s-stack gap="small-200">
      <s-text type="strong">{i18n.translate("points.balance", { points: i18n.formatNumber(view.balance) })}</s-text>
      {view.tier ? <s-text>{i18n.translate("points.tier", { tier: view.tier })}</s-text> : null}
      {view.pending > 0 ? (
        <s-text color="subdued">{i18n.translate("points.pending", { points: i18n.formatNumber(view.pending) })}</s-text>
      ) : null}
    </s-stack>
  );
}

export function LoyaltyPoints() {
  const api = shopifyApi();
  const [view, setView] = useState<PointsView | null>(null);
  const [busy, setBusy] = useState(false);
  const [redeemed, setRedeemed] = useState<{ code: RedeemedCode; message: string } | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    void requestPoints(callOptions(api)).then((answer) => !cancelled && setView(answer));
    return () => {
      cancelled = true;
    };
  }, [api]);
  // A guest, a failing backend or a shop without the program: nothing at all, never an error.
  if (!view) return null;
  const redeem = async (points: number) => {
    setBusy(true);
    setRefusal(null);
    // One key per tap: a retried request after a lost answer spends once.
    const result = await redeemPoints(callOptions(api), points, `${Date.now()}-${Math.random().toString(36).slice(2)}`);
    setBusy(false);
    if (result.kind === "redeemed") {
      setRedeemed({ code: result.redemption, message: result.message });
      setView({ ...view, balance: result.balance });
    } else {
      setRefusal(result.message ?? api.i18n.translate("points.failed"));
      if (result.balance !== null) setView({ ...view, balance: result.balance });
    }
  };
  const money = (points: number) =>
    api.i18n.formatCurrency(points / view.redemption.pointsPerCurrencyUnit, {
      style: "currency",
      currency: view.redemption.currencyCode,
    });
  return (
    <s-stack gap="base">
      <s-heading>{api.i18n.translate("points.heading")}</s-heading>
      <Summary api={api} view={view} />
      {redeemed ? <RedeemedCard api={api} redeemed={redeemed.code} message={redeemed.message} /> : null}
      {refusal ? <s-banner tone="critical" heading={refusal} /> : null}
      {redeemOptions(view).map((points) => (
        <s-button key={points} variant="secondary" loading={busy} disabled={busy} onClick={() => void redeem(points)}>
          {api.i18n.translate("points.redeem", { points: api.i18n.formatNumber(points), amount: money(points) })}
        </s-button>
      ))}
    </s-stack>
  );
}
