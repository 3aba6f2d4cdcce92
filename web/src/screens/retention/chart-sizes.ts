// Chart heights, shared by the charts and the space kept for them while their chunk loads (no layout shift).
export const trendChartHeight = 220;
export const segmentChartHeight = 260;
