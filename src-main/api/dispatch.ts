import { ZodError, type z } from 'zod';
import { AppError, fail, ok, type Result } from '../shared/result';
import { clipText } from '../domain/text';
import type { AnyCommand, CallContext, Caller, Services } from './command';
import type { Store } from '../store/store';
import { choiceRefusal, choiceWords } from './enum-words';
import { unprintableText } from './printable';
import { unprintableWords } from '../documents/coverage';

const FIELD_LABELS: Record<string, string> = {
  name: '姓名',
  gender: '性别',
  role: '职务',
  seat: '座位号',
  sort: '序号',
  unit: '单位',
  title: '标题',
  post: '职务',
  category: '类别',
  term: '届次',
  number: '会议次数',
  date: '日期',
  startTime: '开始时间',
  place: '地点',
  chair: '主持人',
  expectedMembers: '应到人数',
  region: '行政区名称',
  kind: '议程类型',
  presenter: '报告人',
  fileName: '文件名',
  data: '文件内容',
  details: '',
  text: '内容',
  subjects: '测评对象',
  candidates: '候选项目',
  persons: '任免人员',
  groups: '审议小组',
  convener: '召集人',
  speaker: '发言人',
  questions: '询问',
  question: '问题',
  answer: '答复',
  asker: '询问人',
  official: '应询人',
  questionsText: '质询的问题和内容',
  answeredBy: '答复人',
  addressee: '主送机关',
  reportTitle: '所审议的报告',
  opening: '开头',
  body: '正文',
  handlingRequest: '办理要求',
  docPrefix: '发文机关代字',
  docNumber: '发文字号',
  issuer: '发文机关署名',
  cc: '抄送',
  printedBy: '印发机关',
  reason: '原因',
  override: '原因',
  note: '备注',
  expectedReason: '应到人数的说明',
  pledgeText: '履职承诺',
  midyearNotes: '中期评议情况',
  followUp: '整改落实情况',
  others: '其他宣誓人',
  administeredBy: '监誓人',
  ledBy: '领誓人',
  rules: '会议规则',
  quorum: '法定人数',
  adoption: '表决通过',
  satisfaction: '测评规则',
  threshold: '通过所需票数',
  level: '行政级别',
};
/** Where a key means something else under its parent ("groups.name" is a group's name, not a person's). */
const NESTED_LABELS: Record<string, string> = { 'groups.name': '组名', 'subjects.name': '名称', 'details.addressee': '受质询机关' };

function segmentLabel(path: readonly PropertyKey[], at: number): string {
  const p = path[at];
  if (typeof p !== 'string') return `第${Number(p) + 1}项`;
  const parent = path.slice(0, at).findLast((x) => typeof x === 'string');
  const nested = `${String(parent)}.${p}`;
  return Object.hasOwn(NESTED_LABELS, nested) ? NESTED_LABELS[nested]! : Object.hasOwn(FIELD_LABELS, p) ? FIELD_LABELS[p]! : p;
}

/**
 * A refused choice (a zod enum or literal, or a discriminator no variant has): the field by the choices'
 * own noun and the choices in their Chinese words (enum-words.ts), never the code's values; null for any other issue.
 */
function choiceIssue(i: ZodError['issues'][number]): { values: readonly unknown[]; noun: string; message: string } | null {
  const values = i.code === 'invalid_value' ? i.values : i.code === 'invalid_union' && Array.isArray((i as { options?: unknown }).options) ? ((i as { options: unknown[] }).options) : null;
  if (!values) return null;
  return { values, noun: choiceWords(values)?.noun ?? '', message: choiceRefusal(values) };
}

/** A field's place in Chinese: "测评对象·第1项·名称" (`last`: the last segment's own word, e.g. a choice's noun). */
function pathLabel(path: readonly PropertyKey[], last?: string): string {
  return path
    .map((p, at) => (last && at === path.length - 1 && typeof p === 'string' ? last : segmentLabel(path, at)))
    .filter((label) => label !== '')
    .join('·');
}

const withPath = (path: string, message: string) => (path ? `${path}：${message}` : message);

export function describeZodError(e: ZodError): string {
  return e.issues
    .slice(0, 5)
    .map((i) => {
      const choice = choiceIssue(i);
      return withPath(pathLabel(i.path, choice?.noun), choice?.message ?? i.message);
    })
    .join('；');
}

