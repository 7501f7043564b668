"use client";

import { useState } from "react";
import { Checkbox } from "@/components/ui/checkbox";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { CAMPAIGN_STEP_LABELS, STEP_STATE_WORDS } from "@/lib/campaigns/words";
import type { StepState } from "@/lib/campaigns/progress";
import { CampaignControls } from "./campaign-controls";

export type BoardRow = {
  id: string;
  upn: string;
  steps: { key: string; state: StepState; error: string | null; recovered: boolean; verification: string | null; verified: boolean }[];
};
type Props = { ticketId: string; rows: BoardRow[]; canRun: boolean; idle: number; failed: number; running: number };

const TONE: Record<StepState, string> = {
  IDLE: "text-muted-foreground",
  QUEUED: "text-muted-foreground",
  SENDING: "text-blue-800",
  ACCEPTED: "text-green-800",
  FAILED: "text-red-800 font-medium",
  CANCELLED: "text-amber-900",
};

/** Per-account rows with each step's state and its read-back (Verified / Not verified, why) as text; a selection to contain only some. */
export function CampaignBoard({ ticketId, rows, canRun, idle, failed, running }: Props) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const toggle = (id: string, on: boolean) =>
    setSelected((s) => {
      const n = new Set(s);
      if (on) n.add(id);
      else n.delete(id);
      return n;
    });
  const all = rows.length > 0 && selected.size === rows.length;
  return (
    <div className="space-y-2">
      {canRun && <CampaignControls ticketId={ticketId} idle={idle} failed={failed} running={running} selected={[...selected]} />}
      <div className="max-h-[32rem] overflow-auto rounded-md border">
        <Table>
          <TableCaption className="sr-only">Campaign accounts with the state of each containment step</TableCaption>
          <TableHeader>
            <TableRow>
              {canRun && (
                <TableHead className="w-8">
                  <Checkbox
                    aria-label="Select every account"
                    checked={all}
                    onCheckedChange={(v) => setSelected(v === true ? new Set(rows.map((r) => r.id)) : new Set())}
                  />
                </TableHead>
              )}
              <TableHead>Account</TableHead>
              {Object.values(CAMPAIGN_STEP_LABELS).map((label) => (
                <TableHead key={label}>{label}</TableHead>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.id} data-testid="campaign-account">
                {canRun && (
                  <TableCell>
                    <Checkbox
                      aria-label={`Select ${row.upn}`}
                      checked={selected.has(row.id)}
                      onCheckedChange={(v) => toggle(row.id, v === true)}
                    />
                  </TableCell>
                )}
                <TableCell className="font-mono text-xs">{row.upn}</TableCell>
                {row.steps.map((s) => (
                  <TableCell key={s.key} className={`text-xs ${TONE[s.state]}`} title={s.error ?? undefined}>
                    {STEP_STATE_WORDS[s.state]}
                    {s.recovered ? " (read back)" : ""}
                    {s.state === "FAILED" && s.error && <span className="block max-w-56 truncate text-muted-foreground">{s.error}</span>}
                    {s.verification && (
                      <span
                        className={`block max-w-56 truncate ${s.verified ? "text-green-800" : "text-amber-900"}`}
                        title={s.verification}
                        data-testid="campaign-verification"
                      >
                        {s.verification}
                      </span>
                    )}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </div>
  );
}
