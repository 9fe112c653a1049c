// The committee (region and term) for the header, titles and defaults; reloaded after 设置 saves it.
import { createContext, useContext } from 'react';
import type { CommandOutput } from '../api';

export type CommitteeInfo = CommandOutput<'committee.get'>;

export interface CommitteeState {
  committee: CommitteeInfo | undefined;
  reload: () => void;
}

export const CommitteeContext = createContext<CommitteeState>({ committee: undefined, reload: () => {} });

export const useCommittee = () => useContext(CommitteeContext);
