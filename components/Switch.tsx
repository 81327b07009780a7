import './switch.css';

interface SwitchProps {
  /** Visible text; also the switch's accessible name. */
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** Id of an element that explains the switch further. */
  describedBy?: string;
  disabled?: boolean;
}

/**
 * An on/off switch: a button with role="switch", so screen readers announce "on"/"off" rather than
 * "checked", and Space or Enter toggles it.
 */
export function Switch({ label, checked, onChange, describedBy, disabled }: SwitchProps) {
  return (
    <button
      type="button"
      role="switch"
      class="fl-switch"
      aria-checked={checked ? 'true' : 'false'}
      aria-describedby={describedBy}
      disabled={disabled}
      onClick={() => onChange(!checked)}
    >
      <span class="fl-switch-label">{label}</span>
      <span class="fl-switch-track" aria-hidden="true">
        <span class="fl-switch-thumb" />
      </span>
    </button>
  );
}
