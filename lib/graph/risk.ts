import { isAppError } from "@/lib/errors";
import type { TenantGraph } from "./client";
import { callGraph } from "./request";

export type RiskState = { riskLevel: string; riskState: string; updatedAt: Date | null };

export async function getRiskyUser(g: TenantGraph, userObjectId: string): Promise<{ risk: RiskState | null; requestId: string | null }> {
  try {
    const { body, requestId } = await callGraph<{ riskLevel: string; riskState: string; riskLastUpdatedDateTime?: string }>(g, { op: "getRiskyUser", method: "GET", path: `/identityProtection/riskyUsers/${userObjectId}` });
    return { risk: { riskLevel: body.riskLevel, riskState: body.riskState, updatedAt: body.riskLastUpdatedDateTime ? new Date(body.riskLastUpdatedDateTime) : null }, requestId };
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") return { risk: null, requestId: null }; // never at risk
    throw error;
  }
}

export async function confirmCompromised(g: TenantGraph, userObjectId: string) {
  const { requestId } = await callGraph(g, { op: "confirmCompromised", method: "POST", path: "/identityProtection/riskyUsers/confirmCompromised", body: { userIds: [userObjectId] } });
  return { requestId };
}
