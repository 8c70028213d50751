/** The app's error alerts: `showError(e)` adds one (message + error code), `dismiss(id)` removes it. */
import { useCallback, useRef, useState } from 'react';
import { errorCode } from '../client.ts';
import type { AlertItem } from '../components/Alerts.tsx';

export interface AlertsState {
  alerts: AlertItem[];
  /** Shows `e` (an `ApiError`, an `Error` or anything) as a dismissible alert; stable for the app's life. */
  showError(e: unknown): void;
  dismiss(id: number): void;
}

export function useAlerts(): AlertsState {
  const [alerts, setAlerts] = useState<AlertItem[]>([]);
  const seq = useRef(0);
  const showError = useCallback((e: unknown) => {
    const code = errorCode(e);
    // a vault switch this window missed: its notice (vaults/VaultChanged.tsx) says so once, for every refused call
    if (code === 'vault-changed') return;
    const message = e instanceof Error ? e.message : String(e);
    const id = ++seq.current;
    setAlerts((a) => [...a, { id, message: code && !message.includes(code) ? `${message} (${code})` : message }]);
  }, []);
  const dismiss = useCallback((id: number) => setAlerts((a) => a.filter((x) => x.id !== id)), []);
  return { alerts, showError, dismiss };
}
