// Add or edit one 列席人员 or 述职人员; the typed values are kept as a draft until saved.
import { Dialog, SaveFooter } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { parseIntField } from '../format';
import { fieldError, useAction } from '../useCommand';
import { useDraft } from '../useDraft';
import { DIRECTORY_LABELS, saveDirectoryEntry, type DirectoryEntry, type DirectoryKind } from './directoryApi';

interface EntryDraft {
  sort: string;
  name: string;
  unit: string;
  post: string;
  category: string;
}

export interface DirectoryFormProps {
  kind: DirectoryKind;
  entry?: DirectoryEntry;
  nextSort: number;
  categories: string[];
  onClose: () => void;
  /** Called after a successful save; the caller closes the form. */
  onSaved: (e: DirectoryEntry) => void;
}

export function DirectoryForm({ kind, entry, nextSort, categories, onClose, onSaved }: DirectoryFormProps) {
  const noun = DIRECTORY_LABELS[kind].noun;
  const draft = useDraft<EntryDraft>(`${kind}.${entry?.id ?? 'new'}`, () => ({
    sort: String(entry?.sort ?? nextSort),
    name: entry?.name ?? '',
    unit: entry?.unit ?? '',
    post: entry?.post ?? '',
    category: entry?.category ?? '',
  }));
  const action = useAction();
  const d = draft.value;
  const set = (k: keyof EntryDraft, v: string) => draft.set((p) => ({ ...p, [k]: v }));
  const close = () => {
    if (draft.dirty && !window.confirm('放弃尚未保存的修改？')) return;
    draft.discard();
    onClose();
  };
  const save = async () => {
    const sort = parseIntField(d.sort);
    if (sort === null) return action.fail('序号：请填写整数');
    const r = await action.run(() => saveDirectoryEntry(kind, entry?.id ?? null, { sort, name: d.name, unit: d.unit, post: d.post, category: d.category }));
    if (r) {
      draft.discard();
      onSaved(r);
    }
  };
  const err = action.error;
  const listId = `${kind}-categories`;
  return (
    <Dialog
      title={entry ? `编辑${noun}：${entry.name}` : `新增${noun}`}
      onClose={close}
      onSubmit={save}
      footer={<SaveFooter error={err} busy={action.busy} dirty={draft.dirty} onCancel={close} />}
    >
      <div className="form-grid">
        <Field label="姓名" required error={fieldError(err, '姓名')}>
          {(p) => <input {...p} value={d.name} onChange={(e) => set('name', e.target.value)} data-autofocus maxLength={50} />}
        </Field>
        <Field label="序号" required error={fieldError(err, '序号')}>
          {(p) => <input {...p} inputMode="numeric" value={d.sort} onChange={(e) => set('sort', e.target.value)} />}
        </Field>
        <Field label="单位" span={2} error={fieldError(err, '单位')}>
          {(p) => <input {...p} value={d.unit} onChange={(e) => set('unit', e.target.value)} maxLength={100} placeholder="如：示例区人民政府" />}
        </Field>
        <Field label="职务" error={fieldError(err, '职务')}>
          {(p) => <input {...p} value={d.post} onChange={(e) => set('post', e.target.value)} maxLength={100} />}
        </Field>
        {kind === 'officials' && (
          <Field label="类别" error={fieldError(err, '类别')} hint="用于测评表分组，如“政府工作部门负责人”">
            {(p) => (
              <>
                <input {...p} list={listId} value={d.category} onChange={(e) => set('category', e.target.value)} maxLength={50} />
                <datalist id={listId}>
                  {categories.map((c) => (
                    <option key={c} value={c} />
                  ))}
                </datalist>
              </>
            )}
          </Field>
        )}
      </div>
    </Dialog>
  );
}
