// next-safe-action's validation errors are nested like the input ({assessments: {0: {notes:
// {_errors}}}}); its "flattened" shape keeps only the top level, which loses errors inside lists.
// This keeps every message under its dotted path ("assessments.0.notes"), so a form can show
// each one beside its own control.

type Node = { _errors?: string[] } & { [key: string]: unknown };

export function errorsByPath(errors: unknown, prefix = ""): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (!errors || typeof errors !== "object") return out;
  for (const [key, value] of Object.entries(errors as Node)) {
    if (key === "_errors") {
      if (Array.isArray(value) && value.length > 0) out[prefix || "_form"] = value.map(String);
      continue;
    }
    Object.assign(out, errorsByPath(value, prefix ? `${prefix}.${key}` : key));
  }
  return out;
}
