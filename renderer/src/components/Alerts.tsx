/** One error shown to the user (from an API call, e.g. `outside-vault`). */
export interface AlertItem {
  id: number;
  message: string;
}

/** Visible, dismissible error alerts (`role="alert"`, so screen readers announce them). */
export function Alerts(props: { alerts: AlertItem[]; onDismiss(id: number): void }) {
  if (props.alerts.length === 0) return null;
  return (
    <div className="alerts">
      {props.alerts.map((a) => (
        <div key={a.id} role="alert" className="alert">
          <span>{a.message}</span>
          <button type="button" aria-label="Dismiss" onClick={() => props.onDismiss(a.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
