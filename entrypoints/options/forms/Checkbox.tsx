import { useId } from 'preact/hooks';
import './forms.css';

interface CheckboxProps {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** One line under the label; read by screen readers as the checkbox's description. */
  description?: string;
}

export function Checkbox({ label, checked, onChange, description }: CheckboxProps) {
  const descriptionId = useId();
  return (
    <div class="fl-choice">
      <label class="fl-choice-label">
        <input
          type="checkbox"
          checked={checked}
          aria-describedby={description ? descriptionId : undefined}
          onChange={(event) => onChange(event.currentTarget.checked)}
        />
        <span>{label}</span>
      </label>
      {description && (
        <p id={descriptionId} class="fl-choice-description">
          {description}
        </p>
      )}
    </div>
  );
}
