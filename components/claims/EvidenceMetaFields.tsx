import { inputClass } from "@/components/ui/styles";

type Field = "stance" | "sourceType" | "retrievedAt";
type Props = {
  form: Record<Field, string>;
  /** The change handler for one field, as the evidence forms build it. */
  set: (field: Field) => (e: { target: { value: string } }) => void;
};

/** Stance, source type and date retrieved: the row the add-evidence and edit-evidence forms share. */
export function EvidenceMetaFields({ form, set }: Props) {
  return (
    <div className="grid grid-cols-1 gap-2 sm:grid-cols-3">
      <select aria-label="Stance" className={inputClass} value={form.stance} onChange={set("stance")}>
        <option value="supports">Supports</option>
        <option value="contradicts">Contradicts</option>
        <option value="context">Context</option>
      </select>
      <select aria-label="Source type" className={inputClass} value={form.sourceType} onChange={set("sourceType")}>
        <option value="primary">Primary</option>
        <option value="secondary">Secondary</option>
      </select>
      <input aria-label="Date retrieved" type="date" className={inputClass} value={form.retrievedAt} onChange={set("retrievedAt")} />
    </div>
  );
}
