// Terminals: where they connect (URL + QR), the ones waiting to be bound (each shows its 终端号), and
// binding one to a member's or an attendee's seat from here.
import { useEffect, useState } from 'react';
import type { ConsoleState } from '../../live/protocol';
import { call } from '../../api';
import type { Actions } from './admin-actions';
import { personKey, personLabel, type SeatCodeRow } from './seat-codes';

export function TerminalsBlock({ state, actions, people }: { state: ConsoleState; actions: Actions; people: SeatCodeRow[] }) {
  const [info, setInfo] = useState<{ urls: string[]; qrSvg: string } | null>(null);
  useEffect(() => {
    void call('live.terminalInfo', {}).then((r) => r.ok && setInfo(r.value));
  }, []);
  const online = new Set(state.members.filter((m) => m.terminal === 'online').map((m) => m.id));
  return (
    <section className="lc-card lc-terminals">
      <h3>终端</h3>
      <div className="lc-terminal-info" data-testid="terminal-info">
        {info?.qrSvg && <img className="lc-qr" src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(info.qrSvg)}`} alt="终端地址二维码" width={112} height={112} />}
        <div>
          <span className="lc-muted">委员终端在浏览器中打开：</span>
          {(info?.urls ?? (state.terminalUrl ? [state.terminalUrl] : [])).map((u) => (
            <code key={u} className="lc-url" data-testid="terminal-url">
              {u}
            </code>
          ))}
          {info && info.urls.length === 0 && <span className="lc-muted">（未检测到局域网地址）</span>}
        </div>
      </div>
      <h4>待绑定的终端</h4>
      {state.unpairedTerminals.length === 0 ? (
        <p className="lc-muted">没有等待绑定的终端。终端打开后会显示一个4位终端号。</p>
      ) : (
        <ul className="lc-unpaired" data-testid="unpaired-terminals">
          {state.unpairedTerminals.map((t) => (
            <BindRow key={t.pairingNumber} pairingNumber={t.pairingNumber} address={t.address} people={people} onlineMembers={online} actions={actions} />
          ))}
        </ul>
      )}
    </section>
  );
}

function BindRow({
  pairingNumber,
  address,
  people,
  onlineMembers,
  actions,
}: {
  pairingNumber: string;
  address: string;
  people: SeatCodeRow[];
  onlineMembers: Set<number>;
  actions: Actions;
}) {
  const [target, setTarget] = useState('');
  const chosen = people.find((p) => personKey(p) === target);
  return (
    <li data-testid={`unpaired-${pairingNumber}`}>
      <span className="lc-pairing">终端号 {pairingNumber}</span>
      <span className="lc-muted lc-addr">{address.replace(/^::ffff:/, '')}</span>
      <select value={target} onChange={(e) => setTarget(e.target.value)} data-testid="bind-target">
        <option value="">选择座位…</option>
        {people.map((p) => (
          <option key={personKey(p)} value={personKey(p)}>
            {personLabel(p)}
            {p.kind === 'member' && onlineMembers.has(p.id) ? '（已有在线终端）' : ''}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="lc-btn lc-btn-primary lc-btn-small"
        disabled={!chosen || actions.busy !== null}
        onClick={() =>
          chosen &&
          void actions.run('绑定终端', 'terminals.bind', chosen.kind === 'member' ? { pairingNumber, memberId: chosen.id } : { pairingNumber, attendeeId: chosen.id })
        }
        data-testid="bind-terminal"
      >
        绑定
      </button>
    </li>
  );
}
