// 会务控制台: the secretary's console. Left navigation, header with the committee's name, and the
// view named by the hash (#/console/members, #/console/sessions/3, …).
import { useEffect, useMemo, useState } from 'react';
import { adminToken } from '../api';
import { chineseNumeral } from '../../../src-main/domain/numerals';
import { CommitteeContext } from './committeeContext';
import { consolePath, linkTo, replaceRoute, routeId, useRoute } from './route';
import { useQuery } from './useCommand';
import { MembersView } from './people/MembersView';
import { DirectoryView } from './people/DirectoryView';
import { SessionsView } from './sessions/SessionsView';
import { SessionEditor } from './sessions/SessionEditor';
import { SettingsView } from './settings/SettingsView';
import { LiveConsole } from './live/LiveConsole';
import { ErrorNote } from '../components/Notice';
import { ConnectionDot } from '../live/ConnectionDot';
import { useLive } from '../live/useLive';
import { AssessmentsPage } from '../assessment/console/AssessmentsPage'; // issue 4
import { isReviewSection, REVIEW_NAV } from '../review/nav'; // issue 5
import { ReviewSection } from '../review/ReviewSection'; // issue 5
import { DataLossNotice } from './integrity/DataLossNotice'; // issue 8: records lost on disk
import { InterruptionNotice } from './integrity/InterruptionNotice'; // a run ended by kill -9 or a power cut
import { RefusalsNotice } from './RefusalsNotice'; // connections turned away for the bound
import { RebuildNotice } from './integrity/RebuildNotice'; // a file rebuild a migration asked for, not done yet (disk full…)
import { ArchivePage } from '../archive/ArchivePage'; // issue 13
import './console.css';

const NAV = [
  { key: 'members', label: '组成人员' },
  { key: 'attendees', label: '列席人员' },
  { key: 'officials', label: '述职人员' },
  { key: 'sessions', label: '会议' },
  { key: 'live', label: '会议进行' },
  { key: 'assessments', label: '测评与履职' }, // issue 4
  ...REVIEW_NAV, // issue 5: 审议发言, 审议意见, 意见台账, 决议决定
  { key: 'archive', label: '档案检索' }, // issue 13
  { key: 'settings', label: '设置' },
] as const;

/** Keeps the admin token (it arrives once in the address) and drops it from the visible address. */
function takeTokenFromAddress(): void {
  adminToken();
  if (/[?&]token=/.test(window.location.hash)) {
    const rest = window.location.hash.replace(/^#\/console\/?/, '').split('?')[0] ?? '';
    replaceRoute(...rest.split('/').filter(Boolean));
  }
}

export function ConsoleApp() {
  useState(takeTokenFromAddress);
  const route = useRoute();
  const committeeQuery = useQuery('committee.get', {});
  const committee = committeeQuery.data;
  const needsSetup = committee !== undefined && committee.region === '';
  // Another window (or the Electron shell) may change the committee: look again when we regain focus.
  const reloadCommittee = committeeQuery.reload;
  useEffect(() => {
    window.addEventListener('focus', reloadCommittee);
    return () => window.removeEventListener('focus', reloadCommittee);
  }, [reloadCommittee]);
  // The console address pasted again into this tab (a new credential in the hash) takes effect at once.
  useEffect(() => {
    const onHash = () => {
      if (!/[?&]token=/.test(window.location.hash)) return;
      takeTokenFromAddress();
      reloadCommittee();
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [reloadCommittee]);
  const ctx = useMemo(() => ({ committee, reload: committeeQuery.reload }), [committee, committeeQuery.reload]);
  // A console the meeting machine refuses says so on every page, and reloads once it is accepted again.
  const live = useLive('console');
  const refused = live.refused;
  useEffect(() => {
    if (refused === null) reloadCommittee();
  }, [refused, reloadCommittee]);

  const known = NAV.some((n) => n.key === route[0]);
  const section = known ? route[0]! : committee === undefined ? '' : needsSetup ? 'settings' : 'sessions';
  useEffect(() => {
    // Read the address again: it may have moved since this render (a place typed or opened meanwhile).
    const now = consolePath()[0];
    if (!known && section && !NAV.some((n) => n.key === now)) replaceRoute(section);
  }, [known, section]);

  return (
    <CommitteeContext.Provider value={ctx}>
      <div className="console">
        <header className="console-header">
          <div className="brand">
            <span className="brand-mark" aria-hidden="true">议</span>
            <div>
              <div className="brand-name">{committee?.name || '议事'}</div>
              <div className="brand-sub">
                {committee && committee.region ? `第${chineseNumeral(committee.term)}届 · ` : ''}会务控制台
              </div>
            </div>
          </div>
        </header>
        <nav className="console-nav" aria-label="主导航">
          <ul>
            {NAV.map((n) => (
              <li key={n.key}>
                <a href={linkTo(n.key)} aria-current={section === n.key ? 'page' : undefined}>
                  {n.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main className="console-main">
          {refused ? (
            <div className="setup-banner" role="alert" data-testid="console-refused">
              <ConnectionDot connected={false} everConnected={live.everConnected} refused={refused} />
              <span>
                会议主机拒绝了本控制台：{refused}。本页会自动重试，在本页粘贴正确的控制台地址后立即恢复。
              </span>
            </div>
          ) : (
            <ErrorNote error={committeeQuery.error} />
          )}
          {needsSetup && section !== 'settings' && (
            <div className="setup-banner" role="note">
              <span>
                <strong>首次使用：</strong>请先在“设置”中填写<strong>行政区名称</strong>和<strong>届次</strong>，会议名称将据此生成。
              </span>
              <a className="btn btn-primary" href={linkTo('settings')}>
                前往设置
              </a>
            </div>
          )}
          <InterruptionNotice />
          <RefusalsNotice />
          <RebuildNotice />
          {committee !== undefined && <Section section={section} route={route} />}
        </main>
        <DataLossNotice />
      </div>
    </CommitteeContext.Provider>
  );
}

function Section({ section, route }: { section: string; route: string[] }) {
  switch (section) {
    case 'members':
      return <MembersView route={route.slice(1)} />;
    case 'attendees':
      return <DirectoryView key="attendees" kind="attendees" route={route.slice(1)} />;
    case 'officials':
      return <DirectoryView key="officials" kind="officials" route={route.slice(1)} />;
    case 'sessions':
      return route[1] && route[1] !== 'new' ? <SessionEditor key={route[1]} route={route.slice(1)} /> : <SessionsView route={route.slice(1)} />;
    case 'live':
      return <LiveConsole key={route[1] ?? ''} sessionId={routeId(route[1]) ?? undefined} />;
    case 'assessments': // issue 4: assessments, project ballots, officials' year records
      return <AssessmentsPage route={route.slice(1)} />;
    case 'archive': // issue 13: search across all sessions and years
      return <ArchivePage />;
    case 'settings':
      return <SettingsView />;
    default: // issue 5: the review sections
      return isReviewSection(section) ? <ReviewSection section={section} route={route.slice(1)} /> : null;
  }
}
