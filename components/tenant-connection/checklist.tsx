import { Badge, type BadgeVariant } from "@/components/ui/badge";
import type { ChecklistItem } from "@/lib/graph/connection-checklist";
import { CHECKLIST_TITLES, manualStepsFor, type ManualContext } from "@/lib/tenants/manual-steps";

// What consent cannot grant, one row per item: its state from the last connection check (in
// words, the colour only supports them) and, for admins who prefer to do it themselves, the
// exact steps in the Entra admin center and the equivalent Graph request or PowerShell.

function stateOf(item: ChecklistItem): { label: string; variant: BadgeVariant } {
  if (item.state === "done") return { label: "Done", variant: "success" };
  if (item.state === "unknown") return { label: "Cannot tell", variant: "warning" };
  return item.required ? { label: "Missing", variant: "danger" } : { label: "Not set up (optional)", variant: "neutral" };
}

export function Checklist({ items, context }: { items: ChecklistItem[]; context: ManualContext }) {
  return (
    <ul className="divide-y rounded-md border" aria-label="Connection checklist">
      {items.map((item) => {
        const state = stateOf(item);
        const steps = manualStepsFor(item.key, context);
        return (
          <li key={item.key} data-item={item.key} className="space-y-1 p-3">
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-medium">{CHECKLIST_TITLES[item.key]}</span>
              <Badge variant={state.variant}>{state.label}</Badge>
              {!item.required && item.state !== "done" && <span className="text-xs text-muted-foreground">Not needed for containment</span>}
            </div>
            <p className="text-sm text-muted-foreground">{item.detail}</p>
            {item.state !== "done" && (
              <details className="text-sm">
                <summary className="cursor-pointer text-primary">Do it yourself</summary>
                <div className="mt-2 space-y-2">
                  <p>{steps.why}</p>
                  <ol className="list-decimal space-y-0.5 pl-5">
                    {steps.portal.map((s) => (
                      <li key={s}>{s}</li>
                    ))}
                  </ol>
                  {steps.powershell && (
                    <pre className="overflow-x-auto rounded bg-muted p-2 text-xs" aria-label="PowerShell">
                      {steps.powershell.join("\n")}
                    </pre>
                  )}
                  {steps.graph && (
                    <div>
                      <p className="text-xs text-muted-foreground">The same through Microsoft Graph ({steps.graph.needs})</p>
                      <pre
                        className="overflow-x-auto rounded bg-muted p-2 text-xs"
                        aria-label="Graph request"
                      >{`${steps.graph.request}\n${steps.graph.body}`}</pre>
                    </div>
                  )}
                </div>
              </details>
            )}
          </li>
        );
      })}
    </ul>
  );
}
