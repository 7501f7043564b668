import type { AlertSourceState } from "@/lib/alerts/queries";

/** What the alert poll reads from this tenant, and what the tenant cannot give (no licence, permission not granted). */
export function AlertSources({ sources }: { sources: AlertSourceState[] }) {
  return (
    <ul aria-label="Alert sources" className="space-y-1 text-sm">
      {sources.map((s) => (
        <li key={s.source}>
          <span className="font-medium">{s.label}:</span>{" "}
          {s.unavailableReason ? (
            <span className="text-muted-foreground">Not available for this tenant. {s.unavailableReason}</span>
          ) : s.readUntil ? (
            <span className="text-muted-foreground">read up to {s.readUntil.toISOString().slice(0, 16).replace("T", " ")} UTC</span>
          ) : (
            <span className="text-muted-foreground">not read yet</span>
          )}
        </li>
      ))}
    </ul>
  );
}
