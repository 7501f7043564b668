import { isAppError } from "@/lib/errors";
import type { TenantGraph } from "./client";
import { callGraph } from "./request";

/** processing: Identity Protection is still working on a change (riskyUser.isProcessing): the state shown may be about to change. */
export type RiskState = { riskLevel: string; riskState: string; updatedAt: Date | null; processing: boolean };

export async function getRiskyUser(g: TenantGraph, userObjectId: string): Promise<{ risk: RiskState | null; requestId: string | null }> {
  try {
    const { body, requestId } = await callGraph<{
      riskLevel: string;
      riskState: string;
      riskLastUpdatedDateTime?: string;
      isProcessing?: boolean | null;
    }>(g, { op: "getRiskyUser", method: "GET", path: `/identityProtection/riskyUsers/${userObjectId}` });
    return {
      risk: {
        riskLevel: body.riskLevel,
        riskState: body.riskState,
        updatedAt: body.riskLastUpdatedDateTime ? new Date(body.riskLastUpdatedDateTime) : null,
        processing: body.isProcessing === true,
      },
      requestId,
    };
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") return { risk: null, requestId: null }; // never at risk
    throw error;
  }
}

/** Answered 204 at once; Identity Protection processes it asynchronously (riskyUser.isProcessing): verify by re-reading. */
export async function confirmCompromised(g: TenantGraph, userObjectId: string) {
  const { requestId, clientRequestId } = await callGraph(g, {
    op: "confirmCompromised",
    method: "POST",
    path: "/identityProtection/riskyUsers/confirmCompromised",
    body: { userIds: [userObjectId] },
  });
  return { requestId, clientRequestId };
}
