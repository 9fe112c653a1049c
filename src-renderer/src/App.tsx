import { useEffect, useState } from 'react';
import { ConsoleApp } from './console/ConsoleApp';
import { DisplayApp } from './display/DisplayApp';
import { TerminalApp } from './terminal/TerminalApp';

/** One bundle, three faces, chosen by the hash: #/console (secretary), #/terminal (member), #/display (big screen). */
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
      return <TerminalApp />;
    case 'display':
      return <DisplayApp />;
    default:
      return <ConsoleApp />;
  }
}