/** A text of a `printed` command that a document cannot print: the field and the character (a member is asked to write it otherwise). */
function unprintableRefusal(input: unknown, caller: Caller): string | null {
  const u = unprintableText(input);
  return u ? `输入有误：${withPath(pathLabel(u.path), unprintableWords(u, caller.kind === 'terminal' ? 'member' : 'secretary'))}` : null;
}

const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** A constraint of the schema that refused a write, in Chinese (null when the error is not one). */
export function constraintRefusal(msg: string): string | null {
  if (/FOREIGN KEY constraint failed/.test(msg)) return '数据不符合要求：所引用的记录不存在或已被删除，未作修改';
  const m = /(?:CHECK|NOT NULL) constraint failed: (.*)$/s.exec(msg);
  if (!m) return null;
  const fields = [...new Set([...m[1]!.matchAll(/[a-z][a-z_]*/g)].map((w) => camel(w[0])).filter((c) => Object.hasOwn(FIELD_LABELS, c) && FIELD_LABELS[c] !== '').map((c) => FIELD_LABELS[c]!))];
  return fields.length > 0 ? `数据不符合要求：${fields.join('、')}的内容不符合要求，未作修改` : '数据不符合要求，未作修改';
}

function actorFor(store: Store, caller: Caller): CallContext['who'] {
  if (caller.kind === 'terminal' && caller.memberId !== null) {
    // The member's name is read when something records it (an audit entry), not for every call: a
    // secret press records no name, and a named press reads it inside its own transaction.
    const memberId = caller.memberId;
    let name: string | undefined;
    return {
      get actor() {
        if (name === undefined) {
          const row = store.db.prepare('SELECT name FROM members WHERE id = ?').get(memberId) as { name: string } | undefined;
          name = row?.name ?? `组成人员#${memberId}`;
        }
        return name;
      },
      source: caller.source,
    };
  }
  if (caller.kind === 'terminal') return { actor: `列席终端`, source: caller.source };
  if (caller.kind === 'display') return { actor: '大屏', source: caller.source };
  if (caller.kind === 'guest') return { actor: '未绑定终端', source: caller.source };
  return { actor: '会务工作人员', source: caller.source };
}

export interface Dispatcher {
  (name: string, input: unknown, caller: Caller): Promise<Result<unknown>>;
}

/** Validates, checks access, runs, and turns every failure into `{ok: false, error}`. */
export function createDispatcher(table: Record<string, AnyCommand>, store: Store, services: Services): Dispatcher {
  return async (name, input, caller) => {
    const def = Object.hasOwn(table, name) ? table[name] : undefined;
    if (!def) return fail('UNKNOWN_COMMAND', `未知的命令：${clipText(String(name), 60)}`);
    if (!def.access.includes(caller.kind)) return fail('FORBIDDEN', '无权执行此操作');
    const parsed = def.input.safeParse(input ?? {});
    if (!parsed.success) return fail('BAD_INPUT', `输入有误：${describeZodError(parsed.error)}`);
    const unprintable = def.printed ? unprintableRefusal(parsed.data, caller) : null;
    if (unprintable) return fail('BAD_INPUT', unprintable);
    try {
      // A terminal's token is checked on every call, not only at hello: revoked, or of a session that
      // is no longer live, and the call is refused (pairing again stays possible).
      if (caller.kind === 'terminal' && !def.access.includes('guest')) services.engine?.assertTerminal(caller.terminalId);
      const value = await def.run({ store, caller, who: actorFor(store, caller), services }, parsed.data as z.output<typeof def.input>);
      return ok(value);
    } catch (e) {
      if (e instanceof AppError) return fail(e.code, e.message, e.details);
      if (e instanceof ZodError) return fail('BAD_INPUT', `输入有误：${describeZodError(e)}`);
      const msg = (e as Error)?.message ?? String(e);
      if (/UNIQUE constraint failed: members\.seat/.test(msg)) return fail('CONFLICT', '座位号重复');
      // SQLite's own words go to the log; the caller reads Chinese, naming the field where it can.
      const refusal = constraintRefusal(msg);
      if (refusal) {
        console.warn(`[command ${name}] refused by the database: ${msg}`);
        return fail('BAD_INPUT', refusal);
      }
      console.error(`[command ${name}]`, e);
      return fail('INTERNAL', '内部错误：操作未完成，详情已记入日志');
    }
  };
}
