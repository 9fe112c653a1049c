// GB/T 9704-2012 page geometry, in PDF points (1 pt = 1/72 inch) measured from the page's top-left.

export const PT_PER_MM = 72 / 25.4;

export function mm(value: number): number {
  return value * PT_PER_MM;
}

export function toMm(points: number): number {
  return points / PT_PER_MM;
}

/** A4, 210 × 297 mm. */
export const PAGE = { width: mm(210), height: mm(297) } as const;

/** The type area (版心): 156 × 225 mm, 37 mm from the top (天头) and 28 mm from the left (订口). */
export const AREA = {
  left: mm(28),
  top: mm(37),
  width: mm(156),
  height: mm(225),
  right: mm(28 + 156),
  bottom: mm(37 + 225),
} as const;

/** 22 lines × 28 characters fill the type area: the line pitch and the character pitch of the grid. */
export const GRID = {
  rows: 22,
  cols: 28,
  linePitch: AREA.height / 22,
  charPitch: AREA.width / 28,
} as const;

/** Font sizes in points: 二号 22, 三号 16, 四号 14, plus the default table size. */
export const SIZE = {
  title: 22,
  body: 16,
  pageNumber: 14,
  footer: 14,
  table: 12,
} as const;

/** Page numbers: the 一字线 sits 7 mm below the type area; one 四号 character in from its edge. */
export const PAGE_NUMBER = { below: mm(7), inset: SIZE.pageNumber } as const;

/** The red issuer mark: its top edge 35 mm below the top of the type area (GB/T 9704-2012 7.2.3). */
export const RED_HEADER = {
  markTop: mm(35),
  /** Largest character: 15 mm wide, 22 mm high. */
  maxCharWidth: mm(15),
  maxCharHeight: mm(22),
  /** The red rule: 4 mm under the document number, as wide as the type area. */
  ruleGap: mm(4),
  ruleWidth: mm(0.7),
  color: '#E60012',
} as const;

/** 版记 rules: first and last thick (0.35 mm), the ones between thin (0.25 mm). */
export const FOOTER_RULE = { thick: mm(0.35), thin: mm(0.25) } as const;

/** Top of grid row `row` (0..21) of the type area. */
export function rowTop(row: number): number {
  return AREA.top + row * GRID.linePitch;
}

/** The first grid row whose top is at or below y (y within `eps` rows of a row top counts as that row). */
export function rowFrom(y: number, eps = 0.01): number {
  return Math.ceil((y - AREA.top) / GRID.linePitch - eps);
}
