import { FormField } from "@/components/ui/form-field";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";

export type SelectOption = { value: string; label: string };

/** Turns a label map (`{ VALUE: "Label" }`) into options, in the map's order. */
export function optionsOf(labels: Record<string, string>, values: readonly string[] = Object.keys(labels)): SelectOption[] {
  return values.map((value) => ({ value, label: labels[value] ?? value }));
}

type SelectProps = {
  name: string;
  defaultValue?: string;
  options: SelectOption[];
  /** A first option with the value "" (e.g. "Any state", "None"). */
  empty?: string;
  selectClassName?: string;
};

/** The options of a native select, after an optional empty one. */
export function SelectOptions({ options, empty }: Pick<SelectProps, "options" | "empty">) {
  return (
    <>
      {empty !== undefined && <option value="">{empty}</option>}
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </>
  );
}

/** A labelled native select in a form, with its hint and error text (see FormField). */
export function SelectField({
  id,
  label,
  error,
  hint,
  className,
  ...select
}: SelectProps & { id: string; label: string; error?: string | string[]; hint?: string; className?: string }) {
  return (
    <FormField id={id} label={label} error={error} hint={hint} className={className}>
      <NativeSelect name={select.name} defaultValue={select.defaultValue} className={select.selectClassName}>
        <SelectOptions options={select.options} empty={select.empty} />
      </NativeSelect>
    </FormField>
  );
}

/** One field of a filter bar (a plain GET form): label above, the control below. */
export function FilterField({ id, label, children }: { id: string; label: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-1">
      <Label htmlFor={id}>{label}</Label>
      {children}
    </div>
  );
}

/**
 * A filter bar's select. In a GET form its id is its name, so the label and the URL parameter
 * agree; a client-side filter passes its own id, value and onChange.
 */
export function FilterSelect({
  label,
  options,
  empty,
  selectClassName,
  id,
  ...select
}: Omit<SelectProps, "name"> & { label: string; name?: string } & Omit<React.ComponentProps<"select">, "children">) {
  const controlId = id ?? select.name ?? label;
  return (
    <FilterField id={controlId} label={label}>
      <NativeSelect id={controlId} className={selectClassName} {...select}>
        <SelectOptions options={options} empty={empty} />
      </NativeSelect>
    </FilterField>
  );
}
