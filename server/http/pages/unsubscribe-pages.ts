// What a shopper sees from an unsubscribe link: a confirmation with one button, the result, or why the link fails.
import { escapeHtml, fill, fillText, renderPublicPage, type PageLanguage } from "./public-page.js";

interface UnsubscribeCopy {
  confirmTitle: string;
  confirmBody: string;
  button: string;
  doneTitle: string;
  doneBody: string;
  invalidTitle: string;
  invalidBody: string;
}

export const unsubscribeCopy: Record<PageLanguage, UnsubscribeCopy> = {
  en: {
    confirmTitle: "Unsubscribe from {shop} emails?",
    confirmBody:
      "You will stop getting offers and news from {shop} at {email}. Emails about your orders (receipts, shipping updates) will still arrive.",
    button: "Unsubscribe",
    doneTitle: "You are unsubscribed",
    doneBody: "{email} will no longer get offers and news from {shop}. Emails about your orders will still arrive.",
    invalidTitle: "This unsubscribe link does not work",
    invalidBody: "The link is incomplete or was changed. Please use the link exactly as it appears in the email.",
  },
  id: {
    confirmTitle: "Berhenti berlangganan email dari {shop}?",
    confirmBody:
      "Anda tidak akan lagi menerima penawaran dan berita dari {shop} di {email}. Email tentang pesanan Anda (tanda terima, info pengiriman) tetap akan dikirim.",
    button: "Berhenti berlangganan",
    doneTitle: "Anda sudah berhenti berlangganan",
    doneBody:
      "{email} tidak akan lagi menerima penawaran dan berita dari {shop}. Email tentang pesanan Anda tetap akan dikirim.",
    invalidTitle: "Tautan berhenti berlangganan ini tidak berfungsi",
    invalidBody: "Tautan ini tidak lengkap atau telah diubah. Silakan gunakan tautan persis seperti yang ada di email.",
  },
  fil: {
    confirmTitle: "Mag-unsubscribe sa mga email ng {shop}?",
    confirmBody:
      "Hindi ka na makakatanggap ng mga alok at balita mula sa {shop} sa {email}. Darating pa rin ang mga email tungkol sa mga order mo (resibo, update sa pagpapadala).",
    button: "Mag-unsubscribe",
    doneTitle: "Naka-unsubscribe ka na",
    doneBody:
      "Hindi na makakatanggap ang {email} ng mga alok at balita mula sa {shop}. Darating pa rin ang mga email tungkol sa mga order mo.",
    invalidTitle: "Hindi gumagana ang link na ito para mag-unsubscribe",
    invalidBody: "Kulang o binago ang link. Pakigamit ang link nang eksakto kung paano ito lumabas sa email.",
  },
};

/** Enough of the address to recognise it, not enough to harvest it from a forwarded link. */
export function maskEmail(email: string): string {
  const [local = "", domain = ""] = email.split("@");
  return `${local.slice(0, 1)}***@${domain}`;
}

interface Subject {
  language: PageLanguage;
  shopName: string;
  email: string;
}

export function unsubscribeConfirmPage(subject: Subject, action: string): string {
  const copy = unsubscribeCopy[subject.language];
  const values = { shop: subject.shopName, email: maskEmail(subject.email) };
  const bodyHtml = `<p>${fill(copy.confirmBody, values)}</p>
<form method="post" action="${escapeHtml(action)}">
<button type="submit">${escapeHtml(copy.button)}</button>
</form>`;
  return renderPublicPage({ language: subject.language, title: fillText(copy.confirmTitle, values), bodyHtml });
}

export function unsubscribedPage(subject: Subject): string {
  const copy = unsubscribeCopy[subject.language];
  const values = { shop: subject.shopName, email: maskEmail(subject.email) };
  return renderPublicPage({
    language: subject.language,
    title: copy.doneTitle,
    bodyHtml: `<p>${fill(copy.doneBody, values)}</p>`,
  });
}

export function unsubscribeRefusedPage(language: PageLanguage): string {
  const copy = unsubscribeCopy[language];
  return renderPublicPage({ language, title: copy.invalidTitle, bodyHtml: `<p>${escapeHtml(copy.invalidBody)}</p>` });
}
