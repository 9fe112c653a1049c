// 单独表决 of a provision before the whole text (立法法 art. 44: 争议较大的重要条款可以单独表决), in the
// words of formal documents: "对第十二条（物业服务收费）进行单独表决". Every face (terminal, big screen,
// console) and every document (主持词, 会议记录, 表决结果, 表决结果汇总表, PDF and DOCX alike) names a
// provision's ballot with these words and no other (tests/unit/domain/provision-vote.test.ts reads the
// sources for a second wording). Whatever leaves the server for a face names the ballot so (`subject`:
// ballotWords, ballots.get and the live views alike); the row keeps the provision by its bare name, the
// data re-votes are grouped by, and a message naming it beside its title calls it 单独表决 (ballotNoun).

/** "对第十二条（物业服务收费）进行单独表决". */
export function provisionVote(provision: string): string {
  return `对${provision.trim()}进行单独表决`;
}

/** What a ballot is called: a provision's ballot by provisionVote, the whole item's by its subject. */
export function ballotWords(b: { subject: string; provision: string | null }): string {
  return b.provision ? provisionVote(b.provision) : b.subject;
}

/**
 * What a ballot is, as a message names it beside its title ("“第十二条（物业服务收费）”的单独表决尚未结束"):
 * 单独表决 for a provision's ballot, 表决 for the whole item's.
 */
export function ballotNoun(b: { provision: string | null }): '单独表决' | '表决' {
  return b.provision ? '单独表决' : '表决';
}

/** An item's ballots in the order they are voted: each provision's 单独表决 before the whole text, otherwise as given (oldest first). */
export function provisionsFirst<T extends { provision: string | null }>(ballots: readonly T[]): T[] {
  return [...ballots.filter((b) => b.provision !== null), ...ballots.filter((b) => b.provision === null)];
}
