// Settings of the review documents, kept in the settings table under the key 'review': the
// 机关代字 of review opinions ("示人常审"), the issuer (署名), the 印发机关 and the usual 抄送 list.
// Empty values fall back to defaults built from the committee's region.
import { z } from 'zod';
import { lineText } from '../domain/text';
import { committeeName } from '../domain/numerals';
import type { Actor } from '../store/audit';
import { getCommittee } from '../store/committee';
import type { Store } from '../store/store';
import { defaultDocPrefix } from '../domain/review';

export const reviewSettingsSchema = z.object({
  /** 机关代字 of review opinions, e.g. "示人常审" → "示人常审〔2026〕12号". */
  docPrefix: lineText(20).default(''),
  /** 发文机关署名, e.g. "示例区人民代表大会常务委员会". */
  issuer: lineText(60).default(''),
  /** 印发机关, e.g. "示例区人大常委会办公室". */
  printedBy: lineText(60).default(''),
  /** 抄送 of new opinions, e.g. "区委，区监察委员会". */
  cc: lineText(500).default(''),
});
export type ReviewSettings = z.infer<typeof reviewSettingsSchema>;

export function defaultReviewSettings(region: string): ReviewSettings {
  return {
    docPrefix: defaultDocPrefix(region),
    issuer: committeeName(region),
    printedBy: `${region}人大常委会办公室`,
    cc: '',
  };
}

function stored(store: Store): Partial<ReviewSettings> {
  const row = store.db.prepare("SELECT value FROM settings WHERE key = 'review'").get() as { value: string } | undefined;
  if (!row) return {};
  const parsed = reviewSettingsSchema.partial().safeParse(JSON.parse(row.value));
  return parsed.success ? parsed.data : {};
}

/** The settings in force: stored values, empty ones replaced by the region's defaults (cc may stay empty). */
export function getReviewSettings(store: Store): ReviewSettings {
  const defaults = defaultReviewSettings(getCommittee(store).region);
  const s = stored(store);
  return {
    docPrefix: s.docPrefix || defaults.docPrefix,
    issuer: s.issuer || defaults.issuer,
    printedBy: s.printedBy || defaults.printedBy,
    cc: s.cc ?? '',
  };
}

export function setReviewSettings(store: Store, who: Actor, settings: ReviewSettings): ReviewSettings {
  return store.change(who, () => {
    store.db
      .prepare("INSERT INTO settings (key, value) VALUES ('review', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
      .run(JSON.stringify(reviewSettingsSchema.parse(settings)));
    store.audit.recordRow(who, 'settings.review', 'settings', 'review', 'key');
    return getReviewSettings(store);
  });
}
