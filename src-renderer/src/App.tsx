import { useEffect, useState } from 'react';
import { ConsoleApp } from './console/ConsoleApp';
import { DisplayApp } from './display/DisplayApp';
import { TerminalApp } from './terminal/TerminalApp';
import { LiveProvider } from './live/LiveProvider';
import { ChairApp } from './speakers/ChairApp';

/**
 * One bundle, three faces, chosen by the hash: #/console (secretary), #/terminal (member), #/display
 * (big screen), and the chair's read-only view #/chair (a public page like the big screen); one live
 * client each.
 */
function face(): string {
  const m = /^#\/(\w+)/.exec(window.location.hash);
  return m?.[1] ?? 'console';
}

export function App() {
  const [current, setCurrent] = useState(face());
  useEffect(() => {
    const on = () => setCurrent(face());
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  switch (current) {
    case 'terminal':
      return (
        <LiveProvider key="terminal" role="terminal">
          <TerminalApp />
        </LiveProvider>
      );
    case 'display':
      return (
        <LiveProvider key="display" role="display">
          <DisplayApp />
        </LiveProvider>
      );
    case 'chair':
      return (
        <LiveProvider key="chair" role="display">
          <ChairApp />
        </LiveProvider>
      );
    default:
      return (
        <LiveProvider key="console" role="console">
          <ConsoleApp />
        </LiveProvider>
      );
  }
}
