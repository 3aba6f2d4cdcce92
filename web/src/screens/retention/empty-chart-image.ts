// The empty dashboard's illustration: an inline SVG the size of Polaris' image placeholder (226 px), so nothing moves
// when it replaces the placeholder (an empty `image` collapses the placeholder a moment later: a layout shift).
const svg =
  `<svg xmlns="http://www.w3.org/2000/svg" width="226" height="226" viewBox="0 0 226 226">` +
  `<rect x="33" y="33" width="160" height="160" rx="16" fill="#f1f1f1"/>` +
  `<rect x="58" y="118" width="22" height="50" rx="4" fill="#cccccc"/>` +
  `<rect x="102" y="88" width="22" height="80" rx="4" fill="#b5b5b5"/>` +
  `<rect x="146" y="63" width="22" height="105" rx="4" fill="#cccccc"/></svg>`;

export const emptyChartImage = `data:image/svg+xml,${encodeURIComponent(svg)}`;
