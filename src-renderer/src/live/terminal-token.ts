// The seat token a paired terminal keeps (localStorage, so it survives reloads and restarts).
export const TERMINAL_TOKEN_KEY = 'yishi.terminalToken';

export function loadTerminalToken(): string | null {
  try {
    return localStorage.getItem(TERMINAL_TOKEN_KEY);
  } catch {
    return null;
  }
}

export function saveTerminalToken(token: string): void {
  try {
    localStorage.setItem(TERMINAL_TOKEN_KEY, token);
  } catch {
    /* private mode: the seat lasts as long as the page */
  }
}

export function forgetTerminalToken(): void {
  try {
    localStorage.removeItem(TERMINAL_TOKEN_KEY);
  } catch {
    /* nothing kept */
  }
}
