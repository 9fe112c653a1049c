// The archive (issue 13): search across all sessions and years, and the years it holds.
import { z } from 'zod';
import { ARCHIVE_KINDS } from '../../shared/archive-kinds';
import { archiveYears, PAGE_SIZE, searchArchive } from '../../archive/search';
import { command } from '../command';

export const archiveCommands = {
  'archive.search': command({
    access: ['admin'],
    input: z.object({
      q: z.string().max(200, '搜索内容不能超过200个字').default(''),
      year: z.number().int().min(1949).max(2200).optional(),
      kind: z.enum(ARCHIVE_KINDS).optional(),
      status: z.string().max(20).regex(/^[a-z_]*$/, '状态不正确').optional(),
      before: z.number().int().optional(),
      limit: z.number().int().min(1).max(100).default(PAGE_SIZE),
    }),
    run: ({ store }, input) => searchArchive(store, input),
  }),
  'archive.years': command({ access: ['admin'], input: z.object({}), run: ({ store }) => archiveYears(store) }),
};
