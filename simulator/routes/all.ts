import type { Route } from "../route";
import { authMethodRoutes } from "./auth-methods";
import { directoryRoutes } from "./directory";
import { grantRoutes } from "./grants";
import { logRoutes } from "./logs";
import { mailRoutes } from "./mail";
import { messageTraceRoutes } from "./message-trace";
import { reportRoutes } from "./reports";
import { riskRoutes } from "./risk";
import { riskDetectionRoutes } from "./risk-detections";
import { roleRoutes } from "./roles";
import { securityRoutes } from "./security";
import { userRoutes } from "./users";

// Every Graph operation the simulator answers (lib/graph/operations.ts, plus users).
export const ALL_ROUTES: Route[] = [
  ...authMethodRoutes,
  ...mailRoutes,
  ...userRoutes,
  ...logRoutes,
  ...grantRoutes,
  ...riskRoutes,
  ...riskDetectionRoutes,
  ...roleRoutes,
  ...messageTraceRoutes,
  ...reportRoutes,
  ...securityRoutes,
  ...directoryRoutes,
];
