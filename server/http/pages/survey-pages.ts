// What a shopper sees after following a survey link: thanks with a comment form, or why the link does not work.
import { surveyLinkDays } from "../../domain/nps/survey-links.js";
import { escapeHtml, fill, renderPublicPage, type PageLanguage } from "./public-page.js";

interface SurveyCopy {
  thanksTitle: string;
  thanksBody: string;
  changeHint: string;
  commentLabel: string;
  commentButton: string;
  commentThanksTitle: string;
  commentThanksBody: string;
  invalidTitle: string;
  invalidBody: string;
  closedTitle: string;
  closedBody: string;
  expiredTitle: string;
  expiredBody: string;
}

export const surveyCopy: Record<PageLanguage, SurveyCopy> = {
  en: {
    thanksTitle: "Thank you!",
    thanksBody: "You gave {shop} a {score} out of 10. Your answer helps them get better.",
    changeHint: "Clicked the wrong number? Click another one in the email and we will keep that one instead.",
    commentLabel: "Anything you would like to tell us? (optional)",
    commentButton: "Send",
    commentThanksTitle: "Thanks for your comment",
    commentThanksBody: "We have passed it on to the team at {shop}.",
    invalidTitle: "This link does not work",
    invalidBody:
      "The survey link is incomplete or was changed. Please use the link exactly as it appears in your email.",
    closedTitle: "This survey is closed",
    closedBody: "We could not find the order this survey is about, so we cannot take an answer for it.",
    expiredTitle: "This survey has ended",
    expiredBody:
      "Survey links take answers for {days} days after the email is sent, and this one has run out. Thank you for thinking of us all the same.",
  },
  id: {
    thanksTitle: "Terima kasih!",
    thanksBody: "Anda memberi {shop} nilai {score} dari 10. Jawaban Anda membantu mereka menjadi lebih baik.",
    changeHint: "Salah klik angka? Klik angka lain di email, dan kami akan menyimpan yang itu.",
    commentLabel: "Ada yang ingin Anda sampaikan kepada kami? (opsional)",
    commentButton: "Kirim",
    commentThanksTitle: "Terima kasih atas komentar Anda",
    commentThanksBody: "Komentar Anda sudah kami teruskan ke tim {shop}.",
    invalidTitle: "Tautan ini tidak berfungsi",
    invalidBody:
      "Tautan survei ini tidak lengkap atau telah diubah. Silakan gunakan tautan persis seperti yang ada di email Anda.",
    closedTitle: "Survei ini sudah ditutup",
    closedBody: "Kami tidak dapat menemukan pesanan untuk survei ini, jadi kami tidak dapat menerima jawaban untuknya.",
    expiredTitle: "Survei ini sudah berakhir",
    expiredBody:
      "Tautan survei menerima jawaban selama {days} hari setelah email dikirim, dan tautan ini sudah kedaluwarsa. Terima kasih tetap mau meluangkan waktu.",
  },
  fil: {
    thanksTitle: "Salamat!",
    thanksBody: "Binigyan mo ang {shop} ng {score} sa 10. Nakakatulong ang sagot mo para gumaling pa sila.",
    changeHint: "Mali ang napindot na numero? I-click ang ibang numero sa email at iyon ang itatago namin.",
    commentLabel: "May gusto ka bang sabihin sa amin? (opsyonal)",
    commentButton: "Ipadala",
    commentThanksTitle: "Salamat sa komento mo",
    commentThanksBody: "Naipasa na namin ito sa team ng {shop}.",
    invalidTitle: "Hindi gumagana ang link na ito",
    invalidBody:
      "Kulang o binago ang link ng survey. Pakigamit ang link nang eksakto kung paano ito lumabas sa email mo.",
    closedTitle: "Sarado na ang survey na ito",
    closedBody:
      "Hindi namin mahanap ang order para sa survey na ito, kaya hindi kami makakatanggap ng sagot para dito.",
    expiredTitle: "Tapos na ang survey na ito",
    expiredBody:
      "Tumatanggap ng sagot ang mga link ng survey sa loob ng {days} araw matapos maipadala ang email, at lampas na ang link na ito. Salamat pa rin sa pag-alala sa amin.",
  },
};

export const maxCommentLength = 2000;

export function surveyThanksPage(input: {
  language: PageLanguage;
  shopName: string;
  score: number;
  comment: string | null;
  commentAction: string;
}): string {
  const copy = surveyCopy[input.language];
  const bodyHtml = `<p>${fill(copy.thanksBody, { shop: input.shopName, score: input.score })}</p>
<p class="hint">${escapeHtml(copy.changeHint)}</p>
<form method="post" action="${escapeHtml(input.commentAction)}">
<label for="comment">${escapeHtml(copy.commentLabel)}</label>
<textarea id="comment" name="comment" maxlength="${maxCommentLength}">${escapeHtml(input.comment ?? "")}</textarea>
<button type="submit">${escapeHtml(copy.commentButton)}</button>
</form>`;
  return renderPublicPage({ language: input.language, title: copy.thanksTitle, bodyHtml });
}

export function surveyCommentSavedPage(language: PageLanguage, shopName: string): string {
  const copy = surveyCopy[language];
  return renderPublicPage({
    language,
    title: copy.commentThanksTitle,
    bodyHtml: `<p>${fill(copy.commentThanksBody, { shop: shopName })}</p>`,
  });
}

export function surveyRefusedPage(language: PageLanguage, reason: "invalid" | "closed" | "expired"): string {
  const copy = surveyCopy[language];
  const pages: Record<typeof reason, [string, string]> = {
    invalid: [copy.invalidTitle, escapeHtml(copy.invalidBody)],
    closed: [copy.closedTitle, escapeHtml(copy.closedBody)],
    expired: [copy.expiredTitle, fill(copy.expiredBody, { days: surveyLinkDays })],
  };
  const [title, body] = pages[reason];
  return renderPublicPage({ language, title, bodyHtml: `<p>${body}</p>` });
}
