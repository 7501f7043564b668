import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Section } from "@/components/ui/section";
import { getLatestMfaCheck, listPreventiveItems } from "@/lib/preventive/queries";
import type { StageProps } from "../stage-props";
import { AddItemForm } from "./add-item-form";
import { MfaCoverageCard } from "./mfa-coverage-card";
import { PreventiveItemsTable } from "./preventive-items-table";

/** Stage 6: the seed's recommendations as follow-up items, and the tenant-wide MFA check. */
export async function PreventionSection({ db, viewer, ticket, can }: StageProps) {
  // A closed ticket is read-only here: reopening is the way back to work on it.
  const canWork = can.workNow;
  const [items, latest] = await Promise.all([listPreventiveItems(db, viewer, ticket.id), getLatestMfaCheck(db, viewer, ticket)]);

  return (
    <Section id="prevention-heading" title="Preventive measures" className="space-y-6">
      <MfaCoverageCard ticketId={ticket.id} latest={latest} canWork={canWork} />
      <Card>
        <CardHeader>
          <CardTitle className="text-base">Follow-up items</CardTitle>
          <CardDescription>
            The incident report&apos;s recommendations and any others, each with an owner, a status and a due date.
          </CardDescription>
        </CardHeader>
        <CardContent className="space-y-4">
          <PreventiveItemsTable items={items} canWork={canWork} />
          {canWork && <AddItemForm ticketId={ticket.id} />}
        </CardContent>
      </Card>
    </Section>
  );
}
