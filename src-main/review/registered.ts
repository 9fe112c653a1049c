// Review opinions sent before the app was used (or drafted elsewhere), registered by hand with their
// 文号 and dates, so that their handling reports can be linked and tracked in the register.
import { AppError } from '../shared/result';
import type { Actor } from '../store/audit';
import { getRules } from '../store/committee';
import type { Store } from '../store/store';
import { getOpinion, refreshStatus, type Opinion } from './opinions';
import { addMonths, formatDocNumber, opinionTitleOf, reportingBodyOf } from '../domain/review';
import { getReviewSettings } from './settings';

/** "示人常审〔2025〕7号" → its parts; null when it is not in that form. */
export function parseDocNumber(text: string): { prefix: string; year: number; seq: number } | null {
  const m = /^\s*(.+?)\s*[〔[（(]\s*(\d{4})\s*[〕\]）)]\s*第?\s*(\d+)\s*号\s*$/.exec(text);
  return m ? { prefix: m[1]!, year: Number(m[2]), seq: Number(m[3]) } : null;
}

export interface RegisteredOpinion {
  reportTitle: string;
  title: string;
  addressee: string;
  docNumber: string;
  sentAt: string;
  deadline?: string;
}

/** Registers an opinion sent before the app was used (or drafted elsewhere), as 已交办. */
export function registerEarlier(store: Store, who: Actor, r: RegisteredOpinion): Opinion {
  return store.change(who, () => {
    const months = getRules(store).reviewOpinion.deadlineMonths;
    const settings = getReviewSettings(store);
    const num = r.docNumber.trim() ? parseDocNumber(r.docNumber) : null;
    if (r.docNumber.trim() && !num) throw new AppError('BAD_INPUT', '文号格式应如“示人常审〔2025〕7号”');
    if (num) {
      const clash = store.db.prepare('SELECT title, sent_at FROM review_opinions WHERE doc_prefix = ? AND doc_year = ? AND doc_seq = ?').get(num.prefix, num.year, num.seq) as
        | { title: string; sent_at: string | null }
        | undefined;
      if (clash) {
        const hint = clash.sent_at ? '' : '；该草稿尚未交办，可先为它改用其他文号';
        throw new AppError('CONFLICT', `文号${formatDocNumber(num.prefix, num.year, num.seq)}已被使用（${clash.title.replace(/\n/g, '')}）${hint}`);
      }
    }
    const deadline = r.deadline ?? addMonths(r.sentAt, months);
    if (deadline <= r.sentAt) throw new AppError('BAD_INPUT', '办理期限应晚于交办日期');
    const now = new Date().toISOString();
    const id = Number(
      store.db
        .prepare(
          `INSERT INTO review_opinions (origin, report_title, title, addressee, deadline_months, doc_prefix, doc_year, doc_seq, doc_date,
             issuer, printed_by, sent_at, deadline, created_at, updated_at)
           VALUES ('registered', @report_title, @title, @addressee, @months, @prefix, @year, @seq, @sent_at, @issuer, @printed_by, @sent_at, @deadline, @now, @now)`,
        )
        .run({
          report_title: r.reportTitle.trim(),
          title: r.title.trim() || opinionTitleOf(r.reportTitle.trim()),
          addressee: r.addressee.trim() || reportingBodyOf(r.reportTitle.trim()),
          months,
          prefix: num?.prefix ?? settings.docPrefix,
          year: num?.year ?? Number(r.sentAt.slice(0, 4)),
          seq: num?.seq ?? null,
          sent_at: r.sentAt,
          issuer: settings.issuer,
          printed_by: settings.printedBy,
          deadline,
          now,
        }).lastInsertRowid,
    );
    store.audit.recordRow(who, 'opinion.register', 'review_opinions', id);
    refreshStatus(store, who, id);
    return getOpinion(store, id);
  });
}
