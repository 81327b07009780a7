import { useId } from 'preact/hooks';
import './forms.css';

export interface RadioOption<T extends string> {
  value: T;
  label: string;
  description?: string;
}

interface RadioGroupProps<T extends string> {
  legend: string;
  value: T;
  options: readonly RadioOption<T>[];
  onChange: (value: T) => void;
}

/** A fieldset of radio buttons: arrow keys move between them, the legend names the group. */
export function RadioGroup<T extends string>({
  legend,
  value,
  options,
  onChange,
}: RadioGroupProps<T>) {
  const name = useId();
  return (
    <fieldset class="fl-fieldset">
      <legend class="fl-legend">{legend}</legend>
      {options.map((option) => {
        const descriptionId = `${name}-${option.value}-description`;
        return (
          <div class="fl-choice" key={option.value}>
            <label class="fl-choice-label">
              <input
                type="radio"
                name={name}
                value={option.value}
                checked={option.value === value}
                aria-describedby={option.description ? descriptionId : undefined}
                onChange={() => onChange(option.value)}
              />
              <span>{option.label}</span>
            </label>
            {option.description && (
              <p id={descriptionId} class="fl-choice-description">
                {option.description}
              </p>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}
