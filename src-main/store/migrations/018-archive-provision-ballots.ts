import type { Migration } from './index';
import { provisionVote } from '../../domain/provision-vote';
import { BALLOT_STATUS, joinText, refresh, sessionDate, viewName } from './007-archive';

// The archive names a provision's 单独表决 as every face does (对第十二条（物业服务收费）进行单独表决) and
// finds it by those words and by the item it belongs to: before, its entry held only the provision's
// bare name (its `subject`), so a search for 单独表决 or for the law's title missed it. The view the
// ballots' triggers read is replaced (they name it, so they follow) and the provisions' entries written
// again; a whole item's ballot is indexed as before.
// The words in SQL, from the one rule that says them (domain/provision-vote.ts), around the row's provision.
const WORDS = `'${provisionVote(`' || trim(b.provision) || '`)}'`;

export const migration018: Migration = {
  version: 18,
  name: 'archive-provision-ballots',
  up: `
    DROP VIEW ${viewName('ballot')};
    CREATE VIEW ${viewName('ballot')} (kind, ref_id, session_id, date, status, title, body) AS
      SELECT 'ballot', b.id, b.session_id, ${sessionDate('b.session_id')},
             ${BALLOT_STATUS},
             CASE WHEN b.provision IS NULL THEN b.subject ELSE ${WORDS} END,
             CASE WHEN b.provision IS NULL THEN b.subject
                  ELSE ${joinText(WORDS, '(SELECT title FROM agenda_items WHERE id = b.item_id)')} END
      FROM ballots b;
    ${refresh('ballot', 'ref_id IN (SELECT id FROM ballots WHERE provision IS NOT NULL)')}
  `,
};
