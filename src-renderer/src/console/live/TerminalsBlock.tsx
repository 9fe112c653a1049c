// Terminals: where they and the big screen connect (URLs + QR), wrong seat codes and their lock-out
// (cleared from here), the terminals waiting to be bound (each shows its 终端号), and binding one to a
// member's or an attendee's seat.
import { useCallback, useEffect, useState } from 'react';
import type { ConsoleState } from '../../live/protocol';
import { call, type CommandOutput } from '../../api';
import { useLiveChanges } from '../../live/useLive';
import type { Actions } from './admin-actions';
import { personKey, personLabel, type SeatCodeRow } from './seat-codes';

type TerminalInfo = CommandOutput<'live.terminalInfo'>;

function useTerminalInfo(): TerminalInfo | null {
  const [info, setInfo] = useState<TerminalInfo | null>(null);
  useEffect(() => {
    void call('live.terminalInfo', {}).then((r) => r.ok && setInfo(r.value));
  }, []);
  return info;
}

/** The terminal URL with its QR code, and the big screen's URL. */
function Addresses({ info, fallback }: { info: TerminalInfo | null; fallback: string | null }) {
  const urls = info?.urls ?? (fallback ? [fallback] : []);
  return (
    <div className="lc-terminal-info" data-testid="terminal-info">
      {info?.qrSvg && (
        <img className="lc-qr" src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(info.qrSvg)}`} alt="终端地址二维码" width={112} height={112} data-testid="terminal-qr" />
      )}
      <div>
        <span className="lc-muted">委员终端在浏览器中打开：</span>
        {urls.map((u) => (
          <code key={u} className="lc-url" data-testid="terminal-url">
            {u}
          </code>
        ))}
        {info && info.urls.length === 0 && <span className="lc-muted">（未检测到局域网地址）</span>}
        {info && info.displayUrls.length > 0 && (
          <>
            <span className="lc-muted">会场大屏在浏览器中打开：</span>
            {info.displayUrls.map((u) => (
              <code key={u} className="lc-url" data-testid="display-url">
                {u}
              </code>
            ))}
          </>
        )}
      </div>
    </div>
  );
}

/** Before 开会: where terminals and the big screen will connect. */
export function TerminalAddresses() {
  const info = useTerminalInfo();
  return (
    <section className="lc-card lc-terminals" data-testid="terminal-addresses">
      <h3>终端与大屏地址</h3>
      <Addresses info={info} fallback={null} />
    </section>
  );
}

/** Wrong seat codes lock pairing (per address, or for everyone); the secretary clears it here. */
function Lockout({ actions }: { actions: Actions }) {
  const [status, setStatus] = useState<CommandOutput<'seatCodes.lockout'> | null>(null);
  const load = useCallback(() => {
    void call('seatCodes.lockout', {}).then((r) => r.ok && setStatus(r.value));
  }, []);
  useEffect(load, [load]);
  useLiveChanges((parts) => parts.includes('terminals') && load());
  if (!status || (!status.overall && status.addresses.length === 0)) return null;
  return (
    <p className="lc-warn" role="alert" data-testid="pairing-lockout" data-overall={status.overall ? 'true' : 'false'}>
      {status.overall
        ? `座位码错误输入过多（${status.recentFailures}次），座位码绑定已暂停。`
        : `以下地址座位码输入错误过多，已暂停绑定：${status.addresses.map((a) => a.replace(/^::ffff:/, '')).join('、')}。`}
      <button
        type="button"
        className="lc-btn lc-btn-small"
        disabled={actions.busy !== null}
        onClick={() => void actions.run('解除锁定', 'seatCodes.clearLockout', {}).then((s) => s && setStatus(s))}
        data-testid="clear-lockout"
      >
        解除锁定
      </button>
    </p>
  );
}

export function TerminalsBlock({ state, actions, people }: { state: ConsoleState; actions: Actions; people: SeatCodeRow[] }) {
  const info = useTerminalInfo();
  const online = new Set(state.members.filter((m) => m.terminal === 'online').map((m) => m.id));
  return (
    <section className="lc-card lc-terminals">
      <h3>终端</h3>
      <Addresses info={info} fallback={state.terminalUrl} />
      <Lockout actions={actions} />
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
