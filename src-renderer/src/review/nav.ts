// The console's review sections (issue 5), joined into the console navigation by ConsoleApp.
export const REVIEW_NAV = [
  { key: 'remarks', label: '审议发言' },
  { key: 'opinions', label: '审议意见' },
  { key: 'register', label: '意见台账' },
  { key: 'resolutions', label: '决议决定' },
] as const;

export type ReviewSectionKey = (typeof REVIEW_NAV)[number]['key'];

export function isReviewSection(key: string): key is ReviewSectionKey {
  return REVIEW_NAV.some((n) => n.key === key);
}
