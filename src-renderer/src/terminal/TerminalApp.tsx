// #/terminal: a member's (or an attendee's) tablet. Unpaired it asks for the seat code; paired it
// shows the session, 签到, the current item with its documents and the ballot. Everything comes from
// the state the server pushes, so a reconnect or a reload restores the screen as it was.
import { useEffect, useState } from 'react';
import { BlockedNote } from '../live/BlockedNote';
import { ConnectionDot } from '../live/ConnectionDot';
import type { LiveDocument, TerminalState } from '../live/protocol';
import { useLive, type LiveView } from '../live/useLive';
import { AgendaCard } from './AgendaCard';
import { itemPosition } from '../live/labels';
import { DocumentViewer } from './DocumentViewer';
import { PairingScreen } from './PairingScreen';
import { SeatHeader } from './SeatHeader';
import { VotePanel } from './VotePanel';
import { RemarksPanel } from '../review/RemarksPanel'; // issue 5: members' review remarks
import { AssessmentSheet } from '../assessment/AssessmentSheet'; // issue 4: the assessment sheet
import { SpeakPanel } from '../speakers/SpeakPanel'; // issue 10: 申请发言
import './terminal.css';

export function TerminalApp() {
  const live = useLive('terminal');
  useEffect(() => {
    document.title = '议事 · 委员终端';
  }, []);

  if (!live.identified) {
    return (
      <div className="term">
        <div className="term-conn-corner">
          <ConnectionDot connected={live.connected} everConnected={live.everConnected} />
        </div>
        <BlockedNote live={live} who="本终端" className="term-error" />
        <PairingScreen pairingNumber={live.pairingNumber} notice={live.error} ended={live.ended} onPair={live.pair} />
      </div>
    );
  }
  if (!live.state) {
    return (
      <div className="term term-wait">
        <ConnectionDot connected={live.connected} everConnected={live.everConnected} />
        <p>正在连接会议主机…</p>
        <BlockedNote live={live} who="本终端" className="term-error" />
      </div>
    );
  }
  return <SeatScreen live={live} state={live.state} />;
}

function SeatScreen({ live, state }: { live: LiveView<TerminalState>; state: TerminalState }) {
  const [openDoc, setOpenDoc] = useState<LiveDocument | null>(null);
  const { me, ballot, currentItem, session } = state;
  const voteOpenForMe = !!ballot && ballot.state === 'open' && me.canVote && ballot.method === 'electronic';
  // The reader stays open when the item changes; it says so and offers to follow.
  const [openedAtItemId, setOpenedAtItemId] = useState<number | null>(null);
  const open = (doc: LiveDocument) => {
    setOpenDoc(doc);
    setOpenedAtItemId(currentItem?.id ?? null);
  };
  const moved = openDoc && currentItem && openedAtItemId !== currentItem.id ? currentItem : null;

  return (
    <div className={`term term-seat ${ballot ? 'has-ballot' : ''}`}>
      <SeatHeader state={state} connected={live.connected} everConnected={live.everConnected} cmd={live.cmd} />
      {!live.connected && (
        <div className="term-offline" role="status" data-testid="connection-banner">
          与会议主机的连接中断，正在自动重新连接…
        </div>
      )}
      <BlockedNote live={live} who="本终端" className="term-error" />
      <main className="term-main">
        {!session || session.status !== 'open' ? (
          <section className="term-card term-idle" data-testid="session-idle">
            <h2>{session?.status === 'closed' ? '本次会议已闭会' : '会议尚未开始'}</h2>
            <p className="term-muted">请等待会务人员开会。</p>
          </section>
        ) : (
          <>
            <AssessmentSheet state={state} cmd={live.cmd} connected={live.connected} />
            {ballot && (
              <VotePanel key={ballot.id} ballot={ballot} me={me} connected={live.connected} clockOffsetMs={live.clockOffsetMs} cmd={live.cmd} />
            )}
            <SpeakPanel state={state} speakers={live.speakers} cmd={live.cmd} connected={live.connected} />
            <AgendaCard state={state} onOpen={open} cmd={live.cmd} />
            <RemarksPanel state={state} cmd={live.cmd} />
          </>
        )}
      </main>
      {openDoc && (
        <DocumentViewer
          doc={openDoc}
          onClose={() => setOpenDoc(null)}
          voteOpen={voteOpenForMe && !hasRecorded(state)}
          movedTo={moved ? `${itemPosition(moved.position)} ${moved.title}` : null}
          onFollow={() => setOpenDoc(null)}
        />
      )}
    </div>
  );
}

function hasRecorded(s: TerminalState): boolean {
  return !!s.ballot && s.me.myVote?.ballotId === s.ballot.id;
}
