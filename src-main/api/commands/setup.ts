import { z } from 'zod';
import { lineText } from '../../domain/text';
import { DEFAULT_RULES, rulesSchema } from '../../domain/settings';
import { committeeName } from '../../domain/numerals';
import { levelOf, levelSchema } from '../../domain/level';
import { getCommittee, getRules, setRules, updateCommittee } from '../../store/committee';
import { command } from '../command';

const committeeInput = z.object({
  region: lineText(30, '请填写行政区名称，如“示例区”'),
  term: z.number().int().min(1).max(99),
  /** 区/县/市/旗; null: read from the end of the name; absent: unchanged. */
  level: levelSchema.nullable().optional(),
});

export const setupCommands = {
  'committee.get': command({
    access: ['admin', 'terminal', 'display'],
    input: z.object({}),
    run: ({ store }) => {
      const c = getCommittee(store);
      return { ...c, name: c.region ? committeeName(c.region) : '', levelInForce: levelOf(c.region, c.level) };
    },
  }),
  'committee.update': command({
    access: ['admin'],
    printed: true,
    input: committeeInput,
    run: ({ store, who }, input) => {
      const c = updateCommittee(store, who, input);
      return { ...c, name: committeeName(c.region), levelInForce: levelOf(c.region, c.level) };
    },
  }),
  'settings.get': command({
    access: ['admin'],
    input: z.object({}),
    run: ({ store }) => ({ rules: getRules(store), defaults: DEFAULT_RULES }),
  }),
  'settings.update': command({
    access: ['admin'],
    input: z.object({ rules: rulesSchema }),
    run: ({ store, who }, { rules }) => ({ rules: setRules(store, who, rules), defaults: DEFAULT_RULES }),
  }),
};
