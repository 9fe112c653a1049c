import type { Migration } from './index';

// 单独表决 of an important contested provision before the whole text (立法法 art. 44: 争议较大的重要条款
// 可以单独表决): a ballot of a vote item may decide one provision, named by the secretary ("第十二条（物业
// 服务收费）"); NULL for a ballot of the whole item, as every ballot stored before this version is. Its
// rounds count apart from the whole text's; the documents print it before the whole.
export const migration016: Migration = {
  version: 16,
  name: 'provision-ballots',
  up: `
    ALTER TABLE ballots ADD COLUMN provision TEXT CHECK (provision IS NULL OR length(trim(provision)) > 0);
  `,
};
