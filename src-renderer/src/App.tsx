import { useEffect, useState } from 'react';
import { ConsoleApp } from './console/ConsoleApp';

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
    default:
      return <ConsoleApp />;
  }
}
